import { describe, expect, it } from "vitest";
import {
  ESAT_WORKERS_NOTE,
  MIXITY_DECIMAL_SCALE,
  MIXITY_LOW_HEADCOUNT,
  MIXITY_MAX_SHARE_WOMEN,
  MIXITY_MIN_SHARE_WOMEN,
  SIAE_STRUCTURE_TYPES,
  classifyMixity,
  computeMixity,
  formatSharePercent,
  mixityRuleText,
  mixitySummary,
  populationWording,
  type MixityClass,
  type MixityJobInput,
} from "../../diagnostics/mixity.ts";
import { PARCOURS_WORDING } from "../../diagnostics/questionnaire.ts";
import { STRUCTURE_TYPES } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";

function job(label: string, women: number, men: number, extra: Partial<MixityJobInput> = {}): MixityJobInput {
  return { label, population: "parcours", women, men, ...extra };
}

describe("constants", () => {
  it("pins the mixity band (UDES 2022 guide, DOMAIN.md §5.1)", () => {
    expect(MIXITY_MIN_SHARE_WOMEN).toBe(0.4);
    expect(MIXITY_MAX_SHARE_WOMEN).toBe(0.6);
  });
  it("pins the low-headcount flag and the decimal scale", () => {
    expect(MIXITY_LOW_HEADCOUNT).toBe(5);
    expect(MIXITY_DECIMAL_SCALE).toBe(1_000_000);
  });
});

describe("classification around the bounds (per mille of 1 000 people)", () => {
  const total = 1000;
  const min = Math.round(MIXITY_MIN_SHARE_WOMEN * total);
  const max = Math.round(MIXITY_MAX_SHARE_WOMEN * total);
  const ROWS: { label: string; women: number; expected: MixityClass }[] = [
    { label: "39.9 % women (min − 0.1) → masculin", women: min - 1, expected: "masculin" },
    { label: "40 % women (min, inclusive) → mixte", women: min, expected: "mixte" },
    { label: "40.1 % women (min + 0.1) → mixte", women: min + 1, expected: "mixte" },
    { label: "59.9 % women (max − 0.1) → mixte", women: max - 1, expected: "mixte" },
    { label: "60 % women (max, inclusive) → mixte", women: max, expected: "mixte" },
    { label: "60.1 % women (max + 0.1) → feminin", women: max + 1, expected: "feminin" },
    { label: "0 % women → masculin", women: 0, expected: "masculin" },
    { label: "100 % women → feminin", women: total, expected: "feminin" },
  ];
  it.each(ROWS)("$label", ({ women, expected }) => {
    const result = computeMixity([job("Métier", women, total - women)]);
    expect(result.jobs[0].class).toBe(expected);
    expect(result.jobs[0].shareWomen).toBeCloseTo(women / total, 12);
    expect(classifyMixity(women, total - women)).toBe(expected);
  });

  it("small exact cases: 2 of 5 and 3 of 5 are mixed, 1 of 3 is not", () => {
    expect(classifyMixity(2, 3)).toBe("mixte");
    expect(classifyMixity(3, 2)).toBe("mixte");
    expect(classifyMixity(1, 2)).toBe("masculin");
    expect(classifyMixity(2, 1)).toBe("feminin");
  });

  it("nobody → class null and share null", () => {
    const result = computeMixity([job("Vide", 0, 0)]);
    expect(result.jobs[0]).toMatchObject({ class: null, shareWomen: null, headcount: 0, lowHeadcount: false });
    expect(classifyMixity(0, 0)).toBeNull();
  });
});

describe("FTE classification is exact on decimal input", () => {
  const ROWS: { label: string; womenFte: number; menFte: number; expected: MixityClass }[] = [
    { label: "1.2 / 1.8 FTE = exactly 40 % → mixte (1.2 / 3 is 0.3999… in doubles)", womenFte: 1.2, menFte: 1.8, expected: "mixte" },
    { label: "1.8 / 1.2 FTE = exactly 60 % → mixte", womenFte: 1.8, menFte: 1.2, expected: "mixte" },
    { label: "0.4 / (0.1 + 0.2 + 0.3) = exactly 40 % → mixte", womenFte: 0.4, menFte: 0.1 + 0.2 + 0.3, expected: "mixte" },
    { label: "(0.1 + 0.2) / 0.45 = exactly 40 % → mixte", womenFte: 0.1 + 0.2, menFte: 0.45, expected: "mixte" },
    { label: "(0.1 + 0.2) / 0.2 = exactly 60 % → mixte", womenFte: 0.1 + 0.2, menFte: 0.2, expected: "mixte" },
    { label: "1.199 / 1.801 = 39.97 % → masculin", womenFte: 1.199, menFte: 1.801, expected: "masculin" },
    { label: "1.801 / 1.199 = 60.03 % → feminin", womenFte: 1.801, menFte: 1.199, expected: "feminin" },
  ];
  it.each(ROWS)("$label", ({ womenFte, menFte, expected }) => {
    const result = computeMixity([job("Métier", 2, 2, { womenFte, menFte })]);
    expect(result.jobs[0].classFte).toBe(expected);
    expect(classifyMixity(womenFte, menFte)).toBe(expected);
  });

  it("reports FTE rounded to 6 decimals and the FTE share", () => {
    const result = computeMixity([job("Métier", 2, 3, { womenFte: 0.1 + 0.2, menFte: 0.45 })]);
    expect(result.jobs[0]).toMatchObject({ womenFte: 0.3, menFte: 0.45, fte: 0.75 });
    expect(result.jobs[0].shareWomenFte).toBeCloseTo(0.4, 12);
  });

  it("FTE unknown → FTE share and class null; missing FTE of an absent sex counts as 0", () => {
    const result = computeMixity([job("A", 2, 2), job("B", 3, 0, { womenFte: 2.5 })]);
    expect(result.jobs[0]).toMatchObject({ womenFte: null, menFte: null, fte: null, shareWomenFte: null, classFte: null });
    expect(result.jobs[1]).toMatchObject({ womenFte: 2.5, menFte: 0, classFte: "feminin" });
    expect(result.totals.all.fte).toBeNull();
    expect(result.fteInMixedJobsShare).toBeNull();
  });
});

