/**
 * The engine's commands (`index`, `mixity`, `import`): a file (or standard input) in, JSON on stdout,
 * French errors on stderr. Pure calls into diagnostics/: they never open the database.
 * Exit codes: 0 done; 1 staff file refused by `import` (errors as JSON on stdout); 2 usage error,
 * unreadable file or invalid input (French messages on stderr).
 */
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { IndexInputSchema, computeIndex } from "../../diagnostics/index/index.ts";
import { MixityJobInputSchema, MixityLeadershipInputSchema, computeMixity } from "../../diagnostics/mixity.ts";
import {
  STAFF_FILE_MAX_BYTES,
  STAFF_FILE_MESSAGES,
  indexInputFromStaffRows,
  jobsFromStaffRows,
  parseStaffFile,
  staffFileErrorSummary,
  type StaffFileOptions,
  type StaffFileResult,
} from "../../diagnostics/staff-file/index.ts";
import { applyCategoryMapping, computeTransparency, editorJobs, validateCategoryMapping, type CategoryMapping } from "../../diagnostics/transparency/index.ts";
import { STRUCTURE_TYPES, type StructureType } from "../../diagnostics/types.ts";
import type { CliIo } from "./io.ts";

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Largest JSON document read by `index` and `mixity` (10 Mo, as the staff-file limit): guards memory. */
export const CLI_MAX_JSON_BYTES = 10 * 1024 * 1024;

/** At most this many validation errors are printed; the rest are counted (a readable terminal). */
export const CLI_MAX_PRINTED_ERRORS = 50;

const SIZE_BANDS = ["50-250", "251+"] as const;

const NBSP = "\u00a0";

export const ENGINE_MESSAGES = {
  missingFile: (command: string) =>
    `Indiquez le fichier à lire (ou « - » pour l'entrée standard) : npm run --silent cli -- ${command} FICHIER.`,
  tooManyFiles: "Un seul fichier à la fois.",
  unknownOption: (option: string) => `Option inconnue : ${option}. La liste des commandes : npm run cli -- help.`,
  optionValue: (option: string) => `L'option ${option} attend une valeur.`,
  band: `L'option --band attend 50-250 ou 251+ (tranche d'effectif assujetti).`,
  structure: `L'option --structure attend un de ces types : ${STRUCTURE_TYPES.join(", ")}.`,
  referenceDate: "L'option --reference-date attend une date réelle écrite AAAA-MM-JJ (par exemple 2025-12-31).",
  notFound: (path: string) => `Fichier introuvable : ${path}.`,
  isDirectory: (path: string) => `${path} est un dossier, pas un fichier.`,
  forbidden: (path: string) => `Lecture du fichier refusée (droits d'accès) : ${path}.`,
  unreadable: (path: string, code: string) => `Le fichier ${path} n'a pas pu être lu (${code}).`,
  jsonTooLarge: (size: number) =>
    `Le document JSON pèse ${formatMegabytes(size)} : la taille maximale est de ${formatMegabytes(CLI_MAX_JSON_BYTES)}.`,
  empty: "Le fichier est vide.",
  notUtf8: "Le fichier n'est pas un texte UTF-8 : enregistrez le document JSON en UTF-8.",
  jsonAt: (line: number, column: number) => `Le fichier n'est pas un document JSON valide : erreur de syntaxe ligne ${line}, colonne ${column}.`,
  jsonToken: (token: string) => `Le fichier n'est pas un document JSON valide : caractère « ${token} » inattendu.`,
  jsonEnd: "Le fichier n'est pas un document JSON valide : il s'arrête avant la fin du document (accolade ou crochet non fermé ?).",
  json: "Le fichier n'est pas un document JSON valide.",
  tooDeep: "Le document est trop profondément imbriqué ou trop volumineux pour être lu : vérifiez qu'il s'agit du bon fichier.",
  indexNotObject:
    "Le document doit être un objet JSON (entre accolades) aux champs des données de l'index : sizeBand, workforce, pay, maternity, top10…",
  belowFifty: "belowFifty : indiquez true ou false.",
  mixityNotObject: `Le document doit être un objet JSON {"jobs": […]} ou une liste de métiers.`,
  categoriesNotObject: `Le fichier des catégories doit être un objet JSON {"categories": […], "assignments": […]} (celui de l'éditeur de catégories, tel que l'export des données le contient).`,
  categoriesPrefix: (path: string) => `Catégories (${path}) :`,
  moreErrors: (n: number) => `… et ${n} autre${n > 1 ? "s" : ""} erreur${n > 1 ? "s" : ""}.`,
} as const;

