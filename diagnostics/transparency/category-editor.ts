/**
 * The category editor of the pay-transparency tab: the structure puts each job (poste) of its staff
 * file in one category of work of equal value (directive 2023/970, art. 4), confirms per category
 * that its jobs are comparable on the four criteria, and sees which categories can be published.
 * The saved mapping then replaces the staff file's « Catégorie d'emploi de valeur égale » column for
 * indicator (g) and the art. 10 flags. Pure: rows and form values in, checks and rows out.
 *
 * Rules (project choices where the directive is silent):
 * - a job is a title of the staff file, whatever the population, with its spellings and gendered
 *   forms merged as in the jobs table (groupJobTitles); ESAT accompanied workers are left out, as
 *   they are from the indicators;
 * - a job is in at most one category; a job in none is « non classé »: its people fall back to the
 *   CSP, as people without a category in the file do;
 * - category names are compared as categoryKey compares them (case, accents and punctuation
 *   ignored), since the indicators group people by that key: two names equal that way would merge;
 * - a category can be published with at least MIN_PEOPLE_PER_SEX women and as many men (the
 *   existing rule of every figure of the tab);
 * - a category is confirmed when the four criteria of art. 4 are ticked.
 */
import { z } from "zod";
import { STAFF_LABEL_MAX_LENGTH } from "../staff-file/constants.ts";
import { groupJobTitles } from "../staff-file/job-titles.ts";
import { looksLikeNir, type StaffRow } from "../staff-file/schema.ts";
import { CategoryLabels, EQUAL_VALUE_CRITERIA, categoryKey, checkCategories } from "./categories.ts";
import type { TransparencyOptions } from "./compute.ts";
import { MIN_PEOPLE_PER_SEX } from "./constants.ts";

const NBSP = "\u00a0";
const quote = (s: string) => `«${NBSP}${s}${NBSP}»`;

/** Longest category name, in characters. Project choice: a short heading that fits a table cell. */
export const CATEGORY_NAME_MAX_LENGTH = 80;

/** Most categories in one mapping. Project choice: far above any small structure (5 to 40 jobs). */
export const MAX_CATEGORIES = 50;

/** Most jobs in one mapping: the jobs table's own guard (app/diagnostic/jobs-form.ts, 300 rows). */
export const MAX_MAPPED_JOBS = 300;

export const CRITERION_IDS = EQUAL_VALUE_CRITERIA.map((c) => c.id) as [CriterionId, ...CriterionId[]];
export type CriterionId = (typeof EQUAL_VALUE_CRITERIA)[number]["id"];

/** Keys of categories: « c1 », « c2 »… (stable while names change, so a rename keeps its jobs). */
const CATEGORY_KEY = /^c[1-9]\d{0,3}$/;

export const CATEGORY_EDITOR_MESSAGES = {
  nameEmpty: "Donnez un nom à cette catégorie, par exemple «\u00a0Agents de production\u00a0».",
  nameTooLong: `Ce nom est trop long${NBSP}: ${CATEGORY_NAME_MAX_LENGTH}${NBSP}caractères au plus.`,
  nameNoLetter: "Le nom doit contenir au moins une lettre ou un chiffre.",
  nameNir: `Ce nom ressemble à un numéro de sécurité sociale${NBSP}: choisissez un nom de catégorie.`,
  nameDuplicate: (name: string) => `Une autre catégorie s'appelle déjà ${quote(name)} (les majuscules et les accents ne comptent pas)${NBSP}: choisissez un autre nom.`,
  tooManyCategories: `Trop de catégories${NBSP}: ${MAX_CATEGORIES} au plus.`,
  tooManyJobs: `Trop de postes${NBSP}: ${MAX_MAPPED_JOBS} au plus.`,
  badKey: `La page est incomplète${NBSP}: rechargez-la puis recommencez.`,
  jobUnknown: (job: string) =>
    `Le poste ${quote(job)} ne figure pas dans le fichier du personnel de ce diagnostic${NBSP}: rechargez la page (le fichier a peut-être été importé de nouveau).`,
  jobTwice: (job: string) => `Le poste ${quote(job)} apparaît deux fois${NBSP}: un poste ne peut être que dans une seule catégorie.`,
  categoryUnknown: (job: string) => `La catégorie choisie pour ${quote(job)} n'existe plus${NBSP}: choisissez-en une autre, ou «${NBSP}Non classé${NBSP}».`,
} as const;

