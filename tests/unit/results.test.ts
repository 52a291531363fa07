import { describe, expect, it } from "vitest";
import { computeIndex, INDEX_AGE_BANDS, INDEX_CSPS, indexObligation, type IndexInput } from "../../diagnostics/index/index.ts";
import { computeMixity, MIXITY_LOW_HEADCOUNT, type MixityJobInput } from "../../diagnostics/mixity.ts";
import { recommend } from "../../diagnostics/plan/index.ts";
import {
  balancedButSegregated,
  buildResults,
  FEATURED_ACTIONS,
  formatShare,
  indexTotalLabel,
  LOW_HEADCOUNT_LABEL,
  MAX_JOBS_NAMED,
  MIXITY_BAND_LABEL,
  NATIONAL_STAFF_IN_MIXED_JOBS_SHARE,
  POPULATION_GAP_NOTABLE_POINTS,
  populationsDiffer,
  SEGREGATED_MIXED_JOBS_SHARE_BELOW,
  SEGREGATION_MIN_JOBS,
  type ReadyResults,
  type ResultsInput,
} from "../../diagnostics/results.ts";
import { scoreDomains } from "../../diagnostics/scoring.ts";
import { matchSupport } from "../../diagnostics/support/index.ts";
import type { Profile } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    structureType: "ACI",
    headcountBand: "moins_50",
    permanentWomen: 9,
    permanentMen: 10,
    parcoursWomen: 30,
    parcoursMen: 23,
    hasCse: false,
    hasDelegueSyndical: false,
    existingAgreement: "aucun",
    departement: "59",
    ...overrides,
  };
}

function job(label: string, women: number, men: number, population: "permanent" | "parcours" = "parcours"): MixityJobInput {
  return { label, population, women, men };
}

/** 50–250 Index input: one pay group of 40 women and 45 men, raises, top 10 (see the expected values in INDEX_CASES). */
function indexInput(o: { raisedWomen: number; raisedMen: number; top10Women: number; payWomen?: number; women?: number }): IndexInput {
  const women = o.women ?? 40;
  const workforce = INDEX_CSPS.flatMap((csp) =>
    INDEX_AGE_BANDS.map((ageBand) => {
      const inGroup = csp === "ouvriers" && ageBand === "30-39";
      return { csp, ageBand, women: inGroup ? women : 0, men: inGroup ? 45 : 0 };
    }),
  );
  const groups = workforce.map((w) => ({
    category: w.csp,
    ageBand: w.ageBand,
    women: w.women,
    men: w.men,
    avgPayWomen: w.women ? (o.payWomen ?? 20000) : null,
    avgPayMen: w.men ? 20000 : null,
  }));
  return {
    sizeBand: "50-250",
    workforce,
    pay: { classification: "csp", groups },
    raisesAndPromotions: { happened: true, raisedWomen: o.raisedWomen, raisedMen: o.raisedMen },
    maternity: null,
    top10: { women: o.top10Women, men: 10 - o.top10Women },
  };
}

/** Nine jobs, 2 of them mixed, 39 women and 33 men overall (54 %): parity at group level, not per job (DREETS panorama, Pôle Interm'aide). */
const SEGREGATED_JOBS: MixityJobInput[] = [
  job("Ouvrier maraîcher", 1, 11),
  job("Agent de tri", 10, 1),
  job("Agent d'entretien", 4, 4),
  job("Chauffeur-livreur", 0, 6),
  job("Aide à domicile", 9, 1),
  job("Repasseuse", 6, 0),
  job("Encadrant technique", 0, 5, "permanent"),
  job("CIP", 5, 1, "permanent"),
  job("Assistante administrative", 4, 4, "permanent"),
];

function input(overrides: Partial<ResultsInput> = {}): ResultsInput {
  return {
    year: 2026,
    profile: profile(),
    structureType: "ACI",
    jobs: SEGREGATED_JOBS,
    answers: {},
    index: { source: null, data: null, skipReason: null },
    ...overrides,
  };
}

