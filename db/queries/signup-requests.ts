import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { signupRequests } from "../schema.ts";
import { normalizeEmail } from "./users.ts";

export type SignupRequestInput = Omit<typeof signupRequests.$inferInsert, "createdAt">;

/** Stores a pending sign-up (the email normalised like account emails). */
export async function insertSignupRequest(db: DbOrTx, input: SignupRequestInput) {
  await db.insert(signupRequests).values({ ...input, email: normalizeEmail(input.email) });
}

export async function findSignupRequest(db: DbOrTx, id: string) {
  const [row] = await db.select().from(signupRequests).where(eq(signupRequests.id, id));
  return row ?? null;
}

/**
 * Deletes every pending request of `email` (the one being confirmed and any other); true when the
 * request `id` was among them, so that of two concurrent confirmations only one goes on.
 */
export async function consumeSignupRequests(db: DbOrTx, id: string, email: string) {
  const rows = await db.delete(signupRequests).where(eq(signupRequests.email, normalizeEmail(email))).returning({ id: signupRequests.id });
  return rows.some((r) => r.id === id);
}

/** Deletes one request (a link that can no longer succeed). */
export async function deleteSignupRequest(db: DbOrTx, id: string) {
  await db.delete(signupRequests).where(eq(signupRequests.id, id));
}
