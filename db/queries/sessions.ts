import { and, eq, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { preparedStatement } from "../prepared.ts";
import { sessions, users } from "../schema.ts";

export async function insertSession(db: DbOrTx, row: { id: string; secretHash: Uint8Array; userId: string; expiresAt: Date }) {
  await db.insert(sessions).values(row);
}

export async function findSessionWithUser(db: DbOrTx, id: string) {
  const [row] = await sessionWithUser(db).execute({ id });
  return row ?? null;
}

/** Read on every request that carries a session cookie. */
const sessionWithUser = preparedStatement((db) =>
  db
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare("find_session"),
);

export async function extendSession(db: DbOrTx, id: string, expiresAt: Date) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes every session of a user, except `exceptId` when given. */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptId?: string) {
  await db
    .delete(sessions)
    .where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