const M = ENGINE_MESSAGES;

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? String(mb) : mb.toFixed(1).replace(".", ",")}${NBSP}Mo`;
}

/** One line per command for `help`: usage, then what it does. */
export const ENGINE_HELP: readonly { usage: string; text: string }[] = [
  {
    usage: "index FICHIER|- [--below-fifty]",
    text:
      "Estime l'index de l'égalité professionnelle à partir des données agrégées (JSON au format d'INDEX-RULES.md §1 ; " +
      `"belowFifty": true ou --below-fifty pour une structure de moins de 50 salariés). Résultat JSON sur la sortie standard.`,
  },
  {
    usage: "mixity FICHIER|- [--reference-date AAAA-MM-JJ]",
    text: `Mixité des métiers, depuis un tableau des métiers (JSON {"jobs": […]}) ou un fichier du personnel (CSV ou XLSX).`,
  },
  {
    usage: "import FICHIER|- [--band 50-250|251+] [--structure TYPE] [--reference-date AAAA-MM-JJ]",
    text:
      "Lit un fichier du personnel (CSV ou XLSX, une ligne par personne) : nombre de lignes, tableau des métiers et données de l'index " +
      "(à passer à la commande index). Fichier refusé : erreurs JSON avec ligne et colonne, code de sortie 1.",
  },
  {
    usage: "transparency FICHIER|- [--structure TYPE] [--reference-date AAAA-MM-JJ] [--categories CATEGORIES.json]",
    text:
      "Indicateurs de transparence salariale de la directive européenne 2023/970 (article 9) à partir d'un fichier du personnel : " +
      "écarts moyen et médian, primes, quartiles, écarts par catégorie, seuil de 5\u00a0% et écart inexpliqué. Résultat JSON ; fichier refusé : erreurs en français, code de sortie 1. " +
      `Avec --categories, les catégories d'emplois de valeur égale de l'éditeur ({"categories", "assignments"}, comme dans l'export des données) remplacent la colonne du fichier.`,
  },
];

// ---------------------------------------------------------------------------------------------
// Arguments and reading

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The `help` entry of an engine command, as printed by `<command> --help`. */
function usageOf(command: string): string {
  const entry = ENGINE_HELP.find((e) => e.usage.startsWith(`${command} `))!;
  return `Utilisation : npm run --silent cli -- ${entry.usage}\n${entry.text}\n`;
}

interface CommandArgs {
  file: string;
  values: Record<string, string | boolean | undefined>;
}

/** Options and the one FILE argument; `help` when --help or -h is among the arguments. */
function parseCommandArgs(
  command: string,
  args: string[],
  options: Record<string, { type: "string" | "boolean" }>,
): Parsed<CommandArgs> | { ok: false; help: true } {
  if (args.includes("--help") || args.includes("-h")) return { ok: false, help: true };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : "")?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return { ok: false, message: M.optionValue(option.split(" ")[0]) };
    return { ok: false, message: M.unknownOption(option) };
  }
  if (parsed.positionals.length === 0) return { ok: false, message: M.missingFile(command) };
  if (parsed.positionals.length > 1) return { ok: false, message: M.tooManyFiles };
  return { ok: true, value: { file: parsed.positionals[0], values: parsed.values } };
}

type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string; tooLarge?: number };

/**
 * The bytes of a file or of standard input ("-"); a file larger than maxBytes is refused before it is
 * read (its size from the file system), standard input once read.
 */
