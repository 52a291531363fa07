import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { preparedSql, preparedStatement } from "../prepared.ts";
import { diagnosticAnswers, diagnostics, payCategoryMaps, staffFiles, users } from "../schema.ts";

/**
 * Diagnostics of a structure. Every function takes the organisation id and filters on it, so a
 * diagnostic of another organisation is never read or written, whatever id a request carries.
 */

export type AnswerJson = number | string | string[];

/** A save refused because someone saved in between: what is stored now, and by whom. */
export interface Conflict<T> {
  ok: false;
  current: T;
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
}
export type SaveResult<T> = { ok: true; version: number; updatedAt: Date } | Conflict<T>;

/** The structure's diagnostics, newest year first, with the name of the last person who edited each. */
export async function listDiagnostics(db: DbOrTx, organizationId: string) {
  const rows = await db
    .select({
      id: diagnostics.id,
      year: diagnostics.year,
      status: diagnostics.status,
      profile: diagnostics.profile,
      jobs: diagnostics.jobs,
      indexSource: diagnostics.indexSource,
      updatedAt: diagnostics.updatedAt,
      updatedByName: users.name,
    })
    .from(diagnostics)
    .leftJoin(users, eq(users.id, diagnostics.updatedBy))
    .where(eq(diagnostics.organizationId, organizationId))
    .orderBy(desc(diagnostics.year));
  const ids = rows.map((r) => r.id);
  const answers = ids.length
    ? await db
        .select({ diagnosticId: diagnosticAnswers.diagnosticId, questionId: diagnosticAnswers.questionId, value: diagnosticAnswers.value })
        .from(diagnosticAnswers)
        .where(inArray(diagnosticAnswers.diagnosticId, ids))
    : [];
  return rows.map((r) => ({
    ...r,
    answers: Object.fromEntries(answers.filter((a) => a.diagnosticId === r.id).map((a) => [a.questionId, a.value])) as Record<string, AnswerJson>,
  }));
}

/**
 * Creates the diagnostic of `year`; copies the profile, the jobs and the categories of work of equal
 * value of `copyFromId` (same organisation) when given. Several statements: run it in a transaction.
 */
export async function insertDiagnostic(db: DbOrTx, organizationId: string, year: number, userId: string, copyFromId?: string) {
  const id = newId();
  let profile: Record<string, unknown> | null = null;
  let jobs: Record<string, unknown>[] = [];
  let categories: Record<string, unknown> | null = null;
  if (copyFromId) {
    const [source] = await db
      .select({ profile: diagnostics.profile, jobs: diagnostics.jobs, categories: payCategoryMaps.mapping })
      .from(diagnostics)
      .leftJoin(payCategoryMaps, eq(payCategoryMaps.diagnosticId, diagnostics.id))
      .where(and(eq(diagnostics.id, copyFromId), eq(diagnostics.organizationId, organizationId)));
    if (source) {
      profile = source.profile;
      jobs = source.jobs;
      categories = source.categories;
    }
  }
  await db.insert(diagnostics).values({
    id,
    organizationId,
    year,
    profile,
    profileVersion: profile ? 1 : 0,
    jobs,
    jobsVersion: jobs.length ? 1 : 0,
    updatedBy: userId,
  });
  // Read against the new year's staff file once imported: jobs no longer in it are dropped and named.
  if (categories) await db.insert(payCategoryMaps).values({ diagnosticId: id, organizationId, mapping: categories, version: 1, updatedBy: userId });
  return { id };
}

export async function diagnosticYearExists(db: DbOrTx, organizationId: string, year: number) {
  const [row] = await db
    .select({ id: diagnostics.id })
    .from(diagnostics)
    .where(and(eq(diagnostics.organizationId, organizationId), eq(diagnostics.year, year)));
  return Boolean(row);
}

/** A diagnostic's own columns and the name of its last editor (joined from users). */
const diagnosticColumns = {
  id: diagnostics.id,
  year: diagnostics.year,
  status: diagnostics.status,
  profile: diagnostics.profile,
  profileVersion: diagnostics.profileVersion,
  jobs: diagnostics.jobs,
  jobsVersion: diagnostics.jobsVersion,
  indexData: diagnostics.indexData,
  indexSource: diagnostics.indexSource,
  indexSkipReason: diagnostics.indexSkipReason,
  indexVersion: diagnostics.indexVersion,
  updatedAt: diagnostics.updatedAt,
  finishedAt: diagnostics.finishedAt,
  updatedByName: users.name,
};

/** The diagnostic's own row with the name of its last editor; null if not of this organisation. */
async function diagnosticRow(db: DbOrTx, organizationId: string, diagnosticId: string) {
  const [row] = await db
    .select(diagnosticColumns)
    .from(diagnostics)
    .leftJoin(users, eq(users.id, diagnostics.updatedBy))
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId)));
  return row ?? null;
}

