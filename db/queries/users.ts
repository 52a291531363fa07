import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { sessions, users } from "../schema.ts";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row ?? null;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

export async function insertUser(db: DbOrTx, input: { email: string; name: string; passwordHash: string }) {
  const id = newId();
  await db.insert(users).values({ id, email: normalizeEmail(input.email), name: input.name.trim(), passwordHash: input.passwordHash });
  return { id };
}

/** Sets a new password hash and deletes the user's other sessions (all when `keepSessionId` is null). */
export async function updatePassword(db: DbOrTx, userId: string, passwordHash: string, keepSessionId: string | null) {
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
  await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}
