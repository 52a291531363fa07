import { z } from "zod";
import { getDb, type Db } from "../../db/client.ts";
import { findPreviousDiagnostic, findStaffRows } from "../../db/queries/diagnostics.ts";
import { ProfileSchema } from "../../diagnostics/profile.ts";
import type { Answers } from "../../diagnostics/questionnaire.ts";
import type { DiagnosticInput } from "../../diagnostics/plan/index.ts";
import { buildResults, diagnosticInputOf, type PreviousResultsInput, type Results, type ResultsInput } from "../../diagnostics/results.ts";
import { indexInputFromStaffRows, StaffRowSchema, type StaffRow } from "../../diagnostics/staff-file/index.ts";
import type { Profile, StructureType } from "../../diagnostics/types.ts";
import { indexSizeBandOf } from "./index-form.ts";
import type { LoadedDiagnostic } from "./load.server.ts";

/**
 * The one place that computes a diagnostic's results: the results page, the diagnostic report PDF
 * and the tender sheet all call loadResults, so that they show the same figures (ARCHITECTURE.md:
 * one computation, two renderings).
 */

type StoredDiagnostic = NonNullable<Awaited<ReturnType<typeof findPreviousDiagnostic>>>;

/** The validated staff rows of a diagnostic; null when there is no file or a stored row no longer validates. */
export async function loadStaffRows(db: Db, orgId: string, diagnosticId: string): Promise<StaffRow[] | null> {
  const stored = await findStaffRows(db, orgId, diagnosticId);
  if (!stored) return null;
  const rows = z.array(StaffRowSchema).safeParse(stored);
  return rows.success && rows.data.length > 0 ? rows.data : null;
}

/** The Index input of the staff file, when the Index step says « from the file » and the stored rows are valid. */
async function staffIndexInput(db: Db, orgId: string, d: StoredDiagnostic, profile: Profile | null, structureType: StructureType) {
  if (d.indexSource !== "fichier" || !profile) return null;
  const rows = await loadStaffRows(db, orgId, d.id);
  if (!rows) return null;
  return indexInputFromStaffRows(rows, { sizeBand: indexSizeBandOf(profile.headcountBand).sizeBand, structureType });
}

/** Last year's diagnostic of the same structure, in the shape buildResults reads; null when there is none. */
async function previousInput(db: Db, org: { id: string; structureType: string | null; departement: string | null }, year: number): Promise<PreviousResultsInput | null> {
  const d = await findPreviousDiagnostic(db, org.id, year);
  if (!d) return null;
  const parsed = d.profile ? ProfileSchema.safeParse(d.profile) : null;
  const profile: Profile | null = parsed?.success ? { ...parsed.data, departement: org.departement ?? undefined } : null;
  const structureType = (profile?.structureType ?? org.structureType ?? "autre") as StructureType;
  const answers: Answers = Object.fromEntries(d.answers.map((a) => [a.questionId, a.value]));
  return {
    year: d.year,
    profile,
    structureType,
    jobs: d.jobs,
    answers,
    index: { source: d.indexSource, data: d.indexData, skipReason: d.indexSkipReason },
    staffRowsIndexInput: await staffIndexInput(db, org.id, d, profile, structureType),
  };
}

/** What buildResults reads for a loaded diagnostic: its stored data, the staff file's Index input when used, last year's diagnostic. */
export async function loadResultsInput(loaded: LoadedDiagnostic): Promise<ResultsInput> {
  const { access, diagnostic, profile, answers, structureType } = loaded;
  const db = await getDb();
  return {
    year: diagnostic.year,
    profile,
    structureType,
    jobs: diagnostic.jobs,
    answers,
    index: { source: diagnostic.indexSource, data: diagnostic.indexData, skipReason: diagnostic.indexSkipReason },
    staffRowsIndexInput: await staffIndexInput(db, access.org.id, diagnostic, profile, structureType),
    previous: profile ? await previousInput(db, access.org, diagnostic.year) : null,
  };
}

/** The results view model of a loaded diagnostic (buildResults on its stored data, last year's included). */
export async function loadResults(loaded: LoadedDiagnostic): Promise<Results> {
  return buildResults(await loadResultsInput(loaded));
}

/**
 * What the plan engine reads from a loaded diagnostic (profile, answers, scores, mixity, Index
 * result), computed as buildResults computes it; null when the profile is missing.
 */
export async function loadDiagnosticInput(loaded: LoadedDiagnostic): Promise<DiagnosticInput | null> {
  return diagnosticInputOf(await loadResultsInput(loaded));
}