/** Only the id and profile of a diagnostic (what one autosaved answer needs); null if not of this organisation. */
export async function findDiagnosticProfile(db: DbOrTx, organizationId: string, diagnosticId: string) {
  const [row] = await diagnosticProfile(db).execute({ organizationId, diagnosticId });
  return row ?? null;
}

/** One diagnostic with its answers (and their versions) and its staff-file summary; null if not of this organisation. */
export async function findDiagnostic(db: DbOrTx, organizationId: string, diagnosticId: string) {
  const [row] = fullDiagnostics(await diagnosticById(db).execute({ organizationId, diagnosticId }));
  return row ?? null;
}

/** The diagnostic of the year before `year`, if any (for "start from last year" and year-on-year changes). */
export async function findPreviousDiagnosticId(db: DbOrTx, organizationId: string, year: number) {
  const [row] = await db
    .select({ id: diagnostics.id, year: diagnostics.year })
    .from(diagnostics)
    .where(and(eq(diagnostics.organizationId, organizationId), lt(diagnostics.year, year)))
    .orderBy(desc(diagnostics.year))
    .limit(1);
  return row ?? null;
}

/** The whole diagnostic of the year before `year` (as findDiagnostic reads it), if any. */
export async function findPreviousDiagnostic(db: DbOrTx, organizationId: string, year: number) {
  const [row] = fullDiagnostics(await previousDiagnostic(db).execute({ organizationId, year }));
  return row ?? null;
}

/**
 * Rows aggregated in SQL with json_agg (answers of a diagnostic, actions of a plan): a json value is
 * text from postgres.js and already parsed from PGlite; each row's `updatedAt` comes back as a Date.
 */
export function aggregatedRows<T extends { updatedAt: Date }>(value: unknown): T[] {
  const rows = (typeof value === "string" ? JSON.parse(value) : value) as (Omit<T, "updatedAt"> & { updatedAt: string })[];
  return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) }) as T);
}

/**
 * A diagnostic with its answers (ordered by question) and its staff-file summary, in one statement:
 * every diagnostic page reads it, so it is one round trip rather than three.
 */
function fullDiagnosticQuery(db: DbOrTx) {
  return db
    .select({
      ...diagnosticColumns,
      answers: sql<string>`coalesce((select json_agg(json_build_object('questionId', a.question_id, 'value', a.value, 'version', a.version, 'updatedAt', a.updated_at) order by a.question_id)
        from ${diagnosticAnswers} a where a.diagnostic_id = ${diagnostics.id}), '[]'::json)`,
      staffFileName: staffFiles.fileName,
      staffRowCount: staffFiles.rowCount,
      staffImportedAt: staffFiles.importedAt,
    })
    .from(diagnostics)
    .leftJoin(users, eq(users.id, diagnostics.updatedBy))
    .leftJoin(staffFiles, eq(staffFiles.diagnosticId, diagnostics.id))
    .$dynamic();
}

/** Placeholders of the prepared statements keyed by organisation, diagnostic and year (here and in plans.ts). */
export const keyParams = { organizationId: sql.placeholder("organizationId"), diagnosticId: sql.placeholder("diagnosticId"), year: sql.placeholder("year") };

const diagnosticById = preparedStatement((db) =>
  fullDiagnosticQuery(db)
    .where(and(eq(diagnostics.id, keyParams.diagnosticId), eq(diagnostics.organizationId, keyParams.organizationId)))
    .prepare("find_diagnostic"),
);

const diagnosticProfile = preparedStatement((db) =>
  db
    .select({ id: diagnostics.id, profile: diagnostics.profile })
    .from(diagnostics)
    .where(and(eq(diagnostics.id, keyParams.diagnosticId), eq(diagnostics.organizationId, keyParams.organizationId)))
    .prepare("find_diagnostic_profile"),
);

const previousDiagnostic = preparedStatement((db) =>
  fullDiagnosticQuery(db)
    .where(and(eq(diagnostics.organizationId, keyParams.organizationId), lt(diagnostics.year, keyParams.year)))
    .orderBy(desc(diagnostics.year))
    .limit(1)
    .prepare("find_previous_diagnostic"),
);

function fullDiagnostics(rows: Awaited<ReturnType<ReturnType<typeof diagnosticById>["execute"]>>) {
  return rows.map(({ answers, staffFileName, staffRowCount, staffImportedAt, ...row }) => ({
    ...row,
    answers: aggregatedRows<{ questionId: string; value: AnswerJson; version: number; updatedAt: Date }>(answers),
    staffFile: staffFileName === null ? null : { fileName: staffFileName, rowCount: staffRowCount!, importedAt: staffImportedAt! },
  }));
}

