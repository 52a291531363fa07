/**
 * The one-pass derivations (jobs table, Index input, top 10) and the faster readers (CSV scanner,
 * memoised normalizeText, isEmptyCell) against straightforward reference implementations written
 * here, on seeded random data: results must be equal to the last bit.
 */
import { describe, expect, it } from "vitest";
import { TOP_PAY_COUNT } from "../../diagnostics/index/constants.ts";
import {
  INDEX_AGE_BANDS,
  INDEX_CSPS,
  type CspRateRow,
  type IndexInput,
  type IndexSizeBand,
  type PayGroup,
  type RatesInput,
  type WorkforceRow,
} from "../../diagnostics/index/types.ts";
import type { MixityJobInput } from "../../diagnostics/mixity.ts";
import {
  INDEX_MIN_MONTHS_PRESENT,
  deriveFromStaffRows,
  fullTimeEquivalentPay,
  groupJobTitles,
  indexInputFromStaffRows,
  jobsFromStaffRows,
  normalizeText,
  parseCsv,
  topPaySexes,
  type StaffRow,
} from "../../diagnostics/staff-file/index.ts";
import { isEmptyCell } from "../../diagnostics/staff-file/values.ts";
import { prng } from "../helpers/fuzz.ts";
import type { Population, StructureType } from "../../diagnostics/types.ts";

// ---------------------------------------------------------------------------------------------
// Seeded random staff rows


/** Titles with spelling variants (case, accents, apostrophes, spaces) but no gendered pairs. */
const PLAIN_JOBS = [
  "Agent d'entretien",
  "agent d’entretien",
  "AGENT D'ENTRETIEN ",
  "Ouvrier espaces verts",
  "Ouvrier  espaces-verts",
  "Maraîcher",
  "Maraicher",
  "Comptable",
  "Encadrant technique",
  "Chauffeur-livreur",
  "Responsable de site",
  "Aide à domicile",
];
/** The same with masculine, feminine and inclusive forms. */
const GENDERED_JOBS = [
  ...PLAIN_JOBS,
  "Agente d'entretien",
  "Agent·e d'entretien",
  "Chargé d'insertion",
  "Chargée d'insertion",
  "Encadrante technique",
  "Vendeur",
  "Vendeuse",
  "Animatrice",
  "Animateur",
  "Agent de tri",
  "Agente d'accueil",
];