function ready(i: ResultsInput): ReadyResults {
  const r = buildResults(i);
  if (r.status !== "ready") throw new Error("expected ready results");
  return r;
}

function figure(r: ReadyResults, id: string) {
  const f = r.keyFigures.find((x) => x.id === id);
  if (!f) throw new Error(`no key figure ${id}`);
  return f;
}

/** Every string of a view model, with its path. */
function strings(value: unknown, path = "results"): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe("constants", () => {
  it("pins the thresholds of the findings", () => {
    expect(POPULATION_GAP_NOTABLE_POINTS).toBe(20);
    expect(SEGREGATED_MIXED_JOBS_SHARE_BELOW).toBe(0.5);
    expect(SEGREGATION_MIN_JOBS).toBe(2);
    expect(NATIONAL_STAFF_IN_MIXED_JOBS_SHARE).toBe(0.18);
    expect(MAX_JOBS_NAMED).toBe(3);
    expect(FEATURED_ACTIONS).toBe(6);
  });
  it("pins the chart wording of UX.md", () => {
    expect(MIXITY_BAND_LABEL).toBe("zone de mixité");
    expect(LOW_HEADCOUNT_LABEL).toBe(`effectif faible${NBSP}: à interpréter avec prudence`);
  });
});

describe("formatShare never contradicts the mixity class", () => {
  it.each([
    { label: "null", share: null, expected: "—" },
    { label: "exactly 40 %", share: 0.4, expected: `40${NBSP}%` },
    { label: "39.96 % (would round to 40)", share: 0.3996, expected: `39,9${NBSP}%` },
    { label: "40.04 %", share: 0.4004, expected: `40,1${NBSP}%` },
    { label: "exactly 60 %", share: 0.6, expected: `60${NBSP}%` },
    { label: "60.04 % (would round to 60)", share: 0.6004, expected: `60,1${NBSP}%` },
    { label: "59.96 %", share: 0.5996, expected: `59,9${NBSP}%` },
    { label: "47.5 % rounds half up", share: 0.475, expected: `48${NBSP}%` },
    { label: "1/3", share: 1 / 3, expected: `33${NBSP}%` },
  ])("$label → $expected", ({ share, expected }) => {
    expect(formatShare(share)).toBe(expected);
  });
});

describe("populations differ: threshold in percentage points, exact on integers", () => {
  const permanent = { women: 50, men: 50 };
  const at = (points: number) => ({ women: 50 - points, men: 50 + points });
  it.each([
    { label: `${POPULATION_GAP_NOTABLE_POINTS - 1} points → no`, parcours: at(POPULATION_GAP_NOTABLE_POINTS - 1), expected: false },
    { label: `${POPULATION_GAP_NOTABLE_POINTS} points → yes`, parcours: at(POPULATION_GAP_NOTABLE_POINTS), expected: true },
    { label: `${POPULATION_GAP_NOTABLE_POINTS + 1} points → yes`, parcours: at(POPULATION_GAP_NOTABLE_POINTS + 1), expected: true },
    { label: "more women in parcours, 20 points → yes", parcours: { women: 70, men: 30 }, expected: true },
    { label: "nobody in parcours → no", parcours: { women: 0, men: 0 }, expected: false },
  ])("$label", ({ parcours, expected }) => {
    expect(populationsDiffer(permanent, parcours)).toBe(expected);
  });
});

