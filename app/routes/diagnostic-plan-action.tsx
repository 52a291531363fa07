import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/diagnostic-plan-action";
import { getDb } from "../../db/client.ts";
import { savePlanAction } from "../../db/queries/plans.ts";
import { getDomain } from "../../diagnostics/domains.ts";
import {
  baselineSourceLabel,
  formatFrenchDate,
  getAction,
  PLAN_ACTION_STATUS_LABELS,
  PLAN_ACTION_STATUSES,
  PLAN_KIND_LABELS,
  resolveBaseline,
} from "../../diagnostics/plan/index.ts";
import { SUPPORT_ORGANIZATIONS } from "../../diagnostics/support/index.ts";
import { BARRIER_LABELS, BARRIERS, DOMAIN_IDS } from "../../diagnostics/types.ts";
import { notFound } from "../auth/permissions.server.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { ACTION_FORM_ID, actionData, actionFieldId, actionFormSchema, actionFromForm, actionToFormValues, storedAction } from "../diagnostic/plan-form.ts";
import { ACTION_FIELD_LABELS, differingFields, formatMeasure, formatPeriod, NBSP } from "../diagnostic/plan-view.ts";
import { checkStoredPlan, issuesOf, loadPlan } from "../diagnostic/plan.server.ts";
import { loadDiagnosticInput } from "../diagnostic/results.server.ts";
import { diagnosticPath } from "../diagnostic/steps.ts";
import { ConflictNotice } from "../ui/conflict.tsx";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { formatTime } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";
import { useUnsavedChangesWarning } from "../ui/unsaved.ts";
import planCss from "../ui/plan.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: planCss }];

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data ? `${data.action.title} · ` : ""}Plan d'action · Boussole Égalité` }];

const planPath = (orgId: string, diagId: string) => `${diagnosticPath(orgId, diagId)}/plan`;

function savedAt(value: string | null): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** checkPlan names the action by its title; on the action's own page « cette action » is enough. */
function aboutThisAction(message: string, title: string): string {
  const named = `«${NBSP}${title.trim() || "sans titre"}${NBSP}»`;
  return message.replace(`L'action ${named}`, "Cette action").replace(`l'action ${named}`, "cette action");
}

