import { describe, expect, it } from "vitest";
import {
  JOINT_ASSESSMENT_GAP_PCT,
  adjustedView,
  MIN_PEOPLE_PER_SEX,
  PAY_BANDS,
  WEEKS_PER_MONTH,
  FULL_TIME_WEEKLY_HOURS,
  basisIndicators,
  categoryGaps,
  checkCategories,
  computeTransparency,
  gapFigure,
  median,
  payBands,
  payOn,
  reachesJointAssessment,
  transparencyView,
  variableShares,
  type TransparencyPerson,
} from "../../diagnostics/transparency/index.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import { staffRow, transparencyPerson } from "../helpers/staff-row.ts";

/** A person paid `total` over one hour and one month (so hourly = monthly = total), variable part `variable`. */
const p = transparencyPerson;

const people = (sex: "F" | "H", values: number[], extra: Partial<TransparencyPerson> = {}) => values.map((v) => p(sex, v, extra));

describe("mean and median gaps (a), (c)", () => {
  it("gap = (men − women) / men: women 10 12 14, men 12 16 20 → mean 12 vs 16 = 25 %, median 12 vs 16 = 25 %", () => {
    const r = basisIndicators([...people("F", [10, 12, 14]), ...people("H", [12, 16, 20])], "hourly", false);
    expect(r.meanGap).toEqual({ status: "ok", women: 3, men: 3, womenValue: 12, menValue: 16, gapPct: 25 });
    expect(r.medianGap.gapPct).toBe(25);
  });

  it("median of an even count is the mean of the two middle values (ties included)", () => {
    expect(median([10, 20, 12, 14])).toBe(13);
    expect(median([5, 5, 5, 9])).toBe(5);
    expect(median([7, 7])).toBe(7);
    // women 10 12 14 20 → 13; men 10 20 30 40 → 25; gap (25 − 13) / 25 = 48 %.
    expect(gapFigure([10, 12, 14, 20], [10, 20, 30, 40], "median").gapPct).toBeCloseTo(48, 12);
  });

  it("a negative gap when women are paid more", () => {
    expect(gapFigure([22, 22, 22], [20, 20, 20], "mean").gapPct).toBeCloseTo(-10, 12);
  });

  it.each([
    { women: MIN_PEOPLE_PER_SEX - 1, men: MIN_PEOPLE_PER_SEX, status: "trop_peu" },
    { women: MIN_PEOPLE_PER_SEX, men: MIN_PEOPLE_PER_SEX - 1, status: "trop_peu" },
    { women: MIN_PEOPLE_PER_SEX, men: MIN_PEOPLE_PER_SEX, status: "ok" },
    { women: MIN_PEOPLE_PER_SEX + 1, men: MIN_PEOPLE_PER_SEX + 1, status: "ok" },
  ])("$women women and $men men → $status", ({ women, men, status }) => {
    const g = gapFigure(Array(women).fill(10), Array(men).fill(12), "mean");
    expect(g.status).toBe(status);
    if (status === "trop_peu") expect([g.gapPct, g.womenValue, g.menValue]).toEqual([null, null, null]);
  });

  it("« sans objet » when men's value is 0", () => {
    expect(gapFigure([1, 2, 3], [0, 0, 0], "mean").status).toBe("sans_objet");
  });

  it("hourly pay divides by hours paid, monthly pay by months present", () => {
    const x = p("F", 12_000, { hoursPaid: 800, monthsPresent: 6 });
    expect(payOn(x, "total", "hourly")).toBe(15);
    expect(payOn(x, "total", "monthly")).toBe(2000);
  });

  it("the part-time effect shows on monthly pay, not on hourly pay", () => {
    // Same hourly pay (15 €/h); women work 24 h a week, men 35 h.
    const hours = (weekly: number) => weekly * WEEKS_PER_MONTH * 12;
    const women = [1, 2, 3].map(() => p("F", 15 * hours(24), { hoursPaid: hours(24), monthsPresent: 12 }));
    const men = [1, 2, 3].map(() => p("H", 15 * hours(35), { hoursPaid: hours(35), monthsPresent: 12 }));
    expect(basisIndicators([...women, ...men], "hourly", false).meanGap.gapPct).toBeCloseTo(0, 10);
    expect(basisIndicators([...women, ...men], "monthly", false).meanGap.gapPct).toBeCloseTo((11 / 35) * 100, 10);
  });
});

