/**
 * Hostile staff files against the pure importer: seeded random bytes, cut UTF-8, lines of several
 * MB, 100 000 columns, spreadsheet formulas, legacy encodings, files over 10 MB, zip bombs (honest
 * and lying about their sizes) and random bytes named .xlsx. Each must give a result (never an
 * exception), refusals carry French sentences, and memory stays bounded (a generous bound on the
 * growth of the resident set, never a time).
 *
 * The seed is FUZZ_SEED or a fixed default; it is part of every test name, so a failure names it.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  STAFF_FILE_MAX_BYTES,
  parseStaffFile,
  staffFileTemplateXlsx,
  type StaffFileResult,
} from "../../diagnostics/staff-file/index.ts";
import { csvCell } from "../../app/ddets/csv.ts";
import { exportCsv } from "../../app/orgs/data-export.server.ts";
import { FUZZ_SEED, prng } from "../helpers/fuzz.ts";

const SEED = FUZZ_SEED;


const HEADER = "Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Augmentation;Promotion";
const ROW = "F;Agente d'entretien;parcours;employé;34;80 %;12;15 120,00;non;non";
const REF = { referenceDate: "2025-12-31" };

/** Words every French message of the importer is made of; an English exception text has none of them. */
const FRENCH = /\b(le|la|les|du|de|des|un|une|fichier|ligne|colonne|est|n'est|pas|vérifiez|enregistrez)\b/i;

function expectHandled(result: StaffFileResult, label: string) {
  if (result.ok) return;
  expect(result.errors.length, label).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(e.message, label).toMatch(FRENCH);
    expect(e.message, label).not.toMatch(/TypeError|RangeError|undefined|NaN|\bat \w+ \(|Error:/);
  }
}

async function parse(bytes: Uint8Array, name: string): Promise<StaffFileResult> {
  // Any exception fails the test here, with the file's description.
  return parseStaffFile(bytes, name, REF);
}

const MB = 1024 * 1024;
/** Growth of the resident set over a whole hostile case that we accept: far below what a bomb would take. */
const RSS_BOUND = 400 * MB;

async function withinMemory<T>(fn: () => Promise<T>): Promise<{ value: T; growth: number }> {
  const before = process.memoryUsage();
  let peak = before.rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growth: peak - before.rss };
  } finally {
    clearInterval(timer);
  }
}

/** Sets the sizes a zip declares for `entry` (local header and central directory) to `declared`: a lying archive. */
function lieAboutSize(zip: Uint8Array, entry: string, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = strToU8(entry);
  const matchesAt = (offset: number) => name.every((b, i) => out[offset + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matchesAt(i + 30)) view.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matchesAt(i + 46)) view.setUint32(i + 24, declared, true);
  }
  return out;
}

/** A real .xlsx (the template) whose first sheet is replaced by `sheetBytes` of XML. */
function xlsxWithSheet(sheet: Uint8Array<ArrayBuffer>): { zip: Uint8Array; sheetName: string } {
  const parts = unzipSync(staffFileTemplateXlsx());
  const sheetName = Object.keys(parts).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
  parts[sheetName] = sheet;
  return { zip: zipSync(parts, { level: 9 }), sheetName };
}

