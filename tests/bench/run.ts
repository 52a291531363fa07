/**
 * `npm run bench`: the engine on large synthetic data and the diagnostic report PDF, each against a floor measured in the same run
 * on the same data (ARCHITECTURE.md « Performance, measured not assumed »). Prints
 * `BENCH <name> <median ms> floor=<ms> ratio=<x>` lines, a breakdown, the peak RSS and the targets.
 * Not a test: nothing here fails on time.
 */
import { computeIndex } from "../../diagnostics/index/index.ts";
import { computeMixity } from "../../diagnostics/mixity.ts";
import {
  STAFF_FILE_MAX_ROWS,
  decodeText,
  indexInputFromStaffRows,
  jobsFromStaffRows,
  parseCsv,
  parseStaffCsvText,
  parseStaffFile,
  type StaffRow,
} from "../../diagnostics/staff-file/index.ts";
import { generateStaffRows, staffCsvText } from "./generate.ts";
import { bench, formatBench, formatMs, timeMedian, type BenchResult } from "./measure.ts";
import { runDdetsBench } from "./ddets.ts";
import {
  ScratchArrays,
  adjustedGapFromColumns,
  basisIndicatorsFromColumns,
  categoryGapsFromColumns,
  computeTransparency,
  transparencyColumns,
} from "../../diagnostics/transparency/index.ts";
import { bareReport, benchReportModel, modelStrings, pageCount, renderReport } from "./pdf.ts";

const EMPLOYEES = 100_000;
const CSV_ROWS = 50_000;
/** Targets: index + mixity within 10× a bare loop over the rows; a 50,000-row file parsed in under 1 s. */
const TARGET_AGGREGATE_RATIO = 10;
const TARGET_PARSE_MS = 1000;
/**
 * Target: the pay-transparency figures of 100,000 people (people as columns, medians and pay bands by
 * order statistics, 30 categories, the regression reduced per cell) within the same 10× the bare loop
 * as the Index (issue 8); and, as before, under 1 s, the time a page may take to load.
 */
const TARGET_TRANSPARENCY_RATIO = 10;
const TARGET_TRANSPARENCY_MS = 1000;
/** Target: the diagnostic report within 3× a bare pdfkit document of the same pages of plain text. */
const TARGET_PDF_RATIO = 3;

function aggregate(rows: readonly StaffRow[]) {
  const input = indexInputFromStaffRows(rows, { sizeBand: "251+" });
  const index = computeIndex(input);
  const mixity = computeMixity(jobsFromStaffRows(rows));
  return { index: index.index.value, mixed: mixity.mixedJobs };
}

/** The floor of the aggregate bench: one pass that sums pay and counts women. */
function bareLoop(rows: readonly StaffRow[]) {
  let pay = 0;
  let women = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    pay += r.annualGrossPay;
    if (r.sex === "F") women++;
  }
  return pay + women;
}

/** The floor of the parse bench: lines and cells with String.split, nothing interpreted. */
function splitCells(text: string) {
  let cells = 0;
  for (const line of text.split("\r\n")) cells += line.split(";").length;
  return cells;
}

/**
 * `npm run bench -- index transparency`: only the benches whose name contains one of the arguments
 * (index+mixity-100k, transparency-100k, parse-csv-50k, pdf-report, ddets); all without arguments.
 */
const ONLY = process.argv.slice(2);
const selected = (name: string) => ONLY.length === 0 || ONLY.some((word) => name.includes(word));

