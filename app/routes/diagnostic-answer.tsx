import { data } from "react-router";
import type { Route } from "./+types/diagnostic-answer";
import { notFound } from "../auth/permissions.server.ts";
import { answerField, saveOneAnswer, versionField } from "../diagnostic/answers.server.ts";
import { requireDiagnosticProfile } from "../diagnostic/load.server.ts";

/**
 * Autosave of one answer (POST only): the domain page sends each answer as the user goes. Answers
 * `saved` with the new version, `invalid` with a French message (400), or `conflict` with the other
 * person's answer (409).
 */
export async function action({ request, params }: Route.ActionArgs) {
  const loaded = await requireDiagnosticProfile(request, params, "edit");
  const formData = await request.formData();
  const questionId = String(formData.get("questionId") ?? "");
  const values = formData.getAll(answerField(questionId)).map(String).filter((v) => v.trim() !== "");
  const outcome = await saveOneAnswer(loaded, questionId, Number(formData.get(versionField(questionId)) ?? 0) || 0, values.length > 1 ? values : (values[0] ?? null));
  if (!outcome) notFound();
  const status = outcome.status === "saved" ? 200 : outcome.status === "invalid" ? 400 : 409;
  return data(outcome, { status });
}

export async function loader() {
  notFound();
}