describe(`staff-file fuzz (seed ${SEED})`, () => {
  it(`random bytes under every kind of name never throw and are refused in French (seed ${SEED})`, async () => {
    const random = prng(SEED);
    for (let i = 0; i < 60; i++) {
      const size = Math.floor(random() ** 3 * 200_000) + 1;
      const bytes = new Uint8Array(size);
      for (let j = 0; j < size; j++) bytes[j] = Math.floor(random() * 256);
      // One in four starts like a zip, to reach the .xlsx reader.
      if (i % 4 === 0 && size > 4) bytes.set([0x50, 0x4b, 0x03, 0x04]);
      const name = ["personnel.csv", "personnel.xlsx", "personnel.txt", "sans-extension", "personnel.xls"][i % 5];
      const result = await parse(bytes, name);
      expectHandled(result, `case ${i} (${size} bytes, ${name}, seed ${SEED})`);
      expect(result.ok, `case ${i}`).toBe(false);
    }
  });

  it(`random printable text and random cells stay typed results (seed ${SEED})`, async () => {
    const random = prng(SEED + 1);
    const alphabet = "abcdefFH;,\t\"'\n\r 0123456789%éèàçœ«»=+-@€\u00a0\u0000\u202e";
    for (let i = 0; i < 60; i++) {
      const lines = [HEADER];
      const n = Math.floor(random() * 40);
      for (let l = 0; l < n; l++) {
        let line = "";
        const len = Math.floor(random() * 120);
        for (let c = 0; c < len; c++) line += alphabet[Math.floor(random() * alphabet.length)];
        lines.push(random() < 0.5 ? ROW : line);
      }
      expectHandled(await parse(strToU8(lines.join("\n")), "personnel.csv"), `case ${i} (seed ${SEED})`);
    }
  });

  it(`UTF-8 cut inside a character is refused with a French message, never misread (seed ${SEED})`, async () => {
    const random = prng(SEED + 2);
    const text = `${HEADER}\n${ROW}\nH;Maraîcher « bio » — équipe œuvre;parcours;ouvrier;30-39;100 %;12;18 000;non;non`;
    const bytes = strToU8(text);
    const cuts: number[] = [];
    for (let i = 0; i < bytes.length; i++) if ((bytes[i] & 0xc0) === 0x80) cuts.push(i); // inside a multi-byte sequence
    for (let k = 0; k < 25; k++) {
      const cut = cuts[Math.floor(random() * cuts.length)];
      const truncated = bytes.slice(0, cut);
      const result = await parse(truncated, "personnel.csv");
      expectHandled(result, `cut at ${cut} (seed ${SEED})`);
    }
    // A lone continuation byte and an overlong sequence in the middle.
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      const mixed = new Uint8Array([...strToU8(`${HEADER}\nF;Agent`), ...bad, ...strToU8(";parcours;ouvrier;34;1;12;15 000;non;non")]);
      expectHandled(await parse(mixed, "personnel.csv"), `bytes ${bad.join(",")}`);
    }
  });

  it("a line of several MB, and 100 000 columns, are refused or read within bounded memory", async () => {
    const hugeLine = `${HEADER}\n${"F;" + "x".repeat(6 * MB) + ";parcours;ouvrier;34;1;12;15 000;non;non"}`;
    const a = await withinMemory(() => parse(strToU8(hugeLine), "personnel.csv"));
    expectHandled(a.value, "6 MB line");
    expect(a.value.ok).toBe(false);
    expect(a.growth).toBeLessThan(RSS_BOUND);

    const wide = `${Array.from({ length: 100_000 }, (_, i) => `col${i}`).join(";")}\n${Array.from({ length: 100_000 }, () => "1").join(";")}`;
    const b = await withinMemory(() => parse(strToU8(wide), "personnel.csv"));
    expectHandled(b.value, "100 000 columns");
    expect(b.value.ok).toBe(false);
    expect(b.growth).toBeLessThan(RSS_BOUND);

    const wideValid = `${HEADER};${Array.from({ length: 100_000 }, (_, i) => `extra${i}`).join(";")}\n${ROW};${"0;".repeat(99_999)}0`;
    const c = await withinMemory(() => parse(strToU8(wideValid), "personnel.csv"));
    expectHandled(c.value, "valid columns then 100 000 more");
    expect(c.growth).toBeLessThan(RSS_BOUND);
  }, 60_000);

  it("files over 10 MB are refused before they are read, in French", async () => {
    const big = new Uint8Array(STAFF_FILE_MAX_BYTES + 1).fill(0x41);
    for (const name of ["personnel.csv", "personnel.xlsx"]) {
      const result = await parse(big, name);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].message).toMatch(/10\u00a0Mo|trop volumineux|trop lourd/);
      expectHandled(result, name);
    }
  });

  it("Windows-1252, UTF-16 LE and BE with a BOM are read; UTF-16 without a BOM is refused in French", async () => {
    const text = `${HEADER}\r\n${ROW}\r\n`;
    const cp1252 = new Uint8Array([...text].map((ch) => ({ "é": 0xe9, "è": 0xe8, "Â": 0xc2 })[ch] ?? ch.charCodeAt(0)));
    const r1252 = await parse(cp1252, "personnel.csv");
    expect(r1252.ok).toBe(true);
    if (r1252.ok) expect(r1252.rows[0].job).toBe("Agente d'entretien");
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      le[2 + i * 2] = code & 0xff;
      le[3 + i * 2] = code >> 8;
      be[2 + i * 2] = code >> 8;
      be[3 + i * 2] = code & 0xff;
    }
    for (const [label, bytes] of [["UTF-16 LE", le], ["UTF-16 BE", be]] as const) {
      const r = await parse(bytes, "personnel.csv");
      expectHandled(r, label);
      expect(r.ok, label).toBe(true);
    }
    const noBom = await parse(le.slice(2), "personnel.csv");
    expectHandled(noBom, "UTF-16 without BOM");
    expect(noBom.ok).toBe(false);
  });

  it("spreadsheet formulas are kept as plain text, and every CSV we export neutralises them", async () => {
    const formulas = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"http://evil.example\")"];
    const csv = [HEADER, ...formulas.map((f) => `F;${f.replace(/;/g, ",")};parcours;employé;34;80 %;12;15 120,00;non;non`)].join("\n");
    const result = await parse(strToU8(csv), "personnel.csv");
    expectHandled(result, "formulas");
    if (result.ok) {
      for (const row of result.rows) expect(typeof row.job).toBe("string");
      for (const row of result.rows) expect(exportCsv(["emploi"], [[row.job]]).split(/\r?\n/)[1]).not.toMatch(/^"?[=+\-@]/);
    }
    for (const f of [...formulas, "\t=1", "\r=1"]) {
      const cell = csvCell(f);
      expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("an honest zip bomb named .xlsx is refused in French without being inflated", async () => {
    const { zip } = xlsxWithSheet(new Uint8Array(120 * MB).fill(0x20));
    expect(zip.length).toBeLessThan(STAFF_FILE_MAX_BYTES);
    const { value, growth } = await withinMemory(() => parse(zip, "personnel.xlsx"));
    expectHandled(value, "honest bomb");
    expect(value.ok).toBe(false);
    expect(growth).toBeLessThan(RSS_BOUND);
  }, 60_000);

  it("a zip bomb that lies about its sizes is refused in French within bounded memory", async () => {
    const { zip, sheetName } = xlsxWithSheet(new Uint8Array(150 * MB).fill(0x20));
    const lying = lieAboutSize(zip, sheetName, 2_000);
    const { value, growth } = await withinMemory(() => parse(lying, "personnel.xlsx"));
    expectHandled(value, "lying bomb");
    expect(value.ok).toBe(false);
    expect(growth).toBeLessThan(RSS_BOUND);
  }, 60_000);

  it(`a real .xlsx with random bytes flipped is refused or read, never thrown (seed ${SEED})`, async () => {
    const random = prng(SEED + 3);
    const base = staffFileTemplateXlsx();
    for (let i = 0; i < 40; i++) {
      const bytes = base.slice();
      const flips = 1 + Math.floor(random() * 20);
      for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const cut = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
      expectHandled(await parse(bytes.slice(0, cut), "personnel.xlsx"), `case ${i} (seed ${SEED})`);
    }
  });
});