describe("variable components (b), (d), (e)", () => {
  // Women's variable parts 0, 100, 200, 300; men's 0, 400, 400, 400 (total pay 1 000 + variable).
  const group = [
    ...[0, 100, 200, 300].map((v) => p("F", 1000 + v, { variable: v })),
    ...[0, 400, 400, 400].map((v) => p("H", 1000 + v, { variable: v })),
  ];
  it("(b), (d) are computed among the people who receive them: women 100 200 300, men 400 400 400 → 50 %", () => {
    const r = basisIndicators(group, "hourly", true);
    expect(r.variableMeanGap).toMatchObject({ status: "ok", women: 3, men: 3, womenValue: 200, menValue: 400, gapPct: 50 });
    expect(r.variableMedianGap).toMatchObject({ womenValue: 200, menValue: 400, gapPct: 50 });
  });

  it("(e) the share receiving them: 3 of 4 women, 3 of 4 men", () => {
    expect(variableShares(group)).toEqual({ status: "ok", women: 4, men: 4, womenReceiving: 3, menReceiving: 3, womenPct: 75, menPct: 75 });
  });

  it("(b), (d) are not available when pay is not split into base and variable", () => {
    const r = basisIndicators(group, "hourly", false);
    expect(r.variableMeanGap).toBeNull();
    expect(r.variableMedianGap).toBeNull();
  });

  it("(b) is suppressed when fewer than 3 women receive variable components", () => {
    const few = [...[0, 0, 100, 200].map((v) => p("F", 1000 + v, { variable: v })), ...[400, 400, 400].map((v) => p("H", 1000 + v, { variable: v }))];
    expect(basisIndicators(few, "hourly", true).variableMeanGap?.status).toBe("trop_peu");
  });

  it("(e) is suppressed below 3 women or 3 men", () => {
    expect(variableShares([...people("F", [1, 2]), ...people("H", [1, 2, 3])]).status).toBe("trop_peu");
  });
});

describe("pay bands (f)", () => {
  it(`${PAY_BANDS} bands of equal size; position i of n goes to band ⌊4i/n⌋ + 1 (n = 10 → 3, 2, 3, 2)`, () => {
    const r = payBands([...people("F", [1, 2, 3, 4, 5]), ...people("H", [6, 7, 8, 9, 10])], (x) => x.totalPay);
    expect(r.bands.map((b) => b.people)).toEqual([3, 2, 3, 2]);
    expect(r.bands.map((b) => b.women)).toEqual([3, 2, 0, 0]);
    expect(r.bands.map((b) => b.womenPct)).toEqual([100, 100, 0, 0]);
    expect(r.bands.map((b) => b.menPct)).toEqual([0, 0, 100, 100]);
  });

  it("a tie across a band boundary splits its women and men in proportion, whatever the row order", () => {
    // n = 8, bands of 2. Pay 10 (F), 20 (H), then four people at 30 (F, F, H, H) across bands 2 and 3, then 50 (F), 60 (H).
    const rows = [p("F", 10), p("H", 20), p("F", 30), p("F", 30), p("H", 30), p("H", 30), p("F", 50), p("H", 60)];
    const expected = [
      { band: 1, women: 1, men: 1 },
      { band: 2, women: 1, men: 1 },
      { band: 3, women: 1, men: 1 },
      { band: 4, women: 1, men: 1 },
    ];
    const pick = (r: ReturnType<typeof payBands>) => r.bands.map(({ band, women, men }) => ({ band, women, men }));
    expect(pick(payBands(rows, (x) => x.totalPay))).toEqual(expected);
    expect(pick(payBands([...rows].reverse(), (x) => x.totalPay))).toEqual(expected);
  });

  it("in a tie of one woman and one man cut by a boundary, the woman takes the lower band (never flatters the employer)", () => {
    // n = 4, bands of 1: pay 10 (H), 20 (F), 20 (H) cut between bands 2 and 3, 30 (F).
    const r = payBands([p("H", 10), p("H", 20), p("F", 20), p("F", 30), p("F", 1), p("H", 40), p("F", 2), p("H", 50)], (x) => x.totalPay);
    // Sorted: 1F 2F | 10H 20(F,H) | … → positions 0–1 band 1, 2–3 band 2, 4–5 band 3, 6–7 band 4.
    // Order: 1F, 2F, 10H, 20F, 20H, 30F, 40H, 50H.
    expect(r.bands.map((b) => b.women)).toEqual([2, 1, 1, 0]);
  });

  it("a tie of 3 women and 1 man spread over two bands keeps the 3:1 mix in each as far as possible", () => {
    // n = 8, bands of 2; four people at 30 in bands 2 and 3: keys F 1/6, 1/2, 5/6, H 1/2 → F, F, H, F.
    const r = payBands([p("F", 10), p("H", 20), p("F", 30), p("F", 30), p("F", 30), p("H", 30), p("H", 50), p("H", 60)], (x) => x.totalPay);
    expect(r.bands.map((b) => b.women)).toEqual([1, 2, 1, 0]);
  });

  it("is suppressed below 3 women or 3 men in the population", () => {
    expect(payBands([...people("F", [1, 2]), ...people("H", [1, 2, 3, 4])], (x) => x.totalPay)).toEqual({ status: "trop_peu", bands: [] });
  });
});

