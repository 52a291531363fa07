import { z } from "zod";
import { MixityJobInputSchema, type MixityJobInput } from "../../diagnostics/mixity.ts";
import { PROFILE_MAX_HEADCOUNT } from "../../diagnostics/profile.ts";
import { STAFF_LABEL_MAX_LENGTH, parseFrenchNumber } from "../../diagnostics/staff-file/index.ts";
import { POPULATIONS, type Population } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";

/** Most rows the jobs table accepts (a typing-error and abuse guard; our structures have 5 to 40 jobs). */
export const JOBS_MAX_ROWS = 300;

/** Every cell is read as text and converted here, so that « 1,5 » and « 1 200 » are understood. */
const Cell = z.string().optional();

export const JobRowFormSchema = z.object({
  label: Cell,
  population: Cell,
  women: Cell,
  men: Cell,
  womenFte: Cell,
  menFte: Cell,
});
export type JobRowForm = z.infer<typeof JobRowFormSchema>;

export const JOB_COLUMNS = ["label", "population", "women", "men", "womenFte", "menFte"] as const;
export type JobColumn = (typeof JOB_COLUMNS)[number];

/** Column names as said in messages and hidden labels. */
export const JOB_COLUMN_LABELS: Record<JobColumn, string> = {
  label: "métier",
  population: "population",
  women: "femmes",
  men: "hommes",
  womenFte: "ETP des femmes",
  menFte: "ETP des hommes",
};

export interface JobRowIssue {
  path: [number, JobColumn] | [];
  message: string;
}

const FTE_FORMAT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const INTEGER_FORMAT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.replace(/[\s\u00a0\u202f]/g, "") === "";
}

function countMessage(line: number, sex: "women" | "men", value: string | undefined): { value: number } | { message: string } {
  const what = sex === "women" ? "le nombre de femmes" : "le nombre d'hommes";
  const prefix = `Ligne ${line}${NBSP}:`;
  if (isBlank(value)) return { message: `${prefix} indiquez ${what} (0 s'il n'y en a pas).` };
  const n = parseFrenchNumber(value!);
  if (n === null || !Number.isInteger(n)) return { message: `${prefix} ${what} est un nombre entier.` };
  if (n < 0) return { message: `${prefix} ${what} ne peut pas être négatif.` };
  if (n > PROFILE_MAX_HEADCOUNT) return { message: `${prefix} ${what} semble trop grand${NBSP}; vérifiez la saisie.` };
  return { value: n };
}

function fteMessage(line: number, sex: "women" | "men", value: string | undefined): { value: number | undefined } | { message: string } {
  if (isBlank(value)) return { value: undefined };
  const who = sex === "women" ? "femmes" : "hommes";
  const prefix = `Ligne ${line}${NBSP}:`;
  const n = parseFrenchNumber(value!);
  if (n === null) return { message: `${prefix} les ETP des ${who} s'écrivent en chiffres, par exemple 4,5.` };
  if (n < 0) return { message: `${prefix} les ETP des ${who} ne peuvent pas être négatifs.` };
  return { value: n };
}

/** True when nothing was typed in the row (the population select alone does not count). */
export function isEmptyJobRow(row: JobRowForm): boolean {
  return isBlank(row.label) && isBlank(row.women) && isBlank(row.men) && isBlank(row.womenFte) && isBlank(row.menFte);
}

/**
 * Reads the typed rows into engine rows, all or nothing. Lines are numbered from 1 as displayed;
 * rows left entirely empty are dropped. Every cell is converted here, then the engine's
 * MixityJobInputSchema has the last word. Returns the rows, or every problem with its cell.
 */
