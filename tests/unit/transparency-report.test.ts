/** The pay-transparency section of the diagnostic report PDF: its place, its figures, its suppression, and a real rendering. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pdfToBuffer, renderReportPdf } from "../../app/report/render.server.ts";
import { checkPlan } from "../../diagnostics/plan/index.ts";
import {
  buildReportModel,
  categoryGapChart,
  type Block,
  type GapChartBlock,
  type PayBandsChartBlock,
  type PdfDocumentModel,
  type ReportInput,
  type TableBlock,
} from "../../diagnostics/report.ts";
import { buildResults } from "../../diagnostics/results.ts";
import { STAFF_LABEL_MAX_LENGTH } from "../../diagnostics/staff-file/constants.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import { computeTransparency, JOINT_ASSESSMENT_GAP_PCT, SUPPRESSED_TEXT, transparencyView, type TransparencyView } from "../../diagnostics/transparency/index.ts";
import { PAGE } from "../../app/report/theme.ts";
import { FIXTURE_PROFILE, FIXTURE_STRUCTURE, fixturePlan, fixtureResultsInput, fixtureStaffRows } from "../helpers/report-fixture.ts";

/** The fixture's staff with pay columns: women's base pay 6 % lower in « Production », bonuses for the permanent staff. */
function rowsWithPay(): StaffRow[] {
  return fixtureStaffRows().map((r) => {
    const pay = r.sex === "F" && r.population === "parcours" ? r.annualGrossPay * 0.94 : r.annualGrossPay;
    const bonus = r.population === "permanent" ? 600 : 0;
    return { ...r, annualGrossPay: pay + bonus, basePay: pay, payCategory: r.population === "permanent" ? "Encadrement" : "Production" };
  });
}

function input(transparency: ReportInput["transparency"]): ReportInput {
  const plan = fixturePlan();
  return {
    results: buildResults(fixtureResultsInput()),
    plan,
    planCheck: checkPlan(plan, FIXTURE_PROFILE),
    structure: FIXTURE_STRUCTURE,
    year: 2026,
    generatedAt: new Date(Date.UTC(2026, 10, 23, 10)),
    draft: false,
    diagnosticStatus: "termine",
    headcountBand: "moins_50",
    transparency,
  };
}

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === "table");

/** An 80-character category name, as a structure may type it. */
const LONG_CATEGORY = "Agent·e polyvalent·e de collecte, de tri et de valorisation des textiles anciens";
/** A category name that, followed by « , site 13 », is as long as the staff file accepts. */
const LONGEST_CATEGORY = "Encadrant·e technique d’insertion en maraîchage biologique, entretien des espaces verts et maçonnerie paysagère";

/**
 * Staff rows of given categories: per category, n women and n men (or the counts given) with a base
 * salary around `women` and `men` euros a year, plus `bonus` for everyone (0: no variable pay);
 * without the base-salary column when `split` is false.
 */
function categoryRows(categories: { label: string; women: number; men: number; counts?: [number, number] }[], options: { bonus?: number; split?: boolean } = {}): StaffRow[] {
  const template = fixtureStaffRows()[0];
  const rows: StaffRow[] = [];
  for (const c of categories) {
    const [nw, nm] = c.counts ?? [4, 4];
    for (const [sex, n, pay] of [["F", nw, c.women], ["H", nm, c.men]] as const) {
      for (let i = 0; i < n; i++) {
        const base = pay * (1 + i / 100);
        const row: StaffRow = { ...template, sex, annualGrossPay: base + (options.bonus ?? 0), payCategory: c.label };
        rows.push(options.split === false ? row : { ...row, basePay: base });
      }
    }
  }
  return rows;
}

const viewOf = (rows: StaffRow[]) => transparencyView(computeTransparency(rows, { structureType: "ACI" }));
const sectionOf = (view: TransparencyView) => buildReportModel(input(view)).sections.find((s) => s.id === "transparence")!;
const chartOf = <K extends Block["kind"]>(blocks: Block[], kind: K) => blocks.find((b): b is Extract<Block, { kind: K }> => b.kind === kind);

