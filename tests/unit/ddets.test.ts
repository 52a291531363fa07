import { describe, expect, it } from "vitest";
import {
  buildDdetsDashboard,
  cellText,
  defaultReferenceYear,
  groupStructures,
  indexBand,
  isSmallCount,
  MASKED_CELL_LABEL,
  MIXED_JOBS_HALF,
  mixedJobsBand,
  SMALL_CELL_LABEL,
  SMALL_CELL_MIN_STRUCTURES,
  structureStatus,
  suppress,
  suppressCells,
  suppressLine,
  WOMEN_SHARE_HIGH_EDGE,
  WOMEN_SHARE_LOW_EDGE,
  womenShareBand,
  type Cell,
  type DdetsFilters,
  type Relation,
  type StructureFixture,
} from "../../diagnostics/ddets.ts";
import { DIAGNOSTIC_SUMMARY_VERSION, summarizeDiagnostic, type DiagnosticSummary } from "../../diagnostics/ddets-summary.ts";
import { INDEX_CORRECTIVE_THRESHOLD, INDEX_OBJECTIVES_THRESHOLD } from "../../diagnostics/index/index.ts";
import { buildResults } from "../../diagnostics/results.ts";
import { DOMAIN_IDS, type StructureType } from "../../diagnostics/types.ts";
import { makeDiagnosticDocuments } from "../../db/seed-ddets.ts";
import { seededRandom } from "../../db/seeded-random.ts";
import { csvCell, toCsv } from "../../app/ddets/csv.ts";
import { CampaignInviteSchema, splitEmails } from "../../app/ddets/campaign.ts";

const N = SMALL_CELL_MIN_STRUCTURES;
const shown = (count: number): Cell => ({ status: "shown", count });
const small: Cell = { status: "small" };
const masked: Cell = { status: "masked" };

describe("the small-cell rule", () => {
  it("pins the threshold and its wording", () => {
    expect(SMALL_CELL_MIN_STRUCTURES).toBe(5);
    expect(SMALL_CELL_LABEL).toBe("moins de 5 structures");
    expect(MASKED_CELL_LABEL).toBe("masqué (secret statistique)");
  });

  it.each([
    { label: "0 structure: published", count: 0, cell: shown(0) },
    { label: "1 structure: suppressed", count: 1, cell: small },
    { label: `threshold − 1 (${N - 1}): suppressed`, count: N - 1, cell: small },
    { label: `threshold (${N}): published`, count: N, cell: shown(N) },
    { label: `threshold + 1 (${N + 1}): published`, count: N + 1, cell: shown(N + 1) },
  ])("$label", ({ count, cell }) => {
    expect(suppress(count)).toEqual(cell);
    expect(isSmallCount(count)).toBe(cell.status === "small");
  });

  it("writes suppressed cells in words", () => {
    expect(cellText(shown(1234))).toBe("1\u202f234");
    expect(cellText(small)).toBe("moins de 5 structures");
    expect(cellText(masked)).toBe("masqué (secret statistique)");
  });
});

describe("secondary suppression in one sum (suppressLine)", () => {
  it.each([
    { label: `${N - 1} beside 20: the 20 is masked too (else 20 + ${N - 1} − 20)`, counts: [N - 1, 20], cells: [small, masked], total: shown(N + 19) },
    { label: `${N} beside 20: nothing hidden`, counts: [N, 20], cells: [shown(N), shown(20)], total: shown(N + 20) },
    { label: `${N + 1} beside 20: nothing hidden`, counts: [N + 1, 20], cells: [shown(N + 1), shown(20)], total: shown(N + 21) },
    { label: "two small cells adding up to 5: they protect each other", counts: [3, 2, 20], cells: [small, small, shown(20)], total: shown(25) },
    { label: "two small cells adding up to 4: the smallest other part is masked", counts: [3, 1, 20, 9], cells: [small, small, shown(20), masked], total: shown(33) },
    { label: "a zero is not picked while a non-zero part can be", counts: [4, 0, 20], cells: [small, shown(0), masked], total: shown(24) },
    { label: `a total of ${N - 1}: every part suppressed, zeros included`, counts: [0, N - 1], cells: [small, small], total: small },
    { label: `a total of ${N}: a single part is the total, both published`, counts: [0, N], cells: [shown(0), shown(N)], total: shown(N) },
    { label: "a total of 0: everything published", counts: [0, 0], cells: [shown(0), shown(0)], total: shown(0) },
  ])("$label", ({ counts, cells, total }) => {
    const result = suppressLine(counts);
    expect(result.cells).toEqual(cells);
    expect(result.total).toEqual(total);
  });
});