describe("balanced overall but segregated: overall 40–60 % and fewer than half of the jobs mixed", () => {
  const half = { women: 10, men: 10 };
  it.each([
    { label: "1 of 4 mixed → yes", overall: half, jobs: 4, mixed: 1, expected: true },
    { label: "2 of 4 mixed (exactly half) → no", overall: half, jobs: 4, mixed: 2, expected: false },
    { label: "3 of 4 mixed → no", overall: half, jobs: 4, mixed: 3, expected: false },
    { label: "0 of 2 mixed → yes", overall: half, jobs: SEGREGATION_MIN_JOBS, mixed: 0, expected: true },
    { label: "0 of 1 → no (one job is not « most jobs »)", overall: half, jobs: SEGREGATION_MIN_JOBS - 1, mixed: 0, expected: false },
    { label: "overall exactly 40 % women → yes", overall: { women: 4, men: 6 }, jobs: 4, mixed: 0, expected: true },
    { label: "overall 39 % women → no (not balanced)", overall: { women: 39, men: 61 }, jobs: 4, mixed: 0, expected: false },
    { label: "overall 61 % women → no", overall: { women: 61, men: 39 }, jobs: 4, mixed: 0, expected: false },
  ])("$label", ({ overall, jobs, mixed, expected }) => {
    expect(balancedButSegregated(overall, jobs, mixed)).toBe(expected);
  });
});

describe("buildResults: findings by situation", () => {
  const CASES: {
    label: string;
    input: ResultsInput;
    present: string[];
    absent: string[];
    texts?: Record<string, string[]>;
  }[] = [
    {
      label: "balanced overall, 2 of 9 jobs mixed → says so plainly",
      input: input(),
      present: ["balanced_but_segregated"],
      absent: ["overall_not_mixed", "populations_differ", "no_jobs", "index_missing", "low_headcount_jobs", "headcount_mismatch"],
      texts: {
        balanced_but_segregated: [
          `Votre structure compte à peu près autant de femmes que d'hommes (54${NBSP}% de femmes), mais seuls 2 métiers sur 9 sont mixtes${NBSP}:`,
          `À prédominance masculine${NBSP}: Ouvrier maraîcher, Chauffeur-livreur et Encadrant technique.`,
          `À prédominance féminine${NBSP}: Agent de tri, Aide à domicile, Repasseuse et 1 autre.`,
        ],
      },
    },
    {
      label: "permanent staff 75 % women, pathways 25 % → populations differ",
      input: input({
        profile: profile({ permanentWomen: 6, permanentMen: 2, parcoursWomen: 5, parcoursMen: 15 }),
        jobs: [job("CIP", 3, 0, "permanent"), job("Direction", 3, 2, "permanent"), job("Maraîchage", 3, 9), job("Tri", 2, 6)],
      }),
      present: ["populations_differ", "overall_not_mixed"],
      absent: ["balanced_but_segregated"],
      texts: {
        populations_differ: [
          `Vos salariés permanents comptent 75${NBSP}% de femmes, vos salariés en parcours d'insertion 25${NBSP}%${NBSP}: 50 points d'écart.`,
          "peu de femmes arrivent en parcours",
        ],
        overall_not_mixed: [`Votre structure compte 39${NBSP}% de femmes${NBSP}: elle est à prédominance masculine.`],
      },
    },
    {
      label: "no jobs → the empty table is said first, shares come from the profile",
      input: input({ jobs: [] }),
      present: ["no_jobs"],
      absent: ["balanced_but_segregated", "low_headcount_jobs", "headcount_mismatch"],
    },
    {
      label: "jobs and profile disagree → data note",
      input: input({ jobs: [job("Tri", 5, 5), job("Vente", 1, 3)] }),
      present: ["headcount_mismatch", "low_headcount_jobs"],
      absent: ["no_jobs"],
      texts: { headcount_mismatch: ["Le tableau des emplois compte 14 personnes, le profil 72 personnes."] },
    },
    {
      label: "invalid stored job rows are left out and counted",
      input: input({ jobs: [...SEGREGATED_JOBS, { label: "", population: "parcours", women: -1, men: 2 }] }),
      present: ["invalid_job_rows"],
      absent: [],
    },
    {
      label: "50+ with the Index step skipped → obligation reminder",
      input: input({ profile: profile({ headcountBand: "50_250" }), index: { source: "ignore", data: null, skipReason: "Pas de données de paie" } }),
      present: ["index_missing"],
      absent: [],
    },
    {
      label: "under 50 with the Index step skipped → no reminder",
      input: input({ index: { source: "ignore", data: null, skipReason: "Pas concerné" } }),
      present: [],
      absent: ["index_missing"],
    },
  ];

  it.each(CASES)("$label", ({ input: i, present, absent, texts }) => {
    const r = ready(i);
    const ids = r.findings.map((f) => f.id);
    for (const id of present) expect(ids).toContain(id);
    for (const id of absent) expect(ids).not.toContain(id);
    for (const [id, parts] of Object.entries(texts ?? {})) {
      const finding = r.findings.find((f) => f.id === id)!;
      for (const part of parts) expect(`${finding.text} ${finding.nextStep ?? ""}`).toContain(part);
    }
  });

  it("puts the empty jobs table first and the data notes last", () => {
    const r = ready(input({ jobs: [] }));
    expect(r.findings[0].id).toBe("no_jobs");
    const withNotes = ready(input({ jobs: [job("Tri", 5, 5), job("Vente", 1, 1)] }));
    expect(withNotes.findings.at(-1)?.id).toBe("headcount_mismatch");
  });
});