/** A rendered report: its bytes, and (when poppler-utils is installed) its text with whitespace runs made single spaces, its words with their boxes, its tagged figures. KEEP_PDF=<folder> keeps it. */
async function rendered(model: PdfDocumentModel, name: string) {
  const pdf = await pdfToBuffer(renderReportPdf(model));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boussole-rapport-")), `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  if (process.env.KEEP_PDF) fs.copyFileSync(file, path.join(process.env.KEEP_PDF, `${name}.pdf`));
  const raw = spawnSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"], { encoding: "utf8" });
  if (raw.error) return { pdf, text: null };
  const bbox = spawnSync("pdftotext", ["-enc", "UTF-8", "-bbox", file, "-"], { encoding: "utf8" }).stdout;
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5],
  }));
  return { pdf, text: { flat: flat(raw.stdout), words, figures: pdf.toString("latin1").match(/\/S \/Figure\b/g)?.length ?? 0 } };
}

let baseRendering: ReturnType<typeof rendered> | null = null;
/** The report of rowsWithPay(), rendered once for the tests that read it. */
const baseReport = () => (baseRendering ??= rendered(buildReportModel(input(viewOf(rowsWithPay()))), "rapport"));

const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");
const count = (text: string, part: string) => text.split(part).length - 1;

/** Every word inside the margins of its A4 page (the footer under the bottom margin aside). */
function expectWithinMargins(words: { xMin: number; yMin: number; xMax: number; yMax: number; text: string }[]): void {
  const right = 595.28 - PAGE.margins.right + 0.5;
  const bottom = 841.89 - PAGE.margins.bottom + 0.5;
  const footerTop = 841.89 - PAGE.margins.bottom + PAGE.footerOffset - 12;
  const outside = words.filter((w) => w.xMin < PAGE.margins.left - 0.5 || w.xMax > right || (w.yMax > bottom && w.yMin < footerTop));
  expect(outside).toEqual([]);
}

describe("report PDF: pay transparency section", () => {
  const view = transparencyView(computeTransparency(rowsWithPay(), { structureType: "ACI" }));

  it("comes right after the Index, on a new page, with the same figures as the tab", () => {
    const model = buildReportModel(input(view));
    const ids = model.sections.map((s) => s.id);
    expect(ids.indexOf("transparence")).toBe(ids.indexOf("index") + 1);
    const section = model.sections.find((s) => s.id === "transparence")!;
    expect(section.newPage).toBe(true);
    const [regimes, indicators, bands, categories] = tables(section.blocks);
    expect(regimes.rows[1].cells[1]).toBe(view.indicators[0].hourly.display);
    expect(indicators.rows.map((r) => r.cells.slice(1, 3))).toEqual([
      ...view.indicators.map((r) => [r.hourly.display, r.monthly.display]),
      [view.variableShares.display, ""],
    ]);
    expect(bands.rows.map((r) => r.cells[2])).toEqual(view.bands.hourly!.map((b) => b.womenDisplay));
    expect(categories.rows.map((r) => [r.cells[0], r.cells[2], r.emphasis])).toEqual(view.categories.map((c) => [c.label, c.hourlyTotal.display, c.flagged]));
  });

  it("is left out when the staff file may not be shown, and says what to import when there is none", () => {
    expect(buildReportModel(input(undefined)).sections.map((s) => s.id)).not.toContain("transparence");
    const empty = buildReportModel(input(null)).sections.find((s) => s.id === "transparence")!;
    expect(empty.blocks.some((b) => b.kind === "callout" && b.title === "Indicateurs non calculés")).toBe(true);
  });

  it("keeps suppressed figures suppressed", () => {
    const small = transparencyView(computeTransparency(rowsWithPay().filter((r) => r.sex === "H" || r.population === "permanent"), { structureType: "ACI" }));
    const section = buildReportModel(input(small)).sections.find((s) => s.id === "transparence")!;
    const text = JSON.stringify(section);
    expect(text).toContain("non publié (moins de 3\u00a0femmes ou 3\u00a0hommes)");
    expect(text).not.toMatch(/€/);
  });

  it("renders to a PDF whose text carries the section", async () => {
    const out = await baseReport();
    expect(out.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!out.text) return; // poppler-utils absent: the model tests above still hold
    expect(out.text.flat).toContain("Transparence salariale 2027 (directive européenne 2023/970)");
    expect(out.text.flat).toContain(flat(view.headline));
  }, 60_000); // embedding the fonts takes a few seconds on a busy 2-core machine
});