function randomRows(count: number, seed: number, jobs: readonly string[]): StaffRow[] {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const maybe = (p: number): boolean | null => (rand() < 0.1 ? null : rand() < p);
  return Array.from({ length: count }, () => {
    const sex = rand() < 0.5 ? ("F" as const) : ("H" as const);
    const maternityReturn = sex === "F" ? maybe(0.1) : maybe(0.01);
    return {
      sex,
      job: pick(jobs),
      population: rand() < 0.6 ? ("parcours" as const) : ("permanent" as const),
      csp: pick(INDEX_CSPS),
      ageBand: pick(INDEX_AGE_BANDS),
      timeShare: pick([1, 1, 0.5, 0.8, 0.1, 0.3, 26 / 35, 1 / 3, 0.95]),
      monthsPresent: pick([12, 12, 1, 3, 4.5, 5.99, 6, 6.5, 7, 9.5, 11]),
      // Small pay grid for ties at the top 10, then any amount with cents.
      annualGrossPay: rand() < 0.3 ? pick([18_000, 21_000.5, 30_000, 45_000]) : Math.round(rand() * 6_000_000) / 100,
      raised: maybe(0.3),
      promoted: maybe(0.05),
      maternityReturn,
      raisedOnReturn: maternityReturn === true ? maybe(0.6) : null,
      raisesDuringLeave: maternityReturn === true ? maybe(0.8) : null,
      coefficient: null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reference implementations: one filter per question, as the engine was first written.

function referencePopulation(rows: readonly StaffRow[], structureType: StructureType | undefined): StaffRow[] {
  const excludeParcours = structureType === "ESAT" || structureType === "GEIQ";
  return rows.filter((r) => !(excludeParcours && r.population === "parcours") && r.monthsPresent >= INDEX_MIN_MONTHS_PRESENT);
}

function referenceMean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

function referencePct(count: number, of: number): number | null {
  return of === 0 ? null : (count / of) * 100;
}

function referenceRates(counted: StaffRow[], got: (r: StaffRow) => boolean | null): RatesInput {
  const happened = counted.some((r) => got(r) === true);
  const groups: CspRateRow[] = INDEX_CSPS.map((csp) => {
    const women = counted.filter((r) => r.csp === csp && r.sex === "F");
    const men = counted.filter((r) => r.csp === csp && r.sex === "H");
    return {
      csp,
      women: women.length,
      men: men.length,
      ratePctWomen: happened ? referencePct(women.filter((r) => got(r) === true).length, women.length) : null,
      ratePctMen: happened ? referencePct(men.filter((r) => got(r) === true).length, men.length) : null,
    };
  });
  return { happened, groups };
}

/** Sorts everyone by FTE pay in cents, then applies the tie rule of topPaySexes. */
function referenceTop10(counted: StaffRow[]): { women: number; men: number } {
  const people = counted.map((r) => ({ woman: r.sex === "F", cents: Math.round(fullTimeEquivalentPay(r) * 100) })).sort((a, b) => b.cents - a.cents);
  if (people.length <= TOP_PAY_COUNT) {
    const women = people.filter((p) => p.woman).length;
    return { women, men: people.length - women };
  }
  const cut = people[TOP_PAY_COUNT - 1].cents;
  const above = people.filter((p) => p.cents > cut);
  const tied = people.filter((p) => p.cents === cut);
  const slots = TOP_PAY_COUNT - above.length;
  const w0 = above.filter((p) => p.woman).length;
  const m0 = above.length - w0;
  const tw = tied.filter((p) => p.woman).length;
  const tm = tied.length - tw;
  const lo = Math.max(0, slots - tm);
  const hi = Math.min(slots, tw);
  const under = (x: number) => Math.min(w0 + x, m0 + slots - x);
  const x = under(lo) <= under(hi) ? lo : hi;
  return { women: w0 + x, men: m0 + slots - x };
}

function referenceIndexInput(rows: readonly StaffRow[], sizeBand: IndexSizeBand, structureType?: StructureType): IndexInput {
  const counted = referencePopulation(rows, structureType);
  const workforce: WorkforceRow[] = [];
  const groups: PayGroup[] = [];
  for (const csp of INDEX_CSPS) {
    for (const ageBand of INDEX_AGE_BANDS) {
      const women = counted.filter((r) => r.csp === csp && r.ageBand === ageBand && r.sex === "F");
      const men = counted.filter((r) => r.csp === csp && r.ageBand === ageBand && r.sex === "H");
      workforce.push({ csp, ageBand, women: women.length, men: men.length });
      groups.push({
        category: csp,
        ageBand,
        women: women.length,
        men: men.length,
        avgPayWomen: referenceMean(women.map(fullTimeEquivalentPay)),
        avgPayMen: referenceMean(men.map(fullTimeEquivalentPay)),
      });
    }
  }
  const returnees = counted.filter((r) => r.maternityReturn === true);
  const withRaises = returnees.filter((r) => r.raisesDuringLeave !== false);
  const input: IndexInput = {
    sizeBand,
    workforce,
    pay: { classification: "csp", groups },
    maternity: returnees.length === 0 ? null : { returned: withRaises.length, raisedOnReturn: withRaises.filter((r) => r.raisedOnReturn === true).length },
    top10: referenceTop10(counted),
  };
  if (sizeBand === "50-250") {
    const either = (r: StaffRow) => r.raised === true || r.promoted === true;
    const happened = counted.some(either);
    input.raisesAndPromotions = {
      happened,
      raisedWomen: happened ? counted.filter((r) => r.sex === "F" && either(r)).length : null,
      raisedMen: happened ? counted.filter((r) => r.sex === "H" && either(r)).length : null,
    };
    input.raises = null;
    input.promotions = null;
  } else {
    input.raisesAndPromotions = null;
    input.raises = referenceRates(counted, (r) => r.raised);
    input.promotions = referenceRates(counted, (r) => r.promoted);
  }
  return input;
}

/**
 * The jobs table: each row goes to the job its title belongs to (groupJobTitles per population, the
 * grouping under test elsewhere), then plain sums in row order, FTE rounded to 6 decimals.
 */
function referenceJobs(rows: readonly StaffRow[]): MixityJobInput[] {
  const jobOf = new Map<string, string>();
  for (const population of ["permanent", "parcours"] as const) {
    const titles = [...new Set(rows.filter((r) => r.population === population).map((r) => r.job))];
    const people = (t: string) => rows.filter((r) => r.population === population && r.job === t).length;
    for (const group of groupJobTitles(titles.map((label) => ({ label: label.trim(), people: people(label) })))) {
      for (const m of group.members) jobOf.set(`${population}|${titles[m]}`, group.label);
    }
  }
  const jobs = new Map<string, { label: string; population: Population; women: number; men: number; womenFte: number; menFte: number }>();
  for (const r of rows) {
    const label = jobOf.get(`${r.population}|${r.job}`)!;
    const key = `${r.population}|${label}`;
    const job = jobs.get(key) ?? { label, population: r.population, women: 0, men: 0, womenFte: 0, menFte: 0 };
    jobs.set(key, job);
    const fte = (r.timeShare * r.monthsPresent) / 12;
    if (r.sex === "F") {
      job.women++;
      job.womenFte += fte;
    } else {
      job.men++;
      job.menFte += fte;
    }
  }
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return [...jobs.values()]
    .sort((a, b) => (a.population === b.population ? a.label.localeCompare(b.label, "fr") : a.population === "permanent" ? -1 : 1))
    .map((j) => ({ ...j, womenFte: round6(j.womenFte), menFte: round6(j.menFte) }));
}

/** The first engine's jobs table (titles grouped by normalizeText only), for files without gendered pairs. */
function referencePlainJobs(rows: readonly StaffRow[]): MixityJobInput[] {
  const jobs = new Map<string, { label: string; population: Population; women: number; men: number; womenFte: number; menFte: number }>();
  for (const r of rows) {
    const key = `${r.population}\u0000${normalizeText(r.job)}`;
    const job = jobs.get(key) ?? { label: r.job.trim(), population: r.population, women: 0, men: 0, womenFte: 0, menFte: 0 };
    jobs.set(key, job);
    const fte = (r.timeShare * r.monthsPresent) / 12;
    if (r.sex === "F") {
      job.women++;
      job.womenFte += fte;
    } else {
      job.men++;
      job.menFte += fte;
    }
  }
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return [...jobs.values()]
    .sort((a, b) => (a.population === b.population ? a.label.localeCompare(b.label, "fr") : a.population === "permanent" ? -1 : 1))
    .map((j) => ({ ...j, womenFte: round6(j.womenFte), menFte: round6(j.menFte) }));
}

// ---------------------------------------------------------------------------------------------

const SIZE_BANDS: IndexSizeBand[] = ["50-250", "251+"];
const STRUCTURES: (StructureType | undefined)[] = [undefined, "ACI", "ESAT", "GEIQ"];
const CASES = SIZE_BANDS.flatMap((sizeBand) => STRUCTURES.map((structureType) => ({ sizeBand, structureType, label: `${sizeBand}, ${structureType ?? "no structure type"}` })));

describe("one-pass derivations equal the reference, bit for bit", () => {
  const rows = randomRows(4000, 20_251_123, GENDERED_JOBS);

  it.each(CASES)("Index input on 4,000 random people ($label)", ({ sizeBand, structureType }) => {
    expect(indexInputFromStaffRows(rows, { sizeBand, structureType })).toStrictEqual(referenceIndexInput(rows, sizeBand, structureType));
  });

  it.each(CASES)("deriveFromStaffRows = jobsFromStaffRows + indexInputFromStaffRows ($label)", ({ sizeBand, structureType }) => {
    const derived = deriveFromStaffRows(rows, { sizeBand, structureType });
    expect(derived.index).toStrictEqual(indexInputFromStaffRows(rows, { sizeBand, structureType }));
    expect(derived.jobs).toStrictEqual(jobsFromStaffRows(rows));
    const counted = referencePopulation(rows, structureType).length;
    const excludedNotEmployees = structureType === "ESAT" || structureType === "GEIQ" ? rows.filter((r) => r.population === "parcours").length : 0;
    expect(derived.population).toEqual({ counted, excludedNotEmployees, excludedShortPresence: rows.length - counted - excludedNotEmployees });
  });

  it("jobs table with gendered titles: every row in its merged job, FTE summed in row order", () => {
    const jobs = jobsFromStaffRows(rows);
    expect(jobs).toStrictEqual(referenceJobs(rows));
    expect(jobs.map((j) => j.label)).toContain("Chargée d'insertion / Chargé d'insertion");
  });

  it("jobs table without gendered titles: exactly the first engine's table", () => {
    const plain = randomRows(3000, 7, PLAIN_JOBS);
    expect(jobsFromStaffRows(plain)).toStrictEqual(referencePlainJobs(plain));
  });

  it.each([0, 1, 9, 10, 11, 12, 25, 200])("small staffs: %i people", (count) => {
    for (let seed = 1; seed <= 20; seed++) {
      const some = randomRows(count, seed * 7919, GENDERED_JOBS);
      for (const sizeBand of SIZE_BANDS) expect(indexInputFromStaffRows(some, { sizeBand })).toStrictEqual(referenceIndexInput(some, sizeBand));
      expect(jobsFromStaffRows(some)).toStrictEqual(referenceJobs(some));
    }
  });

  it("top 10 with many ties at the cut, in any order", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(seed);
      const some = randomRows(5 + Math.floor(rand() * 40), seed, PLAIN_JOBS).map((r) => ({
        ...r,
        timeShare: 1,
        monthsPresent: 12,
        annualGrossPay: [20_000, 25_000, 30_000, 30_000.004][Math.floor(rand() * 4)],
      }));
      expect(topPaySexes(some)).toEqual(referenceTop10(some));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// CSV scanner

/** The CSV reader as first written: character by character. */
function referenceParseCsv(text: string, separator?: string) {
  let s = text.startsWith("\ufeff") ? text.slice(1) : text;
  let line = 1;
  const hint = /^sep=(.)[ \t]*(\r\n|\n|\r)/i.exec(s);
  if (hint) {
    separator ??= hint[1];
    s = s.slice(hint[0].length);
    line = 2;
  }
  let sep = separator;
  if (sep === undefined) {
    const first = s.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
    const counts: Record<string, number> = { ";": 0, "\t": 0, ",": 0 };
    let q = false;
    for (const ch of first) {
      if (ch === '"') q = !q;
      else if (!q && ch in counts) counts[ch]++;
    }
    sep = ";";
    for (const c of [";", "\t", ","]) if (counts[c] > counts[sep]) sep = c;
  }
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let inQuotes = false;
  let rowLine = line;
  let quoteLine = line;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inQuotes) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && s[i + 1] !== "\n")) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      inQuotes = true;
      quoteLine = line;
      cell = "";
    } else if (ch === sep) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (inQuotes) return { ok: false, line: quoteLine };
  endRow();
  return { ok: true, rows };
}

describe("CSV scanner equals the character-by-character reader", () => {
  const PIECES = ["a", "Bé", " ", "\u00a0", ";", ",", "\t", '"', '""', "\r", "\n", "\r\n", "12,5", "oui", "\ufeff"];

  it("on 3,000 random texts, separator detected or given, with and without « sep= »", () => {
    const rand = prng(42);
    for (let k = 0; k < 3000; k++) {
      let text = Array.from({ length: Math.floor(rand() * 40) }, () => PIECES[Math.floor(rand() * PIECES.length)]).join("");
      if (k % 7 === 0) text = `sep=${[";", ",", "\t"][k % 3]}\r\n${text}`;
      if (k % 11 === 0) text = `\ufeff${text}`;
      const separator = k % 5 === 0 ? [";", ",", "\t"][k % 3] : undefined;
      const actual = parseCsv(text, separator);
      const expected = referenceParseCsv(text, separator);
      const comparable = actual.ok ? { ok: true, rows: actual.rows } : { ok: false, line: actual.line };
      expect(comparable, JSON.stringify(text)).toEqual(expected);
    }
  });

  it("keeps quoted separators, doubled quotes and line breaks inside quotes, with file line numbers", () => {
    const text = 'Emploi;Note\r\n"Agent; ""tri""";"deux\r\nlignes"\r\n\r\nCariste;  "x" y\n';
    expect(parseCsv(text)).toMatchObject({
      ok: true,
      rows: [
        { line: 1, cells: ["Emploi", "Note"] },
        { line: 2, cells: ['Agent; "tri"', "deux\r\nlignes"] },
        { line: 5, cells: ["Cariste", "x y"] },
      ],
    });
    expect(parseCsv('a;b\n"open\nc')).toMatchObject({ ok: false, line: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// Memoised normalizeText and isEmptyCell

describe("normalizeText memo", () => {
  it("gives the same text on every call, past the memo's size and for long texts", () => {
    const first = Array.from({ length: 25_000 }, (_, i) => normalizeText(`Employé·e n° ${i}`));
    expect(first[0]).toBe("employe n 0");
    expect(first[24_999]).toBe("employe n 24999");
    expect(Array.from({ length: 25_000 }, (_, i) => normalizeText(`Employé·e n° ${i}`))).toEqual(first);
    const long = `${"Chargée d'insertion ".repeat(20)}Œuvre`;
    expect(normalizeText(long)).toBe(`${"chargee d insertion ".repeat(20)}oeuvre`);
    expect(normalizeText(long)).toBe(normalizeText(long));
  });
});

describe("isEmptyCell", () => {
  it.each([
    { label: "null", cell: null, empty: true },
    { label: "undefined", cell: undefined, empty: true },
    { label: "empty string", cell: "", empty: true },
    { label: "spaces, tab and line ends", cell: " \t\r\n ", empty: true },
    { label: "no-break spaces", cell: "\u00a0\u202f", empty: true },
    { label: "a letter between spaces", cell: " a ", empty: false },
    { label: "zero", cell: 0, empty: false },
    { label: "false", cell: false, empty: false },
    { label: "an invalid date", cell: new Date("x"), empty: true },
    { label: "a date", cell: new Date("2025-12-31"), empty: false },
  ])("$label → $empty", ({ cell, empty }) => {
    expect(isEmptyCell(cell)).toBe(empty);
  });
});
