import { Form, useLocation } from "react-router";
import { COMMENT_FEEDBACK_PARAM, COMMENT_MAX_LENGTH, COMMENT_TARGET_PARAM, type ReviewCommentView, type ReviewCommentsView } from "../diagnostic/comments.ts";
import { ErrorSummary, Field, Notice } from "./form.tsx";
import { formatDate, formatTime } from "./format.ts";

const NBSP = "\u00a0";

/** The page the forms come back to: this one, without the outcome of the previous action. */
function useReturnPath(): string {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete(COMMENT_FEEDBACK_PARAM);
  params.delete(COMMENT_TARGET_PARAM);
  const search = params.toString();
  return location.pathname + (search ? `?${search}` : "");
}

function when(iso: string) {
  return `le ${formatDate(iso)} à ${formatTime(iso)}`;
}

function CommentItem({ comment, view, redirectTo }: { comment: ReviewCommentView; view: ReviewCommentsView; redirectTo: string }) {
  const author = comment.authorName ?? "Personne inconnue";
  const resolved = comment.resolvedAt !== null;
  return (
    <li className={`comment${resolved ? " comment-resolved" : ""}`}>
      <p className="comment-meta">
        <strong>{author}</strong>
        {comment.authorOrgName ? `, ${comment.authorOrgName}` : ""}, {when(comment.createdAt)}
      </p>
      <p className="comment-body">{comment.body}</p>
      <p className="comment-state">
        {resolved ? (
          <>
            <span aria-hidden="true">✓ </span>Résolu{comment.resolvedByName ? ` par ${comment.resolvedByName}` : ""} {when(comment.resolvedAt!)}
          </>
        ) : (
          "À traiter"
        )}
      </p>
      {view.canResolve ? (
        <Form method="post" action={view.action} preventScrollReset>
          <input type="hidden" name="intent" value={resolved ? "reopen" : "resolve"} />
          <input type="hidden" name="commentId" value={comment.id} />
          <input type="hidden" name="target" value={view.target} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" className="button button-small button-secondary">
            {resolved ? "Rouvrir" : "Marquer comme résolu"}
            <span className="visually-hidden">
              {NBSP}: commentaire de {author} {when(comment.createdAt)}
            </span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}

/**
 * The review comments of one domain or of the plan: the list (open ones first, resolved ones folded),
 * the form to add one (advisors with a grant) and the buttons to resolve or reopen (members who may
 * edit). Forms post to the comments route, which redirects back here: works without JavaScript.
 */
export function ReviewComments({ view, subject }: { view: ReviewCommentsView; subject: string }) {
  const redirectTo = useReturnPath();
  const open = view.items.filter((c) => c.resolvedAt === null);
  const resolved = view.items.filter((c) => c.resolvedAt !== null);
  const fieldId = `commentaire-${view.target}`;
  const error = view.feedback?.tone === "error" ? view.feedback.message : null;
  const field = { id: fieldId, name: "body", errors: error ? [error] : undefined };
  const headingId = `commentaires-${view.target}-titre`;
  // Nothing to read and nothing to do: no empty section on the pages of a structure nobody accompanies.
  if (!view.canAdd && view.items.length === 0 && !view.feedback) return null;
  return (
    <section className="review-comments" id={`commentaires-${view.target}`} aria-labelledby={headingId}>
      <h2 id={headingId}>Commentaires de l'accompagnement</h2>
      <p className="small">
        Les associations d'accompagnement qui ont accès au diagnostic laissent ici leurs remarques sur {subject}. Les membres de la structure les lisent
        et les marquent comme résolues une fois traitées.
      </p>
      {view.feedback && view.feedback.tone !== "error" ? <Notice tone={view.feedback.tone}>{view.feedback.message}</Notice> : null}
      {view.items.length === 0 ? <p>Aucun commentaire pour l'instant.</p> : null}
      {open.length > 0 ? (
        <>
          <h3>
            {open.length} commentaire{open.length > 1 ? "s" : ""} à traiter
          </h3>
          <ol className="comment-list">
            {open.map((c) => (
              <CommentItem key={c.id} comment={c} view={view} redirectTo={redirectTo} />
            ))}
          </ol>
        </>
      ) : null}
      {resolved.length > 0 ? (
        <details>
          <summary>
            {resolved.length} commentaire{resolved.length > 1 ? "s" : ""} résolu{resolved.length > 1 ? "s" : ""}
          </summary>
          <ol className="comment-list">
            {resolved.map((c) => (
              <CommentItem key={c.id} comment={c} view={view} redirectTo={redirectTo} />
            ))}
          </ol>
        </details>
      ) : null}
      {view.canAdd ? (
        <Form method="post" action={view.action} className="stack comment-form" id={`${fieldId}-formulaire`} preventScrollReset>
          <ErrorSummary form={{ id: `${fieldId}-formulaire` }} fields={{ body: field }} labels={{ body: "Votre commentaire" }} />
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="target" value={view.target} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field field={field} label="Votre commentaire" help={`Visible par les membres de la structure et par les associations qui l'accompagnent. ${COMMENT_MAX_LENGTH.toLocaleString("fr-FR")} caractères au plus.`}>
            {(p) => <textarea {...p} rows={4} maxLength={COMMENT_MAX_LENGTH} required />}
          </Field>
          <button type="submit" className="button">
            Publier le commentaire
          </button>
        </Form>
      ) : null}
    </section>
  );
}