describe("buildResults: key figures equal the engine's", () => {
  it("mixity figures, chart rows and domain scores", () => {
    const answers = { "embauche.offres_redaction_neutre": "oui" };
    const r = ready(input({ answers }));
    const mixity = computeMixity(SEGREGATED_JOBS);
    expect(figure(r, "women_share").value).toBe(mixity.totals.all.shareWomen);
    expect(figure(r, "women_share_permanent").value).toBe(mixity.totals.permanent.shareWomen);
    expect(figure(r, "women_share_parcours").value).toBe(mixity.totals.parcours.shareWomen);
    expect(figure(r, "mixed_jobs")).toMatchObject({ value: mixity.mixedJobs, display: "2 sur 9" });
    expect(figure(r, "staff_in_mixed_jobs").value).toBe(mixity.staffInMixedJobsShare);
    expect(r.mixity.summary).toBe("2 métiers sur 9 sont mixtes.");

    const scores = scoreDomains(answers, profile());
    expect(r.domains.rows.map((d) => [d.id, d.score, d.level])).toEqual(scores.domains.map((d) => [d.domain, d.score, d.level]));

    const recs = recommend({ profile: profile(), answers, scores, mixity, index: null });
    expect([...r.actions.featured, ...r.actions.others].map((a) => a.id)).toEqual(recs.map((x) => x.action.id));
    expect(r.actions.total).toBe(recs.length);
    expect(r.actions.featured.length).toBe(Math.min(FEATURED_ACTIONS, recs.length));
    expect(r.support.map((s) => s.id)).toEqual(matchSupport({ answers, scores, mixity, index: null }, profile()).map((m) => m.organization.id));
    for (const a of r.actions.featured) expect(a.reasons.length).toBeGreaterThan(0);
    for (const s of r.support) expect(s.reasons.length).toBeGreaterThan(0);
  });

  it("groups the chart rows by population, most feminised first, with the low-headcount mark", () => {
    const r = ready(input());
    expect(r.mixity.groups.map((g) => g.population)).toEqual(["permanent", "parcours"]);
    const parcours = r.mixity.groups[1];
    expect(parcours.title).toBe("Salariés en parcours d'insertion");
    expect(parcours.rows.map((x) => x.label)).toEqual(["Repasseuse", "Agent de tri", "Aide à domicile", "Agent d'entretien", "Ouvrier maraîcher", "Chauffeur-livreur"]);
    for (const row of parcours.rows) {
      expect(row.womenPct + row.menPct).toBeCloseTo(100, 12);
      expect(row.lowHeadcount).toBe(row.headcount < MIXITY_LOW_HEADCOUNT);
    }
    const permanent = r.mixity.groups[0];
    expect(permanent.rows.every((x) => !x.lowHeadcount)).toBe(true);
    expect(permanent.chartSummary).toContain(`1 métier sur 3 est dans la zone de mixité (entre 40${NBSP}% et 60${NBSP}% de femmes)`);
    const small = ready(input({ jobs: [job("Vente", 1, 2), job("Tri", 5, 5)] })).mixity.groups[0].rows.find((x) => x.label === "Vente")!;
    expect(small).toMatchObject({ lowHeadcount: true, chartLabel: `Vente${NBSP}*`, countsDisplay: "1 femme et 2 hommes", womenDisplay: `33${NBSP}%` });
  });

  it("no jobs: shares from the profile, no chart, mixed jobs unknown", () => {
    const r = ready(input({ jobs: [] }));
    expect(r.mixity.groups).toEqual([]);
    expect(r.mixity.source).toBe("profil");
    expect(figure(r, "women_share")).toMatchObject({ value: 39 / 72, detail: "39 femmes et 33 hommes (d'après le profil de la structure)" });
    expect(figure(r, "mixed_jobs")).toMatchObject({ value: null, display: "—" });
    expect(r.keyFigures.some((f) => f.id === "staff_in_mixed_jobs")).toBe(false);
  });

  it("a structure with one population shows the overall share only", () => {
    const r = ready(input({ profile: profile({ parcoursWomen: 0, parcoursMen: 0 }), jobs: [job("Vente", 3, 3, "permanent")] }));
    expect(r.keyFigures.map((f) => f.id)).not.toContain("women_share_permanent");
    expect(r.keyFigures.map((f) => f.id)).not.toContain("women_share_parcours");
  });
});

