import { redirect } from "react-router";
import type { Route } from "./+types/diagnostic-resume";
import { progressOf, requireDiagnostic } from "../diagnostic/load.server.ts";
import { stepPath } from "../diagnostic/steps.ts";

/** « Reprendre » : the diagnostic's address leads to its first unfinished step. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  throw redirect(stepPath(loaded.access.org.id, loaded.diagnostic.id, progressOf(loaded).resumeStep));
}
