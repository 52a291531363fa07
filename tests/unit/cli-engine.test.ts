/**
 * The engine's CLI commands (app/cli/engine.ts). Most cases call the command functions in-process with
 * an in-memory CliIo; a few spawn the real `node --import tsx app/cli.ts` (stdin, exit codes, files,
 * a pathological document, the database never opened) since each process costs about half a second.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLI_MAX_JSON_BYTES, CLI_MAX_PRINTED_ERRORS, ENGINE_MESSAGES, engineCommands } from "../../app/cli/engine.ts";
import type { CliIo } from "../../app/cli/io.ts";
import { TOP_PAY_COUNT, computeIndex, parseIndexInput, type IndexInput, type IndexSizeBand } from "../../diagnostics/index/index.ts";
import { computeMixity, type MixityJobInput } from "../../diagnostics/mixity.ts";
import {
  READ_MESSAGES,
  indexInputFromStaffRows,
  jobsFromStaffRows,
  parseStaffFile,
  type StaffRow,
} from "../../diagnostics/staff-file/index.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = path.join(ROOT, "tests", "fixtures");
/** 14 people as Excel saves a French CSV: Windows-1252 bytes, « ; », CRLF, decimal commas (« 9,5 », « 15 120,50 »). */
const VALID_CSV = "tests/fixtures/staff-valid-cp1252.csv";
/** UTF-8, 3 errors: line 3 sex « X »; line 4 CSP « stagiaire » and pay « -3 ». */
const INVALID_CSV = "tests/fixtures/staff-invalid.csv";
const SPAWN_TIMEOUT = 30_000;

interface ExampleCase {
  id: string;
  sizeBand: IndexSizeBand;
  input: Omit<IndexInput, "sizeBand">;
  expected: Record<string, Record<string, unknown>>;
}

const CASES: ExampleCase[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, "index-examples.json"), "utf8")).cases;
const inputOf = (c: ExampleCase): IndexInput => ({ ...c.input, sizeBand: c.sizeBand });
const utf8 = (text: string) => new TextEncoder().encode(text);
/** What a value looks like once printed as JSON and read back (undefined fields dropped). */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Runs an engine command in-process on in-memory files; "-" is standard input. */
async function runInProcess(command: string, args: string[], files: Record<string, string | Uint8Array> = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: async (p) => {
      const content = files[p];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
      return typeof content === "string" ? utf8(content) : content;
    },
  };
  const code = await engineCommands[command](args, io);
  return { code, stdout, stderr };
}

