import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { passwordResetTokens } from "../schema.ts";

export async function insertPasswordReset(db: DbOrTx, input: { id: string; userId: string; tokenHash: Uint8Array; expiresAt: Date }) {
  // A new request replaces the previous unused links, only if the new one is stored.
  return db.transaction(async (tx) => {
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, input.userId), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values(input);
  });
}

export async function findPasswordReset(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: passwordResetTokens.id,
      userId: passwordResetTokens.userId,
      tokenHash: passwordResetTokens.tokenHash,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
    })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.id, id));
  return row ?? null;
}

/** Consumes the token; false when it had already been used (single use, race-safe). */
export async function consumePasswordReset(db: DbOrTx, id: string, now: Date) {
  const rows = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.id, id), isNull(passwordResetTokens.usedAt)))
    .returning({ id: passwordResetTokens.id });
  return rows.length === 1;
}