describe("categories (g) and the joint assessment trigger (art. 10)", () => {
  it.each([
    { gap: JOINT_ASSESSMENT_GAP_PCT - 0.01, flagged: false },
    { gap: JOINT_ASSESSMENT_GAP_PCT, flagged: true },
    { gap: JOINT_ASSESSMENT_GAP_PCT + 0.01, flagged: true },
    { gap: -JOINT_ASSESSMENT_GAP_PCT, flagged: true },
    { gap: -JOINT_ASSESSMENT_GAP_PCT + 0.01, flagged: false },
    { gap: null, flagged: false },
  ])("gap $gap % → flagged $flagged", ({ gap, flagged }) => {
    expect(reachesJointAssessment(gap)).toBe(flagged);
  });

  it("per category: total, base and variable mean gaps; flags only publishable categories at 5 % or more", () => {
    const rows = [
      // « Tri »: women 19, 19, 19 (base 18 + variable 1), men 20 ×3 (base 20): total gap 5 %, base 10 %, variable −∞ → sans objet.
      ...[1, 2, 3].map(() => p("F", 19, { variable: 1, category: "Tri" })),
      ...[1, 2, 3].map(() => p("H", 20, { category: "Tri" })),
      // « Accueil »: women 20 ×3, men 20.5 ×3 → 2,44 %, below the threshold.
      ...[1, 2, 3].map(() => p("F", 20, { category: "Accueil" })),
      ...[1, 2, 3].map(() => p("H", 20.5, { category: "Accueil" })),
      // « Chauffeurs »: 2 women only → too small, not flagged even with a large gap.
      ...[1, 2].map(() => p("F", 10, { category: "Chauffeurs" })),
      ...[1, 2, 3].map(() => p("H", 20, { category: "Chauffeurs" })),
    ];
    const cats = categoryGaps(rows, true);
    const tri = cats.find((c) => c.label === "Tri")!;
    expect(tri.hourly.total.gapPct).toBeCloseTo(5, 10);
    expect(tri.hourly.base?.gapPct).toBeCloseTo(10, 10);
    expect(tri.hourly.variable?.status).toBe("sans_objet");
    expect(tri.reachesThreshold).toBe(true);
    const accueil = cats.find((c) => c.label === "Accueil")!;
    expect(accueil.hourly.total.gapPct).toBeCloseTo((0.5 / 20.5) * 100, 10);
    expect(accueil.reachesThreshold).toBe(false);
    const chauffeurs = cats.find((c) => c.label === "Chauffeurs")!;
    expect(chauffeurs).toMatchObject({ publishable: false, reachesThreshold: false, women: 2, men: 3 });
    expect(chauffeurs.hourly.total.status).toBe("trop_peu");
  });

  it("checks each category: too small to publish, or of one sex only", () => {
    const checks = checkCategories([
      { label: "Tri", women: 3, men: 3 },
      { label: "Chauffeurs", women: 2, men: 5 },
      { label: "Secrétariat", women: 4, men: 0 },
    ]);
    expect(checks.map((c) => [c.label, c.problems])).toEqual([
      ["Chauffeurs", ["trop_peu"]],
      ["Secrétariat", ["un_seul_sexe", "trop_peu"]],
    ]);
    expect(checks[0].messages[0]).toBe(
      "«\u00a0Chauffeurs\u00a0» compte 2\u00a0femmes et 5\u00a0hommes\u00a0: il faut au moins 3\u00a0femmes et 3\u00a0hommes pour publier un écart. Elle est signalée comme trop petite pour être publiée.",
    );
    expect(checks[1].messages[0]).toMatch(/^«\u00a0Secrétariat\u00a0» ne compte que des femmes\u00a0: aucun écart ne peut y être mesuré\./);
  });
});

