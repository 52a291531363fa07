import { describe, expect, it } from "vitest";
import {
  APPLICATIONS_WOMEN_SHARE_TARGET_PCT,
  INDEX_CORRECTIVE_MEASURES_BELOW,
  INDEX_INDICATOR_MAX_POINTS,
  INDEX_PROGRESS_OBJECTIVES_BELOW,
  INVOLUNTARY_PART_TIME_ALERT_PCT,
  MIXITY_LOWER_PCT,
  PAID_SICK_CHILD_DAYS_TARGET,
  RECOMMENDATION_ORDER,
  SCHEDULE_NOTICE_TARGET_DAYS,
  SUPERVISORS_WOMEN_SHARE_TARGET_PCT,
  TOP10_BALANCED_MAX_WOMEN,
  TOP10_BALANCED_MIN_WOMEN,
  baselineSourceLabel,
  recommend,
  resolveBaseline,
  type DiagnosticInput,
  type IndexIndicatorId,
  type IndexSummary,
  type MixityJobSummary,
  type Recommendation,
} from "../../diagnostics/plan/index.ts";
import { DONT_KNOW, type Answers } from "../../diagnostics/questionnaire.ts";
import { levelForScore, scoreDomains, type DiagnosticScores } from "../../diagnostics/scoring.ts";
import { DOMAIN_IDS, HEADCOUNT_BANDS, type DomainId, type HeadcountBand, type Profile } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";

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
    ...overrides,
  };
}

/** Scores with chosen domain scores (others null), independent of answers. */
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

function input(overrides: Partial<DiagnosticInput> = {}): DiagnosticInput {
  const p = overrides.profile ?? profile();
  const answers = overrides.answers ?? {};
  return { profile: p, answers, scores: overrides.scores ?? scoreDomains(answers, p), ...overrides };
}

function ids(recs: readonly Recommendation[]): string[] {
  return recs.map((r) => r.action.id);
}

function find(recs: readonly Recommendation[], id: string): Recommendation | undefined {
  return recs.find((r) => r.action.id === id);
}

function job(label: string, cls: MixityJobSummary["class"], population = "parcours", extra: Partial<MixityJobSummary> = {}): MixityJobSummary {
  return { label, population, class: cls, lowHeadcount: false, ...extra };
}

function fullIndex(overrides: Partial<Record<IndexIndicatorId, number>> = {}, value = 100): IndexSummary {
  const ind = (id: IndexIndicatorId) => ({ calculable: true, points: overrides[id] ?? INDEX_INDICATOR_MAX_POINTS[id] });
  return {
    index: { calculable: true, value },
    pay: { ...ind("pay"), value: 0 },
    raisesAndPromotions: ind("raisesAndPromotions"),
    maternity: { ...ind("maternity"), ratePctDeclared: 100 },
    top10: ind("top10"),
  };
}

