import { describe, expect, it } from "vitest";
import { checkPlan, type Plan } from "../../diagnostics/plan/index.ts";
import type { MixityChartBlock, TableBlock } from "../../diagnostics/report.ts";
import { buildResults, formatShare, type IndexView } from "../../diagnostics/results.ts";
import { LEGAL_WEEKLY_HOURS, type StaffRow } from "../../diagnostics/staff-file/index.ts";
import {
  buildTenderSheetModel,
  CLAUSES_WOMEN_SHARE,
  formatFte,
  formatHours,
  FULL_TIME_MONTHLY_HOURS,
  pathwayYear,
  pointsChange,
  staffRowHours,
  TENDER_TREND_YEARS,
  tenderSheetFileName,
  trendYears,
  WEEKS_PER_MONTH,
  type TenderDiagnosticInput,
  type TenderSheetInput,
} from "../../diagnostics/tender-sheet.ts";
import { FIXTURE_JOBS, FIXTURE_PROFILE, FIXTURE_STRUCTURE, fixturePlan, fixtureResultsInput, fixtureStaffRows } from "../helpers/report-fixture.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

const JOBS = FIXTURE_JOBS.map((j) => ({ ...j }));
const JOBS_WITHOUT_FTE = FIXTURE_JOBS.map(({ womenFte: _w, menFte: _m, ...j }) => ({ ...j }));

function indexView(): IndexView {
  const r = buildResults(fixtureResultsInput());
  if (r.status !== "ready") throw new Error("expected ready results");
  return r.index;
}

function sheetInput(overrides: Partial<TenderSheetInput> = {}, current: Partial<TenderDiagnosticInput> = {}): TenderSheetInput {
  const plan = fixturePlan();
  return {
    structure: FIXTURE_STRUCTURE,
    year: 2026,
    generatedAt: new Date(Date.UTC(2026, 10, 23, 10)),
    diagnostics: [
      { year: 2026, jobs: JOBS, staffRows: fixtureStaffRows(), indexResult: indexView(), plan, planCheck: checkPlan(plan, FIXTURE_PROFILE), ...current },
      { year: 2025, jobs: JOBS_WITHOUT_FTE.map((j) => (j.population === "parcours" ? { ...j, women: Math.max(0, j.women - 1) } : j)) },
    ],
    ...overrides,
  };
}

function table(model: ReturnType<typeof buildTenderSheetModel>, sectionId: string): TableBlock {
  return model.sections.find((s) => s.id === sectionId)!.blocks.find((b): b is TableBlock => b.kind === "table")!;
}

describe("constants", () => {
  it("pins the trend length and the monthly hours", () => {
    expect(TENDER_TREND_YEARS).toBe(3);
    expect(WEEKS_PER_MONTH).toBeCloseTo(52 / 12, 12);
    expect(FULL_TIME_MONTHLY_HOURS).toBeCloseTo(151.6667, 4);
    expect(FULL_TIME_MONTHLY_HOURS).toBe(LEGAL_WEEKLY_HOURS * WEEKS_PER_MONTH);
    expect(CLAUSES_WOMEN_SHARE).toEqual({ 2012: 0.13, 2022: 0.19 });
  });
});

describe("hours of a person", () => {
  it.each([
    { timeShare: 1, monthsPresent: 12, hours: 1820 },
    { timeShare: 0.5, monthsPresent: 12, hours: 910 },
    { timeShare: 1, monthsPresent: 6, hours: 910 },
    { timeShare: 26 / 35, monthsPresent: 12, hours: 1352 },
    { timeShare: 0.8, monthsPresent: 4, hours: 485.333 },
  ])("$timeShare × $monthsPresent months → $hours h", ({ timeShare, monthsPresent, hours }) => {
    expect(staffRowHours({ timeShare, monthsPresent })).toBeCloseTo(hours, 2);
  });

  it.each([
    { hours: 1820, expected: `1${NNBSP}820${NBSP}h` },
    { hours: 485.4, expected: `485${NBSP}h` },
  ])("formatHours($hours)", ({ hours, expected }) => expect(formatHours(hours)).toBe(expected));
  it.each([
    { fte: 3.7, expected: `3,7${NBSP}ETP` },
    { fte: 2, expected: `2,0${NBSP}ETP` },
  ])("formatFte($fte)", ({ fte, expected }) => expect(formatFte(fte)).toBe(expected));
});