/** Every sum obeys the rule once suppressCells is done (the invariant the module comment states). */
function checkRule(values: Map<string, number>, relations: Relation[], cells: Map<string, Cell>) {
  const hiddenCell = (k: string) => cells.get(k)!.status !== "shown";
  for (const [k, v] of values) if (isSmallCount(v)) expect(hiddenCell(k), k).toBe(true);
  for (const r of relations) {
    const total = values.get(r.total) ?? 0;
    const hidden = r.parts.filter(hiddenCell);
    if (isSmallCount(total)) {
      expect(hidden.length).toBe(r.parts.length);
      continue;
    }
    if (!hiddenCell(r.total)) {
      if (total === 0 || hidden.length === 0) continue;
      expect(hidden.length, `${r.total}: hidden parts`).toBeGreaterThanOrEqual(2);
      expect(hidden.reduce((s, p) => s + (values.get(p) ?? 0), 0), `${r.total}: hidden sum`).toBeGreaterThanOrEqual(N);
    } else if (total > 0) {
      expect(hidden.length, `${r.total}: a hidden total keeps a hidden part`).toBeGreaterThanOrEqual(1);
    }
  }
}

describe("secondary suppression in a table with margins (suppressCells)", () => {
  it.each(Array.from({ length: 40 }, (_, seed) => ({ seed })))("random 3 × 4 table #$seed obeys the rule", ({ seed }) => {
    const rng = seededRandom(seed + 1);
    const rows = 3;
    const cols = 4;
    const values = new Map<string, number>();
    const relations: Relation[] = [];
    let grand = 0;
    const colSums = Array(cols).fill(0);
    for (let r = 0; r < rows; r++) {
      let rowSum = 0;
      for (let c = 0; c < cols; c++) {
        const v = rng() < 0.3 ? 0 : Math.floor(rng() * 12);
        values.set(`${r}.${c}`, v);
        rowSum += v;
        colSums[c] += v;
      }
      values.set(`${r}.*`, rowSum);
      grand += rowSum;
      relations.push({ total: `${r}.*`, parts: Array.from({ length: cols }, (_, c) => `${r}.${c}`) });
    }
    for (let c = 0; c < cols; c++) {
      values.set(`*.${c}`, colSums[c]);
      relations.push({ total: `*.${c}`, parts: Array.from({ length: rows }, (_, r) => `${r}.${c}`) });
    }
    values.set("*.*", grand);
    relations.push({ total: "*.*", parts: Array.from({ length: rows }, (_, r) => `${r}.*`) });
    relations.push({ total: "*.*", parts: Array.from({ length: cols }, (_, c) => `*.${c}`) });
    checkRule(values, relations, suppressCells(values, relations));
  });
});

describe("bands", () => {
  const low = Math.round(WOMEN_SHARE_LOW_EDGE * 100);
  const high = Math.round(WOMEN_SHARE_HIGH_EDGE * 100);
  it.each([
    { women: 0, men: 0, band: "none" },
    { women: low - 1, men: 100 - low + 1, band: "lt20" },
    { women: low, men: 100 - low, band: "20_40" },
    { women: 39, men: 61, band: "20_40" },
    { women: 40, men: 60, band: "mixte" },
    { women: 60, men: 40, band: "mixte" },
    { women: 61, men: 39, band: "60_80" },
    { women: high, men: 100 - high, band: "60_80" },
    { women: high + 1, men: 100 - high - 1, band: "gt80" },
    { women: 1, men: 4, band: "20_40" },
  ])("$women women and $men men: $band", ({ women, men, band }) => {
    expect(womenShareBand(women, men)).toBe(band);
  });

  it.each([
    { withStaff: 0, mixed: 0, band: "no_jobs" },
    { withStaff: 4, mixed: 0, band: "none" },
    { withStaff: 4, mixed: 1, band: "lt_half" },
    { withStaff: 4, mixed: 4 * MIXED_JOBS_HALF, band: "half_plus" },
    { withStaff: 5, mixed: 2, band: "lt_half" },
    { withStaff: 5, mixed: 3, band: "half_plus" },
    { withStaff: 4, mixed: 4, band: "all" },
  ])("$mixed mixed jobs of $withStaff: $band", ({ withStaff, mixed, band }) => {
    expect(mixedJobsBand(withStaff, mixed)).toBe(band);
  });

  it.each([
    { value: INDEX_CORRECTIVE_THRESHOLD - 1, band: "lt75" },
    { value: INDEX_CORRECTIVE_THRESHOLD, band: "75_84" },
    { value: INDEX_OBJECTIVES_THRESHOLD - 1, band: "75_84" },
    { value: INDEX_OBJECTIVES_THRESHOLD, band: "85_plus" },
  ])("Index $value: $band", ({ value, band }) => {
    expect(indexBand({ state: "calcule", value })).toBe(band);
  });
  it("Index not calculable or not estimated", () => {
    expect(indexBand({ state: "non_calculable", value: null })).toBe("non_calculable");
    expect(indexBand({ state: "absent", value: null })).toBe("absent");
  });
});

