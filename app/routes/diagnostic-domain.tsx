import { useEffect, useRef, useState } from "react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/diagnostic-domain";
import { DOMAINS } from "../../diagnostics/domains.ts";
import { DONT_KNOW, questionsForDomain } from "../../diagnostics/questionnaire.ts";
import type { DomainId } from "../../diagnostics/types.ts";
import { notFound } from "../auth/permissions.server.ts";
import { questionView, saveDomainAnswers, type DomainSaveOutcome } from "../diagnostic/answers.server.ts";
import { reviewCommentsFor } from "../diagnostic/comments.server.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { diagnosticPath, nextStep, stepLabel, stepPath } from "../diagnostic/steps.ts";
import { formatTime } from "../ui/format.ts";
import { QuestionField } from "../ui/question-field.tsx";
import { ReviewComments } from "../ui/review-comments.tsx";
import commentsCssHref from "../ui/accompaniment.css?url";
import { useUnsavedChangesWarning } from "../ui/unsaved.ts";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commentsCssHref }];

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.domain.label ?? "Domaine"} · Diagnostic · Boussole Égalité` }];

function findDomain(id: string | undefined) {
  return DOMAINS.find((d) => d.id === id) ?? null;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const domain = findDomain(params.domainId);
  if (!domain) notFound();
  const { access, diagnostic, profile, canEdit } = loaded;
  const index = DOMAINS.findIndex((d) => d.id === domain.id);
  const next = nextStep(domain.id);
  const base = {
    orgId: access.org.id,
    diagId: diagnostic.id,
    domain: { id: domain.id, label: domain.label, explanation: domain.explanation, legalReference: domain.legalReference },
    position: index + 1,
    next: next ? { path: stepPath(access.org.id, diagnostic.id, next), label: stepLabel(next) } : null,
    canEdit,
    saved: new URL(request.url).searchParams.get("enregistre"),
    comments: await reviewCommentsFor(loaded, domain.id, request),
  };
  if (!profile) return { ...base, questions: null, progress: null };
  const questions = questionsForDomain(domain.id, profile).map((q) => questionView(q, loaded));
  return { ...base, questions, progress: { total: questions.length } };
}

export async function action({ request, params }: Route.ActionArgs) {
  const loaded = await requireDiagnostic(request, params, "edit");
  const domain = findDomain(params.domainId);
  if (!domain) notFound();
  const formData = await request.formData();
  const outcome = await saveDomainAnswers(loaded, domain.id as DomainId, formData);
  if (outcome.status === "invalid") return data({ errors: outcome.errors, conflicts: {}, message: outcome.message }, { status: 400 });
  if (outcome.status === "conflict") return data({ errors: {}, conflicts: outcome.conflicts }, { status: 409 });
  const { org } = loaded.access;
  const next = nextStep(domain.id as DomainId);
  if (formData.get("intent") === "stay" || !next) {
    throw redirect(`${stepPath(org.id, loaded.diagnostic.id, domain.id as DomainId)}?enregistre=${encodeURIComponent(new Date().toISOString())}`);
  }
  throw redirect(stepPath(org.id, loaded.diagnostic.id, next));
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function DomainStep({ loaderData, actionData }: Route.ComponentProps) {
  const { orgId, diagId, domain, questions, progress, canEdit, next } = loaderData;
  const hydrated = useHydrated();
  const { formRef } = useUnsavedChangesWarning(canEdit && !hydrated);
  const [lastSave, setLastSave] = useState<string | null>(null);
  // Answers as saved, kept up to date by autosave so that the progress shown follows the user.
  const [savedValues, setSavedValues] = useState<Record<string, string[]>>(() =>
    Object.fromEntries((questions ?? []).map((q) => [q.id, Array.isArray(q.value) ? q.value : q.value === "" ? [] : [q.value]])),
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors: Record<string, string> = actionData?.errors ?? {};
  const conflicts: Extract<DomainSaveOutcome, { status: "conflict" }>["conflicts"] = actionData?.conflicts ?? {};
  const problemIds = [...Object.keys(errors), ...Object.keys(conflicts)];
  useEffect(() => {
    if (problemIds.length > 0) summaryRef.current?.focus();
  }, [actionData]);
  if (!questions) {
    return (
      <>
        <h1>{domain.label}</h1>
        <p className="notice notice-info">
          Remplissez d'abord le profil de la structure : les questions dépendent de son type et de sa taille.{" "}
          <Link to={stepPath(orgId, diagId, "profil")}>Aller au profil</Link>
        </p>
        <ReviewComments view={loaderData.comments} subject="ce domaine" />
      </>
    );
  }
  const autosaveUrl = hydrated && canEdit ? `${diagnosticPath(orgId, diagId)}/reponse` : null;
  const values = Object.values(savedValues);
  const seen = values.filter((v) => v.length > 0).length;
  const unknown = values.filter((v) => v.length === 1 && v[0] === DONT_KNOW).length;
  const total = progress!.total;
  const percent = total === 0 ? 0 : Math.round((seen / total) * 100);
  return (
    <>
      <p className="step-counter">Étape 3 sur 5 · domaine {loaderData.position} sur 9</p>
      <h1>{domain.label}</h1>
      <p className="lead">{domain.explanation}</p>
      <p className="small">Références : {domain.legalReference}.</p>
      <div className="progress-block">
        <label htmlFor="progression-domaine">
          {seen} question{seen > 1 ? "s" : ""} sur {total} renseignée{seen > 1 ? "s" : ""}
          {unknown > 0 ? ` (dont ${unknown} « Je ne sais pas »)` : ""}
        </label>
        <progress id="progression-domaine" max={100} value={percent}>
          {percent}&nbsp;%
        </progress>
      </div>
      {loaderData.saved ? (
        <p className="notice" role="status">
          Réponses enregistrées à {formatTime(loaderData.saved)}.
        </p>
      ) : null}
      {autosaveUrl ? (
        <p className="small" role="status">
          Vos réponses s'enregistrent au fur et à mesure{lastSave ? ` (dernier enregistrement à ${formatTime(lastSave)})` : ""}. « Je ne sais pas » est une
          réponse honnête : elle est comptée comme telle.
        </p>
      ) : null}
      {!canEdit ? <p className="notice notice-info">Vous consultez ce diagnostic en lecture seule.</p> : null}
      {problemIds.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2 className="error-summary-title">
            {problemIds.length === 1 ? "Une réponse n'a pas été enregistrée" : `${problemIds.length} réponses n'ont pas été enregistrées`} : rien n'a été enregistré sur cette page
          </h2>
          <ul>
            {problemIds.map((id) => (
              <li key={id}>
                <a href={`#${id}`}>
                  {questions.find((q) => q.id === id)?.text} :{" "}
                  {errors[id] ??
                    `${conflicts[id].updatedByName ?? "une autre personne"} a répondu « ${conflicts[id].theirs} » entre-temps. Enregistrez à nouveau pour garder votre réponse.`}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" ref={formRef} className="stack questions" noValidate>
        {questions.map((q) => {
          const conflict = conflicts[q.id];
          // After a refused page save, the form shows the user's answers with the new version, so that saving again keeps them.
          const view = conflict ? { ...q, version: conflict.version } : q;
          return (
            <QuestionField
              key={`${q.id}-${view.version}`}
              q={view}
              error={errors[q.id] ?? (conflict ? `Réponse de ${conflict.updatedByName ?? "quelqu'un d'autre"} : « ${conflict.theirs} ».` : undefined)}
              autosaveUrl={autosaveUrl}
              disabled={!canEdit}
              onStateChange={(id, state, saved) => {
                if (state !== "saved" || !saved) return;
                setLastSave(saved.at);
                setSavedValues((current) => ({ ...current, [id]: saved.value }));
              }}
            />
          );
        })}
        {canEdit ? (
          <div className="actions">
            <button type="submit" className="button">
              {next ? `Enregistrer et continuer : ${next.label}` : "Enregistrer"}
            </button>
            <button type="submit" name="intent" value="stay" className="button button-secondary">
              Enregistrer et rester sur cette page
            </button>
          </div>
        ) : next ? (
          <p>
            <Link to={next.path}>Suivant : {next.label}</Link>
          </p>
        ) : null}
      </Form>
      <ReviewComments view={loaderData.comments} subject="ce domaine" />
    </>
  );
}
