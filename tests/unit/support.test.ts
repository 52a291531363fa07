import { describe, expect, it } from "vitest";
import { ACTION_CATALOGUE } from "../../diagnostics/plan/index.ts";
import { HAUTS_DE_FRANCE } from "../../diagnostics/departements.ts";
import type { Answers } from "../../diagnostics/questionnaire.ts";
import { LEVEL_EN_COURS_MIN, levelForScore, type DiagnosticScores } from "../../diagnostics/scoring.ts";
import {
  BOURGOGNE_FRANCHE_COMTE,
  ESS_TYPES,
  GALILEE_DEPARTEMENTS,
  GRAND_EST,
  ILE_DE_FRANCE,
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  REASON_WEIGHTS,
  SIAE_TYPES,
  SUPPORT_ORGANIZATIONS,
  SUPPORT_ORGANIZATION_IDS,
  coversDepartement,
  getSupportOrganization,
  isSupportOrganizationId,
  matchSupport,
  type SupportDiagnostic,
  type SupportMatch,
  type SupportOrganization,
  type SupportOrganizationId,
} from "../../diagnostics/support/index.ts";
import { DOMAIN_IDS, HEADCOUNT_BANDS, STRUCTURE_TYPES, type DomainId, type HeadcountBand, type Profile, type StructureType } from "../../diagnostics/types.ts";

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    structureType: "ACI",
    headcountBand: "moins_50",
    permanentWomen: 3,
    permanentMen: 3,
    parcoursWomen: 10,
    parcoursMen: 10,
    hasCse: false,
    hasDelegueSyndical: false,
    existingAgreement: "aucun",
    departement: "59",
    ...overrides,
  };
}

function scores(byDomain: Partial<Record<DomainId, number | null>> = {}): DiagnosticScores {
  const progress = { answered: 0, unknown: 0, unanswered: 0, total: 0, progress: 0, progressPercent: 0 };
  return {
    domains: DOMAIN_IDS.map((domain) => {
      const score = byDomain[domain] ?? null;
      return { domain, score, level: levelForScore(score), lowConfidence: false, ...progress };
    }),
    overall: progress,
    invalidAnswerIds: [],
  };
}

function diag(overrides: Partial<SupportDiagnostic> = {}): SupportDiagnostic {
  return { scores: scores(), answers: {}, ...overrides };
}

function ids(matches: readonly SupportMatch[]): SupportOrganizationId[] {
  return matches.map((m) => m.organization.id);
}

function match(matches: readonly SupportMatch[], id: SupportOrganizationId): SupportMatch | undefined {
  return matches.find((m) => m.organization.id === id);
}

function org(id: SupportOrganizationId): SupportOrganization {
  const o = getSupportOrganization(id);
  if (!o) throw new Error(id);
  return o;
}

function typographyErrors(text: string): string[] {
  const errors: string[] = [];
  if (/ [?:;!%€»]/.test(text)) errors.push("ordinary space before ? : ; ! % € »");
  if (/[^\s\u00a0][?:;!»]/.test(text.replace(/https?:\S+/g, ""))) errors.push("no space before ? : ; ! »");
  if (/«[^\u00a0]/.test(text)) errors.push("missing no-break space after «");
  if (/ {2}/.test(text)) errors.push("double space");
  return errors;
}