/** Spawns the real CLI from the repository root. */
function spawnCli(args: string[], options: { input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli.ts", ...args], {
    cwd: ROOT,
    input: options.input,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: SPAWN_TIMEOUT,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function staffRows(relativePath: string): Promise<StaffRow[]> {
  const result = await parseStaffFile(new Uint8Array(fs.readFileSync(path.join(ROOT, relativePath))), relativePath);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.rows;
}

const TOP10_NINE = `top10 : Le total des ${TOP_PAY_COUNT} plus hautes rémunérations doit faire ${TOP_PAY_COUNT} personnes (ici 9).`;

describe("index: every case of index-examples.json (in-process)", () => {
  it.each(CASES.map((c) => ({ label: c.id, c })))("$label: stdout is computeIndex's result, exit 0", async ({ c }) => {
    const { code, stdout, stderr } = await runInProcess("index", ["cas.json"], { "cas.json": JSON.stringify(inputOf(c)) });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.stringify(computeIndex(inputOf(c)), null, 2)}\n`);
    const printed = JSON.parse(stdout);
    expect(printed.index.value).toBe(c.expected.index.value);
    for (const [indicator, fields] of Object.entries(c.expected)) {
      if ("points" in fields) expect(printed[indicator].points, `${indicator}.points`).toBe(fields.points);
    }
  });
});

describe("index: options and invalid input (in-process)", () => {
  const c = CASES.find((x) => x.sizeBand === "251+")!;

  it.each([
    { label: `"belowFifty": true in the document`, args: ["cas.json"], doc: { ...inputOf(c), belowFifty: true } },
    { label: "--below-fifty", args: ["cas.json", "--below-fifty"], doc: inputOf(c) },
  ])("$label: 50–250 rules, indicative estimate", async ({ args, doc }) => {
    const { code, stdout } = await runInProcess("index", args, { "cas.json": JSON.stringify(doc) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(viaJson(computeIndex(inputOf(c), { belowFifty: true })));
    expect(JSON.parse(stdout)).toMatchObject({ sizeBand: "50-250", indicative: true });
  });

  it("top10 summing to 9: exit 2, the French message with its path", async () => {
    const doc = { ...inputOf(CASES[0]), top10: { women: 4, men: 5 } };
    const { code, stdout, stderr } = await runInProcess("index", ["cas.json"], { "cas.json": JSON.stringify(doc) });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${TOP10_NINE}\n`);
  });

  it("zod's own messages come out in French, one line per error with its path", async () => {
    const { code, stderr } = await runInProcess("index", ["-"], { "-": JSON.stringify({ sizeBand: "50-250", pay: 3 }) });
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toContain("pay : Entrée invalide : objet attendu, nombre reçu");
    expect(lines).toContain("workforce : Entrée invalide : tableau attendu, indéfini reçu");
    expect(stderr).not.toMatch(/Invalid|expected|received/);
  });

  it(`at most ${CLI_MAX_PRINTED_ERRORS} errors are printed, then how many more`, async () => {
    const row = { csp: "ouvriers", ageBand: "<30", women: 1, men: 1 };
    const doc = { ...inputOf(CASES[0]), workforce: Array.from({ length: 500 }, () => row) };
    const { code, stderr } = await runInProcess("index", ["cas.json"], { "cas.json": JSON.stringify(doc) });
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(CLI_MAX_PRINTED_ERRORS + 1);
    expect(lines.at(-1)).toMatch(/^… et \d+ autres erreurs\.$/);
  });

  it.each([
    { label: "a syntax error", text: '{\n  "sizeBand": "50-250",\n}', message: ENGINE_MESSAGES.jsonAt(3, 1) },
    { label: "a cut document", text: '{"sizeBand": ', message: ENGINE_MESSAGES.jsonEnd },
    { label: "an empty file", text: " \n", message: ENGINE_MESSAGES.empty },
    { label: "an array at the top", text: "[1, 2]", message: ENGINE_MESSAGES.indexNotObject },
    { label: "100 000 nested arrays", text: `${"[".repeat(100_000)}${"]".repeat(100_000)}`, message: ENGINE_MESSAGES.indexNotObject },
    { label: "belowFifty not a boolean", text: JSON.stringify({ ...inputOf(CASES[0]), belowFifty: "oui" }), message: ENGINE_MESSAGES.belowFifty },
  ])("$label: exit 2 and one French line", async ({ text, message }) => {
    const { code, stdout, stderr } = await runInProcess("index", ["cas.json"], { "cas.json": text });
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });

  it("bytes that are not UTF-8, and a document over the size limit, are refused in French", async () => {
    const latin1 = await runInProcess("index", ["cas.json"], { "cas.json": Uint8Array.from([0x7b, 0xe9, 0x7d]) });
    expect(latin1).toMatchObject({ code: 2, stderr: `${ENGINE_MESSAGES.notUtf8}\n` });
    const big = new Uint8Array(CLI_MAX_JSON_BYTES + 1).fill(0x20);
    const tooLarge = await runInProcess("index", ["-"], { "-": big });
    expect(tooLarge).toMatchObject({ code: 2, stderr: `${ENGINE_MESSAGES.jsonTooLarge(big.length)}\n` });
    expect(tooLarge.stderr).toContain("la taille maximale est de 10\u00a0Mo");
  });

  it.each([
    { label: "no file", command: "index", args: [], message: ENGINE_MESSAGES.missingFile("index") },
    { label: "two files", command: "index", args: ["a.json", "b.json"], message: ENGINE_MESSAGES.tooManyFiles },
    { label: "an unknown option", command: "index", args: ["a.json", "--vite"], message: ENGINE_MESSAGES.unknownOption("--vite") },
    { label: "a missing file", command: "mixity", args: ["absent.json"], message: ENGINE_MESSAGES.notFound("absent.json") },
    { label: "a bad --band", command: "import", args: ["p.csv", "--band", "300"], message: ENGINE_MESSAGES.band },
    { label: "--band without value", command: "import", args: ["p.csv", "--band"], message: ENGINE_MESSAGES.optionValue("--band") },
    { label: "a bad --structure", command: "import", args: ["p.csv", "--structure", "SCOP"], message: ENGINE_MESSAGES.structure },
    { label: "a bad --reference-date", command: "import", args: ["p.csv", "--reference-date", "2025-02-30"], message: ENGINE_MESSAGES.referenceDate },
  ])("usage: $label → exit 2", async ({ command, args, message }) => {
    expect(await runInProcess(command, args)).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });

  it.each(["index", "mixity", "import"])("%s --help: its usage in French on stdout, exit 0", async (command) => {
    const { code, stdout, stderr } = await runInProcess(command, ["--help"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(new RegExp(`^Utilisation : npm run --silent cli -- ${command} FICHIER\\|-`));
  });
});

describe("mixity and import (in-process)", () => {
  const jobs: MixityJobInput[] = [
    { label: "Encadrant technique", population: "permanent", women: 2, men: 3, womenFte: 1.8, menFte: 3 },
    { label: "Agent d'entretien", population: "parcours", women: 9, men: 1 },
  ];

  it.each([
    { label: `{"jobs": […]}`, doc: { jobs }, leadership: {} },
    { label: "a bare list of jobs", doc: jobs, leadership: {} },
    { label: "jobs with encadrement and direction", doc: { jobs, encadrement: { women: 1, men: 2 }, direction: { women: 1, men: 0 } }, leadership: { encadrement: { women: 1, men: 2 }, direction: { women: 1, men: 0 } } },
  ])("mixity of $label: computeMixity's result, exit 0", async ({ doc, leadership }) => {
    const { code, stdout, stderr } = await runInProcess("mixity", ["metiers.json"], { "metiers.json": JSON.stringify(doc) });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(viaJson(computeMixity(jobs, leadership)));
  });

  it("mixity of an invalid jobs table: French errors with their paths, exit 2", async () => {
    const doc = { jobs: [{ label: "Agent", population: "cdi", women: 1.5, men: 2 }] };
    const { code, stdout, stderr } = await runInProcess("mixity", ["-"], { "-": JSON.stringify(doc) });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toContain("jobs.0.women : Nombre de personnes entier attendu");
    expect(lines.find((l) => l.startsWith("jobs.0.population : "))).toMatch(/Option invalide/);
  });

  it("mixity of a staff file read from standard input (detected by content)", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, VALID_CSV)));
    const { code, stdout } = await runInProcess("mixity", ["-"], { "-": bytes });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(viaJson(computeMixity(jobsFromStaffRows(await staffRows(VALID_CSV)))));
  });

  it("import --band 251+ --structure ESAT: the Index input of those options", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, VALID_CSV)));
    const { code, stdout } = await runInProcess("import", ["p.csv", "--band", "251+", "--structure", "ESAT"], { "p.csv": bytes });
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.index).toEqual(viaJson(indexInputFromStaffRows(await staffRows(VALID_CSV), { sizeBand: "251+", structureType: "ESAT" })));
    expect(printed.index.raisesAndPromotions).toBeNull();
  });
});

