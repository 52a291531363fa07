import { getDb } from "../../db/client.ts";
import { diagnosticYearExists, findPreviousDiagnosticId, insertDiagnostic } from "../../db/queries/diagnostics.ts";

export type CreateOutcome = { ok: true; id: string } | { ok: false; field: "year"; message: string };

/** Creates a structure's diagnostic for `year`, optionally starting from the previous year's profile, jobs and categories of work of equal value. */
export async function createDiagnostic(organizationId: string, userId: string, year: number, copyPrevious: boolean): Promise<CreateOutcome> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (await diagnosticYearExists(tx, organizationId, year)) {
      return { ok: false, field: "year", message: `Un diagnostic ${year} existe déjà : ouvrez-le dans la liste.` };
    }
    const previous = copyPrevious ? await findPreviousDiagnosticId(tx, organizationId, year) : null;
    const { id } = await insertDiagnostic(tx, organizationId, year, userId, previous?.id);
    return { ok: true, id };
  });
}