describe("reasons", () => {
  it("quotes the « Non » answer and the question", () => {
    const recs = recommend(input({ answers: { "embauche.offres_redaction_neutre": "non" } }));
    const rec = find(recs, "embauche.offres_mixtes");
    expect(rec?.reasons).toEqual([
      `Vous avez répondu «${NBSP}Non${NBSP}» à${NBSP}: Vos offres d'emploi s'adressent-elles clairement aux femmes comme aux hommes (intitulé au féminin et au masculin, mention «${NBSP}F/H${NBSP}»)${NBSP}?`,
    ]);
  });

  it("quotes « Je ne sais pas » honestly", () => {
    const rec = find(recommend(input({ answers: { "conditions_travail.procedure_signalement": DONT_KNOW } })), "conditions_travail.procedure_sexisme");
    expect(rec?.reasons[0]).toMatch(new RegExp(`^Vous avez répondu «${NBSP}Je ne sais pas${NBSP}» à${NBSP}: Avez-vous une procédure écrite`));
  });

  it("quotes the option of a single choice and of a multiple choice", () => {
    const recs = recommend(
      input({
        answers: {
          "conditions_travail.vestiaires_sanitaires": "certains_sites",
          "articulation.aides_mobilite": ["aucune"],
        },
      }),
    );
    expect(find(recs, "conditions_travail.vestiaires_sanitaires")?.reasons[0]).toContain(`«${NBSP}Sur une partie de nos sites seulement${NBSP}»`);
    expect(find(recs, "articulation.mobilite")?.reasons[0]).toContain(`«${NBSP}Aucune pour l'instant${NBSP}»`);
  });

  it("says which option was not ticked", () => {
    const rec = find(
      recommend(input({ answers: { "embauche.sourcing_metiers_non_traditionnels": ["portes_ouvertes"] } })),
      "embauche.immersions_aller_vers",
    );
    expect(rec?.reasons[0]).toMatch(/^Vous n'avez pas coché «\u00a0Des immersions \(PMSMP\)/);
  });

  it("gives numbers with their unit and the benchmark", () => {
    const recs = recommend(input({ answers: { "articulation.delai_plannings": 1, "embauche.part_femmes_candidatures": 12.5 } }));
    expect(find(recs, "articulation.plannings_anticipes")?.reasons[0]).toMatch(
      new RegExp(`^Vous avez indiqué 1${NBSP}jour \\(repère${NBSP}: au moins 14${NBSP}jours\\) à${NBSP}: Combien de jours`),
    );
    expect(find(recs, "embauche.prescripteurs_mixite")?.reasons[0]).toContain(`Vous avez indiqué 12,5${NBSP}% (repère${NBSP}: au moins 40${NBSP}%)`);
  });

  it("adapts « salariés en parcours » to the structure type", () => {
    const p = profile({ structureType: "EA" });
    const recs = recommend(input({ profile: p, answers: { "formation.ateliers_numeriques": "non" } }));
    expect(find(recs, "formation.ateliers_numeriques")?.reasons[0]).toContain("salariés en situation de handicap");
  });

  it("counts masculine jobs: « 5 métiers sur 7 »", () => {
    const mixity = {
      jobs: [
        job("Agent d'espaces verts", "masculin"),
        job("Maçon", "masculin"),
        job("Manœuvre", "masculin"),
        job("Agent de déchetterie", "masculin"),
        job("Chauffeur", "masculin"),
        job("Agent de tri", "mixte"),
        job("Vendeur", "mixte"),
        job("Encadrant technique", "masculin", "permanent"),
        job("Vide", null),
      ],
    };
    const rec = find(recommend(input({ mixity })), "embauche.offres_mixtes");
    expect(rec?.reasons).toEqual([
      `5${NBSP}métiers sur 7 sont à prédominance masculine (moins de 40${NBSP}% de femmes) chez les salariés en parcours, par exemple «${NBSP}Agent d'espaces verts${NBSP}» et «${NBSP}Maçon${NBSP}».`,
    ]);
  });

  it("names a single job and flags small headcounts", () => {
    const mixity = { jobs: [job("Couturière", "feminin", "parcours", { lowHeadcount: true }), job("Agent de tri", "mixte")] };
    const rec = find(recommend(input({ mixity })), "qualification.vae_metiers_feminises");
    expect(rec?.reasons).toEqual([
      `1${NBSP}métier sur 2 est à prédominance féminine (plus de 60${NBSP}% de femmes)${NBSP}: «${NBSP}Couturière${NBSP}». Ce métier compte peu de personnes${NBSP}: à interpréter avec prudence.`,
    ]);
  });

  it("says when no job is mixed", () => {
    const mixity = { jobs: [job("Maçon", "masculin"), job("Couturière", "feminin"), job("Encadrant", "masculin", "permanent")] };
    const rec = find(recommend(input({ mixity })), "embauche.objectif_mixite_metiers");
    expect(rec?.reasons).toContain(`Aucun de vos 3${NBSP}métiers n'est mixte (entre 40${NBSP}% et 60${NBSP}% de femmes).`);
  });

  it("ignores combined rows and unclassified jobs when counting", () => {
    const mixity = { jobs: [job("Maçon", "masculin"), job("Maçon", "masculin", "ensemble"), job("Sans personne", null)] };
    const rec = find(recommend(input({ mixity })), "embauche.objectif_mixite_metiers");
    expect(rec?.reasons).toContain(`Votre seul métier n'est pas mixte (entre 40${NBSP}% et 60${NBSP}% de femmes).`);
  });

  it("words Index reasons, indicative under 50", () => {
    const idx = fullIndex({ maternity: 0 }, 85);
    const under = find(recommend(input({ index: idx })), "remuneration.retour_maternite");
    expect(under?.reasons).toEqual([
      `Index de l'égalité professionnelle, indicateur «${NBSP}augmentations au retour de congé de maternité${NBSP}»${NBSP}: 0${NBSP}point sur 15. Estimation indicative${NBSP}: l'Index n'est obligatoire qu'à partir de 50 salariés.`,
    ]);
    const over = find(recommend(input({ profile: profile({ headcountBand: "50_250" }), index: idx })), "remuneration.retour_maternite");
    expect(over?.reasons).toEqual([
      `Index de l'égalité professionnelle, indicateur «${NBSP}augmentations au retour de congé de maternité${NBSP}»${NBSP}: 0${NBSP}point sur 15.`,
    ]);
  });

  it("explains an incalculable pay indicator", () => {
    const idx: IndexSummary = { ...fullIndex(), pay: { calculable: false, points: null, value: null } };
    const rec = find(recommend(input({ index: idx })), "remuneration.analyse_ecarts");
    expect(rec?.reasons[0]).toMatch(/n'est pas calculable/);
  });

  it("words profile shares", () => {
    const rec = find(recommend(input({ profile: profile({ boardWomen: 2, boardMen: 7 }) })), "promotion.gouvernance_mixte");
    expect(rec?.reasons).toEqual([
      `Les femmes représentent 22,2${NBSP}% du conseil d'administration ou du bureau (2 sur 9), moins de 40${NBSP}%.`,
    ]);
  });
});

describe("what is taken into account", () => {
  it("returns nothing for a structure with all the good practices", () => {
    const answers: Record<string, string> = {};
    for (const id of ["embauche.offres_redaction_neutre", "embauche.grille_entretien", "formation.permis_caces"]) answers[id] = "oui";
    expect(recommend(input({ answers }))).toEqual([]);
  });

  it.each([
    { hasCse: false, expected: false },
    { hasCse: true, expected: true },
  ])("a question that does not apply is ignored (CSE: $hasCse)", ({ hasCse, expected }) => {
    const recs = recommend(input({ profile: profile({ hasCse }), answers: { "conditions_travail.referent_harcelement_cse": "non" } }));
    expect(ids(recs).includes("conditions_travail.referent_harcelement")).toBe(expected);
  });

  it.each([
    { value: "peut-être" },
    { value: 12 },
    { value: ["non"] },
  ])("an invalid stored answer ($value) is ignored", ({ value }) => {
    const answers = { "embauche.grille_entretien": value } as unknown as Answers;
    expect(ids(recommend(input({ answers })))).not.toContain("embauche.jury_mixte_grille");
  });

  it("lists each action once, with every reason", () => {
    const answers = {
      "conditions_travail.part_temps_partiel_subi": 30,
      "conditions_travail.heures_en_plus_temps_partiel": "non",
      "conditions_travail.horaires_coupes_limites": "en_partie",
    };
    const recs = recommend(input({ answers }));
    expect(new Set(ids(recs)).size).toBe(recs.length);
    const rec = find(recs, "conditions_travail.temps_partiel_subi");
    expect(rec?.reasons).toHaveLength(3);
    expect(rec?.triggers.every((t) => t.source === "answer")).toBe(true);
  });

  it("gives one reason per question even when two triggers match", () => {
    const rec = find(
      recommend(input({ answers: { "embauche.sourcing_metiers_non_traditionnels": ["aucune"] } })),
      "embauche.immersions_aller_vers",
    );
    expect(rec?.reasons).toHaveLength(1);
    expect(rec?.reasons[0]).toContain(`«${NBSP}Aucune action pour l'instant${NBSP}»`);
  });
});

describe("numeric thresholds", () => {
  type Row = { label: string; answers: Answers; action: string; expected: boolean };
  const around = (question: string, action: string, t: number, fires: (v: number) => boolean): Row[] =>
    [t - 1, t, t + 1].map((v) => ({ label: `${question} = ${v}`, answers: { [question]: v }, action, expected: fires(v) }));
  const rows: Row[] = [
    ...around("embauche.part_femmes_candidatures", "embauche.prescripteurs_mixite", APPLICATIONS_WOMEN_SHARE_TARGET_PCT, (v) => v < APPLICATIONS_WOMEN_SHARE_TARGET_PCT),
    ...around("promotion.part_femmes_encadrement_technique", "promotion.tutorat_encadrantes", SUPERVISORS_WOMEN_SHARE_TARGET_PCT, (v) => v < SUPERVISORS_WOMEN_SHARE_TARGET_PCT),
    ...around("promotion.part_femmes_encadrement_technique", "embauche.encadrantes_techniques", SUPERVISORS_WOMEN_SHARE_TARGET_PCT, (v) => v < SUPERVISORS_WOMEN_SHARE_TARGET_PCT),
    ...around("conditions_travail.part_temps_partiel_subi", "conditions_travail.temps_partiel_subi", INVOLUNTARY_PART_TIME_ALERT_PCT, (v) => v >= INVOLUNTARY_PART_TIME_ALERT_PCT),
    ...around("conditions_travail.part_temps_partiel_subi", "remuneration.salaire_mensuel_temps_partiel", INVOLUNTARY_PART_TIME_ALERT_PCT, (v) => v >= INVOLUNTARY_PART_TIME_ALERT_PCT),
    ...around("articulation.delai_plannings", "articulation.plannings_anticipes", SCHEDULE_NOTICE_TARGET_DAYS, (v) => v < SCHEDULE_NOTICE_TARGET_DAYS),
    ...around("articulation.jours_enfant_malade", "articulation.maintien_salaire_conges", PAID_SICK_CHILD_DAYS_TARGET, (v) => v < PAID_SICK_CHILD_DAYS_TARGET),
    ...around("remuneration.femmes_dix_plus_hautes", "remuneration.plus_hautes_remunerations", TOP10_BALANCED_MIN_WOMEN, (v) => v < TOP10_BALANCED_MIN_WOMEN),
    ...around("remuneration.femmes_dix_plus_hautes", "remuneration.plus_hautes_remunerations", TOP10_BALANCED_MAX_WOMEN, (v) => v > TOP10_BALANCED_MAX_WOMEN),
  ];

  it.each(rows)("$label → $action: $expected", ({ answers, action, expected }) => {
    expect(ids(recommend(input({ answers }))).includes(action)).toBe(expected);
  });

  it.each([
    { women: 3, men: 5, expected: true },
    { women: 2, men: 3, expected: false },
    { women: 5, men: 5, expected: false },
    { women: 0, men: 0, expected: false },
  ])("board of $women women and $men men (threshold MIXITY_LOWER_PCT) → $expected", ({ women, men, expected }) => {
    expect(MIXITY_LOWER_PCT).toBe(40);
    const recs = recommend(input({ profile: profile({ boardWomen: women, boardMen: men, directionWomen: null, directionMen: null }) }));
    expect(ids(recs).includes("promotion.gouvernance_mixte")).toBe(expected);
  });

  it.each([
    { value: INDEX_CORRECTIVE_MEASURES_BELOW - 1, action: "remuneration.budget_rattrapage", expected: true },
    { value: INDEX_CORRECTIVE_MEASURES_BELOW, action: "remuneration.budget_rattrapage", expected: false },
    { value: INDEX_CORRECTIVE_MEASURES_BELOW + 1, action: "remuneration.budget_rattrapage", expected: false },
    { value: INDEX_PROGRESS_OBJECTIVES_BELOW - 1, action: "remuneration.index_publication", expected: true },
    { value: INDEX_PROGRESS_OBJECTIVES_BELOW, action: "remuneration.index_publication", expected: false },
    { value: INDEX_PROGRESS_OBJECTIVES_BELOW + 1, action: "remuneration.index_publication", expected: false },
  ])("Index $value → $action: $expected", ({ value, action, expected }) => {
    const recs = recommend(input({ profile: profile({ headcountBand: "50_250" }), index: fullIndex({}, value) }));
    expect(ids(recs).includes(action)).toBe(expected);
  });

  it("ignores an Index that cannot be calculated", () => {
    const idx: IndexSummary = { ...fullIndex(), index: { calculable: false, value: null } };
    expect(ids(recommend(input({ index: idx })))).not.toContain("remuneration.budget_rattrapage");
  });

  const indicatorRows = (
    [
      ["pay", "remuneration.analyse_ecarts"],
      ["maternity", "remuneration.retour_maternite"],
      ["top10", "remuneration.plus_hautes_remunerations"],
      ["raisesAndPromotions", "promotion.suivi_promotions"],
    ] as const
  ).flatMap(([indicator, action]) => [
    { indicator, points: INDEX_INDICATOR_MAX_POINTS[indicator] - 1, action, expected: true },
    { indicator, points: INDEX_INDICATOR_MAX_POINTS[indicator], action, expected: false },
  ]);

  it.each(indicatorRows)("$indicator at $points points → $action: $expected", ({ indicator, points, action, expected }) => {
    const recs = recommend(input({ profile: profile({ headcountBand: "50_250" }), index: fullIndex({ [indicator]: points }) }));
    expect(ids(recs).includes(action)).toBe(expected);
  });

  it("uses the maxPoints of the result when given", () => {
    const idx: IndexSummary = { ...fullIndex(), promotions: { calculable: true, points: 10, maxPoints: 10 } };
    expect(ids(recommend(input({ index: idx })))).not.toContain("promotion.neutraliser_conges");
  });
});

describe("order", () => {
  it("documents the order in French", () => {
    expect(RECOMMENDATION_ORDER).toMatch(/obligations légales/);
  });

  it.each(HEADCOUNT_BANDS.map((band) => ({ band, legal: band !== "moins_50" })))(
    "pay indicator below 40 points, $band → legal first: $legal",
    ({ band, legal }) => {
      const recs = recommend(
        input({
          profile: profile({ headcountBand: band as HeadcountBand }),
          answers: { "articulation.horaires_ecole": "non" },
          scores: scores({ articulation: 0, remuneration: 90 }),
          index: fullIndex({ pay: INDEX_INDICATOR_MAX_POINTS.pay - 1 }),
        }),
      );
      const pay = find(recs, "remuneration.analyse_ecarts")!;
      expect(pay.legalObligation).toBe(legal);
      expect(pay.rank === 1).toBe(legal);
      expect(recs[0].action.id).toBe(legal ? "remuneration.analyse_ecarts" : "articulation.horaires_ecole");
    },
  );

  it("does not make an answer-only rémunération action a legal obligation", () => {
    const recs = recommend(
      input({ profile: profile({ headcountBand: "300_plus" }), answers: { "remuneration.primes_criteres_ecrits": "non" } }),
    );
    expect(find(recs, "remuneration.primes")?.legalObligation).toBe(false);
  });

  it("orders domains by lowest score, unscored last", () => {
    const answers = {
      "embauche.grille_entretien": "non",
      "formation.ateliers_numeriques": "non",
      "articulation.reunions_horaires": "non",
    };
    const recs = recommend(input({ answers, scores: scores({ embauche: 60, formation: 10 }) }));
    expect(ids(recs)).toEqual(["formation.ateliers_numeriques", "embauche.jury_mixte_grille", "articulation.charte_temps"]);
    expect(recs.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(recs[0].domain).toMatchObject({ id: "formation", score: 10, level: "a_engager", levelLabel: "À engager" });
    expect(recs[2].domain).toMatchObject({ id: "articulation", score: null, level: null, levelLabel: null });
  });

  it("within a domain, puts the action with most triggers first, then catalogue order", () => {
    const answers = {
      "embauche.grille_entretien": "non",
      "embauche.offres_redaction_neutre": "non",
      "embauche.offres_conditions_reelles": "non",
      "embauche.recruteurs_formes": "non",
    };
    const recs = recommend(input({ answers, scores: scores({ embauche: 20 }) }));
    expect(ids(recs)).toEqual(["embauche.offres_mixtes", "embauche.jury_mixte_grille", "embauche.former_recruteurs"]);
  });
});

describe("baselines", () => {
  it("takes a numeric answer", () => {
    const rec = find(recommend(input({ answers: { "articulation.delai_plannings": 3 } })), "articulation.plannings_anticipes");
    expect(rec?.baselineValue).toBe(3);
    expect(rec?.baselineLabel).toMatch(/^Votre réponse à la question «\u00a0Combien de jours/);
  });

  it("computes the share of women in masculine parcours jobs", () => {
    const mixity = {
      jobs: [
        job("Agent d'espaces verts", "masculin", "parcours", { women: 1, men: 11 }),
        job("Maçon", "masculin", "parcours", { women: 0, men: 4 }),
        job("Encadrant", "masculin", "permanent", { women: 0, men: 3 }),
        job("Agent de tri", "mixte", "parcours", { women: 5, men: 5 }),
      ],
    };
    const rec = find(recommend(input({ mixity })), "embauche.objectif_mixite_metiers");
    expect(rec?.baselineValue).toBe(6.3);
  });

  it("returns null when job counts are missing", () => {
    const d = input({ mixity: { jobs: [job("Maçon", "masculin")] } });
    expect(resolveBaseline({ kind: "mixity", figure: "women_share_in_masculine_jobs" }, d)).toBeNull();
  });

  it.each([
    { figure: "pay_gap" as const, expected: 0 },
    { figure: "maternity_rate" as const, expected: 100 },
    { figure: "index_value" as const, expected: 100 },
  ])("reads the Index figure $figure", ({ figure, expected }) => {
    expect(resolveBaseline({ kind: "index", figure }, input({ index: fullIndex() }))).toBe(expected);
    expect(resolveBaseline({ kind: "index", figure }, input())).toBeNull();
  });

  it("reads a profile share and says « À mesurer » otherwise", () => {
    expect(resolveBaseline({ kind: "profile", group: "parcours" }, input())).toBe(50);
    expect(resolveBaseline({ kind: "to_measure", how: "Comptez." }, input())).toBeNull();
    expect(baselineSourceLabel({ kind: "to_measure", how: "Comptez." })).toBe(`À mesurer${NBSP}: Comptez.`);
  });

  it("does not read « Je ne sais pas » as a baseline", () => {
    const d = input({ answers: { "articulation.delai_plannings": DONT_KNOW } });
    expect(resolveBaseline({ kind: "answer", question: "articulation.delai_plannings" }, d)).toBeNull();
    expect(ids(recommend(d))).toContain("articulation.plannings_anticipes");
  });
});

describe("typography of every reason", () => {
  it("uses no-break spaces before « : ; ? ! % » and inside quotes", () => {
    const answers: Record<string, unknown> = {
      "embauche.offres_redaction_neutre": "non",
      "embauche.part_femmes_candidatures": 10,
      "articulation.delai_plannings": 0,
      "articulation.aides_mobilite": ["aucune"],
      "embauche.sourcing_metiers_non_traditionnels": ["portes_ouvertes"],
      "remuneration.femmes_dix_plus_hautes": 9,
      "conditions_travail.procedure_signalement": DONT_KNOW,
    };
    const recs = recommend(
      input({
        profile: profile({ headcountBand: "50_250", boardWomen: 1, boardMen: 8 }),
        answers: answers as Answers,
        mixity: { jobs: [job("Maçon", "masculin", "parcours", { lowHeadcount: true }), job("Couturière", "feminin"), job("Tri", "mixte")] },
        index: { ...fullIndex({ pay: 30, maternity: 0 }, 60), pay: { calculable: true, points: 30, value: 8 } },
      }),
    );
    expect(recs.length).toBeGreaterThan(10);
    for (const text of recs.flatMap((r) => [...r.reasons, r.baselineLabel])) {
      expect(text, text).not.toMatch(/ [?:;!%»]/);
      expect(text, text).not.toMatch(/«[^\u00a0]/);
      expect(text, text).not.toMatch(/ {2}/);
    }
  });
});