/** A staff row with the pay-transparency columns. */
function row(sex: "F" | "H", annualGrossPay: number, extra: Partial<StaffRow> = {}): StaffRow {
  return staffRow(sex, "Agent de tri", { annualGrossPay, ...extra });
}

describe("from staff rows", () => {
  it("hours paid = contractual weekly hours × 52/12 × months; else time share × 35 h", () => {
    const withHours = computeTransparency([...[1, 2, 3].map(() => row("F", 13_000, { weeklyHours: 26 })), ...[1, 2, 3].map(() => row("H", 17_500, { weeklyHours: 35 }))]);
    // Women: 13 000 / (26 × 52) = 9,615 €/h; men: 17 500 / (35 × 52) = 9,615 €/h → 0 %.
    expect(withHours.sources.hours).toBe("contrat");
    expect(withHours.hourly.meanGap.womenValue).toBeCloseTo(13_000 / (26 * 52), 10);
    expect(withHours.hourly.meanGap.gapPct).toBeCloseTo(0, 10);
    const fromShare = computeTransparency([...[1, 2, 3].map(() => row("F", 10_000, { timeShare: 0.5, monthsPresent: 6 })), ...[1, 2, 3].map(() => row("H", 40_000))]);
    expect(fromShare.sources.hours).toBe("temps_de_travail");
    expect(fromShare.hourly.meanGap.womenValue).toBeCloseTo(10_000 / (0.5 * FULL_TIME_WEEKLY_HOURS * WEEKS_PER_MONTH * 6), 10);
    expect(fromShare.monthly.meanGap.womenValue).toBeCloseTo(10_000 / 6, 10);
  });

  it("variable = total − base; without a base column, base = total − variable; with neither, pay is not split", () => {
    const a = computeTransparency([row("F", 20_000, { basePay: 18_000 }), row("H", 20_000, { basePay: 20_000 })]);
    expect(a.sources.paySplit).toBe(true);
    const b = computeTransparency([row("F", 20_000, { variablePay: 2_000 }), row("H", 20_000, { variablePay: 0 })]);
    expect(b.sources.paySplit).toBe(true);
    const c = computeTransparency([row("F", 20_000), row("H", 20_000)]);
    expect(c.sources.paySplit).toBe(false);
    expect(c.variableShares).toBeNull();
  });

  it("categories come from the column, grouped without case or accents; else from the CSP", () => {
    const r = computeTransparency([
      row("F", 20_000, { payCategory: "Agents de tri" }),
      row("H", 20_000, { payCategory: "agents de  tri" }),
      row("F", 20_000, { payCategory: "Encadrement" }),
    ]);
    expect(r.categories.map((c) => [c.label, c.women, c.men])).toEqual([
      ["Agents de tri", 1, 1],
      ["Encadrement", 1, 0],
    ]);
    const csp = computeTransparency([row("F", 20_000), row("H", 20_000, { csp: "employes" })]);
    expect(csp.sources.categories).toBe("csp");
    expect(csp.categories.map((c) => c.label).sort()).toEqual(["Employés", "Ouvriers"]);
  });

  it("ESAT accompanied workers are not counted (no employment contract)", () => {
    const rows = [row("F", 8_000), row("H", 8_000), row("F", 25_000, { population: "permanent" })];
    expect(computeTransparency(rows, { structureType: "ESAT" }).population).toEqual({ counted: 1, women: 1, men: 0, excludedNotEmployees: 2 });
    expect(computeTransparency(rows, { structureType: "ACI" }).population.counted).toBe(3);
  });

  it("the view never shows a figure built from fewer than 3 women or 3 men", () => {
    const view = transparencyView(computeTransparency([row("F", 20_000), row("F", 20_000), row("H", 30_000), row("H", 30_000), row("H", 30_000)]));
    expect(view.indicators[0].hourly).toEqual({ display: "non publié (moins de 3\u00a0femmes ou 3\u00a0hommes)", value: null, women: null, men: null });
    expect(view.bands.hourly).toBeNull();
    expect(JSON.stringify(view)).not.toMatch(/20\u00a0000|30\u00a0000|1\u00a0666|2\u00a0500/);
  });

  it("the view writes gaps the French way", () => {
    const view = transparencyView(computeTransparency([...[1, 2, 3].map(() => row("F", 18_000)), ...[1, 2, 3].map(() => row("H", 20_000))]));
    expect(view.indicators[0].hourly.display).toBe("10,0\u00a0%");
    expect(view.indicators[0].monthly.women).toBe("1\u00a0500\u00a0€\u00a0/\u00a0mois");
    expect(view.headline).toBe("En moyenne, les femmes gagnent 10,0\u00a0% de moins que les hommes par heure payée.");
  });
});