// ---------------------------------------------------------------------------------------------
// The dashboard at 4 / 5 / 6 structures

function summary(overrides: Partial<DiagnosticSummary> = {}): DiagnosticSummary {
  return {
    v: DIAGNOSTIC_SUMMARY_VERSION,
    fiftyPlus: false,
    parcours: { women: 2, men: 8 },
    jobs: { withStaff: 4, mixed: 1 },
    levels: DOMAIN_IDS.map(() => "en_cours"),
    index: { state: "absent", value: null },
    ...overrides,
  };
}

function structures(n: number, o: { departement?: string; type?: StructureType; status?: "brouillon" | "termine"; plan?: boolean; summary?: Partial<DiagnosticSummary> } = {}): StructureFixture[] {
  return Array.from({ length: n }, () => ({
    departement: o.departement ?? "59",
    structureType: o.type ?? "ACI",
    registeredYear: 2025,
    diagnostics: [
      {
        year: 2025,
        status: o.status ?? "termine",
        summary: (o.status ?? "termine") === "termine" ? summary(o.summary) : null,
        plan: o.plan ? { domains: ["remuneration", "embauche"], actions: ["remuneration.analyse_ecarts"] } : null,
      },
    ],
  }));
}

function dashboard(fixtures: StructureFixture[], filters: Partial<DdetsFilters> = {}, scope = ["59", "62"]) {
  const f: DdetsFilters = { departement: null, structureType: null, year: 2025, ...filters };
  return buildDdetsDashboard({ scope, filters: f, ...groupStructures(fixtures, f.year) });
}

describe("the dashboard at threshold − 1, threshold and threshold + 1", () => {
  it.each([
    { n: N - 1, published: false },
    { n: N, published: true },
    { n: N + 1, published: true },
  ])("$n structures with a finished diagnostic: results published = $published", ({ n, published }) => {
    const d = dashboard(structures(n));
    expect(d.keyFigures.finished).toEqual(suppress(n));
    expect(d.keyFigures.registered).toEqual(suppress(n));
    expect(d.results.published).toBe(published);
    if (!published) {
      expect(d.results.message).toContain("Moins de 5 structures");
      expect(d.results.womenShare).toBeNull();
      expect(d.results.domains).toEqual([]);
    } else {
      // Every structure is in one band: that band shows n, the others 0.
      const band = d.results.womenShare!.bands.find((b) => b.id === "20_40")!;
      expect(band.cell).toEqual(shown(n));
      expect(band.share).toBe("100\u00a0%");
    }
  });

  it.each([
    { inBand: N - 1, cell: small },
    { inBand: N, cell: shown(N) },
    { inBand: N + 1, cell: shown(N + 1) },
  ])("a band of $inBand structures among 12", ({ inBand, cell }) => {
    const fixtures = [...structures(inBand, { summary: { parcours: { women: 1, men: 9 } } }), ...structures(12 - inBand)];
    const bands = dashboard(fixtures).results.womenShare!.bands;
    expect(bands.find((b) => b.id === "lt20")!.cell).toEqual(cell);
    // A band of 4 beside one of 8: the 8 is masked too (12 − 8 would give the 4 back).
    expect(bands.find((b) => b.id === "20_40")!.cell).toEqual(inBand === N - 1 ? masked : shown(12 - inBand));
    if (cell.status !== "shown") expect(bands.find((b) => b.id === "lt20")!.share).toBeNull();
  });

  it.each([
    { n: N - 1, published: false },
    { n: N, published: true },
    { n: N + 1, published: true },
  ])("$n plans: plan choices published = $published", ({ n, published }) => {
    const d = dashboard([...structures(n, { plan: true }), ...structures(6)]);
    expect(d.plans.published).toBe(published);
    if (published) {
      expect(d.plans.domains.find((r) => r.id === "remuneration")!.cell).toEqual(shown(n));
      expect(d.plans.actions.map((a) => a.id)).toEqual(["remuneration.analyse_ecarts"]);
    } else {
      expect(d.plans.domains).toEqual([]);
      expect(d.plans.actions).toEqual([]);
    }
  });
});

