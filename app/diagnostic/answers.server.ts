import { getDb } from "../../db/client.ts";
import { saveAnswer, type AnswerJson } from "../../db/queries/diagnostics.ts";
import {
  adaptWording,
  answerOptions,
  getQuestion,
  isApplicable,
  parseAnswerFromForm,
  questionsForDomain,
  type AnswerValue,
  type Question,
} from "../../diagnostics/questionnaire.ts";
import type { DomainId } from "../../diagnostics/types.ts";
import type { LoadedDiagnostic } from "./load.server.ts";

/** Form field names of a question: its value(s), its stored version, and its value when the page was shown. */
export const answerField = (questionId: string) => `q.${questionId}`;
export const versionField = (questionId: string) => `v.${questionId}`;
export const originalField = (questionId: string) => `o.${questionId}`;

const FR = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A stored answer in words (« Oui », « 12,5 % », « Aucune ; Vestiaires séparés »), for conflict messages. */
export function answerInWords(question: Question, value: AnswerJson | null): string {
  if (value === null) return "pas de réponse";
  const options = answerOptions(question);
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(label).join(" ; ");
  if (typeof value === "number") return question.kind === "percentage" ? `${FR.format(value)}\u00a0%` : `${FR.format(value)}${question.kind === "number" ? ` ${question.unit}` : ""}`;
  return label(value);
}

/** The form value that stands for a stored answer (what the controls are set to). */
export function answerToFormValue(value: AnswerValue | undefined): string | string[] {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value;
  if (typeof value === "number") return FR.format(value).replace(/\u202f|\u00a0/g, "");
  return value;
}

export type OneAnswerOutcome =
  | { status: "saved"; version: number; savedAt: string }
  | { status: "invalid"; message: string }
  | { status: "conflict"; version: number; theirs: string; theirValue: string | string[]; updatedByName: string | null; updatedAt: string | null };

function conflictOutcome(question: Question, saved: { current: AnswerJson | null; version: number; updatedByName: string | null; updatedAt: Date | null }): OneAnswerOutcome {
  return {
    status: "conflict",
    version: saved.version,
    theirs: answerInWords(question, saved.current),
    theirValue: answerToFormValue(saved.current ?? undefined),
    updatedByName: saved.updatedByName,
    updatedAt: saved.updatedAt?.toISOString() ?? null,
  };
}

/** True when a refused save wanted to store what is already stored (e.g. an autosave and the page's own submit racing). */
function sameAnswer(a: AnswerJson | null, b: AnswerValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Validates and saves one answer (autosave). Null when the question is unknown or does not apply. */
export async function saveOneAnswer(
  loaded: Pick<LoadedDiagnostic, "access" | "profile"> & { diagnosticId: string },
  questionId: string,
  expectedVersion: number,
  formValue: string | string[] | null,
): Promise<OneAnswerOutcome | null> {
  const question = getQuestion(questionId);
  if (!question || !loaded.profile || !isApplicable(question, loaded.profile)) return null;
  const parsed = parseAnswerFromForm(question, formValue);
  if (!parsed.ok) return { status: "invalid", message: parsed.message };
  const saved = await saveAnswer(await getDb(), loaded.access.org.id, loaded.diagnosticId, question.id, expectedVersion, parsed.value, loaded.access.user.id);
  if (!saved) return null;
  if (!saved.ok) {
    if (sameAnswer(saved.current, parsed.value)) return { status: "saved", version: saved.version, savedAt: (saved.updatedAt ?? new Date()).toISOString() };
    return conflictOutcome(question, saved);
  }
  return { status: "saved", version: saved.version, savedAt: saved.updatedAt.toISOString() };
}

export type DomainSaveOutcome =
  | { status: "saved"; count: number }
  | { status: "invalid"; errors: Record<string, string>; message?: string }
  | { status: "conflict"; conflicts: Record<string, Extract<OneAnswerOutcome, { status: "conflict" }>> };

class ConflictAbort extends Error {
  constructor(readonly conflicts: Record<string, Extract<OneAnswerOutcome, { status: "conflict" }>>) {
    super("conflict");
  }
}

/**
 * Saves a whole domain page posted without JavaScript, all or nothing: questions left blank are
 * skipped, questions the user did not change (value equal to the one shown) are skipped, any invalid
 * answer or stale version stores nothing.
 */
export async function saveDomainAnswers(loaded: LoadedDiagnostic, domain: DomainId, formData: FormData): Promise<DomainSaveOutcome> {
  if (!loaded.profile)
    return { status: "invalid", errors: {}, message: "Remplissez d'abord le profil de la structure\u00a0: les questions dépendent de son type et de sa taille." };
  const errors: Record<string, string> = {};
  const changes: Array<{ question: Question; value: AnswerValue; version: number }> = [];
  for (const question of questionsForDomain(domain, loaded.profile)) {
    const raw = formData.getAll(answerField(question.id)).map(String).filter((v) => v.trim() !== "");
    if (raw.length === 0) continue;
    const original = formData.getAll(originalField(question.id)).map(String);
    if (original.length === raw.length && original.every((v, i) => v === raw[i])) continue;
    const parsed = parseAnswerFromForm(question, raw.length === 1 ? raw[0] : raw);
    if (!parsed.ok) {
      errors[question.id] = parsed.message;
      continue;
    }
    changes.push({ question, value: parsed.value, version: Number(formData.get(versionField(question.id)) ?? 0) || 0 });
  }
  if (Object.keys(errors).length > 0) return { status: "invalid", errors };
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const conflicts: Record<string, Extract<OneAnswerOutcome, { status: "conflict" }>> = {};
      for (const change of changes) {
        const saved = await saveAnswer(tx, loaded.access.org.id, loaded.diagnostic.id, change.question.id, change.version, change.value, loaded.access.user.id);
        if (saved && !saved.ok && !sameAnswer(saved.current, change.value)) {
          conflicts[change.question.id] = conflictOutcome(change.question, saved) as Extract<OneAnswerOutcome, { status: "conflict" }>;
        }
      }
      if (Object.keys(conflicts).length > 0) throw new ConflictAbort(conflicts);
    });
  } catch (error) {
    if (error instanceof ConflictAbort) return { status: "conflict", conflicts: error.conflicts };
    throw error;
  }
  return { status: "saved", count: changes.length };
}

/** A question as the domain page shows it: words adapted to the structure type, controls and current answer. */
export function questionView(question: Question, loaded: LoadedDiagnostic) {
  const stored = loaded.diagnostic.answers.find((a) => a.questionId === question.id);
  return {
    id: question.id,
    kind: question.kind,
    text: adaptWording(question.text, loaded.structureType),
    help: adaptWording(question.help, loaded.structureType),
    legalReference: question.legalReference ?? null,
    unit: question.kind === "number" ? question.unit : question.kind === "percentage" ? "%" : null,
    options: answerOptions(question),
    exclusive: question.kind === "multiple" ? question.options.filter((o) => o.exclusive).map((o) => o.value) : [],
    value: answerToFormValue(stored?.value),
    version: stored?.version ?? 0,
    savedAt: stored?.updatedAt.toISOString() ?? null,
  };
}

export type QuestionView = ReturnType<typeof questionView>;