describe("buildResults: the Index", () => {
  const INDEX_CASES = [
    { label: "100 / 100, 50+ → nothing more to do", data: indexInput({ raisedWomen: 20, raisedMen: 22, top10Women: 5 }), band: "50_250", value: 100, level: "none" },
    { label: "82, 50+ → progress objectives (75–84)", data: indexInput({ raisedWomen: 20, raisedMen: 26, top10Women: 3 }), band: "50_250", value: 82, level: "objectives" },
    { label: "73, 50+ → corrective measures (< 75)", data: indexInput({ raisedWomen: 20, raisedMen: 22, top10Women: 5, payWomen: 16000 }), band: "50_250", value: 73, level: "corrective" },
    { label: "47 under 50 → indicative only", data: indexInput({ raisedWomen: 10, raisedMen: 40, top10Women: 0 }), band: "moins_50", value: 47, level: "not-applicable" },
  ] as const;

  it.each(INDEX_CASES)("$label", ({ data, band, value, level }) => {
    const p = profile({ headcountBand: band });
    const r = ready(input({ profile: p, index: { source: "saisie", data, skipReason: null } }));
    const expected = computeIndex(data, { belowFifty: band === "moins_50" });
    expect(r.index).toMatchObject({ state: "calcule", value, totalPoints: expected.index.totalPoints, maxPoints: expected.index.maxPoints });
    expect(r.index.obligation).toEqual(indexObligation(expected.index.value, band !== "moins_50"));
    expect(r.index.obligation?.level).toBe(level);
    expect(r.index.indicative).toBe(band === "moins_50");
    expect(r.index.indicators.map((x) => [x.id, x.points, x.maxPoints, x.explanation])).toEqual([
      ["pay", expected.pay.points, 40, expected.pay.explanation],
      ["raisesAndPromotions", expected.raisesAndPromotions!.points, 35, expected.raisesAndPromotions!.explanation],
      ["maternity", null, 15, expected.maternity.explanation],
      ["top10", expected.top10.points, 10, expected.top10.explanation],
    ]);
    expect(r.index.indicators.find((x) => x.id === "maternity")).toMatchObject({ calculable: false, reason: "no-returns", pointsDisplay: "Non calculable" });
    const f = figure(r, "index");
    expect(f.value).toBe(value);
    expect(f.display).toBe(`${value} sur 100`);
    expect(indexTotalLabel(r.index)).toBe(`Total des indicateurs calculables (Index\u00a0: ${value} sur 100)`);
    if (band === "moins_50") {
      expect(f.detail).toContain("Estimation indicative");
      expect(f.meaning).toContain("indicative");
    }
  });

  it("not calculable: the reason of each indicator is given", () => {
    const data = indexInput({ women: 2, raisedWomen: 1, raisedMen: 20, top10Women: 2 });
    const r = ready(input({ profile: profile({ headcountBand: "50_250" }), index: { source: "saisie", data, skipReason: null } }));
    expect(r.index.state).toBe("non_calculable");
    expect(r.index.display).toBe("Non calculable");
    expect(r.index.obligation?.label).toBe("Index non calculable");
    expect(indexTotalLabel(r.index)).toBe("Total des indicateurs calculables (Index non calculable)");
    const pay = r.index.indicators.find((x) => x.id === "pay")!;
    expect(pay).toMatchObject({ calculable: false, reason: "valid-groups-below-40pct" });
    expect(pay.explanation).toContain("ne peut pas être calculé");
  });

  it.each([
    { label: "step not done", index: { source: null, data: null, skipReason: null }, staff: undefined, state: "a_faire" },
    { label: "skipped, with the reason", index: { source: "ignore", data: null, skipReason: "  Pas de paie  " }, staff: undefined, state: "ignore" },
    { label: "from the staff file, none usable", index: { source: "fichier", data: null, skipReason: null }, staff: null, state: "fichier_absent" },
    { label: "entered data that fail validation", index: { source: "saisie", data: { sizeBand: "50-250" }, skipReason: null }, staff: undefined, state: "donnees_invalides" },
  ] as const)("$label → $state, no figure", ({ index, staff, state }) => {
    const r = ready(input({ index: { ...index }, staffRowsIndexInput: staff }));
    expect(r.index.state).toBe(state);
    expect(r.index.value).toBeNull();
    expect(r.index.indicators).toEqual([]);
    expect(figure(r, "index").value).toBeNull();
    if (state === "ignore") expect(r.index.skipReason).toBe("Pas de paie");
  });

  it("from the staff file: the derived input is used", () => {
    const data = indexInput({ raisedWomen: 20, raisedMen: 26, top10Women: 3 });
    const r = ready(input({ profile: profile({ headcountBand: "50_250" }), index: { source: "fichier", data: null, skipReason: null }, staffRowsIndexInput: data }));
    expect(r.index).toMatchObject({ state: "calcule", value: 82, sourceLabel: "Calculé à partir du fichier du personnel" });
  });
});

