import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { diagnostics, payCategoryMaps, users } from "../schema.ts";
import type { SaveResult } from "./diagnostics.ts";

/**
 * The categories of work of equal value of a diagnostic (the editor's mapping). Every function takes
 * the organisation id and filters on it.
 */

/** The stored mapping with its version and last editor; null when none is stored (or not this organisation's). */
export async function findPayCategoryMap(db: DbOrTx, organizationId: string, diagnosticId: string) {
  const [row] = await db
    .select({ mapping: payCategoryMaps.mapping, version: payCategoryMaps.version, updatedAt: payCategoryMaps.updatedAt, updatedByName: users.name })
    .from(payCategoryMaps)
    .leftJoin(users, eq(users.id, payCategoryMaps.updatedBy))
    .where(and(eq(payCategoryMaps.diagnosticId, diagnosticId), eq(payCategoryMaps.organizationId, organizationId)));
  return row ?? null;
}

/**
 * Saves the mapping if `expectedVersion` is the stored one (0: none stored yet), and stamps the
 * diagnostic's « last edited », in one transaction. Null when the diagnostic is not of this organisation.
 */
export async function savePayCategoryMap(
  db: DbOrTx,
  organizationId: string,
  diagnosticId: string,
  expectedVersion: number,
  mapping: Record<string, unknown>,
  userId: string,
): Promise<SaveResult<Record<string, unknown> | null> | null> {
  return db.transaction(async (tx): Promise<SaveResult<Record<string, unknown> | null> | null> => {
    const now = new Date();
    // Locks the diagnostic: two first saves at once are told apart here, and a deletion waits.
    const [owned] = await tx
      .select({ id: diagnostics.id })
      .from(diagnostics)
      .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId)))
      .for("update");
    if (!owned) return null;
    const saved =
      expectedVersion === 0
        ? await tx
            .insert(payCategoryMaps)
            .values({ diagnosticId, organizationId, mapping, version: 1, updatedAt: now, updatedBy: userId })
            .onConflictDoNothing()
            .returning({ version: payCategoryMaps.version })
        : await tx
            .update(payCategoryMaps)
            .set({ mapping, version: sql`${payCategoryMaps.version} + 1`, updatedAt: now, updatedBy: userId })
            .where(
              and(eq(payCategoryMaps.diagnosticId, diagnosticId), eq(payCategoryMaps.organizationId, organizationId), eq(payCategoryMaps.version, expectedVersion)),
            )
            .returning({ version: payCategoryMaps.version });
    if (saved[0]) {
      await tx.update(diagnostics).set({ updatedAt: now, updatedBy: userId }).where(eq(diagnostics.id, diagnosticId));
      return { ok: true, version: saved[0].version, updatedAt: now };
    }
    const current = await findPayCategoryMap(tx, organizationId, diagnosticId);
    return {
      ok: false,
      current: current?.mapping ?? null,
      version: current?.version ?? 0,
      updatedAt: current?.updatedAt ?? null,
      updatedByName: current?.updatedByName ?? null,
    };
  });
}