/** A job of the staff file as the editor lists it. */
export interface EditorJob {
  /** categoryKey of the label: how a saved mapping finds the job again. */
  key: string;
  /** The title shown (doublet for gendered forms: « Agente de tri / Agent de tri »). */
  label: string;
  women: number;
  men: number;
  /** The file's « Catégorie d'emploi de valeur égale » of its people, most people first (empty cells left out). */
  fileCategories: { label: string; people: number }[];
}

export interface EditorCategory {
  key: string;
  name: string;
  /** The criteria of art. 4 on which the structure confirmed its jobs are comparable, in EQUAL_VALUE_CRITERIA order. */
  criteria: CriterionId[];
}

/** A saved mapping: the categories, and the classified jobs (by label); a job not listed is « non classé ». */
export interface CategoryMapping {
  categories: EditorCategory[];
  assignments: { job: string; category: string }[];
}

/** People counted in the editor: everyone the indicators count (ESAT accompanied workers left out). */
function countedRows(rows: readonly StaffRow[], options: TransparencyOptions): StaffRow[] {
  return options.structureType === "ESAT" ? rows.filter((r) => r.population !== "parcours") : [...rows];
}

/** The job key of each title as written (trimmed), the titles grouped as the jobs table groups them. */
function jobKeysOfTitles(rows: readonly StaffRow[]): { keyOf: Map<string, string>; labels: Map<string, string> } {
  const people = new Map<string, number>();
  for (const r of rows) people.set(r.job.trim(), (people.get(r.job.trim()) ?? 0) + 1);
  const titles = [...people.keys()];
  const keyOf = new Map<string, string>();
  const labels = new Map<string, string>();
  for (const group of groupJobTitles(titles.map((label) => ({ label, people: people.get(label)! })))) {
    const key = categoryKey(group.label);
    if (!labels.has(key)) labels.set(key, group.label);
    for (const m of group.members) keyOf.set(titles[m], key);
  }
  return { keyOf, labels };
}

/** The jobs of the staff file for the editor, by label (French order), with their women, men and file categories. */
export function editorJobs(rows: readonly StaffRow[], options: TransparencyOptions = {}): EditorJob[] {
  const counted = countedRows(rows, options);
  const { keyOf, labels } = jobKeysOfTitles(counted);
  const byKey = new Map<string, EditorJob & { files: Map<string, { label: string; people: number }> }>();
  const fileLabels = new CategoryLabels();
  for (const r of counted) {
    const key = keyOf.get(r.job.trim())!;
    let job = byKey.get(key);
    if (!job) byKey.set(key, (job = { key, label: labels.get(key)!, women: 0, men: 0, fileCategories: [], files: new Map() }));
    if (r.sex === "F") job.women++;
    else job.men++;
    const named = r.payCategory?.replace(/\s+/g, " ").trim() ?? "";
    if (named === "") continue;
    const label = fileLabels.label(named);
    const file = job.files.get(label) ?? { label, people: 0 };
    file.people++;
    job.files.set(label, file);
  }
  return [...byKey.values()]
    .map(({ files, ...job }) => ({ ...job, fileCategories: [...files.values()].sort((a, b) => b.people - a.people) }))
    .sort((a, b) => a.label.localeCompare(b.label, "fr"));
}

/** The next free category key (« c1 » when there is none). */
export function nextCategoryKey(keys: readonly (string | undefined)[]): string {
  let max = 0;
  for (const k of keys) if (k && CATEGORY_KEY.test(k)) max = Math.max(max, Number(k.slice(1)));
  return `c${max + 1}`;
}