describe("people in pathways, per job", () => {
  it.each([
    { label: "staff file → hours", input: { year: 2026, jobs: JOBS, staffRows: fixtureStaffRows() }, basis: "heures" },
    { label: "FTE in the jobs table → ETP", input: { year: 2026, jobs: JOBS, staffRows: null }, basis: "etp" },
    { label: "neither → nothing", input: { year: 2026, jobs: JOBS_WITHOUT_FTE }, basis: null },
  ] as const)("$label", ({ input, basis }) => {
    const y = pathwayYear(input);
    expect(y.basis).toBe(basis);
    expect([y.women, y.men, y.headcount]).toEqual([9, 9, 18]);
    expect(y.jobs.map((j) => j.label)).toEqual(["Agent·e de tri textile", "Maraîchère, maraîcher", "Vendeuse en boutique solidaire", "Agent d’entretien des espaces verts"]);
    expect([y.jobsWithStaff, y.mixedJobs]).toEqual([4, 2]);
    if (basis === null) expect(y.shareWomenAmount).toBeNull();
  });

  it("adds up each person's hours per job and overall", () => {
    const rows = fixtureStaffRows();
    const y = pathwayYear({ year: 2026, jobs: JOBS, staffRows: rows });
    const sum = (filter: (r: StaffRow) => boolean) => rows.filter((r) => r.population === "parcours" && filter(r)).reduce((s, r) => s + staffRowHours(r), 0);
    expect(y.womenAmount).toBeCloseTo(sum((r) => r.sex === "F"), 6);
    expect(y.menAmount).toBeCloseTo(sum((r) => r.sex === "H"), 6);
    // Per job, through the import's FTE (rounded to 6 decimals): within a hundredth of an hour.
    for (const job of y.jobs) {
      expect(job.womenAmount).toBeCloseTo(sum((r) => r.sex === "F" && r.job === job.label), 2);
      expect(job.menAmount).toBeCloseTo(sum((r) => r.sex === "H" && r.job === job.label), 2);
    }
    expect(y.staffFileDiffers).toBe(false);
  });

  it("takes the ETP of the jobs table without staff file", () => {
    const y = pathwayYear({ year: 2026, jobs: JOBS });
    expect(y.womenAmount).toBeCloseTo(0.8 + 1.5 + 3.7 + 0.7, 9);
    expect(y.menAmount).toBeCloseTo(4.8 + 1.6 + 0 + 0.8, 9);
  });

  it("says when the jobs table and the staff file do not count the same people", () => {
    const rows = fixtureStaffRows().slice(1);
    expect(pathwayYear({ year: 2026, jobs: JOBS, staffRows: rows.filter((r) => r.population === "parcours").slice(1) }).staffFileDiffers).toBe(true);
  });
});

describe("trend", () => {
  const d = (year: number): TenderDiagnosticInput => ({ year, jobs: JOBS });
  it.each([
    { years: [2026], year: 2026, expected: [2026] },
    { years: [2024, 2026, 2025], year: 2026, expected: [2026, 2025, 2024] },
    { years: [2022, 2023, 2024, 2025, 2026], year: 2026, expected: [2026, 2025, 2024] },
    { years: [2024, 2025, 2026, 2027], year: 2025, expected: [2025, 2024] },
  ])("years $years for $year → $expected", ({ years, year, expected }) => {
    expect(trendYears(years.map(d), year).map((x) => x.year)).toEqual(expected);
  });

  it.each([
    { from: 0.25, to: 0.5, delta: 25, text: `+${NBSP}25${NBSP}points` },
    { from: 0.5, to: 0.49, delta: -1, text: `\u2212${NBSP}1${NBSP}point` },
    { from: 0.404, to: 0.396, delta: 0, text: "stable" },
  ])("$from → $to: $text", ({ from, to, delta, text }) => {
    expect(pointsChange(from, to)).toEqual({ delta, text });
  });

  it("shows one row per year, newest first, with the basis of each", () => {
    const model = buildTenderSheetModel(sheetInput());
    const t = table(model, "evolution");
    expect(t.rows.map((r) => r.cells[0])).toEqual(["2026", "2025"]);
    expect(t.rows[0].cells[3]).toMatch(/\(heures\)$/);
    expect(t.rows[1].cells[3]).toBe("—");
    expect(t.note).toContain("GIP Maximilien");
  });
});

describe("commitments and barriers", () => {
  it("lists the active actions with a target and a deadline, earliest first", () => {
    const plan: Plan = fixturePlan();
    plan.actions[1] = { ...plan.actions[1], status: "abandonnee" };
    plan.actions[2] = { ...plan.actions[2], indicator: { ...plan.actions[2].indicator, target: null } };
    const model = buildTenderSheetModel(sheetInput({}, { plan, planCheck: checkPlan(plan, FIXTURE_PROFILE) }));
    const t = table(model, "engagements");
    const expected = plan.actions
      .filter((a, i) => i !== 1 && i !== 2)
      .sort((a, b) => a.deadline!.localeCompare(b.deadline!))
      .map((a) => a.title);
    expect(t.rows.map((r) => r.cells[0].split("\n")[0])).toEqual(expected);
    expect(model.sections.find((s) => s.id === "engagements")!.blocks.at(-1)).toMatchObject({ text: expect.stringContaining("1\u00a0autre action du plan n'a pas encore") });
  });

  it("shows each barrier with the actions that address it, and those left out", () => {
    const model = buildTenderSheetModel(sheetInput());
    const t = table(model, "freins");
    expect(t.rows.map((r) => r.cells[0])).toEqual(["Mobilité", "Confiance en soi", "Garde d'enfants", "Temps partiel subi"]);
    expect(t.rows[0].cells[1].split("\n")).toHaveLength(2);
    expect(model.sections.find((s) => s.id === "freins")!.blocks.at(-1)).toMatchObject({ text: `Non traités par le plan${NBSP}: violences et accès au numérique.` });
  });

  it("says when the plan is missing", () => {
    const model = buildTenderSheetModel(sheetInput({}, { plan: null, planCheck: null }));
    expect(model.cover.status[1]).toMatchObject({ label: "Plan d'action", value: "Pas de plan d'action saisi dans Boussole Égalité pour cette année" });
    expect(model.sections.find((s) => s.id === "engagements")!.blocks[0]).toMatchObject({ text: expect.stringContaining("Aucun plan d'action") });
    expect(model.cover.figures.at(-1)).toMatchObject({ label: "Engagements chiffrés et datés", value: "—" });
  });
});