describe("buildResults: year-on-year changes", () => {
  it("gives the change of each key figure and each domain score", () => {
    const previous: ResultsInput = input({
      year: 2025,
      jobs: [job("Ouvrier maraîcher", 2, 10), job("Agent de tri", 5, 5), job("Chauffeur-livreur", 0, 6)],
      answers: { "embauche.offres_redaction_neutre": "non" },
      index: { source: "saisie", data: indexInput({ raisedWomen: 20, raisedMen: 26, top10Women: 3 }), skipReason: null },
    });
    const r = ready(
      input({
        answers: { "embauche.offres_redaction_neutre": "oui" },
        index: { source: "saisie", data: indexInput({ raisedWomen: 20, raisedMen: 22, top10Women: 5 }), skipReason: null },
        previous,
      }),
    );
    expect(r.yearOnYear?.previousYear).toBe(2025);
    const change = (id: string) => r.yearOnYear!.figures.find((f) => f.id === id)?.change;
    // 2025: 7 women of 28 = 25 %; 2026: 39 of 72 = 54 %.
    expect(change("women_share")).toMatchObject({ previousYear: 2025, delta: 29, direction: "hausse" });
    expect(change("women_share")?.text).toBe(`54${NBSP}% contre 25${NBSP}% en 2025${NBSP}: en hausse de 29 points.`);
    expect(change("women_share")?.summary).toBe("En hausse de 29 points");
    const started = (answers: Record<string, string>) =>
      scoreDomains(answers, profile()).domains.filter((d) => d.level === "en_cours" || d.level === "avance").length;
    expect(change("domain_levels")).toMatchObject({
      previousValue: started({ "embauche.offres_redaction_neutre": "non" }),
      delta: started({ "embauche.offres_redaction_neutre": "oui" }) - started({ "embauche.offres_redaction_neutre": "non" }),
    });
    expect(change("mixed_jobs")).toMatchObject({ delta: 1, direction: "hausse" });
    expect(change("mixed_jobs")?.text).toBe(`2 sur 9 contre 1 sur 3 en 2025${NBSP}: 1 métier mixte de plus.`);
    expect(change("index")).toMatchObject({ previousValue: 82, delta: 18, direction: "hausse" });
    expect(figure(r, "index").change).toEqual(change("index"));
    // No parcours/permanent split in 2025's jobs (all parcours): no change for the per-population figures.
    expect(change("women_share_permanent")).toBeUndefined();

    const embauche = r.yearOnYear!.domains.find((d) => d.id === "embauche")!;
    const before = scoreDomains({ "embauche.offres_redaction_neutre": "non" }, profile()).domains.find((d) => d.domain === "embauche")!;
    const now = scoreDomains({ "embauche.offres_redaction_neutre": "oui" }, profile()).domains.find((d) => d.domain === "embauche")!;
    expect(embauche).toMatchObject({ previousScore: before.score, currentScore: now.score, delta: now.score! - before.score! });
    const formation = r.yearOnYear!.domains.find((d) => d.id === "formation")!;
    expect(formation).toMatchObject({ delta: null, text: "Pas de score en 2025." });
  });

  it("says « stable » and drops figures unknown both years", () => {
    const r = ready(input({ previous: input({ year: 2025 }) }));
    const figures = r.yearOnYear!.figures;
    expect(figures.find((f) => f.id === "women_share")?.change).toMatchObject({ delta: 0, direction: "stable" });
    expect(figures.some((f) => f.id === "index")).toBe(false);
    expect(figures.some((f) => f.id === "domain_levels")).toBe(false);
  });

  it("without a previous diagnostic, there is no change", () => {
    const r = ready(input());
    expect(r.yearOnYear).toBeNull();
    expect(r.keyFigures.every((f) => f.change === null)).toBe(true);
  });
});