/** The plan and the action of the URL, or 404 (another organisation's diagnostic never gets this far). */
async function loadAction(orgId: string, diagId: string, actionId: string | undefined) {
  const plan = await loadPlan(await getDb(), orgId, diagId);
  if (!plan) notFound();
  const stored = plan.actions.find((a) => a.action.id === actionId);
  if (!stored) notFound();
  return { plan, stored };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const { access, diagnostic, profile, canEdit } = loaded;
  const { plan, stored } = await loadAction(access.org.id, diagnostic.id, params.actionId);
  const { action } = stored;
  const check = profile ? checkStoredPlan(plan, profile) : { errors: [], warnings: [] };
  const issues = issuesOf(check, action.id);
  const catalogue = stored.catalogueId ? getAction(stored.catalogueId) : undefined;
  const input = catalogue ? await loadDiagnosticInput(loaded) : null;
  const url = new URL(request.url);
  return {
    orgId: access.org.id,
    diagId: diagnostic.id,
    year: diagnostic.year,
    canEdit,
    period: { kind: plan.kind, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
    action: { id: action.id, version: stored.version, title: action.title, domain: action.domain, values: actionToFormValues(action) },
    catalogue: catalogue
      ? {
          description: catalogue.description,
          legalReference: catalogue.legalReference ?? null,
          baselineValue: input ? resolveBaseline(catalogue.baseline, input) : null,
          baselineLabel: baselineSourceLabel(catalogue.baseline, profile ?? undefined),
          unit: catalogue.indicator.unit,
        }
      : null,
    issues: {
      errors: issues.errors.map((i) => ({ message: aboutThisAction(i.message, action.title), field: i.field ?? "title" })),
      warnings: issues.warnings.map((i) => ({ message: aboutThisAction(i.message, action.title), field: i.field ?? "title" })),
      otherErrors: check.errors.length - issues.errors.length,
    },
    supports: SUPPORT_ORGANIZATIONS.map((o) => ({ id: o.id, name: o.shortName, territory: o.territory.label })),
    saved: savedAt(url.searchParams.get("enregistre")),
    added: url.searchParams.get("ajoute") === "1",
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, diagnostic } = await requireDiagnostic(request, params, "edit");
  const { plan, stored } = await loadAction(access.org.id, diagnostic.id, params.actionId);
  const formData = await request.formData();
  const expectedVersion = Number(formData.get("version"));
  if (!Number.isInteger(expectedVersion)) throw new Response("Demande incorrecte", { status: 400 });
  const submission = parseWithZod(formData, { schema: actionFormSchema(plan) });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const actionId = stored.action.id;
  const mine = actionFromForm(submission.value);
  const saved = await savePlanAction(await getDb(), access.org.id, plan.id, actionId, expectedVersion, actionData(mine, stored.catalogueId), access.user.id);
  if (!saved) notFound();
  if (!saved.ok) {
    const theirs = storedAction(actionId, saved.current).action;
    return data(
      {
        result: submission.reply(),
        conflict: {
          version: saved.version,
          updatedByName: saved.updatedByName,
          updatedAt: saved.updatedAt?.toISOString() ?? null,
          fields: differingFields(theirs, mine),
        },
      },
      { status: 409 },
    );
  }
  const base = planPath(access.org.id, diagnostic.id);
  if (formData.get("intent") === "retour") throw redirect(`${base}#action-${actionId}`);
  throw redirect(`${base}/actions/${actionId}?enregistre=${encodeURIComponent(saved.updatedAt.toISOString())}`);
}

// ---------------------------------------------------------------------------------------------

export default function PlanActionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { orgId, diagId, canEdit, period, action, catalogue, issues, supports } = loaderData;
  const conflict = actionData?.conflict ?? null;
  const version = conflict?.version ?? action.version;
  const schema = actionFormSchema(period);
  const [form, fields] = useSchemaForm(schema, { id: ACTION_FORM_ID, lastResult: actionData?.result ?? null, defaultValue: action.values });
  const { formRef } = useUnsavedChangesWarning(canEdit);
  const indicator = fields.indicator.getFieldset();
  const disabled = !canEdit;
  const back = planPath(orgId, diagId);
  const summaryFields = {
    domain: fields.domain,
    title: fields.title,
    objective: fields.objective,
    "indicator.label": indicator.label,
    "indicator.unit": indicator.unit,
    "indicator.baseline": indicator.baseline,
    "indicator.target": indicator.target,
    deadline: fields.deadline,
    owner: fields.owner,
    costEuros: fields.costEuros,
    costDays: fields.costDays,
    barriers: fields.barriers,
    supportOrganizationId: fields.supportOrganizationId,
    status: fields.status,
    measuredValue: fields.measuredValue,
    followUpNote: fields.followUpNote,
  };
  const checkedBarriers = new Set(
    Array.isArray(fields.barriers.initialValue) ? (fields.barriers.initialValue as string[]) : typeof fields.barriers.initialValue === "string" ? [fields.barriers.initialValue] : [],
  );
  const unit = typeof indicator.unit.initialValue === "string" && indicator.unit.initialValue.trim() ? ` (${indicator.unit.initialValue.trim()})` : "";
  const periodText = `entre le ${formatFrenchDate(period.periodStart)} et le ${formatFrenchDate(period.periodEnd)}`;
  return (
    <>
      <p className="breadcrumb-back">
        <Link to={`${back}#action-${action.id}`}>← Retour au plan d'action</Link>
      </p>
      <p className="step-counter">
        {PLAN_KIND_LABELS[period.kind]} · {getDomain(action.domain).shortLabel}
      </p>
      <h1>{action.title}</h1>
      <p className="small">
        {PLAN_KIND_LABELS[period.kind]} {formatPeriod(period.periodStart, period.periodEnd)}.
      </p>
      {loaderData.added ? (
        <Notice>L'action est ajoutée au plan. Complétez-la{NBSP}: responsable, valeur cible et coût en particulier.</Notice>
      ) : null}
      {loaderData.saved ? <Notice>Action enregistrée à {formatTime(loaderData.saved)}.</Notice> : null}
      {!canEdit ? <p className="notice notice-info">Vous consultez ce plan en lecture seule.</p> : null}
      {/* The form's errors come first: they say why nothing was saved (the box below is about the export). */}
      <ErrorSummary form={form} fields={summaryFields} labels={ACTION_FIELD_LABELS} />
      {conflict ? (
        <ConflictNotice conflict={conflict} reloadHref={`${back}/actions/${action.id}`}>
          <p>Ce qu'elle a enregistré{NBSP}:</p>
          <dl className="conflict-fields">
            {conflict.fields.map((f) => (
              <div key={f.field}>
                <dt>{f.label}</dt>
                <dd>
                  {f.theirs}
                  {f.mine !== null ? <span className="small"> (votre version{NBSP}: {f.mine})</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </ConflictNotice>
      ) : null}

      <section aria-labelledby="points-titre" className={`plan-status ${issues.errors.length ? "plan-status-blocked" : "plan-status-ready"}`}>
        <h2 id="points-titre">
          {issues.errors.length === 0
            ? "Cette action est complète pour l'export"
            : issues.errors.length === 1
              ? "Un point à compléter sur cette action avant l'export"
              : `${issues.errors.length} points à compléter sur cette action avant l'export`}
        </h2>
        {issues.errors.length > 0 ? (
          <ul className="issue-list issue-errors">
            {issues.errors.map((i) => (
              <li key={i.message}>
                <a href={`#${actionFieldId(i.field)}`}>{i.message}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {issues.warnings.length > 0 ? (
          <ul className="issue-list issue-warnings">
            {issues.warnings.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
        ) : null}
        {issues.otherErrors > 0 ? (
          <p className="small">
            Le reste du plan compte {issues.otherErrors === 1 ? "un autre point" : `${issues.otherErrors} autres points`} à corriger{NBSP}:{" "}
            <Link to={`${back}#etat`}>voir la liste</Link>.
          </p>
        ) : null}
      </section>

      {catalogue ? (
        <details className="help-block">
          <summary>Ce que propose la fiche de cette action</summary>
          <p className="prose">{catalogue.description}</p>
          <p className="small">
            Valeur de départ{NBSP}: {catalogue.baselineLabel}
            {catalogue.baselineValue !== null ? `${NBSP}: ${formatMeasure(catalogue.baselineValue, catalogue.unit)}` : ""}.
          </p>
          {catalogue.legalReference ? <p className="small legal-ref">{catalogue.legalReference}</p> : null}
        </details>
      ) : null}


      <Form method="post" {...getFormProps(form)} ref={formRef} className="stack action-form">
        <input type="hidden" name="version" value={version} />
        <fieldset>
          <legend>L'action</legend>
          <Field field={fields.domain} label={ACTION_FIELD_LABELS.domain}>
            {(p) => (
              <select {...getSelectProps(fields.domain)} {...p} disabled={disabled}>
                {DOMAIN_IDS.map((d) => (
                  <option key={d} value={d}>
                    {getDomain(d).label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field={fields.title} label={ACTION_FIELD_LABELS.title}>
            {(p) => <input {...getInputProps(fields.title, { type: "text" })} {...p} disabled={disabled} />}
          </Field>
          <Field field={fields.objective} label={ACTION_FIELD_LABELS.objective} help={`Le résultat attendu à l'échéance, chiffré si possible${NBSP}: «${NBSP}30${NBSP}% de femmes parmi les embauches en espaces verts${NBSP}».`}>
            {(p) => <textarea {...getTextareaProps(fields.objective)} {...p} rows={3} disabled={disabled} />}
          </Field>
        </fieldset>

        <fieldset>
          <legend>Mesurer le résultat</legend>
          <p className="field-help">Ce que vous allez compter pour savoir si l'objectif est atteint, sa valeur aujourd'hui et la valeur visée.</p>
          <Field field={indicator.label} label={ACTION_FIELD_LABELS["indicator.label"]} help={`Par exemple «${NBSP}part de femmes parmi les embauches${NBSP}».`}>
            {(p) => <input {...getInputProps(indicator.label, { type: "text" })} {...p} disabled={disabled} />}
          </Field>
          <Field field={indicator.unit} label={ACTION_FIELD_LABELS["indicator.unit"]} help={`«${NBSP}%${NBSP}», «${NBSP}personnes${NBSP}», «${NBSP}jours${NBSP}»…`}>
            {(p) => <input {...getInputProps(indicator.unit, { type: "text" })} {...p} className="input-short" disabled={disabled} />}
          </Field>
          <div className="field-row">
            <Field
              field={indicator.baseline}
              label={`${ACTION_FIELD_LABELS["indicator.baseline"]}${unit}`}
              help={
                catalogue?.baselineValue != null
                  ? `Dans votre diagnostic${NBSP}: ${formatMeasure(catalogue.baselineValue, catalogue.unit)}.`
                  : "La valeur aujourd'hui, même approximative. Par exemple 12,5."
              }
            >
              {(p) => <input {...getInputProps(indicator.baseline, { type: "text" })} {...p} inputMode="decimal" className="input-short" disabled={disabled} />}
            </Field>
            <Field field={indicator.target} label={`${ACTION_FIELD_LABELS["indicator.target"]}${unit}`} help="La valeur à atteindre à l'échéance.">
              {(p) => <input {...getInputProps(indicator.target, { type: "text" })} {...p} inputMode="decimal" className="input-short" disabled={disabled} />}
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>Échéance, responsable et coût</legend>
          <div className="field-row">
            <Field field={fields.deadline} label={ACTION_FIELD_LABELS.deadline} help={`Une date ${periodText}.`}>
              {(p) => <input type="date" {...p} name={fields.deadline.name} className="input-date" disabled={disabled} />}
            </Field>
            <Field field={fields.owner} label={ACTION_FIELD_LABELS.owner} help={`Une fonction suffit${NBSP}: direction, CIP, encadrant technique.`}>
              {(p) => <input {...getInputProps(fields.owner, { type: "text" })} {...p} disabled={disabled} />}
            </Field>
          </div>
          <p className="field-help">
            Un plan d'action doit chiffrer chaque action{NBSP}: en euros, en jours de travail, ou les deux.
          </p>
          <div className="field-row">
            <Field field={fields.costEuros} label={ACTION_FIELD_LABELS.costEuros} help={`Par exemple 1${NBSP}200 ou 350,50.`}>
              {(p) => <input {...getInputProps(fields.costEuros, { type: "text" })} {...p} inputMode="decimal" className="input-short" disabled={disabled} />}
            </Field>
            <Field field={fields.costDays} label={ACTION_FIELD_LABELS.costDays} help="Jours de travail de l'équipe, par exemple 2,5.">
              {(p) => <input {...getInputProps(fields.costDays, { type: "text" })} {...p} inputMode="decimal" className="input-short" disabled={disabled} />}
            </Field>
          </div>
        </fieldset>

        <fieldset id={fields.barriers.id} className={fields.barriers.errors?.length ? "field-error" : undefined} aria-describedby="freins-aide">
          <legend>{ACTION_FIELD_LABELS.barriers}</legend>
          <p className="field-help" id="freins-aide">
            Les obstacles hors du travail que l'action aide à lever (facultatif).
          </p>
          {fields.barriers.errors?.length ? <p className="field-error-message">⚠ {fields.barriers.errors[0]}</p> : null}
          <div className="choices">
            {BARRIERS.map((b) => (
              <label key={b} className="choice">
                <input type="checkbox" name={fields.barriers.name} value={b} defaultChecked={checkedBarriers.has(b)} disabled={disabled} /> {BARRIER_LABELS[b]}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Accompagnement</legend>
          <Field field={fields.supportOrganizationId} label={ACTION_FIELD_LABELS.supportOrganizationId} help="Une association ou un organisme qui peut vous aider à mener l'action (facultatif).">
            {(p) => (
              <select {...getSelectProps(fields.supportOrganizationId)} {...p} disabled={disabled}>
                <option value="">Aucun</option>
                {supports.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>Suivi</legend>
          <div className="field-row">
            <Field field={fields.status} label={ACTION_FIELD_LABELS.status}>
              {(p) => (
                <select {...getSelectProps(fields.status)} {...p} disabled={disabled}>
                  {PLAN_ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {PLAN_ACTION_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field field={fields.measuredValue} label={`${ACTION_FIELD_LABELS.measuredValue}${unit}`} help="La valeur de l'indicateur mesurée à l'échéance.">
              {(p) => <input {...getInputProps(fields.measuredValue, { type: "text" })} {...p} inputMode="decimal" className="input-short" disabled={disabled} />}
            </Field>
          </div>
          <Field field={fields.followUpNote} label={ACTION_FIELD_LABELS.followUpNote} help={`Ce qui a été fait, ce qui bloque${NBSP}; pour une action abandonnée, pourquoi.`}>
            {(p) => <textarea {...getTextareaProps(fields.followUpNote)} {...p} rows={3} disabled={disabled} />}
          </Field>
        </fieldset>

        {canEdit ? (
          <div className="actions">
            <button type="submit" name="intent" value="rester" className="button">
              Enregistrer
            </button>
            <button type="submit" name="intent" value="retour" className="button button-secondary">
              Enregistrer et revenir au plan
            </button>
          </div>
        ) : null}
      </Form>
    </>
  );
}