/** The validated staff rows of a diagnostic (members only: never sent to another organisation). */
export async function findStaffRows(db: DbOrTx, organizationId: string, diagnosticId: string) {
  const [row] = await db
    .select({ rows: staffFiles.rows })
    .from(staffFiles)
    .innerJoin(diagnostics, eq(diagnostics.id, staffFiles.diagnosticId))
    .where(and(eq(staffFiles.diagnosticId, diagnosticId), eq(diagnostics.organizationId, organizationId)));
  return row?.rows ?? null;
}

type DocumentField = "profile" | "jobs" | "index";

async function currentDocument(db: DbOrTx, organizationId: string, diagnosticId: string, field: DocumentField) {
  const row = await diagnosticRow(db, organizationId, diagnosticId);
  if (!row) return null;
  const byField = {
    profile: { current: row.profile as unknown, version: row.profileVersion },
    jobs: { current: row.jobs as unknown, version: row.jobsVersion },
    index: { current: { data: row.indexData, source: row.indexSource, skipReason: row.indexSkipReason } as unknown, version: row.indexVersion },
  }[field];
  return { ...byField, updatedAt: row.updatedAt, updatedByName: row.updatedByName };
}

async function conflictOf<T>(db: DbOrTx, organizationId: string, diagnosticId: string, field: DocumentField): Promise<Conflict<T> | null> {
  const doc = await currentDocument(db, organizationId, diagnosticId, field);
  if (!doc) return null;
  return { ok: false, current: doc.current as T, version: doc.version, updatedAt: doc.updatedAt, updatedByName: doc.updatedByName };
}

/** Saves the profile if `expectedVersion` is the stored one; null when the diagnostic is not of this organisation. */
export async function saveProfile(
  db: DbOrTx,
  organizationId: string,
  diagnosticId: string,
  expectedVersion: number,
  profile: Record<string, unknown>,
  userId: string,
): Promise<SaveResult<Record<string, unknown> | null> | null> {
  const now = new Date();
  const [row] = await db
    .update(diagnostics)
    .set({ profile, profileVersion: sql`${diagnostics.profileVersion} + 1`, updatedAt: now, updatedBy: userId })
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId), eq(diagnostics.profileVersion, expectedVersion)))
    .returning({ version: diagnostics.profileVersion });
  if (row) return { ok: true, version: row.version, updatedAt: now };
  return conflictOf(db, organizationId, diagnosticId, "profile");
}

/** Saves the jobs table if `expectedVersion` is the stored one. */
export async function saveJobs(
  db: DbOrTx,
  organizationId: string,
  diagnosticId: string,
  expectedVersion: number,
  jobs: Record<string, unknown>[],
  userId: string,
): Promise<SaveResult<Record<string, unknown>[]> | null> {
  const now = new Date();
  const [row] = await db
    .update(diagnostics)
    .set({ jobs, jobsVersion: sql`${diagnostics.jobsVersion} + 1`, updatedAt: now, updatedBy: userId })
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId), eq(diagnostics.jobsVersion, expectedVersion)))
    .returning({ version: diagnostics.jobsVersion });
  if (row) return { ok: true, version: row.version, updatedAt: now };
  return conflictOf(db, organizationId, diagnosticId, "jobs");
}

/**
 * Replaces the staff file and the jobs table derived from it, both or neither (its own transaction,
 * or a savepoint of the caller's). Refused like `saveJobs` when the jobs were saved in between.
 */
export async function replaceStaffFile(
  db: DbOrTx,
  organizationId: string,
  diagnosticId: string,
  input: { fileName: string; rows: Record<string, unknown>[]; jobs: Record<string, unknown>[]; expectedJobsVersion: number },
  userId: string,
): Promise<SaveResult<Record<string, unknown>[]> | null> {
  return db.transaction(async (tx): Promise<SaveResult<Record<string, unknown>[]> | null> => {
    const saved = await saveJobs(tx, organizationId, diagnosticId, input.expectedJobsVersion, input.jobs, userId);
    if (!saved || !saved.ok) return saved;
    await tx.delete(staffFiles).where(eq(staffFiles.diagnosticId, diagnosticId));
    await tx.insert(staffFiles).values({ diagnosticId, fileName: input.fileName, rowCount: input.rows.length, rows: input.rows, importedBy: userId });
    return saved;
  });
}

/** Saves the index step: entered data, "from the staff file", or skipped with a reason. */
export async function saveIndexStep(
  db: DbOrTx,
  organizationId: string,
  diagnosticId: string,
  expectedVersion: number,
  input: { source: "saisie" | "fichier" | "ignore"; data: Record<string, unknown> | null; skipReason: string | null },
  userId: string,
): Promise<SaveResult<unknown> | null> {
  const now = new Date();
  const [row] = await db
    .update(diagnostics)
    .set({
      indexSource: input.source,
      indexData: input.data,
      indexSkipReason: input.skipReason,
      indexVersion: sql`${diagnostics.indexVersion} + 1`,
      updatedAt: now,
      updatedBy: userId,
    })
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId), eq(diagnostics.indexVersion, expectedVersion)))
    .returning({ version: diagnostics.indexVersion });
  if (row) return { ok: true, version: row.version, updatedAt: now };
  return conflictOf(db, organizationId, diagnosticId, "index");
}