describe("directory", () => {
  it("pins the ids, the weights and the territories", () => {
    expect(SUPPORT_ORGANIZATION_IDS).toEqual([
      "corif",
      "galilee",
      "fete_scic",
      "fete_association",
      "cidff",
      "iriae_hdf",
      "drdfe_hdf",
      "apes_hdf",
      "aract",
      "udes",
      "hubertine_auclert",
    ]);
    expect(REASON_WEIGHTS).toEqual({ strong: 3, medium: 2, light: 1 });
    expect(GALILEE_DEPARTEMENTS).toEqual(["62"]);
    expect(BOURGOGNE_FRANCHE_COMTE).toHaveLength(8);
    expect(GRAND_EST).toHaveLength(10);
    expect(ILE_DE_FRANCE).toHaveLength(8);
    expect(SIAE_TYPES).toEqual(["ACI", "EI", "ETTI", "AI"]);
    expect(ESS_TYPES).not.toContain("autre");
  });

  it("has one entry per id, in the same order", () => {
    expect(SUPPORT_ORGANIZATIONS.map((o) => o.id)).toEqual([...SUPPORT_ORGANIZATION_IDS]);
    expect(isSupportOrganizationId("corif")).toBe(true);
    expect(isSupportOrganizationId("pole_emploi")).toBe(false);
    expect(getSupportOrganization("nope")).toBeUndefined();
  });

  it("keeps FETE's association and cooperative apart", () => {
    expect(org("fete_scic").kind).toBe("cooperative");
    expect(org("fete_association").kind).toBe("association");
    expect(org("fete_scic").territory).toMatchObject({ scope: "departements" });
    for (const d of [...HAUTS_DE_FRANCE, "21", "67"]) expect(coversDepartement(org("fete_scic"), d)).toBe(true);
    for (const d of HAUTS_DE_FRANCE) expect(coversDepartement(org("fete_association"), d)).toBe(false);
  });

  it("gives Galilée its website only, no email", () => {
    const galilee = org("galilee");
    expect(galilee.email).toBeNull();
    expect(galilee.website?.value).toBe("https://galilee-asso.fr");
    expect(JSON.stringify(galilee)).not.toMatch(/@/);
  });

  it("ships no email as verified (DOMAIN.md §7 marks them all « à vérifier »)", () => {
    for (const o of SUPPORT_ORGANIZATIONS) if (o.email) expect(o.email.verified, o.id).toBe(false);
  });

  it.each([
    { id: "corif", email: "contact@corif.fr", website: "https://corif.fr", websiteVerified: false },
    { id: "fete_scic", email: "contact@fete-egalite.org", website: "https://fete-egalite.org", websiteVerified: true },
    { id: "fete_association", email: "contact@fete-egalite.org", website: "https://fete-egalite.org", websiteVerified: true },
    { id: "apes_hdf", email: null, website: "https://apes-hdf.org", websiteVerified: true },
  ] as const)("$id lists only the public contacts of DOMAIN.md §7", ({ id, email, website, websiteVerified }) => {
    const o = org(id);
    expect(o.email?.value ?? null).toBe(email);
    expect(o.website).toEqual({ value: website, verified: websiteVerified });
  });

  it.each(
    SUPPORT_ORGANIZATION_IDS.filter((id) => !["corif", "galilee", "fete_scic", "fete_association", "apes_hdf"].includes(id)).map((id) => ({ id })),
  )("$id has no contact detail that DOMAIN.md does not give", ({ id }) => {
    expect(org(id).email).toBeNull();
    expect(org(id).website).toBeNull();
  });

  it.each(SUPPORT_ORGANIZATIONS.map((o) => ({ id: o.id, o })))("$id is described in French", ({ o }) => {
    expect(ORGANIZATION_KINDS).toContain(o.kind);
    for (const text of [o.name, o.offer, o.audience, o.note, o.territory.label, ORGANIZATION_KIND_LABELS[o.kind]]) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(typographyErrors(text), `${o.id}: ${text}`).toEqual([]);
    }
    if (o.territory.scope === "departements") expect(o.territory.departements.length).toBeGreaterThan(0);
  });

  it("is referenced by the catalogue with known ids only", () => {
    const used = new Set(ACTION_CATALOGUE.flatMap((a) => a.supportOrganizationIds));
    for (const id of used) expect(isSupportOrganizationId(id)).toBe(true);
  });

  it.each([
    { id: "cidff", departement: undefined, expected: true },
    { id: "corif", departement: undefined, expected: false },
    { id: "corif", departement: "80", expected: true },
    { id: "corif", departement: "75", expected: false },
    { id: "hubertine_auclert", departement: "93", expected: true },
  ] as const)("$id covers $departement: $expected", ({ id, departement, expected }) => {
    expect(coversDepartement(org(id), departement)).toBe(expected);
  });
});