describe("notes on what the file lacks", () => {
  it("says when categories or hours are missing for everyone or for some", () => {
    const some = transparencyView(computeTransparency([row("F", 20_000, { payCategory: "Tri", weeklyHours: 35 }), row("H", 20_000, { payCategory: null, weeklyHours: null })]));
    expect(some.notes).toEqual([
      "Heures hebdomadaires contractuelles manquantes pour une partie des personnes\u00a0: pour elles, les heures sont déduites du temps de travail (35\u00a0h × quotité).",
      "La «\u00a0Catégorie d'emploi de valeur égale\u00a0» manque pour une partie des personnes\u00a0: pour elles, la CSP en tient lieu. Une CSP ne regroupe pas forcément des emplois de valeur égale\u00a0: définissez vos catégories pour préparer la déclaration.",
      "Sans les colonnes «\u00a0Salaire de base\u00a0» et «\u00a0Rémunération variable\u00a0», les indicateurs sur les primes et compléments ne peuvent pas être calculés.",
    ]);
    const full = transparencyView(computeTransparency([row("F", 20_000, { payCategory: "Tri", weeklyHours: 35, basePay: 20_000 })]));
    expect(full.notes).toEqual([]);
  });
});

describe("the reading of the unexplained gap", () => {
  const estimate = (factors: { id: "csp" | "age" | "anciennete" | "temps"; label: string }[], reading: "sous_le_seuil" | "au_dela_femmes" | "au_dela_hommes" | "incertain") =>
    adjustedView({ status: "estime", n: 40, women: 20, men: 20, df: 38, factors, rawGapPct: 8, gapPct: 6, lowPct: 5.2, highPct: 6.8, explainedPts: 2, coefficient: -0.062, standardError: 0.004, t: 2.02, reading });

  it.each(["sous_le_seuil", "au_dela_femmes", "au_dela_hommes", "incertain"] as const)("names the factors held constant (%s)", (reading) => {
    const text = estimate([{ id: "csp", label: "la CSP" }, { id: "temps", label: "le temps de travail" }], reading).text;
    expect(text).toContain("À situation comparable (la CSP, le temps de travail)");
    expect(text).not.toMatch(/\(\)|de ,|compte ,/);
  });

  it.each(["sous_le_seuil", "au_dela_femmes", "au_dela_hommes", "incertain"] as const)("says so when no neutral factor differs between people (%s)", (reading) => {
    const text = estimate([], reading).text;
    expect(text).toContain("ne se distinguent par aucun facteur neutre");
    expect(text).not.toMatch(/\(\)|de ,|compte ,/);
  });
});