async function readInput(io: CliIo, path: string, maxBytes: number): Promise<ReadResult> {
  if (path !== "-") {
    const size = await fs.stat(path).then((s) => (s.isFile() ? s.size : null), () => null);
    if (size !== null && size > maxBytes) return { ok: false, message: "", tooLarge: size };
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "erreur inconnue";
    if (code === "ENOENT") return { ok: false, message: M.notFound(path) };
    if (code === "EISDIR") return { ok: false, message: M.isDirectory(path) };
    if (code === "EACCES" || code === "EPERM") return { ok: false, message: M.forbidden(path) };
    return { ok: false, message: M.unreadable(path, code) };
  }
  if (bytes.length > maxBytes) return { ok: false, message: "", tooLarge: bytes.length };
  return { ok: true, bytes };
}

/** Line and column (from 1) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Parses a JSON document (UTF-8, BOM allowed) with French errors; never throws. */
export function parseJsonDocument(bytes: Uint8Array): Parsed<unknown> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, message: M.notUtf8 };
  }
  if (text.trim() === "") return { ok: false, message: M.empty };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: M.tooDeep };
    const detail = error instanceof Error ? error.message : "";
    const position = /at position (\d+)/.exec(detail);
    if (position) {
      const { line, column } = lineAndColumn(text, Number(position[1]));
      return { ok: false, message: M.jsonAt(line, column) };
    }
    if (/end of JSON input/i.test(detail)) return { ok: false, message: M.jsonEnd };
    const token = /Unexpected token '(.+?)'/.exec(detail);
    if (token) return { ok: false, message: M.jsonToken(token[1]) };
    return { ok: false, message: M.json };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Zod's own messages (types, unknown options) in French; the engine's schemas already carry theirs. */
const FRENCH_ZOD = z.locales.fr().localeError;