async function main() {
  const out = (s = "") => process.stdout.write(`${s}\n`);
  out(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}${ONLY.length > 0 ? `, only: ${ONLY.join(" ")}` : ""}`);
  const results: Partial<Record<"agg" | "transparency" | "parse" | "pdf", BenchResult>> = {};

  // (a) Index + mixity derived from 100,000 staff rows.
  const t0 = performance.now();
  const rows = generateStaffRows(EMPLOYEES);
  out(`Generated ${EMPLOYEES.toLocaleString("en")} staff rows in ${formatMs(performance.now() - t0)} ms (seeded PRNG).`);
  const parts = { warmup: 2, runs: 9 };
  if (selected("index+mixity-100k")) {
    const first = aggregate(rows);
    out(`  check: index ${first.index}, ${first.mixed} mixed jobs`);
    results.agg = await bench("index+mixity-100k", () => aggregate(rows), () => bareLoop(rows), { warmup: 3, runs: 15 });
    out(formatBench(results.agg));
    const tInput = await timeMedian(() => indexInputFromStaffRows(rows, { sizeBand: "251+" }), parts);
    const input = indexInputFromStaffRows(rows, { sizeBand: "251+" });
    const tIndex = await timeMedian(() => computeIndex(input), parts);
    const tJobs = await timeMedian(() => jobsFromStaffRows(rows), parts);
    const jobs = jobsFromStaffRows(rows);
    const tMixity = await timeMedian(() => computeMixity(jobs), parts);
    out(
      `  breakdown (median ms): indexInputFromStaffRows ${formatMs(tInput)}, computeIndex ${formatMs(tIndex)}, ` +
        `jobsFromStaffRows ${formatMs(tJobs)}, computeMixity ${formatMs(tMixity)} (${jobs.length} jobs)`,
    );
  }

  if (selected("transparency-100k")) {
    // (a') Pay-transparency indicators (directive 2023/970) of the same 100,000 rows, against the same bare loop.
    const firstTransparency = computeTransparency(rows, { structureType: "ACI" });
    out(
      `  check: transparency mean hourly gap ${firstTransparency.hourly.meanGap.gapPct?.toFixed(2)} %, ` +
        `${firstTransparency.categories.length} categories, regression ${firstTransparency.adjusted.status}`,
    );
    results.transparency = await bench("transparency-100k", () => computeTransparency(rows, { structureType: "ACI" }), () => bareLoop(rows), {
      warmup: 2,
      runs: 9,
    });
    out(formatBench(results.transparency));
    // The stages computeTransparency runs, with its reuse of intermediate arrays.
    const scratch = new ScratchArrays();
    const { columns } = transparencyColumns(rows, { structureType: "ACI" }, scratch);
    const columnsScratch = new ScratchArrays();
    const tColumns = await timeMedian(() => transparencyColumns(rows, { structureType: "ACI" }, columnsScratch), parts);
    const tHourly = await timeMedian(() => basisIndicatorsFromColumns(columns, "hourly", true, scratch), parts);
    const tCategories = await timeMedian(() => categoryGapsFromColumns(columns, true), parts);
    const tAdjusted = await timeMedian(() => adjustedGapFromColumns(columns, scratch), parts);
    out(
      `  breakdown (median ms): transparencyColumns ${formatMs(tColumns)}, basisIndicatorsFromColumns (one basis) ${formatMs(tHourly)}, ` +
        `categoryGapsFromColumns ${formatMs(tCategories)}, adjustedGapFromColumns ${formatMs(tAdjusted)}`,
    );
  }

  if (selected("parse-csv-50k")) {
    // (b) Parsing a 50,000-row CSV (« ; », decimal commas), bytes to validated rows.
    const text = staffCsvText(CSV_ROWS);
    const bytes = new TextEncoder().encode(text);
    out(`Generated a ${CSV_ROWS.toLocaleString("en")}-row CSV: ${(bytes.length / (1024 * 1024)).toFixed(1)} MB (limit ${STAFF_FILE_MAX_ROWS.toLocaleString("en")} rows).`);
    const parsed = await parseStaffFile(bytes, "bench.csv");
    if (!parsed.ok) throw new Error(`the generated CSV does not parse: ${parsed.errors[0]?.message}`);
    out(`  check: ${parsed.rows.length} rows parsed`);
    results.parse = await bench("parse-csv-50k", () => parseStaffFile(bytes, "bench.csv"), () => splitCells(text), { warmup: 2, runs: 7 });
    out(formatBench(results.parse));
    const parseParts = { warmup: 1, runs: 5 };
    const tDecode = await timeMedian(() => decodeText(bytes), parseParts);
    const tCsv = await timeMedian(() => parseCsv(text), parseParts);
    const tText = await timeMedian(() => parseStaffCsvText(text), parseParts);
    out(
      `  breakdown (median ms): decodeText ${formatMs(tDecode)}, parseCsv ${formatMs(tCsv)}, ` +
        `cells → validated rows ${formatMs(Math.max(0, tText - tCsv))} (parseStaffCsvText ${formatMs(tText)})`,
    );
  }

  if (selected("pdf-report")) {
    // (c) The diagnostic report PDF of a 24-person, 6-job structure with a plan of 8 actions.
    const model = benchReportModel();
    const firstPdf = await renderReport(model);
    const pages = pageCount(firstPdf);
    const strings = modelStrings(model);
    const floorPages = pageCount(await bareReport(strings, pages));
    out(
      `PDF report: ${pages} pages, ${(firstPdf.length / 1024).toFixed(0)} KiB (Inter embedded, tagged); ` +
        `floor: the same ${strings.length} strings as plain text on ${floorPages} pages, same fonts and options`,
    );
    results.pdf = await bench("pdf-report", () => renderReport(model), () => bareReport(strings, pages), { warmup: 3, runs: 9 });
    out(formatBench(results.pdf));
  }

  if (selected("ddets")) {
    // (d) The DDETS dashboard over 20,000 structures: PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set, else PGlite.
    await runDdetsBench(out);
  }

  out();
  out(`Peak RSS of the process (maxRSS, breakdowns included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}MB`);
  summary(results);
}

function summary({ agg, parse, pdf, transparency }: Partial<Record<"agg" | "transparency" | "parse" | "pdf", BenchResult>>) {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const met = (ok: boolean) => (ok ? "met / atteint" : "MISSED / manqué");
  out("Targets / objectifs:");
  if (agg) {
    out(
      `  index+mixity on ${EMPLOYEES.toLocaleString("en")} people within ${TARGET_AGGREGATE_RATIO}× the bare loop: ` +
        `${agg.ratio.toFixed(1)}× → ${met(agg.ratio <= TARGET_AGGREGATE_RATIO)}`,
    );
  }
  if (transparency) {
    out(
      `  transparency on ${EMPLOYEES.toLocaleString("en")} people within ${TARGET_TRANSPARENCY_RATIO}× the bare loop: ` +
        `${transparency.ratio.toFixed(1)}× → ${met(transparency.ratio <= TARGET_TRANSPARENCY_RATIO)}`,
    );
    out(
      `  transparency on ${EMPLOYEES.toLocaleString("en")} people under ${TARGET_TRANSPARENCY_MS} ms: ${formatMs(transparency.medianMs)} ms → ` +
        `${met(transparency.medianMs < TARGET_TRANSPARENCY_MS)}`,
    );
  }
  if (parse) {
    out(`  parse of ${CSV_ROWS.toLocaleString("en")} rows under ${TARGET_PARSE_MS} ms: ${formatMs(parse.medianMs)} ms → ${met(parse.medianMs < TARGET_PARSE_MS)}`);
  }
  if (pdf) {
    out(`  PDF report within ${TARGET_PDF_RATIO}× a bare pdfkit document of the same pages: ${pdf.ratio.toFixed(1)}× → ${met(pdf.ratio <= TARGET_PDF_RATIO)}`);
  }
}

await main();