export function readJobRows(rows: readonly JobRowForm[]): { ok: true; jobs: MixityJobInput[] } | { ok: false; issues: JobRowIssue[] } {
  const issues: JobRowIssue[] = [];
  const jobs: MixityJobInput[] = [];
  if (rows.length > JOBS_MAX_ROWS) {
    return { ok: false, issues: [{ path: [], message: `Le tableau compte ${rows.length} lignes${NBSP}: ${JOBS_MAX_ROWS} au plus.` }] };
  }
  rows.forEach((row, index) => {
    if (isEmptyJobRow(row)) return;
    const line = index + 1;
    const prefix = `Ligne ${line}${NBSP}:`;
    const rowIssues: JobRowIssue[] = [];
    const label = (row.label ?? "").trim();
    if (label === "") rowIssues.push({ path: [index, "label"], message: `${prefix} indiquez l'intitulé du métier.` });
    else if (label.length > STAFF_LABEL_MAX_LENGTH) {
      rowIssues.push({
        path: [index, "label"],
        message: `${prefix} l'intitulé compte ${label.length} caractères${NBSP}; ${STAFF_LABEL_MAX_LENGTH} au plus.`,
      });
    }
    const population = (POPULATIONS as readonly string[]).includes(row.population ?? "") ? (row.population as Population) : null;
    if (!population) rowIssues.push({ path: [index, "population"], message: `${prefix} choisissez la population.` });
    const counts = { women: countMessage(line, "women", row.women), men: countMessage(line, "men", row.men) };
    const ftes = { women: fteMessage(line, "women", row.womenFte), men: fteMessage(line, "men", row.menFte) };
    for (const sex of ["women", "men"] as const) {
      const c = counts[sex];
      const f = ftes[sex];
      const fteColumn = sex === "women" ? "womenFte" : "menFte";
      if ("message" in c) rowIssues.push({ path: [index, sex], message: c.message });
      if ("message" in f) rowIssues.push({ path: [index, fteColumn], message: f.message });
      else if ("value" in c && f.value !== undefined && f.value > c.value) {
        // One person works at most one full-time year.
        const who = sex === "women" ? (c.value > 1 ? "femmes" : "femme") : c.value > 1 ? "hommes" : "homme";
        rowIssues.push({
          path: [index, fteColumn],
          message: `${prefix} ${FTE_FORMAT.format(f.value)} ETP pour ${INTEGER_FORMAT.format(c.value)} ${who}${NBSP}; les ETP ne peuvent pas dépasser le nombre de personnes.`,
        });
      }
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    const womenFte = (ftes.women as { value: number | undefined }).value;
    const menFte = (ftes.men as { value: number | undefined }).value;
    const candidate: MixityJobInput = {
      label,
      population: population!,
      women: (counts.women as { value: number }).value,
      men: (counts.men as { value: number }).value,
      ...(womenFte !== undefined ? { womenFte } : {}),
      ...(menFte !== undefined ? { menFte } : {}),
    };
    const checked = MixityJobInputSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const column = (JOB_COLUMNS as readonly string[]).includes(String(issue.path[0])) ? (issue.path[0] as JobColumn) : "label";
        issues.push({ path: [index, column], message: `${prefix} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.` });
      }
      return;
    }
    jobs.push(checked.data);
  });
  if (issues.length > 0) return { ok: false, issues };
  if (jobs.length === 0) return { ok: false, issues: [{ path: [], message: `Le tableau est vide${NBSP}: indiquez au moins un métier.` }] };
  return { ok: true, jobs };
}

/**
 * The jobs table form: rows of text cells, checked by readJobRows. Errors land on `jobs[i].women`
 * and friends, so each message shows beside its cell; errors about the whole table on the form.
 * (A refinement, not a transform: Conform reads the form's constraints from the schema's shape.)
 */
export const JobsFormSchema = z.object({ jobs: z.array(JobRowFormSchema).optional(), version: Cell }).superRefine((raw, ctx) => {
  const read = readJobRows(raw.jobs ?? []);
  if (read.ok) return;
  for (const issue of read.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: issue.path.length ? ["jobs", ...issue.path] : [] });
  }
});

/** The engine rows of a form that passed JobsFormSchema. */
export function jobsFromForm(value: z.output<typeof JobsFormSchema>): MixityJobInput[] {
  const read = readJobRows(value.jobs ?? []);
  if (!read.ok) throw new Error("jobsFromForm: the form did not pass JobsFormSchema");
  return read.jobs;
}

const FORM_NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 6, useGrouping: false });

/** Stored rows shown back in the form's cells (decimal comma for FTE). */
export function jobsToFormValues(jobs: readonly MixityJobInput[]): JobRowForm[] {
  return jobs.map((j) => ({
    label: j.label,
    population: j.population,
    women: String(j.women),
    men: String(j.men),
    womenFte: j.womenFte === undefined || j.womenFte === null ? "" : FORM_NUMBER.format(j.womenFte),
    menFte: j.menFte === undefined || j.menFte === null ? "" : FORM_NUMBER.format(j.menFte),
  }));
}

/** An empty row, for « Ajouter une ligne ». */
export const EMPTY_JOB_ROW: JobRowForm = { label: "", population: "", women: "", men: "", womenFte: "", menFte: "" };