describe("buildResults: missing profile and wording", () => {
  it("without a profile, says what to do instead of showing results", () => {
    const r = buildResults(input({ profile: null }));
    expect(r).toMatchObject({ status: "profil_manquant", year: 2026 });
    expect(r.status === "profil_manquant" && r.message).toContain("profil de la structure");
  });

  it("uses the words of the structure type for the second population", () => {
    const r = ready(input({ structureType: "ESAT", profile: profile({ structureType: "ESAT" }) }));
    expect(r.mixity.groups[1].title).toBe("Travailleurs accompagnés");
    expect(r.mixity.groups[1].note).toContain("ne sont pas salariés");
    expect(figure(r, "women_share_parcours").label).toBe("Part de femmes chez les travailleurs accompagnés");
  });

  it.each([
    { label: "segregated, with an Index and last year", input: input({ index: { source: "saisie", data: indexInput({ raisedWomen: 20, raisedMen: 26, top10Women: 3 }), skipReason: null }, previous: input({ year: 2025 }) }) },
    { label: "no jobs, Index skipped at 50+", input: input({ jobs: [], profile: profile({ headcountBand: "50_250" }), index: { source: "ignore", data: null, skipReason: null } }) },
    { label: "populations differ", input: input({ jobs: [job("CIP", 3, 0, "permanent"), job("Tri", 2, 9)] }) },
  ])("French typography in every string: $label", ({ input: i }) => {
    const errors = strings(ready(i))
      .filter(({ text }) => / [:;!?%»]/.test(text) || /\d%/.test(text) || /«[^\u00a0]/.test(text) || / {2}/.test(text))
      .map(({ path, text }) => `${path}: ${text}`);
    expect(errors).toEqual([]);
  });
});