function zodErrors(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** « chemin : message » lines, at most CLI_MAX_PRINTED_ERRORS, then how many were left out. */
function printErrors(io: CliIo, errors: readonly { path: string; message: string }[]): void {
  for (const e of errors.slice(0, CLI_MAX_PRINTED_ERRORS)) io.stderr(`${e.path ? `${e.path} : ` : ""}${e.message}\n`);
  if (errors.length > CLI_MAX_PRINTED_ERRORS) io.stderr(`${M.moreErrors(errors.length - CLI_MAX_PRINTED_ERRORS)}\n`);
}

function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function help(io: CliIo, command: string): number {
  io.stdout(usageOf(command));
  return 0;
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${message}\n`);
  return 2;
}

/**
 * Runs a command body; a RangeError (call stack or string length exceeded on a pathological
 * document) becomes a French message and exit code 2 instead of a crash.
 */
async function guarded(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RangeError) return fail(io, M.tooDeep);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Staff files

const STAFF_EXTENSIONS = new Set(["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"]);

function extensionOf(path: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
}

/** Whether the bytes are a staff file (CSV/XLSX) rather than JSON: by extension, else by content. */
function looksLikeStaffFile(path: string, bytes: Uint8Array): boolean {
  const ext = extensionOf(path);
  if (ext === "json") return false;
  if (STAFF_EXTENSIONS.has(ext)) return true;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return true; // zip: .xlsx
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return true; // OLE: .xls, refused by the parser with its message
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return !(bytes[i] === 0x7b || bytes[i] === 0x5b); // neither « { » nor « [ »
}

async function readStaffFile(io: CliIo, path: string, options: StaffFileOptions): Promise<Parsed<StaffFileResult>> {
  const read = await readInput(io, path, STAFF_FILE_MAX_BYTES);
  if (!read.ok) {
    if (read.tooLarge === undefined) return { ok: false, message: read.message };
    const message = STAFF_FILE_MESSAGES.tooLarge(read.tooLarge, STAFF_FILE_MAX_BYTES);
    return { ok: true, value: { ok: false, errors: [{ line: null, column: null, message }], errorCount: 1 } };
  }
  return { ok: true, value: await parseStaffFile(read.bytes, path === "-" ? "entree-standard" : path, options) };
}

function staffOptions(values: CommandArgs["values"]): Parsed<StaffFileOptions> {
  const date = values["reference-date"];
  if (typeof date !== "string") return { ok: true, value: {} };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) return { ok: false, message: M.referenceDate };
  return { ok: true, value: { referenceDate: date } };
}

function printStaffErrors(io: CliIo, result: Extract<StaffFileResult, { ok: false }>): void {
  for (const e of result.errors) io.stderr(`${e.message}\n`);
  io.stderr(`${staffFileErrorSummary(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Commands

const MixityFileSchema = MixityLeadershipInputSchema.extend({ jobs: z.array(MixityJobInputSchema) });

async function indexCommand(args: string[], io: CliIo): Promise<number> {
  const command = "index";
  const parsedArgs = parseCommandArgs(command, args, { "below-fifty": { type: "boolean" } });
  if (!parsedArgs.ok) return "help" in parsedArgs ? help(io, command) : fail(io, parsedArgs.message);
  const { file, values } = parsedArgs.value;
  return guarded(io, async () => {
    const read = await readInput(io, file, CLI_MAX_JSON_BYTES);
    if (!read.ok) return fail(io, read.tooLarge === undefined ? read.message : M.jsonTooLarge(read.tooLarge));
    const doc = parseJsonDocument(read.bytes);
    if (!doc.ok) return fail(io, doc.message);
    if (!isPlainObject(doc.value)) return fail(io, M.indexNotObject);
    const { belowFifty, ...input } = doc.value;
    if (belowFifty !== undefined && typeof belowFifty !== "boolean") return fail(io, M.belowFifty);
    const parsed = IndexInputSchema.safeParse(input, { error: FRENCH_ZOD });
    if (!parsed.success) {
      printErrors(io, zodErrors(parsed.error));
      return 2;
    }
    printJson(io, computeIndex(parsed.data, { belowFifty: values["below-fifty"] === true || belowFifty === true }));
    return 0;
  });
}

async function mixityCommand(args: string[], io: CliIo): Promise<number> {
  const command = "mixity";
  const parsedArgs = parseCommandArgs(command, args, { "reference-date": { type: "string" } });
  if (!parsedArgs.ok) return "help" in parsedArgs ? help(io, command) : fail(io, parsedArgs.message);
  const { file, values } = parsedArgs.value;
  const options = staffOptions(values);
  if (!options.ok) return fail(io, options.message);
  return guarded(io, async () => {
    const read = await readInput(io, file, Math.max(CLI_MAX_JSON_BYTES, STAFF_FILE_MAX_BYTES));
    if (!read.ok) {
      if (read.tooLarge === undefined) return fail(io, read.message);
      const staff = STAFF_EXTENSIONS.has(extensionOf(file));
      return fail(io, staff ? STAFF_FILE_MESSAGES.tooLarge(read.tooLarge, STAFF_FILE_MAX_BYTES) : M.jsonTooLarge(read.tooLarge));
    }

    if (looksLikeStaffFile(file, read.bytes)) {
      const result = await parseStaffFile(read.bytes, file === "-" ? "entree-standard" : file, options.value);
      if (!result.ok) {
        printStaffErrors(io, result);
        return 2;
      }
      printJson(io, computeMixity(jobsFromStaffRows(result.rows)));
      return 0;
    }

    const doc = parseJsonDocument(read.bytes);
    if (!doc.ok) return fail(io, doc.message);
    const value = Array.isArray(doc.value) ? { jobs: doc.value } : doc.value;
    if (!isPlainObject(value)) return fail(io, M.mixityNotObject);
    const parsed = MixityFileSchema.safeParse(value, { error: FRENCH_ZOD });
    if (!parsed.success) {
      printErrors(io, zodErrors(parsed.error));
      return 2;
    }
    const { jobs, ...leadership } = parsed.data;
    printJson(io, computeMixity(jobs, leadership));
    return 0;
  });
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const command = "import";
  const parsedArgs = parseCommandArgs(command, args, {
    band: { type: "string" },
    structure: { type: "string" },
    "reference-date": { type: "string" },
  });
  if (!parsedArgs.ok) return "help" in parsedArgs ? help(io, command) : fail(io, parsedArgs.message);
  const { file, values } = parsedArgs.value;
  const band = values.band ?? "50-250";
  if (!SIZE_BANDS.includes(band as (typeof SIZE_BANDS)[number])) return fail(io, M.band);
  const structure = values.structure;
  if (structure !== undefined && !STRUCTURE_TYPES.includes(structure as StructureType)) return fail(io, M.structure);
  const options = staffOptions(values);
  if (!options.ok) return fail(io, options.message);

  return guarded(io, async () => {
    const read = await readStaffFile(io, file, options.value);
    if (!read.ok) return fail(io, read.message);
    const result = read.value;
    if (!result.ok) {
      printJson(io, { ok: false, errorCount: result.errorCount, errors: result.errors.map(({ line, column, message }) => ({ line, column, message })) });
      io.stderr(`${staffFileErrorSummary(result)}\n`);
      return 1;
    }
    printJson(io, {
      ok: true,
      rows: result.rows.length,
      jobs: jobsFromStaffRows(result.rows),
      index: indexInputFromStaffRows(result.rows, {
        sizeBand: band as (typeof SIZE_BANDS)[number],
        structureType: structure as StructureType | undefined,
      }),
      warnings: result.warnings.map(({ line, column, message }) => ({ line, column, message })),
    });
    return 0;
  });
}

async function transparencyCommand(args: string[], io: CliIo): Promise<number> {
  const command = "transparency";
  const parsedArgs = parseCommandArgs(command, args, { structure: { type: "string" }, "reference-date": { type: "string" }, categories: { type: "string" } });
  if (!parsedArgs.ok) return "help" in parsedArgs ? help(io, command) : fail(io, parsedArgs.message);
  const { file, values } = parsedArgs.value;
  const structure = values.structure;
  const categoriesPath = typeof values.categories === "string" ? values.categories : null;
  if (structure !== undefined && !STRUCTURE_TYPES.includes(structure as StructureType)) return fail(io, M.structure);
  const options = staffOptions(values);
  if (!options.ok) return fail(io, options.message);
  return guarded(io, async () => {
    const read = await readStaffFile(io, file, options.value);
    if (!read.ok) return fail(io, read.message);
    const result = read.value;
    if (!result.ok) {
      printStaffErrors(io, result);
      return 1;
    }
    const engine = { structureType: structure as StructureType | undefined };
    let rows = result.rows;
    if (categoriesPath !== null) {
      const mapping = await readCategoryMapping(io, categoriesPath, editorJobs(rows, engine));
      if (!mapping.ok) return fail(io, mapping.message);
      rows = applyCategoryMapping(rows, mapping.value, engine);
    }
    printJson(io, computeTransparency(rows, engine));
    return 0;
  });
}

/**
 * The editor's categories from a JSON file ({"categories", "assignments"}, the stored shape), checked
 * against the staff file's jobs by the editor's own validation (names, duplicates, unknown jobs).
 */
async function readCategoryMapping(io: CliIo, path: string, jobs: ReturnType<typeof editorJobs>): Promise<Parsed<CategoryMapping>> {
  const read = await readInput(io, path, CLI_MAX_JSON_BYTES);
  if (!read.ok) return { ok: false, message: read.tooLarge !== undefined ? M.jsonTooLarge(read.tooLarge) : read.message };
  const doc = parseJsonDocument(read.bytes);
  if (!doc.ok) return doc;
  if (!isPlainObject(doc.value)) return { ok: false, message: M.categoriesNotObject };
  const checked = validateCategoryMapping({ categories: doc.value.categories, jobs: doc.value.assignments }, jobs);
  if (checked.ok) return { ok: true, value: checked.mapping };
  const lines = checked.issues.slice(0, CLI_MAX_PRINTED_ERRORS).map((i) => `${i.field.replace(/^jobs\./, "assignments.").replace(/\.category$/, "")} : ${i.message}`);
  return { ok: false, message: [M.categoriesPrefix(path), ...lines].join("\n") };
}

/** The engine's commands, by name, for app/cli.ts. None of them touches the database. */
export const engineCommands: Record<string, CliCommand> = {
  index: indexCommand,
  mixity: mixityCommand,
  import: importCommand,
  transparency: transparencyCommand,
};