/**
 * A first mapping from the staff file's category column, so that nothing typed there is lost: one
 * category per name met (first spelling), each job in the category most of its people have; a note
 * for each job whose people were in several categories. No criterion is ticked.
 */
export function prefillMapping(jobs: readonly EditorJob[]): { mapping: CategoryMapping; notes: string[] } {
  const categories: EditorCategory[] = [];
  const keyOfName = new Map<string, string>();
  const assignments: CategoryMapping["assignments"] = [];
  const notes: string[] = [];
  for (const job of jobs) {
    const top = job.fileCategories[0];
    if (!top) continue;
    const nameKey = categoryKey(top.label);
    let key = keyOfName.get(nameKey);
    if (!key) {
      key = `c${categories.length + 1}`;
      keyOfName.set(nameKey, key);
      categories.push({ key, name: top.label.slice(0, CATEGORY_NAME_MAX_LENGTH), criteria: [] });
    }
    assignments.push({ job: job.label, category: key });
    if (job.fileCategories.length > 1) {
      notes.push(
        `Dans le fichier, les personnes du poste ${quote(job.label)} sont dans plusieurs catégories (${job.fileCategories.map((c) => quote(c.label)).join(", ")})${NBSP}: ` +
          `le poste est placé dans ${quote(top.label)}, celle du plus grand nombre. Un poste ne peut être que dans une catégorie.`,
      );
    }
  }
  return { mapping: { categories, assignments }, notes };
}

/** A name as typed, spaces collapsed; checked in the mapping's refinement, so that every problem of the form shows at once. */
const CategoryNameSchema = z
  .string()
  .optional()
  .transform((s) => (s ?? "").replace(/\s+/g, " ").trim());

/** The French message for a category name, or null when it is acceptable on its own. */
function nameProblem(name: string): string | null {
  if (name === "") return CATEGORY_EDITOR_MESSAGES.nameEmpty;
  if (name.length > CATEGORY_NAME_MAX_LENGTH) return CATEGORY_EDITOR_MESSAGES.nameTooLong;
  if (categoryKey(name) === "") return CATEGORY_EDITOR_MESSAGES.nameNoLetter;
  if (looksLikeNir(name)) return CATEGORY_EDITOR_MESSAGES.nameNir;
  return null;
}

/** The criteria ticked: one value (a single checkbox) or several, each once, in the criteria's order. */
const CriteriaSchema = z
  .union([z.enum(CRITERION_IDS), z.array(z.enum(CRITERION_IDS)).max(CRITERION_IDS.length * 2)])
  .optional()
  .transform((v): CriterionId[] => {
    const ticked = new Set(v === undefined ? [] : Array.isArray(v) ? v : [v]);
    return CRITERION_IDS.filter((id) => ticked.has(id));
  });

