import { DOMAIN_IDS } from "../../diagnostics/types.ts";

/** Review comments: what they may be about, and what the page says after each action. Shared by the server and the page. */

const NBSP = "\u00a0";

/** A comment is about one domain of the questionnaire, or about the action plan. */
export const COMMENT_TARGETS = [...DOMAIN_IDS, "plan"] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** Longest comment, in characters (about a page of text). */
export const COMMENT_MAX_LENGTH = 4000;

/** Query-string keys that carry the outcome back to the page after the POST → redirect. */
export const COMMENT_FEEDBACK_PARAM = "commentaire";
export const COMMENT_TARGET_PARAM = "cible";

export const COMMENT_FEEDBACK = {
  ajoute: { tone: "success", message: "Commentaire publié. Les membres de la structure le voient maintenant." },
  resolu: { tone: "success", message: "Commentaire marqué comme résolu." },
  rouvert: { tone: "success", message: `Commentaire rouvert${NBSP}: il est de nouveau à traiter.` },
  deja: { tone: "info", message: `Ce commentaire avait déjà changé d'état entre-temps${NBSP}: voici la situation à jour.` },
  vide: { tone: "error", message: "Écrivez votre commentaire avant de le publier." },
  long: { tone: "error", message: `Le commentaire est trop long${NBSP}: ${COMMENT_MAX_LENGTH.toLocaleString("fr-FR")} caractères au plus. Raccourcissez-le ou publiez-le en deux fois.` },
} as const satisfies Record<string, { tone: "success" | "info" | "error"; message: string }>;
export type CommentFeedbackCode = keyof typeof COMMENT_FEEDBACK;

export interface ReviewCommentView {
  id: string;
  body: string;
  createdAt: string;
  authorName: string | null;
  authorOrgName: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
}

/** What the ReviewComments component needs: the comments of one target and what the user may do. */
export interface ReviewCommentsView {
  target: CommentTarget;
  /** The resource route the forms post to. */
  action: string;
  canAdd: boolean;
  canResolve: boolean;
  items: ReviewCommentView[];
  feedback: { code: CommentFeedbackCode; tone: "success" | "info" | "error"; message: string } | null;
}