describe("low headcount flag", () => {
  const ROWS = [
    { label: `${MIXITY_LOW_HEADCOUNT - 1} people → low`, headcount: MIXITY_LOW_HEADCOUNT - 1, expected: true },
    { label: `${MIXITY_LOW_HEADCOUNT} people → not low`, headcount: MIXITY_LOW_HEADCOUNT, expected: false },
    { label: `${MIXITY_LOW_HEADCOUNT + 1} people → not low`, headcount: MIXITY_LOW_HEADCOUNT + 1, expected: false },
    { label: "1 person → low", headcount: 1, expected: true },
  ];
  it.each(ROWS)("$label", ({ headcount, expected }) => {
    const women = Math.floor(headcount / 2);
    expect(computeMixity([job("Métier", women, headcount - women)]).jobs[0].lowHeadcount).toBe(expected);
  });
});

describe("totals and shares", () => {
  const jobs: MixityJobInput[] = [
    { label: "Encadrant technique", population: "permanent", women: 1, men: 3, womenFte: 1, menFte: 3 },
    { label: "Conseillère en insertion", population: "permanent", women: 2, men: 0, womenFte: 1.5, menFte: 0 },
    { label: "Agent d'entretien", population: "parcours", women: 4, men: 4, womenFte: 2.4, menFte: 3.6 },
    { label: "Ouvrier espaces verts", population: "parcours", women: 1, men: 9, womenFte: 0.5, menFte: 6 },
    { label: "Couture", population: "parcours", women: 3, men: 2, womenFte: 2, menFte: 1 },
    { label: "Atelier fermé", population: "parcours", women: 0, men: 0 },
  ];
  const result = computeMixity(jobs, { encadrement: { women: 1, men: 3 }, direction: { women: 1, men: 0 } });

  it("classifies each job by headcount and by FTE", () => {
    expect(result.jobs.map((j) => [j.label, j.class, j.classFte])).toEqual([
      ["Encadrant technique", "masculin", "masculin"],
      ["Conseillère en insertion", "feminin", "feminin"],
      ["Agent d'entretien", "mixte", "mixte"],
      ["Ouvrier espaces verts", "masculin", "masculin"],
      ["Couture", "mixte", "feminin"],
      ["Atelier fermé", null, null],
    ]);
  });

  it("totals for all, permanent and parcours", () => {
    expect(result.totals.permanent).toMatchObject({ women: 3, men: 3, headcount: 6, shareWomen: 0.5, class: "mixte", womenFte: 2.5, menFte: 3, fte: 5.5 });
    expect(result.totals.parcours).toMatchObject({ women: 8, men: 15, headcount: 23, womenFte: 4.9, menFte: 10.6, fte: 15.5 });
    expect(result.totals.parcours.shareWomen).toBeCloseTo(8 / 23, 12);
    expect(result.totals.all).toMatchObject({ women: 11, men: 18, headcount: 29, fte: 21 });
    expect(result.totals.all.shareWomenFte).toBeCloseTo(7.4 / 21, 12);
  });

  it("shares of mixed jobs and of staff in mixed jobs (jobs without anyone left out)", () => {
    expect(result.jobsWithStaff).toBe(5);
    expect(result.mixedJobs).toBe(2);
    expect(result.mixedJobsShare).toBeCloseTo(2 / 5, 12);
    expect(result.staffInMixedJobsShare).toBeCloseTo(13 / 29, 12);
    expect(result.fteInMixedJobsShare).toBeCloseTo(6 / 21, 12);
    expect(result.byPopulation.permanent).toEqual({ jobsWithStaff: 2, mixedJobs: 0, mixedJobsShare: 0, staffInMixedJobsShare: 0 });
    expect(result.byPopulation.parcours.mixedJobs).toBe(2);
    expect(result.byPopulation.parcours.mixedJobsShare).toBeCloseTo(2 / 3, 12);
  });

  it("women's share among encadrement and direction", () => {
    expect(result.encadrement).toEqual({ women: 1, men: 3, headcount: 4, shareWomen: 0.25 });
    expect(result.direction).toEqual({ women: 1, men: 0, headcount: 1, shareWomen: 1 });
    const none = computeMixity(jobs);
    expect(none.encadrement).toBeNull();
    expect(none.direction).toBeNull();
    expect(computeMixity(jobs, { direction: { women: 0, men: 0 } }).direction?.shareWomen).toBeNull();
  });

  it("no jobs → shares null", () => {
    const empty = computeMixity([]);
    expect(empty).toMatchObject({ jobsWithStaff: 0, mixedJobs: 0, mixedJobsShare: null, staffInMixedJobsShare: null });
    expect(empty.totals.all).toMatchObject({ headcount: 0, shareWomen: null, class: null, fte: 0, shareWomenFte: null });
  });

  it("merges rows of the same job and population, ignoring case, accents and spaces", () => {
    const merged = computeMixity([
      job("Agent d'entretien", 1, 1, { womenFte: 0.5, menFte: 1 }),
      job("agent  d'ENTRETIEN", 1, 2, { womenFte: 1, menFte: 1 }),
      { label: "Agent d'entretien", population: "permanent", women: 1, men: 0 },
    ]);
    expect(merged.jobs).toHaveLength(2);
    expect(merged.jobs[0]).toMatchObject({ label: "Agent d'entretien", women: 2, men: 3, womenFte: 1.5, menFte: 2 });
  });

  it("refuses negative or fractional headcounts", () => {
    expect(() => computeMixity([job("X", -1, 2)])).toThrow();
    expect(() => computeMixity([job("X", 1.5, 2)])).toThrow();
    expect(() => computeMixity([job("X", 1, 2, { womenFte: -0.1 })])).toThrow();
  });
});

