import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { auditLog } from "../schema.ts";

export async function insertAudit(
  db: DbOrTx,
  entry: { organizationId: string | null; actorUserId: string | null; action: string; details?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({ id: newId(), ...entry, details: entry.details ?? {} });
}

export async function listAudit(db: DbOrTx, organizationId: string, limit = 200) {
  return db
    .select({ id: auditLog.id, action: auditLog.action, actorUserId: auditLog.actorUserId, details: auditLog.details, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(eq(auditLog.organizationId, organizationId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