describe("the sheet", () => {
  it("puts the women's share in persons and in hours on page one", () => {
    const model = buildTenderSheetModel(sheetInput());
    const y = pathwayYear(sheetInput().diagnostics[0]);
    expect(model.cover.figures.slice(0, 2).map((f) => [f.label, f.value])).toEqual([
      ["Part de femmes parmi les salariés en parcours d'insertion", formatShare(y.shareWomen)],
      ["Part de femmes dans les heures de travail", formatShare(y.shareWomenAmount)],
    ]);
    expect(model.cover.headline).toContain(`${formatShare(y.shareWomen)} des salariés en parcours d'insertion (9 sur 18)`);
    expect(model.fileName).toBe(tenderSheetFileName(FIXTURE_STRUCTURE.name, 2026));
    expect(model.fileName).toBe("fiche-egalite-marche-public-les-jardins-de-l-oeuvre-chantier-ca-pousse-2026.pdf");
    expect(model.watermark).toBeNull();
  });

  it.each([
    { label: "hours", current: {}, headers: ["Heures des femmes", "Heures des hommes", "Part de femmes (heures)"], note: "temps de travail × mois de présence × 151,67" },
    { label: "ETP", current: { staffRows: null }, headers: ["ETP des femmes", "ETP des hommes", "Part de femmes (ETP)"], note: "équivalents temps plein (ETP) saisis dans le tableau des emplois" },
    { label: "persons only", current: { staffRows: null, jobs: JOBS_WITHOUT_FTE }, headers: [], note: "ne peut pas être calculée" },
  ])("per-job table in $label, with the source of the hours", ({ current, headers, note }) => {
    const model = buildTenderSheetModel(sheetInput({}, current));
    const t = table(model, "metiers");
    expect(t.columns.map((c) => c.header)).toEqual(["Métier", "Femmes", "Hommes", "Part de femmes (personnes)", ...headers]);
    expect(t.columns.reduce((s, c) => s + c.width, 0)).toBeCloseTo(1, 9);
    expect(t.rows.at(-1)).toMatchObject({ emphasis: true, cells: expect.arrayContaining(["Ensemble", "9", "9", formatShare(0.5)]) });
    expect(model.sections.find((s) => s.id === "metiers")!.blocks.at(-1)).toMatchObject({ kind: "paragraph", text: expect.stringContaining(note) });
  });

  it("charts the jobs with the mixity band", () => {
    const chart = buildTenderSheetModel(sheetInput()).sections[0].blocks.find((b): b is MixityChartBlock => b.kind === "mixityChart")!;
    expect(chart.rows.map((r) => [r.label, r.womenDisplay])).toEqual([
      ["Agent·e de tri textile", formatShare(1)],
      [`Maraîchère, maraîcher${NBSP}*`, formatShare(0.5)],
      [`Vendeuse en boutique solidaire${NBSP}*`, formatShare(0.5)],
      ["Agent d’entretien des espaces verts", formatShare(1 / 7)],
    ]);
    expect([chart.bandMinPct, chart.bandMaxPct, chart.bandLabel]).toEqual([40, 60, "zone de mixité"]);
  });

  it.each([
    { label: "estimated, under 50", index: () => indexView(), value: "estimation indicative", tone: "neutral" },
    { label: "skipped, under 50", index: () => ({ ...indexView(), state: "ignore" as const, obligatory: false }), value: "non obligatoire sous 50 salariés", tone: "neutral" },
    { label: "missing, 50 or more", index: () => ({ ...indexView(), state: "a_faire" as const, obligatory: true }), value: "Obligatoire à partir de 50 salariés", tone: "attention" },
    { label: "no profile", index: () => null, value: "Non renseigné", tone: "neutral" },
  ])("Index status: $label", ({ index, value, tone }) => {
    const status = buildTenderSheetModel(sheetInput({}, { indexResult: index() })).cover.status[0];
    expect(status.value).toContain(value);
    expect(status.tone).toBe(tone);
  });

  it("refuses a year without diagnostic", () => {
    expect(() => buildTenderSheetModel(sheetInput({ year: 2027 }))).toThrow();
  });
});