describe("summary sentence", () => {
  const rule = `(entre 40${NBSP}% et 60${NBSP}% de femmes)`;

  it("builds the rule from the constants", () => {
    expect(mixityRuleText()).toBe(`entre 40${NBSP}% et 60${NBSP}% de femmes`);
    expect(formatSharePercent(null)).toBe("—");
    expect(formatSharePercent(0.456)).toBe(`46${NBSP}%`);
  });

  it("« 2 métiers sur 9 sont mixtes »", () => {
    const jobs = [job("A", 2, 2), job("B", 3, 2), ...Array.from({ length: 7 }, (_, i) => job(`C${i}`, 0, 3))];
    const summary = mixitySummary(computeMixity(jobs));
    expect(summary).toBe(`2 métiers sur 9 sont mixtes ${rule}. 30${NBSP}% des personnes y travaillent.`);
  });

  it("singular and none", () => {
    expect(mixitySummary(computeMixity([job("A", 1, 1), job("B", 0, 1)]))).toBe(
      `1 métier sur 2 est mixte ${rule}. 67${NBSP}% des personnes y travaillent.`,
    );
    expect(mixitySummary(computeMixity([job("A", 0, 1), job("B", 0, 1)]))).toBe(`Aucun des 2 métiers n'est mixte ${rule}.`);
    expect(mixitySummary(computeMixity([job("A", 0, 1)]))).toBe(`Le seul métier renseigné n'est pas mixte ${rule}.`);
    expect(mixitySummary(computeMixity([]))).toBe("Aucun métier n'a de personnel renseigné.");
  });
});

describe("population wording", () => {
  it.each(SIAE_STRUCTURE_TYPES.map((t) => ({ type: t })))("$type: « salariés en parcours d'insertion »", ({ type }) => {
    expect(populationWording("parcours", type)).toEqual({
      label: "salariés en parcours d'insertion",
      labelFeminine: "salariées en parcours d'insertion",
      note: null,
    });
  });

  it("EA: « salariés en situation de handicap »", () => {
    expect(populationWording("parcours", "EA")).toMatchObject({ label: "salariés en situation de handicap", note: null });
  });

  it("ESAT: « travailleurs accompagnés », with the note that they are not employees", () => {
    const w = populationWording("parcours", "ESAT");
    expect(w.label).toBe("travailleurs accompagnés");
    expect(w.note).toBe(ESAT_WORKERS_NOTE);
    expect(w.note).toContain(`ne sont pas salariés${NBSP}:`);
  });

  it("reuses the questionnaire's PARCOURS_WORDING for every structure type", () => {
    for (const type of STRUCTURE_TYPES) {
      expect(populationWording("parcours", type).label.startsWith(PARCOURS_WORDING[type].masculine)).toBe(true);
      expect(populationWording("permanent", type)).toEqual({ label: "salariés permanents", labelFeminine: "salariées permanentes", note: null });
    }
    expect(populationWording("parcours", "GEIQ").note).not.toBeNull();
  });
});
