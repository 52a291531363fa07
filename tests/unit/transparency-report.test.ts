/** The pay-transparency section of the diagnostic report PDF: its place, its figures, its suppression, and a real rendering. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pdfToBuffer, renderReportPdf } from "../../app/report/render.server.ts";
import { checkPlan } from "../../diagnostics/plan/index.ts";
import { buildReportModel, type Block, type ReportInput, type TableBlock } from "../../diagnostics/report.ts";
import { buildResults } from "../../diagnostics/results.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import { computeTransparency, transparencyView } from "../../diagnostics/transparency/index.ts";
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
    const pdf = await pdfToBuffer(renderReportPdf(buildReportModel(input(view))));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boussole-rapport-")), "rapport.pdf");
    fs.writeFileSync(file, pdf);
    const text = spawnSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"], { encoding: "utf8" });
    if (text.error) return; // poppler-utils absent: the model tests above still hold
    const flat = text.stdout.replace(/[\s\u00a0\u202f]+/g, " ");
    expect(flat).toContain("Transparence salariale 2027 (directive européenne 2023/970)");
    expect(flat).toContain(view.headline.replace(/\u00a0/g, " "));
    if (process.env.KEEP_PDF) fs.copyFileSync(file, process.env.KEEP_PDF);
  }, 60_000); // embedding the fonts takes a few seconds on a busy 2-core machine
});