describe("the real process (spawned)", () => {
  it(
    "index - reads standard input, exit 0, and never opens the database",
    () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cli-engine-"));
      try {
        const pgliteDir = path.join(tmp, "pglite");
        const c = CASES[0];
        const result = spawnCli(["index", "-"], {
          input: JSON.stringify(inputOf(c)),
          env: { PGLITE_DIR: pgliteDir, DATABASE_URL: "postgres://nobody:nothing@127.0.0.1:1/none" },
        });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual(viaJson(computeIndex(inputOf(c))));
        expect(fs.existsSync(pgliteDir)).toBe(false);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    "index of invalid JSON on standard input: exit 2, French message, nothing on stdout",
    () => {
      const result = spawnCli(["index", "-"], { input: '{"sizeBand": "50-250",,}' });
      expect(result).toEqual({ code: 2, stdout: "", stderr: `${ENGINE_MESSAGES.jsonAt(1, 23)}\n` });
    },
    SPAWN_TIMEOUT,
  );

  it(
    "index of 100 000 nested arrays inside the document: exit 2, clean French lines, no stack trace",
    () => {
      const input = `{"workforce": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "top10": {"women": 4, "men": 5}}`;
      const result = spawnCli(["index", "-"], { input });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("workforce.0 : Entrée invalide : objet attendu, tableau reçu\n");
      expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+|RangeError|Maximum call stack/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    "mixity of a CSV staff file (Windows-1252, « ; », decimal commas)",
    async () => {
      const result = spawnCli(["mixity", VALID_CSV]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const printed = JSON.parse(result.stdout);
      expect(printed).toEqual(viaJson(computeMixity(jobsFromStaffRows(await staffRows(VALID_CSV)))));
      const supervisors = printed.jobs.find((j: { label: string }) => j.label === "Encadrant technique");
      expect(supervisors).toMatchObject({ women: 1, men: 1, class: "mixte" });
    },
    SPAWN_TIMEOUT,
  );

  it(
    "import of a valid CSV: rows, jobs and the Index input, exit 0",
    async () => {
      const bytes = fs.readFileSync(path.join(ROOT, VALID_CSV));
      expect(bytes.includes(0xe9)).toBe(true); // « é » as one Windows-1252 byte
      expect(bytes.includes(0xc3)).toBe(false); // not UTF-8
      const result = spawnCli(["import", VALID_CSV]);
      expect(result.code).toBe(0);
      const printed = JSON.parse(result.stdout);
      const rows = await staffRows(VALID_CSV);
      expect(printed).toMatchObject({ ok: true, rows: rows.length });
      expect(printed.jobs).toEqual(viaJson(jobsFromStaffRows(rows)));
      expect(printed.index).toEqual(viaJson(indexInputFromStaffRows(rows, { sizeBand: "50-250" })));
      expect(parseIndexInput(printed.index)).toMatchObject({ ok: true });
      expect(printed.warnings.map((w: { message: string }) => w.message)).toContain(READ_MESSAGES.windows1252);
      // Decimal commas: 0.8 FTE over 12 months + 1 FTE over 9,5 months; 15 120,50 € at 80 % → 18 900,625 € full time.
      const cleaners = printed.jobs.find((j: { label: string }) => j.label === "Agent d'entretien");
      expect(cleaners).toMatchObject({ women: 2, men: 1, womenFte: 1.591667 });
      const group = printed.index.pay.groups.find((g: { category: string; ageBand: string }) => g.category === "employes" && g.ageBand === "30-39");
      expect(group.avgPayWomen).toBeCloseTo(18_900.625, 6);
    },
    SPAWN_TIMEOUT,
  );

  it(
    "import of an invalid CSV: exit 1, every error with its line and column as JSON",
    () => {
      const result = spawnCli(["import", INVALID_CSV]);
      expect(result.code).toBe(1);
      const printed = JSON.parse(result.stdout);
      expect(printed.ok).toBe(false);
      expect(printed).not.toHaveProperty("rows");
      expect(printed.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
        [3, "Sexe"],
        [4, "CSP"],
        [4, "Rémunération annuelle brute"],
      ]);
      for (const e of printed.errors) expect(e.message).toMatch(new RegExp(`^Ligne ${e.line}, colonne «\\s${e.column}\\s»`));
      expect(result.stderr).toMatch(/^3 erreurs trouvées/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    "help lists every command in French; an unknown command exits 2",
    () => {
      const help = spawnCli(["help"]);
      expect(help.code).toBe(0);
      for (const name of ["index", "mixity", "import", "create-org", "add-member", "seed-demo"]) {
        expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
      }
      expect(help.stdout).toContain("Utilisation : npm run --silent cli -- <commande>");
      const unknown = spawnCli(["constructor"]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^Commande inconnue : constructor\./);
    },
    SPAWN_TIMEOUT,
  );
});