/** The editor's form: categories (key, name, criteria ticked) and one choice per job ("" or missing = « non classé »). */
export function categoryMappingSchema(jobs: readonly Pick<EditorJob, "key" | "label">[]) {
  const known = new Map(jobs.map((j) => [j.key, j.label]));
  return z
    .object({
      categories: z
        .array(z.object({ key: z.string({ error: CATEGORY_EDITOR_MESSAGES.badKey }).regex(CATEGORY_KEY, CATEGORY_EDITOR_MESSAGES.badKey), name: CategoryNameSchema, criteria: CriteriaSchema }))
        .max(MAX_CATEGORIES, CATEGORY_EDITOR_MESSAGES.tooManyCategories)
        .optional()
        .transform((v) => v ?? []),
      jobs: z
        .array(
          z.object({
            job: z.string({ error: CATEGORY_EDITOR_MESSAGES.badKey }).trim().min(1, CATEGORY_EDITOR_MESSAGES.badKey).max(STAFF_LABEL_MAX_LENGTH, CATEGORY_EDITOR_MESSAGES.badKey),
            category: z.string().max(8, CATEGORY_EDITOR_MESSAGES.badKey).optional(),
          }),
        )
        .max(MAX_MAPPED_JOBS, CATEGORY_EDITOR_MESSAGES.tooManyJobs)
        .optional()
        .transform((v) => v ?? []),
    })
    .superRefine((value, ctx) => {
      const names = new Map<string, number>();
      const keys = new Set<string>();
      value.categories.forEach((c, i) => {
        if (keys.has(c.key)) ctx.addIssue({ code: "custom", path: ["categories", i, "key"], message: CATEGORY_EDITOR_MESSAGES.badKey });
        keys.add(c.key);
        const problem = nameProblem(c.name);
        if (problem) {
          ctx.addIssue({ code: "custom", path: ["categories", i, "name"], message: problem });
          return;
        }
        const nameKey = categoryKey(c.name);
        const first = names.get(nameKey);
        if (first === undefined) names.set(nameKey, i);
        else ctx.addIssue({ code: "custom", path: ["categories", i, "name"], message: CATEGORY_EDITOR_MESSAGES.nameDuplicate(value.categories[first].name) });
      });
      const seen = new Set<string>();
      value.jobs.forEach((j, i) => {
        const key = categoryKey(j.job);
        if (!known.has(key)) {
          ctx.addIssue({ code: "custom", path: ["jobs", i, "category"], message: CATEGORY_EDITOR_MESSAGES.jobUnknown(j.job) });
          return;
        }
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["jobs", i, "category"], message: CATEGORY_EDITOR_MESSAGES.jobTwice(known.get(key)!) });
        seen.add(key);
        if (j.category && !keys.has(j.category)) ctx.addIssue({ code: "custom", path: ["jobs", i, "category"], message: CATEGORY_EDITOR_MESSAGES.categoryUnknown(known.get(key)!) });
      });
    });
}

export type CategoryMappingForm = z.output<ReturnType<typeof categoryMappingSchema>>;

/**
 * The mapping of validated form values: the categories, and the classified jobs under the file's
 * spelling. (Not a transform of the schema: Conform reads the schema's constraints, and cannot at
 * its root.)
 */
export function mappingOfForm(value: CategoryMappingForm, jobs: readonly Pick<EditorJob, "key" | "label">[]): CategoryMapping {
  const known = new Map(jobs.map((j) => [j.key, j.label]));
  return {
    categories: value.categories,
    assignments: value.jobs.filter((j) => j.category).map((j) => ({ job: known.get(categoryKey(j.job)) ?? j.job, category: j.category! })),
  };
}

/** An issue of the editor's form: its field (« categories.1.name », « jobs.3.category ») and the French message. */
export interface CategoryMappingIssue {
  field: string;
  message: string;
}

/** Validates the editor's form values against the staff file's jobs: the mapping, or every problem with its field. */
export function validateCategoryMapping(
  value: unknown,
  jobs: readonly Pick<EditorJob, "key" | "label">[],
): { ok: true; mapping: CategoryMapping } | { ok: false; issues: CategoryMappingIssue[] } {
  const parsed = categoryMappingSchema(jobs).safeParse(value);
  if (parsed.success) return { ok: true, mapping: mappingOfForm(parsed.data, jobs) };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
}

/** A stored mapping as read back (lenient: what does not validate reads as no mapping). */
export const StoredCategoryMappingSchema = z.object({
  categories: z.array(z.object({ key: z.string(), name: z.string(), criteria: z.array(z.enum(CRITERION_IDS)) })),
  assignments: z.array(z.object({ job: z.string(), category: z.string() })),
});

