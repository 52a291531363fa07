import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { diagnostics, organizations, reviewComments, users } from "../schema.ts";

/**
 * Review comments of advisors on a structure's diagnostic. Every function takes the structure id and
 * filters on it (and on the diagnostic), so a comment of another structure is never read or changed.
 */

/** Adds a comment on a target (a domain id or "plan") of a diagnostic of this structure; null when the diagnostic is not of this structure. */
export async function insertComment(
  db: DbOrTx,
  input: { structureId: string; diagnosticId: string; target: string; authorUserId: string; authorOrgId: string; body: string },
) {
  const [owner] = await db
    .select({ id: diagnostics.id })
    .from(diagnostics)
    .where(and(eq(diagnostics.id, input.diagnosticId), eq(diagnostics.organizationId, input.structureId)));
  if (!owner) return null;
  const id = newId();
  await db.insert(reviewComments).values({ id, ...input });
  return { id };
}

const resolver = alias(users, "resolver");

/** The comments of one target of a diagnostic, oldest first, with their author, the author's organisation and who resolved them. */
export async function listComments(db: DbOrTx, structureId: string, diagnosticId: string, target: string) {
  return db
    .select({
      id: reviewComments.id,
      body: reviewComments.body,
      createdAt: reviewComments.createdAt,
      authorName: users.name,
      authorOrgName: organizations.name,
      resolvedAt: reviewComments.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.authorUserId))
    .leftJoin(organizations, eq(organizations.id, reviewComments.authorOrgId))
    .leftJoin(resolver, eq(resolver.id, reviewComments.resolvedBy))
    .where(and(eq(reviewComments.structureId, structureId), eq(reviewComments.diagnosticId, diagnosticId), eq(reviewComments.target, target)))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id));
}

/**
 * Marks a comment resolved by `userId`, or open again when `userId` is null. False when the comment is
 * not of this structure's diagnostic, or already in that state.
 */
export async function setCommentResolved(db: DbOrTx, structureId: string, diagnosticId: string, commentId: string, userId: string | null) {
  const rows = await db
    .update(reviewComments)
    .set(userId ? { resolvedAt: new Date(), resolvedBy: userId } : { resolvedAt: null, resolvedBy: null })
    .where(
      and(
        eq(reviewComments.id, commentId),
        eq(reviewComments.structureId, structureId),
        eq(reviewComments.diagnosticId, diagnosticId),
        userId ? isNull(reviewComments.resolvedAt) : isNotNull(reviewComments.resolvedAt),
      ),
    )
    .returning({ id: reviewComments.id });
  return rows.length === 1;
}