/**
 * Saves one answer if `expectedVersion` is the stored one (0 = not answered yet). Null when the
 * diagnostic is not of this organisation.
 */
export async function saveAnswer(
  db: DbOrTx,
  organizationId: string,
  diagnosticId: string,
  questionId: string,
  expectedVersion: number,
  value: AnswerJson,
  userId: string,
): Promise<SaveResult<AnswerJson | null> | null> {
  const now = new Date();
  const values = { organizationId, diagnosticId, questionId, expectedVersion, userId, value: JSON.stringify(value), at: now.toISOString() };
  const [saved] = await (expectedVersion === 0 ? insertAnswer : updateAnswer)(db).rows(values);
  if (saved) return { ok: true, version: Number(saved.version), updatedAt: now };
  const [current] = await db
    .select({ value: diagnosticAnswers.value, version: diagnosticAnswers.version, updatedAt: diagnosticAnswers.updatedAt, updatedByName: users.name })
    .from(diagnosticAnswers)
    .innerJoin(diagnostics, and(eq(diagnostics.id, diagnosticAnswers.diagnosticId), eq(diagnostics.organizationId, organizationId)))
    .leftJoin(users, eq(users.id, diagnosticAnswers.updatedBy))
    .where(and(eq(diagnosticAnswers.diagnosticId, diagnosticId), eq(diagnosticAnswers.questionId, questionId)));
  if (!current) {
    // Nothing stored for this question: either the diagnostic is not the organisation's, or the save
    // expected a version that never existed (a conflict with « no answer »).
    const [owner] = await db
      .select({ id: diagnostics.id })
      .from(diagnostics)
      .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId)));
    if (!owner) return null;
  }
  return {
    ok: false,
    current: current?.value ?? null,
    version: current?.version ?? 0,
    updatedAt: current?.updatedAt ?? null,
    updatedByName: current?.updatedByName ?? null,
  };
}

/** The placeholders of the autosave's write. */
const answerParams = {
  diagnosticId: sql.placeholder("diagnosticId"),
  questionId: sql.placeholder("questionId"),
  expectedVersion: sql.placeholder("expectedVersion"),
  userId: sql.placeholder("userId"),
  json: sql`${sql.placeholder("value")}::jsonb`,
  at: sql`${sql.placeholder("at")}::timestamptz`,
  owned: sql`exists (select 1 from ${diagnostics} where ${diagnostics.id} = ${sql.placeholder("diagnosticId")} and ${diagnostics.organizationId} = ${sql.placeholder("organizationId")})`,
};

/**
 * The autosave's write, one statement, hence atomic without a transaction (it is the hottest write):
 * the answer (inserted at version 1, or updated when its version is still the one the user saw) and
 * the diagnostic's "last edited" stamp, both only when the diagnostic belongs to the organisation.
 */
function answerWrite(name: string, write: (p: typeof answerParams) => SQL) {
  const { at, userId, diagnosticId } = answerParams;
  return preparedSql<{ version: number }>(
    name,
    sql`with saved as (${write(answerParams)}),
      stamp as (update ${diagnostics} set updated_at = ${at}, updated_by = ${userId} where id = ${diagnosticId} and exists (select 1 from saved))
      select version from saved`,
  );
}

const insertAnswer = answerWrite(
  "insert_answer",
  (p) => sql`insert into ${diagnosticAnswers} (diagnostic_id, question_id, value, version, updated_at, updated_by)
    select ${p.diagnosticId}, ${p.questionId}, ${p.json}, 1, ${p.at}, ${p.userId} where ${p.owned}
    on conflict do nothing returning version`,
);

const updateAnswer = answerWrite(
  "update_answer",
  (p) => sql`update ${diagnosticAnswers} set value = ${p.json}, version = version + 1, updated_at = ${p.at}, updated_by = ${p.userId}
    where diagnostic_id = ${p.diagnosticId} and question_id = ${p.questionId} and version = ${p.expectedVersion} and ${p.owned}
    returning version`,
);

/** Marks the diagnostic finished (« terminé ») or back to draft. */
export async function setDiagnosticStatus(db: DbOrTx, organizationId: string, diagnosticId: string, status: "brouillon" | "termine", userId: string) {
  const now = new Date();
  const rows = await db
    .update(diagnostics)
    .set({ status, finishedAt: status === "termine" ? now : null, updatedAt: now, updatedBy: userId })
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId)))
    .returning({ id: diagnostics.id });
  return rows.length > 0;
}