/** A stored mapping read against today's staff file: assignments of jobs no longer in the file are dropped and named. */
export function mappingForJobs(stored: unknown, jobs: readonly EditorJob[]): { mapping: CategoryMapping; droppedJobs: string[] } | null {
  const parsed = StoredCategoryMappingSchema.safeParse(stored);
  if (!parsed.success) return null;
  const byKey = new Map(jobs.map((j) => [j.key, j]));
  const categories = new Set(parsed.data.categories.map((c) => c.key));
  const droppedJobs: string[] = [];
  const assignments: CategoryMapping["assignments"] = [];
  const placed = new Set<string>();
  for (const a of parsed.data.assignments) {
    const job = byKey.get(categoryKey(a.job));
    if (!job) droppedJobs.push(a.job);
    else if (categories.has(a.category) && !placed.has(job.key)) {
      assignments.push({ job: job.label, category: a.category });
      placed.add(job.key);
    }
  }
  return { mapping: { categories: parsed.data.categories, assignments }, droppedJobs };
}

export interface CategoryStatus {
  key: string;
  name: string;
  jobs: string[];
  women: number;
  men: number;
  /** At least MIN_PEOPLE_PER_SEX women and as many men. */
  publishable: boolean;
  /** The four criteria ticked. */
  confirmed: boolean;
  missingCriteria: CriterionId[];
  /** Plain-French warnings: empty category, too small, one sex only. */
  warnings: string[];
}

export interface MappingStatus {
  categories: CategoryStatus[];
  /** Jobs in no category. */
  unclassified: { label: string; women: number; men: number }[];
  /** Names of the categories whose criteria are not all confirmed. */
  unconfirmed: string[];
}

/** Per category: its jobs, women and men, whether it can be published and is confirmed, and its warnings. */
export function mappingStatus(mapping: CategoryMapping, jobs: readonly EditorJob[]): MappingStatus {
  const categoryOfJob = new Map(mapping.assignments.map((a) => [categoryKey(a.job), a.category]));
  const categories = mapping.categories.map((c): CategoryStatus => {
    const inside = jobs.filter((j) => categoryOfJob.get(j.key) === c.key);
    const women = inside.reduce((n, j) => n + j.women, 0);
    const men = inside.reduce((n, j) => n + j.men, 0);
    const missingCriteria = CRITERION_IDS.filter((id) => !c.criteria.includes(id));
    const warnings =
      inside.length === 0
        ? [`${quote(c.name)} ne contient encore aucun poste${NBSP}: choisissez-la pour au moins un poste, ou supprimez-la.`]
        : checkCategories([{ label: c.name, women, men }]).flatMap((check) => check.messages);
    return {
      key: c.key,
      name: c.name,
      jobs: inside.map((j) => j.label),
      women,
      men,
      publishable: women >= MIN_PEOPLE_PER_SEX && men >= MIN_PEOPLE_PER_SEX,
      confirmed: missingCriteria.length === 0,
      missingCriteria,
      warnings,
    };
  });
  return {
    categories,
    unclassified: jobs.filter((j) => !mapping.categories.some((c) => c.key === categoryOfJob.get(j.key))).map(({ label, women, men }) => ({ label, women, men })),
    unconfirmed: categories.filter((c) => !c.confirmed).map((c) => c.name),
  };
}

/**
 * The staff rows with the editor's categories in place of the file's column: a person whose job is
 * in a category gets its name; a person whose job is « non classé » gets none (the CSP stands in, as
 * for an empty cell). Rows are copied, never changed; the indicators then run unchanged on them.
 */
export function applyCategoryMapping(rows: readonly StaffRow[], mapping: CategoryMapping, options: TransparencyOptions = {}): StaffRow[] {
  const { keyOf } = jobKeysOfTitles(countedRows(rows, options));
  const names = new Map(mapping.categories.map((c) => [c.key, c.name]));
  const byJob = new Map<string, string>();
  for (const a of mapping.assignments) {
    const name = names.get(a.category);
    if (name !== undefined) byJob.set(categoryKey(a.job), name);
  }
  return rows.map((r) => ({ ...r, payCategory: byJob.get(keyOf.get(r.job.trim()) ?? "") ?? null }));
}