describe("report PDF: pay transparency charts", () => {
  it("draws indicator (f) from the figures of its table, before it, with a title, a reading and a legend", () => {
    const view = viewOf(rowsWithPay());
    const section = sectionOf(view);
    const chart = chartOf(section.blocks, "payBandsChart")!;
    const bands = tables(section.blocks).find((t) => t.caption.includes("quart de salaire horaire"))!;
    expect(section.blocks.indexOf(chart)).toBe(section.blocks.indexOf(bands) - 1);
    expect(chart.rows).toEqual(
      view.bands.hourly!.map((b) => ({ label: b.label, womenPct: b.womenPct, menPct: b.menPct, womenDisplay: b.womenDisplay, menDisplay: b.menDisplay })),
    );
    expect(chart.legend).toEqual({ women: "Femmes", men: "Hommes" });
    expect(chart.reading).toBe(`Part des femmes\u00a0: ${view.bands.hourly![0].womenDisplay} dans le quart le moins payé, ${view.bands.hourly![3].womenDisplay} dans le quart le mieux payé.`);
    for (const b of view.bands.hourly!) expect(chart.alt).toContain(`${b.label}, ${b.womenDisplay}`);
  });

  it("has no band chart when the bands are not published", () => {
    const twoWomen = rowsWithPay().filter((r) => r.sex === "H").concat(rowsWithPay().filter((r) => r.sex === "F").slice(0, 2));
    const view = viewOf(twoWomen);
    expect(view.bands.hourly).toBeNull();
    expect(chartOf(sectionOf(view).blocks, "payBandsChart")).toBeUndefined();
  });

  const GAP_CASES = [
    { label: "base salary and bonuses", rows: () => rowsWithPay(), series: ["Rémunération totale", "Salaire de base"] },
    {
      label: "no variable pay",
      rows: () => categoryRows([{ label: "Production", women: 17_000, men: 18_000 }, { label: "Encadrement", women: 26_000, men: 26_100 }]),
      series: ["Rémunération totale", "Salaire de base"],
    },
    {
      label: "no base-salary column (total pay only)",
      rows: () => categoryRows([{ label: "Production", women: 17_000, men: 18_000 }, { label: "Encadrement", women: 26_000, men: 26_100 }], { split: false }),
      series: ["Rémunération totale"],
    },
    {
      label: "negative gaps, one category too small",
      rows: () =>
        categoryRows(
          [
            { label: "Production", women: 19_500, men: 18_000 },
            { label: "Accompagnement", women: 24_000, men: 23_900 },
            { label: "Encadrement", women: 26_000, men: 27_000, counts: [2, 3] },
          ],
          { bonus: 300 },
        ),
      series: ["Rémunération totale", "Salaire de base"],
    },
    {
      label: "an 80-character category name",
      rows: () => categoryRows([{ label: LONG_CATEGORY, women: 21_000, men: 18_500 }, { label: "Production", women: 17_000, men: 18_200 }], { bonus: 300 }),
      series: ["Rémunération totale", "Salaire de base"],
    },
  ];

  it.each(GAP_CASES)("draws indicator (g) from the view's figures: $label", ({ rows, series }) => {
    const view = viewOf(rows());
    const section = sectionOf(view);
    const chart = chartOf(section.blocks, "gapChart")!;
    const table = tables(section.blocks).find((t) => t.caption === "Écart moyen de rémunération par catégorie d'emplois")!;
    expect(section.blocks.indexOf(chart)).toBe(section.blocks.indexOf(table) - 1);
    expect(chart.series).toEqual(series);
    expect(chart.thresholdPct).toBe(JOINT_ASSESSMENT_GAP_PCT);
    expect(chart.thresholdLabel).toBe(`seuil de ${JOINT_ASSESSMENT_GAP_PCT}\u00a0%`);
    expect(chart.rows.map((r) => r.label)).toEqual(view.categories.map((c) => c.label));
    view.categories.forEach((c, i) => {
      const row = chart.rows[i];
      expect(row.flagged).toBe(c.flagged);
      if (!c.publishable) {
        // Not drawn as a value: no bar, « non publié » written instead.
        expect(row.withheld).toBe(SUPPRESSED_TEXT);
        expect(row.values).toEqual([]);
        return;
      }
      expect(row.withheld).toBeNull();
      expect(row.values.map((v) => v.value)).toEqual([c.hourlyTotal.value, c.hourlyBase.value].slice(0, series.length));
      expect(row.values[0].text).toContain(c.hourlyTotal.display);
      expect(row.values[0].text.endsWith("\u00a0!")).toBe(c.flagged);
      if (series.length > 1) expect(row.values[1].text).toContain(c.hourlyBase.display);
    });
    expect(chart.flaggedLegend === null).toBe(!view.categories.some((c) => c.flagged));
  });

  it("flags gaps at the threshold in both directions, and says which way a bar points", () => {
    const view = viewOf(
      categoryRows([
        { label: "À la charge des femmes", women: 17_000, men: 18_000 },
        { label: "À la charge des hommes", women: 19_000, men: 18_000 },
        { label: "Sous le seuil", women: 18_000, men: 18_100 },
      ]),
    );
    const chart = categoryGapChart(view)!;
    const totals = chart.rows.map((r) => r.values[0].value!);
    expect(totals[0]).toBeGreaterThan(JOINT_ASSESSMENT_GAP_PCT);
    expect(totals[1]).toBeLessThan(-JOINT_ASSESSMENT_GAP_PCT);
    expect(Math.abs(totals[2])).toBeLessThan(JOINT_ASSESSMENT_GAP_PCT);
    expect(chart.rows.map((r) => r.flagged)).toEqual([true, true, false]);
    expect(chart.reading).toBe(`2\u00a0catégories sur 3 atteignent le seuil de 5\u00a0% d'écart.`);
    expect(chart.directions).toEqual({ positive: "au détriment des femmes\u00a0→", negative: "←\u00a0au détriment des hommes" });
  });

  const T = JOINT_ASSESSMENT_GAP_PCT;
  /** A category whose women earn `gapPct` % less than its men (4 and 4, or the counts given). */
  const gap = (label: string, gapPct: number, counts?: [number, number]) => ({ label, women: 20_000 * (1 - gapPct / 100), men: 20_000, counts });
  const READING_CASES = [
    { label: "one category under the threshold", categories: [gap("A", T - 1)], reading: `La catégorie publiée reste sous le seuil de ${T}\u00a0% d'écart.` },
    { label: "two under it, one each way", categories: [gap("A", T - 1), gap("B", -(T - 1))], reading: `Les 2\u00a0catégories publiées restent sous le seuil de ${T}\u00a0% d'écart.` },
    { label: "one category beyond it", categories: [gap("A", T + 1)], reading: `La catégorie publiée atteint le seuil de ${T}\u00a0% d'écart.` },
    { label: "both beyond it, one each way", categories: [gap("A", T + 1), gap("B", -(T + 1))], reading: `Les 2\u00a0catégories publiées atteignent le seuil de ${T}\u00a0% d'écart.` },
    {
      label: "one of two beyond it, one too small",
      categories: [gap("A", T + 1), gap("B", T - 1), gap("C", T + 10, [2, 4])],
      reading: `1\u00a0catégorie sur 2 atteint le seuil de ${T}\u00a0% d'écart. Une autre, trop petite, n'est pas publiée.`,
    },
    {
      label: "one under it, two too small",
      categories: [gap("A", T - 1), gap("B", T + 10, [2, 4]), gap("C", T + 10, [4, 1])],
      reading: `La catégorie publiée reste sous le seuil de ${T}\u00a0% d'écart. 2\u00a0autres, trop petites, ne sont pas publiées.`,
    },
  ];

  it.each(READING_CASES)("reads the gap chart in one sentence: $label", ({ categories, reading }) => {
    expect(categoryGapChart(viewOf(categoryRows(categories)))!.reading).toBe(reading);
  });

  it("has no gap chart when every category is too small to publish: the table says so for each", () => {
    const view = viewOf(categoryRows([{ label: "Production", women: 17_000, men: 18_000, counts: [2, 6] }, { label: "Encadrement", women: 26_000, men: 27_000, counts: [5, 1] }]));
    expect(view.categories.every((c) => !c.publishable)).toBe(true);
    expect(categoryGapChart(view)).toBeNull();
    const section = sectionOf(view);
    expect(chartOf(section.blocks, "gapChart")).toBeUndefined();
    const table = tables(section.blocks).find((t) => t.caption === "Écart moyen de rémunération par catégorie d'emplois")!;
    expect(table.rows.map((r) => r.cells[2])).toEqual([SUPPRESSED_TEXT, SUPPRESSED_TEXT]);
  });

  it("renders both charts: titles, readings, legends and direct labels in the text, one tagged Figure per chart, nothing outside the margins", async () => {
    const view = viewOf(rowsWithPay());
    const model = buildReportModel(input(view));
    const section = model.sections.find((s) => s.id === "transparence")!;
    const bands = chartOf(section.blocks, "payBandsChart") as PayBandsChartBlock;
    const gaps = chartOf(section.blocks, "gapChart") as GapChartBlock;
    const out = (await baseReport()).text;
    if (!out) return;
    for (const s of [bands.title, bands.reading, gaps.title, gaps.reading, ...gaps.series, gaps.thresholdLabel, gaps.flaggedLegend!, gaps.directions.positive]) {
      expect(out.flat).toContain(flat(s));
    }
    // Direct labels exist only in the drawing (the tables have the figures without the names).
    const widest = [...bands.rows].sort((a, b) => b.womenPct - a.womenPct)[0];
    expect(out.flat).toContain(flat(`Femmes ${widest.womenDisplay}`));
    for (const row of gaps.rows) for (const v of row.values) expect(out.flat).toContain(flat(v.text));
    const charts = model.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "mixityChart" || b.kind === "payBandsChart" || b.kind === "gapChart");
    expect(out.figures).toBe(charts.length);
    expectWithinMargins(out.words);
  }, 60_000);

  it("renders negative gaps, a category not published and an 80-character name within the page", async () => {
    expect(LONG_CATEGORY).toHaveLength(80);
    const view = viewOf(
      categoryRows(
        [
          { label: LONG_CATEGORY, women: 21_000, men: 18_500 },
          { label: "Production", women: 17_000, men: 18_200 },
          { label: "Encadrement", women: 26_000, men: 27_000, counts: [2, 3] },
        ],
        { bonus: 300 },
      ),
    );
    const gaps = categoryGapChart(view)!;
    expect(gaps.rows[0].values[0].value).toBeLessThan(-JOINT_ASSESSMENT_GAP_PCT);
    const out = (await rendered(buildReportModel(input(view)), "rapport-ecarts-negatifs")).text;
    if (!out) return;
    expect(out.flat).toContain(flat(gaps.directions.negative));
    expect(out.flat).toContain(flat(gaps.rows[0].values[0].text));
    // Written in the chart and in the table: in full both times (wrapped, not cut).
    expect(count(out.flat, LONG_CATEGORY)).toBeGreaterThanOrEqual(2);
    expect(count(out.flat, flat(SUPPRESSED_TEXT))).toBeGreaterThanOrEqual(2);
    expectWithinMargins(out.words);
  }, 60_000);

  it("cuts a chart of many categories between rows across pages, and shortens the longest names", async () => {
    const categories = Array.from({ length: 24 }, (_, i) => ({
      label: i % 6 === 0 ? `${LONGEST_CATEGORY}, site ${i + 1}` : `Catégorie ${i + 1}`,
      women: 18_000,
      men: 18_000 * (1 + (i - 12) / 100),
    }));
    expect(Math.max(...categories.map((c) => c.label.length))).toBe(STAFF_LABEL_MAX_LENGTH);
    const view = viewOf(categoryRows(categories));
    const model = buildReportModel(input(view));
    const out = (await rendered(model, "rapport-categories")).text;
    if (!out) return;
    const charts = model.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "mixityChart" || b.kind === "payBandsChart" || b.kind === "gapChart");
    expect(out.figures).toBeGreaterThan(charts.length);
    // The longest names keep their start and their end (where they differ) around « … » in the chart; the table has them in full.
    for (const c of categories) {
      expect(out.flat).toContain(c.label);
      if (c.label.length < 100) continue;
      const words = c.label.split(" ");
      expect(words.some((_, k) => k > 0 && out.flat.includes(`… ${words.slice(k).join(" ")}`))).toBe(true);
    }
    expectWithinMargins(out.words);
  }, 60_000);
});
