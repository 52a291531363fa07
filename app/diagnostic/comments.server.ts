import { redirect } from "react-router";
import { getDb } from "../../db/client.ts";
import { insertComment, listComments, setCommentResolved } from "../../db/queries/comments.ts";
import { mayComment, mayResolveComments, requireCommentRight } from "../auth/permissions.server.ts";
import {
  COMMENT_FEEDBACK,
  COMMENT_FEEDBACK_PARAM,
  COMMENT_MAX_LENGTH,
  COMMENT_TARGETS,
  COMMENT_TARGET_PARAM,
  type CommentFeedbackCode,
  type CommentTarget,
  type ReviewCommentsView,
} from "./comments.ts";
import { requireDiagnostic, type LoadedDiagnostic } from "./load.server.ts";
import { diagnosticPath } from "./steps.ts";
import { looksLikeId } from "../auth/ids.ts";

/** The review comments of one target of a loaded diagnostic, for the page that shows them. */
export async function reviewCommentsFor(loaded: LoadedDiagnostic, target: CommentTarget, request: Request): Promise<ReviewCommentsView> {
  const { access, diagnostic } = loaded;
  const rows = await listComments(await getDb(), access.org.id, diagnostic.id, target);
  const url = new URL(request.url);
  const code = url.searchParams.get(COMMENT_FEEDBACK_PARAM);
  const feedback =
    code && code in COMMENT_FEEDBACK && url.searchParams.get(COMMENT_TARGET_PARAM) === target
      ? { code: code as CommentFeedbackCode, ...COMMENT_FEEDBACK[code as CommentFeedbackCode] }
      : null;
  return {
    target,
    action: `${diagnosticPath(access.org.id, diagnostic.id)}/commentaires`,
    canAdd: mayComment(access),
    canResolve: mayResolveComments(access),
    items: rows.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
      authorName: r.authorName,
      authorOrgName: r.authorOrgName,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      resolvedByName: r.resolvedByName,
    })),
    feedback,
  };
}

const LOCAL = "http://boussole.local";

/**
 * Where to go back after a comment action: `redirectTo` when it is a path of this same diagnostic
 * (never another site, never another structure), otherwise the diagnostic's first page.
 */
export function commentReturnPath(redirectTo: unknown, base: string, code: CommentFeedbackCode, target: CommentTarget): string {
  let url = new URL(base, LOCAL);
  if (typeof redirectTo === "string" && redirectTo.startsWith("/") && !redirectTo.startsWith("//") && !redirectTo.includes("\\")) {
    try {
      const candidate = new URL(redirectTo, LOCAL);
      if (candidate.origin === LOCAL && (candidate.pathname === base || candidate.pathname.startsWith(`${base}/`))) url = candidate;
    } catch {
      // keep the fallback
    }
  }
  url.searchParams.set(COMMENT_FEEDBACK_PARAM, code);
  url.searchParams.set(COMMENT_TARGET_PARAM, target);
  url.hash = `commentaires-${target}`;
  return url.pathname + url.search + url.hash;
}

function badRequest(): never {
  throw new Response("Demande incorrecte", { status: 400 });
}

/**
 * The comments resource route: add (advisors with an active grant), resolve or reopen (members who
 * may edit). Outsiders get a 404 from the diagnostic check before anything is read from the form.
 * Always ends with a redirect back to the page (POST → redirect → GET), also without JavaScript.
 */
export async function handleCommentAction(request: Request, params: { orgId?: string; diagId?: string }): Promise<never> {
  const { access, diagnostic } = await requireDiagnostic(request, params, "view");
  const form = await request.formData();
  const intent = form.get("intent");
  const target = form.get("target");
  if (typeof target !== "string" || !(COMMENT_TARGETS as readonly string[]).includes(target)) badRequest();
  const back = (code: CommentFeedbackCode) =>
    redirect(commentReturnPath(form.get("redirectTo"), diagnosticPath(access.org.id, diagnostic.id), code, target as CommentTarget));
  const db = await getDb();

  if (intent === "add") {
    requireCommentRight(access, "add");
    if (access.via.kind !== "advisor") badRequest();
    const body = typeof form.get("body") === "string" ? (form.get("body") as string).replace(/\r\n/g, "\n").trim() : "";
    if (body === "") throw back("vide");
    if (body.length > COMMENT_MAX_LENGTH) throw back("long");
    await insertComment(db, {
      structureId: access.org.id,
      diagnosticId: diagnostic.id,
      target,
      authorUserId: access.user.id,
      authorOrgId: access.via.advisorOrgId,
      body,
    });
    throw back("ajoute");
  }

  if (intent === "resolve" || intent === "reopen") {
    requireCommentRight(access, "resolve");
    const commentId = form.get("commentId");
    if (!looksLikeId(commentId)) badRequest();
    const changed = await setCommentResolved(db, access.org.id, diagnostic.id, commentId, intent === "resolve" ? access.user.id : null);
    throw back(changed ? (intent === "resolve" ? "resolu" : "rouvert") : "deja");
  }

  badRequest();
}