describe("what the uptake figures say", () => {
  it("names shown figures only", () => {
    expect(dashboard([...structures(6), ...structures(3, { status: "brouillon" })]).uptakeText).toMatch(/^Sur 9 structures inscrites, 9 ont commencé leur diagnostic 2025 et 6 l'ont terminé\. /);
    expect(dashboard(structures(3)).uptakeText).toMatch(/^Les chiffres de cette sélection sont couverts par le secret statistique\./);
    expect(dashboard([]).uptakeText).toContain("Aucune structure de cette sélection n'est encore inscrite");
  });
});

describe("filters cannot uncover a small group", () => {
  // 59: 6 ACI; 62: 4 ACI. The 62 group is small; 59 alone would give 62 back by difference with the total.
  const fixtures = [...structures(6, { departement: "59" }), ...structures(4, { departement: "62" })];

  it("the small département is suppressed, and the other one masked, in the uptake table", () => {
    const d = dashboard(fixtures);
    expect(d.byDepartement.rows.map((r) => r.finished)).toEqual([masked, small]);
    expect(d.byDepartement.total.finished).toEqual(shown(10));
    expect(d.results.published).toBe(true);
  });

  it.each([
    { departement: "62", status: "small" },
    { departement: "59", status: "masked" },
  ])("filtered on $departement: no result ($status)", ({ departement, status }) => {
    const d = dashboard(fixtures, { departement });
    expect(d.results.published).toBe(false);
    expect(d.results.finished.status).toBe(status);
    expect(d.keyFigures.finished.status).toBe(status);
  });

  it("type × département: a group hidden in one table stays hidden in the other", () => {
    // 59: 20 ACI, 10 EI; 62: 7 ACI, 3 EI. (62, EI) is small; (62, ACI) = 62 − (62, EI) must not be published,
    // nor (59, ACI), else (*, ACI) − (59, ACI) would give (62, ACI) back.
    const f = [
      ...structures(20, { departement: "59", type: "ACI" }),
      ...structures(10, { departement: "59", type: "EI" }),
      ...structures(7, { departement: "62", type: "ACI" }),
      ...structures(3, { departement: "62", type: "EI" }),
    ];
    const aci62 = dashboard(f, { departement: "62", structureType: "ACI" });
    const aci59 = dashboard(f, { departement: "59", structureType: "ACI" });
    expect(aci62.results.published).toBe(false);
    expect(aci59.results.published).toBe(false);
    expect(dashboard(f, { structureType: "ACI" }).results.published).toBe(true);
    expect(dashboard(f, { departement: "62" }).results.published).toBe(true);
    expect(dashboard(f).byType.rows.find((r) => r.key === "EI")!.finished).toEqual(shown(13));
  });

  it("ignores rows outside the scope and a filter outside it", () => {
    const d = dashboard([...structures(6, { departement: "59" }), ...structures(9, { departement: "80" })], { departement: "80" }, ["59"]);
    expect(d.filters.departement).toBeNull();
    expect(d.keyFigures.registered).toEqual(shown(6));
    expect(d.scope.map((s) => s.code)).toEqual(["59"]);
  });

  it("drafts count as started, not in the results", () => {
    const d = dashboard([...structures(6), ...structures(3, { status: "brouillon" })]);
    expect(d.keyFigures.started).toEqual(shown(9));
    expect(d.keyFigures.finished).toEqual(shown(6));
    expect(d.results.domains[0].total).toEqual(shown(6));
  });

  it("sorts plan domains by published counts only (a hidden count never moves a row)", () => {
    const d = dashboard([...structures(8, { plan: true }), ...structures(6)]);
    const counts = d.plans.domains.map((r) => r.cell);
    const firstHidden = counts.findIndex((c) => c.status !== "shown");
    if (firstHidden >= 0) expect(counts.slice(firstHidden).every((c) => c.status !== "shown")).toBe(true);
  });
});

describe("the year the dashboard opens on", () => {
  const now = new Date(Date.UTC(2026, 10, 23));
  it.each([
    { label: "no diagnostic: last year", years: [], year: 2025 },
    { label: `newest year with ${N} finished`, years: [{ year: 2026, finished: N }, { year: 2025, finished: 40 }], year: 2026 },
    { label: `newest year with only ${N - 1} finished: the year before`, years: [{ year: 2026, finished: N - 1 }, { year: 2025, finished: 40 }], year: 2025 },
    { label: "no year with enough: the newest", years: [{ year: 2024, finished: 1 }, { year: 2025, finished: 2 }], year: 2025 },
  ])("$label", ({ years, year }) => {
    expect(defaultReferenceYear(years, now)).toBe(year);
  });
});

describe("structure status", () => {
  it.each([
    { diagnostic: null, plan: false, status: "inscrite" },
    { diagnostic: "brouillon" as const, plan: false, status: "brouillon" },
    { diagnostic: "termine" as const, plan: false, status: "termine" },
    { diagnostic: "termine" as const, plan: true, status: "plan" },
  ])("$diagnostic, plan $plan: $status", ({ diagnostic, plan, status }) => {
    expect(structureStatus(diagnostic, plan)).toBe(status);
  });
});

describe("the summary agrees with the results page", () => {
  it.each([
    { seed: 1, fiftyPlus: false },
    { seed: 2, fiftyPlus: true },
    { seed: 3, fiftyPlus: true },
  ])("seed $seed (50 or more: $fiftyPlus)", ({ seed, fiftyPlus }) => {
    const rng = seededRandom(seed);
    const docs = makeDiagnosticDocuments(rng, "ACI", fiftyPlus, 0.5);
    const s = summarizeDiagnostic({
      profile: docs.profile,
      departement: "59",
      jobs: docs.jobs,
      answers: docs.answers,
      index: { source: docs.indexSource, data: docs.indexData },
      staffIndexInput: null,
    });
    const r = buildResults({
      year: 2025,
      profile: { ...docs.profile, departement: "59" },
      structureType: "ACI",
      jobs: docs.jobs,
      answers: docs.answers,
      index: { source: docs.indexSource, data: docs.indexData, skipReason: docs.indexSkipReason },
    });
    if (r.status !== "ready") throw new Error("results not ready");
    expect(s.levels).toEqual(r.domains.rows.map((row) => row.level));
    expect(s.fiftyPlus).toBe(fiftyPlus);
    expect(s.jobs.mixed).toBe(r.keyFigures.find((k) => k.id === "mixed_jobs")?.value ?? s.jobs.mixed);
    if (fiftyPlus) expect(s.index.value).toBe(r.index.value);
    else expect(s.index.state).toBe("absent");
    expect(s.parcours).toEqual({ women: docs.profile.parcoursWomen, men: docs.profile.parcoursMen });
  });

  it("an invalid profile gives no level and no size band", () => {
    const s = summarizeDiagnostic({ profile: { structureType: "ACI" }, departement: null, jobs: [], answers: {}, index: { source: null, data: null }, staffIndexInput: null });
    expect(s.fiftyPlus).toBeNull();
    expect(s.levels.every((l) => l === null)).toBe(true);
    expect(s.parcours).toBeNull();
  });
});

describe("CSV cells for French Excel", () => {
  it.each([
    { value: "=HYPERLINK(\"http://x\")", cell: `"'=HYPERLINK(""http://x"")"` },
    { value: "+33 6 00", cell: "'+33 6 00" },
    { value: "-2", cell: "'-2" },
    { value: "@SUM(A1)", cell: "'@SUM(A1)" },
    { value: "\tTab", cell: "'\tTab" },
    { value: "\rCR", cell: `"'\rCR"` },
    { value: "Atelier; Couture", cell: `"Atelier; Couture"` },
    { value: "Ressourcerie", cell: "Ressourcerie" },
    { value: 12, cell: "12" },
    { value: 34.56, cell: "34,6" },
    { value: null, cell: "" },
  ])("$value", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("starts with a BOM, separates with « ; » and ends lines with CRLF", () => {
    expect(toCsv([["a", 1], ["b", 2.5]])).toBe("\uFEFFa;1\r\nb;2,5\r\n");
  });
});

describe("campaign addresses", () => {
  it("splits on lines, « ; » and « , », lower-cases and removes duplicates", () => {
    expect(splitEmails(" Contact@Aci.fr;direction@ei.fr,\n\ncontact@aci.fr \r\n <rh@geiq.fr>")).toEqual(["contact@aci.fr", "direction@ei.fr", "rh@geiq.fr"]);
  });
  it("refuses the list with every invalid address named", () => {
    const r = CampaignInviteSchema.safeParse({ emails: "a@b.fr\npas-une-adresse\nx@" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toContain("«\u00a0pas-une-adresse\u00a0»");
    expect(r.error!.issues[0].message).toContain("«\u00a0x@\u00a0»");
  });
  it("accepts a valid list", () => {
    expect(CampaignInviteSchema.parse({ emails: "a@b.fr; zoé@exemple.fr" }).emails).toEqual(["a@b.fr", "zoé@exemple.fr"]);
  });
});
