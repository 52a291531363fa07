import { redirect } from "react-router";
import type { Route } from "./+types/diagnostic-comments";
import { handleCommentAction } from "../diagnostic/comments.server.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { diagnosticPath } from "../diagnostic/steps.ts";

/** Review comments (resource route): the forms of the ReviewComments component post here, then go back to their page. */
export async function action({ request, params }: Route.ActionArgs) {
  return handleCommentAction(request, params);
}

/** Nothing to show here: back to the diagnostic (after the same access check). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, diagnostic } = await requireDiagnostic(request, params, "view");
  throw redirect(diagnosticPath(access.org.id, diagnostic.id));
}
