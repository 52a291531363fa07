/**
 * The pdf-report bench: the diagnostic report of a realistic diagnostic (24 people, 6 jobs, a plan
 * of 8 actions) rendered to bytes, against a floor of a bare pdfkit document with the same number
 * of pages of plain text and the same fonts and tagging options (the fixed cost of embedding Inter).
 */
import PDFDocument from "pdfkit";
import { checkPlan } from "../../diagnostics/plan/index.ts";
import { buildReportModel, type PdfDocumentModel } from "../../diagnostics/report.ts";
import { buildResults } from "../../diagnostics/results.ts";
import { loadReportFonts } from "../../app/report/fonts.server.ts";
import { pdfToBuffer, renderReportPdf } from "../../app/report/render.server.ts";
import { FIXTURE_JOBS, FIXTURE_PROFILE, FIXTURE_STRUCTURE, fixturePlan, fixtureResultsInput } from "../helpers/report-fixture.ts";

/** The report model of the fixture diagnostic (previous year included), final version. */
export function benchReportModel(): PdfDocumentModel {
  const previous = { ...fixtureResultsInput(2025), jobs: FIXTURE_JOBS.map((j) => ({ ...j, women: Math.max(0, j.women - 1) })) };
  const results = buildResults({ ...fixtureResultsInput(2026), previous });
  const plan = fixturePlan();
  return buildReportModel({
    results,
    plan,
    planCheck: checkPlan(plan, FIXTURE_PROFILE),
    structure: FIXTURE_STRUCTURE,
    year: 2026,
    generatedAt: new Date(Date.UTC(2026, 10, 23)),
    draft: false,
    diagnosticStatus: "termine",
    finishedAt: new Date(Date.UTC(2026, 10, 20)),
    headcountBand: FIXTURE_PROFILE.headcountBand,
  });
}

export async function renderReport(model: PdfDocumentModel): Promise<Buffer> {
  return pdfToBuffer(renderReportPdf(model));
}

/** Number of pages of a PDF made by pdfkit (its page objects). */
export function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
}

/** Every string the report draws (headings, paragraphs, cells, chart labels), in order. */
export function modelStrings(model: PdfDocumentModel): string[] {
  const c = model.cover;
  const out = [c.kicker, c.title, c.structureName, ...c.facts.flatMap((f) => [f.label, f.value]), ...c.status.flatMap((s) => [s.label, s.value])];
  if (c.headline) out.push(c.headline);
  if (c.note) out.push(c.note);
  out.push(c.figuresTitle, ...c.figures.flatMap((f) => [f.label, f.value, f.detail ?? "", f.meaning]));
  for (const s of model.sections) {
    out.push(s.title);
    for (const b of s.blocks) {
      if (b.kind === "table") out.push(b.caption, ...b.columns.map((x) => x.header), ...b.rows.flatMap((r) => r.cells), b.note ?? "");
      else if (b.kind === "list") out.push(...b.items);
      else if (b.kind === "callout") out.push(b.title, b.text, b.next ?? "");
      else if (b.kind === "definitions") out.push(...b.items.flatMap((i) => [i.term, i.definition]));
      else if (b.kind === "mixityChart") out.push(b.legend.women, b.legend.men, b.legend.band, ...b.rows.flatMap((r) => [r.label, r.womenDisplay, r.menDisplay]));
      else if (b.kind === "payBandsChart") out.push(b.title, b.reading, b.legend.women, b.legend.men, ...b.rows.flatMap((r) => [r.label, r.womenDisplay, r.menDisplay]));
      else if (b.kind === "gapChart") out.push(b.title, b.reading, ...b.series, b.thresholdLabel, ...b.rows.flatMap((r) => [r.label, r.withheld ?? "", ...r.values.map((v) => v.text)]));
      else out.push(b.text);
    }
  }
  out.push(model.footer);
  return out.filter((x) => x.length > 0);
}

/**
 * The floor: the same strings as plain wrapped paragraphs (pdfkit's own line breaking), spread over
 * `pages` A4 pages, with the same fonts and document options: no layout, tables, chart or tagging of ours.
 */
export async function bareReport(strings: readonly string[], pages: number): Promise<Buffer> {
  const fonts = loadReportFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 54, bottom: 62, left: 54, right: 54 },
    pdfVersion: "1.7",
    tagged: true,
    lang: "fr-FR",
    displayTitle: true,
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    font: fonts.regular as unknown as string,
    info: { Title: "Plancher" },
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const perPage = Math.ceil(strings.length / pages);
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    strings.slice(p * perPage, (p + 1) * perPage).forEach((text, i) => {
      doc.font(i % 5 === 0 ? "bold" : "regular").fontSize(8).text(text, { width: 487 });
    });
  }
  doc.end();
  return pdfToBuffer(doc);
}