describe("matchSupport", () => {
  describe("FETE's cooperative: 50 salariés or more negotiating, in its territories", () => {
    const rows = HEADCOUNT_BANDS.flatMap((band) =>
      [
        { ds: true, planKind: null, agreement: "aucun" },
        { ds: false, planKind: "accord", agreement: "aucun" },
        { ds: false, planKind: null, agreement: "accord" },
        { ds: false, planKind: "plan_action", agreement: "plan" },
      ].map((c) => ({ band, ...c, expected: band !== "moins_50" && (c.ds || c.planKind === "accord" || c.agreement === "accord") })),
    );

    it.each(rows)("$band, DS $ds, plan $planKind, existing $agreement → $expected", ({ band, ds, planKind, agreement, expected }) => {
      const p = profile({
        headcountBand: band as HeadcountBand,
        hasDelegueSyndical: ds,
        existingAgreement: agreement as Profile["existingAgreement"],
      });
      const matches = matchSupport(diag({ planKind: planKind as SupportDiagnostic["planKind"] }), p);
      expect(ids(matches).includes("fete_scic")).toBe(expected);
    });

    it.each([
      ...HAUTS_DE_FRANCE.map((d) => ({ departement: d, expected: true })),
      { departement: "21", expected: true },
      { departement: "57", expected: true },
      { departement: "75", expected: false },
      { departement: "13", expected: false },
      { departement: undefined, expected: false },
    ])("département $departement → $expected", ({ departement, expected }) => {
      const p = profile({ headcountBand: "50_250", hasDelegueSyndical: true, departement });
      expect(ids(matchSupport(diag(), p)).includes("fete_scic")).toBe(expected);
    });

    it("explains the negotiation and adds the Index when it needs work", () => {
      const p = profile({ headcountBand: "50_250", hasDelegueSyndical: true });
      const m = match(matchSupport(diag({ answers: { "remuneration.index_publie": "non" } }), p), "fete_scic");
      expect(m?.reasons[0]).toMatch(/délégué syndical/);
      expect(m?.reasons[1]).toMatch(/Index/);
      expect(m?.relevance).toBe(REASON_WEIGHTS.strong + REASON_WEIGHTS.medium);
    });
  });

  describe("Galilée: ESS structures of the Pas-de-Calais", () => {
    it.each([
      ...HAUTS_DE_FRANCE.map((d) => ({ departement: d, type: "ACI", expected: d === "62" })),
      { departement: "62", type: "EA", expected: true },
      { departement: "62", type: "autre", expected: false },
    ])("$type in $departement → $expected", ({ departement, type, expected }) => {
      const p = profile({ departement, structureType: type as StructureType });
      expect(ids(matchSupport(diag(), p)).includes("galilee")).toBe(expected);
    });

    it("ranks Galilée high in the Pas-de-Calais", () => {
      const matches = matchSupport(diag(), profile({ departement: "62" }));
      expect(ids(matches).slice(0, 2)).toContain("galilee");
    });
  });

  describe("CORIF: diagnosis and training in Hauts-de-France, more reasons when domains are weak", () => {
    it.each([
      { departement: "59", expected: true },
      { departement: "80", expected: true },
      { departement: "69", expected: false },
    ])("département $departement → $expected", ({ departement, expected }) => {
      expect(ids(matchSupport(diag(), profile({ departement }))).includes("corif")).toBe(expected);
    });

    it.each([
      { score: LEVEL_EN_COURS_MIN - 1, weak: true },
      { score: LEVEL_EN_COURS_MIN, weak: false },
      { score: LEVEL_EN_COURS_MIN + 1, weak: false },
    ])("embauche at $score → weak-domain reason: $weak", ({ score, weak }) => {
      const m = match(matchSupport(diag({ scores: scores({ embauche: score }) }), profile()), "corif");
      expect(m?.reasons.some((r) => r.includes("«\u00a0Embauche\u00a0»"))).toBe(weak);
    });

    it.each<{ answers: Answers; expected: boolean }>([
      { answers: { "conditions_travail.procedure_signalement": "non" }, expected: true },
      { answers: { "formation.sensibilisation_encadrants": "aucun" }, expected: true },
      { answers: { "sante_securite.traitement_signalements": "rien" }, expected: true },
      { answers: { "conditions_travail.procedure_signalement": "oui" }, expected: false },
    ])("sexism reason for $answers → $expected", ({ answers, expected }) => {
      const m = match(matchSupport(diag({ answers }), profile()), "corif");
      expect(m?.reasons.some((r) => r.includes("sexisme"))).toBe(expected);
    });

    it("mentions masculine jobs", () => {
      const mixity = { jobs: [{ label: "Maçon", population: "parcours", class: "masculin" as const }] };
      const m = match(matchSupport(diag({ mixity }), profile()), "corif");
      expect(m?.reasons.some((r) => r.includes("prédominance masculine"))).toBe(true);
    });
  });

  describe("CIDFF: women's peripheral barriers, everywhere", () => {
    it.each<{ label: string; answers: Answers; barrier: string }>([
      { label: "no childcare solution", answers: { "articulation.solutions_garde_enfants": ["aucune"] }, barrier: "garde d'enfants" },
      { label: "no mobility aid", answers: { "articulation.aides_mobilite": ["aucune"] }, barrier: "mobilité" },
      { label: "no licence funding", answers: { "formation.permis_caces": "non" }, barrier: "mobilité" },
      { label: "domestic violence unknown", answers: { "sante_securite.violences_conjugales": "ne_sait_pas" }, barrier: "violences" },
    ])("$label → $barrier", ({ answers, barrier }) => {
      const m = match(matchSupport(diag({ answers }), profile({ departement: "13" })), "cidff");
      expect(m?.reasons[0]).toContain(barrier);
    });

    it("is not proposed without a reason", () => {
      expect(ids(matchSupport(diag(), profile()))).not.toContain("cidff");
    });

    it.each([
      { score: LEVEL_EN_COURS_MIN - 1, expected: true },
      { score: LEVEL_EN_COURS_MIN, expected: false },
    ])("articulation at $score → $expected", ({ score, expected }) => {
      expect(ids(matchSupport(diag({ scores: scores({ articulation: score }) }), profile())).includes("cidff")).toBe(expected);
    });

    it.each([
      { women: 7, men: 13, expected: true },
      { women: 8, men: 12, expected: false },
    ])("parcours of $women women and $men men → sourcing reason $expected", ({ women, men, expected }) => {
      const p = profile({ parcoursWomen: women, parcoursMen: men });
      expect(ids(matchSupport(diag(), p)).includes("cidff")).toBe(expected);
    });
  });

  describe("Aract: working conditions and health", () => {
    it.each([
      { domain: "conditions_travail" as const, score: LEVEL_EN_COURS_MIN - 1, expected: true },
      { domain: "conditions_travail" as const, score: LEVEL_EN_COURS_MIN, expected: false },
      { domain: "sante_securite" as const, score: LEVEL_EN_COURS_MIN - 1, expected: true },
      { domain: "sante_securite" as const, score: LEVEL_EN_COURS_MIN + 1, expected: false },
      { domain: "embauche" as const, score: 0, expected: false },
    ])("$domain at $score → $expected", ({ domain, score, expected }) => {
      expect(ids(matchSupport(diag({ scores: scores({ [domain]: score }) }), profile())).includes("aract")).toBe(expected);
    });

    it("proposes the Aract when the DUERP is not gendered", () => {
      const m = match(matchSupport(diag({ answers: { "sante_securite.duerp_differencie": "non" } }), profile()), "aract");
      expect(m?.relevance).toBe(REASON_WEIGHTS.medium);
    });
  });

  describe("IRIAE: SIAE of Hauts-de-France", () => {
    it.each(STRUCTURE_TYPES.map((type) => ({ type, expected: SIAE_TYPES.includes(type) })))("$type → $expected", ({ type, expected }) => {
      expect(ids(matchSupport(diag(), profile({ structureType: type }))).includes("iriae_hdf")).toBe(expected);
    });

    it("is not proposed outside Hauts-de-France", () => {
      expect(ids(matchSupport(diag(), profile({ departement: "21" })))).not.toContain("iriae_hdf");
    });
  });

  describe("order and territory", () => {
    it("orders by relevance, then directory order", () => {
      const p = profile({ departement: "62", headcountBand: "50_250", hasDelegueSyndical: true });
      const matches = matchSupport(
        diag({ scores: scores({ conditions_travail: 10, embauche: 10 }), answers: { "articulation.aides_mobilite": ["aucune"] } }),
        p,
      );
      const relevances = matches.map((m) => m.relevance);
      expect(relevances).toEqual([...relevances].sort((a, b) => b - a));
      for (let i = 1; i < matches.length; i++) {
        if (matches[i].relevance === matches[i - 1].relevance) {
          expect(SUPPORT_ORGANIZATION_IDS.indexOf(matches[i].organization.id)).toBeGreaterThan(
            SUPPORT_ORGANIZATION_IDS.indexOf(matches[i - 1].organization.id),
          );
        }
      }
      expect(matches[0].organization.id).toBe("corif");
    });

    it("proposes only national organisations when the département is unknown", () => {
      const matches = matchSupport(diag({ scores: scores({ sante_securite: 0 }) }), profile({ departement: undefined }));
      for (const m of matches) expect(m.organization.territory.scope).toBe("national");
      expect(ids(matches)).toEqual(["aract", "udes"]);
    });

    it("proposes the Île-de-France centre in Île-de-France only", () => {
      expect(ids(matchSupport(diag(), profile({ departement: "93" })))).toContain("hubertine_auclert");
      expect(ids(matchSupport(diag(), profile({ departement: "59" })))).not.toContain("hubertine_auclert");
    });

    it("sums the weights of the reasons, strongest first", () => {
      for (const m of matchSupport(diag({ scores: scores({ embauche: 0 }) }), profile({ departement: "62" }))) {
        expect(m.relevance).toBeGreaterThan(0);
        expect(m.reasons.length).toBeGreaterThan(0);
      }
    });

    it("writes every reason in French typography", () => {
      const matches = matchSupport(
        diag({
          scores: scores({ conditions_travail: 0, articulation: 0, embauche: 0 }),
          answers: { "sante_securite.duerp_differencie": "non", "promotion.gouvernance_mixite": "non", "remuneration.index_publie": "non" },
          mixity: { jobs: [{ label: "Maçon", population: "parcours", class: "masculin" }] },
          planKind: "accord",
        }),
        profile({ departement: "62", headcountBand: "50_250", parcoursWomen: 2, parcoursMen: 20 }),
      );
      expect(matches.length).toBeGreaterThan(6);
      for (const text of matches.flatMap((m) => m.reasons)) expect(typographyErrors(text), text).toEqual([]);
    });
  });
});
