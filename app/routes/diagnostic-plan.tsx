import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect, useRef } from "react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/diagnostic-plan";
import { getDb } from "../../db/client.ts";
import { addPlanAction, deletePlanAction, insertPlan, savePlanAction, savePlanPeriod } from "../../db/queries/plans.ts";
import { getDomain } from "../../diagnostics/domains.ts";
import {
  ACTION_CATALOGUE,
  draftPlanAction,
  formatFrenchDate,
  getAction,
  isPlanMandatory,
  latestPeriodEnd,
  minDomainsFor,
  MANDATORY_PLAN_HEADCOUNT,
  PLAN_ACTION_STATUS_LABELS,
  PLAN_ACTION_STATUSES,
  PLAN_KIND_LABELS,
  PLAN_KINDS,
  recommend,
  resolveBaseline,
  type PlanIssue,
  type PlanKind,
} from "../../diagnostics/plan/index.ts";
import { DOMAIN_IDS, type DomainId, type Profile } from "../../diagnostics/types.ts";
import { notFound } from "../auth/permissions.server.ts";
import { requireDiagnostic, type LoadedDiagnostic } from "../diagnostic/load.server.ts";
import {
  actionData,
  actionFieldId,
  AddBlankActionSchema,
  AddCatalogueActionSchema,
  blankPlanAction,
  CreatePlanFormSchema,
  EvaluationFormSchema,
  evaluationFromForm,
  numberToField,
  PeriodFormSchema,
  storedAction,
} from "../diagnostic/plan-form.ts";
import { draftActions, proposePlanActions, type ProposedAction } from "../diagnostic/plan-proposal.ts";
import {
  evaluationSummary,
  formatCost,
  formatMeasure,
  formatPeriod,
  formatProgress,
  ISSUE_SHORT_LABELS,
  NBSP,
  reachedLabel,
  targetReached,
} from "../diagnostic/plan-view.ts";
import { checkStoredPlan, issuesOf, isUniqueViolation, loadPlan, loadPlanAndPrevious, loadPreviousPlan, type PlanState } from "../diagnostic/plan.server.ts";
import { loadDiagnosticInput } from "../diagnostic/results.server.ts";
import { diagnosticPath, stepPath } from "../diagnostic/steps.ts";
import { ConflictNotice } from "../ui/conflict.tsx";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { formatDate, formatTime } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";
import { useUnsavedChangesWarning } from "../ui/unsaved.ts";
import planCss from "../ui/plan.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: planCss }];

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Plan d'action${data ? ` · Diagnostic ${data.year}` : ""} · Boussole Égalité` },
];

// ---------------------------------------------------------------------------------------------
// Server

const planPath = (orgId: string, diagId: string) => `${diagnosticPath(orgId, diagId)}/plan`;
const actionPath = (orgId: string, diagId: string, actionId: string) => `${planPath(orgId, diagId)}/actions/${actionId}`;

/** A timestamp passed back in the URL after a save, or null when it is not one. */
function savedAt(value: string | null): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** What the law asks of this structure, in plain French. */
function obligationsOf(profile: Profile) {
  const mandatory = isPlanMandatory(profile.headcountBand);
  const minDomains = minDomainsFor(profile.headcountBand);
  return { mandatory, minDomains, hasDelegueSyndical: profile.hasDelegueSyndical, hasCse: profile.hasCse };
}

/** Last year's plan as the evaluation table shows it. */
function previousView(previous: NonNullable<Awaited<ReturnType<typeof loadPreviousPlan>>>, profile: Profile | null) {
  const check = profile ? checkStoredPlan(previous, profile) : null;
  const actions = previous.actions.map(({ action, version }) => ({
    id: action.id,
    version,
    title: action.title,
    domainLabel: getDomain(action.domain).shortLabel,
    status: action.status,
    unit: action.indicator.unit,
    progress: formatProgress(action.indicator),
    measuredValue: action.measuredValue,
    measuredField: numberToField(action.measuredValue),
    measuredDisplay: formatMeasure(action.measuredValue, action.indicator.unit),
    reached: reachedLabel(targetReached(action)),
    followUpNote: action.followUpNote,
    warnings: check ? issuesOf(check, action.id).warnings.filter((w) => w.code === "abandoned_without_note" || w.code === "measured_value_missing").map((w) => w.message) : [],
  }));
  return {
    id: previous.id,
    year: previous.year,
    title: `${PLAN_KIND_LABELS[previous.kind]} ${formatPeriod(previous.periodStart, previous.periodEnd)}`,
    summary: evaluationSummary(previous.actions.map((a) => a.action)).text,
    actions,
  };
}

function catalogueOptions(plan: PlanState) {
  const inPlan = new Set(plan.actions.map((a) => a.catalogueId).filter(Boolean));
  return DOMAIN_IDS.map((domain) => ({
    domain,
    label: getDomain(domain).label,
    actions: ACTION_CATALOGUE.filter((a) => a.domain === domain).map((a) => ({ id: a.id, title: a.title, inPlan: inPlan.has(a.id) })),
  }));
}

/** Where a problem found by checkPlan is fixed: an action's field on its page, the period form, or the form to add an action. */
function issueHref(orgId: string, diagId: string, issue: PlanIssue): string {
  if (issue.actionId) return `${actionPath(orgId, diagId, issue.actionId)}#${actionFieldId(issue.field && issue.field !== "id" ? issue.field : "title")}`;
  if (issue.field === "periodStart" || issue.field === "periodEnd") return `#periode-${issue.field}`;
  return "#ajouter";
}

async function offeredActions(loaded: LoadedDiagnostic) {
  const input = await loadDiagnosticInput(loaded);
  if (!input) return null;
  return { input, offered: proposePlanActions(recommend(input), input) };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const { access, diagnostic, profile, canEdit } = loaded;
  const db = await getDb();
  const url = new URL(request.url);
  const orgId = access.org.id;
  const { plan, previous } = await loadPlanAndPrevious(db, orgId, diagnostic.id, diagnostic.year);
  const base = {
    orgId,
    diagId: diagnostic.id,
    year: diagnostic.year,
    canEdit,
    notices: {
      created: url.searchParams.get("cree") === "1",
      existed: url.searchParams.get("existe") === "1",
      periodSaved: savedAt(url.searchParams.get("periode")),
      removed: url.searchParams.get("retire"),
      evaluated: url.searchParams.get("bilan"),
      evaluatedAt: savedAt(url.searchParams.get("a")),
    },
    obligations: profile ? obligationsOf(profile) : null,
    previous: previous ? previousView(previous, profile) : null,
  };
  if (!profile) return { ...base, state: "no_profile" as const };

  if (!plan) {
    const proposal = await offeredActions(loaded);
    const periodStart = `${diagnostic.year + 1}-01-01`;
    return {
      ...base,
      state: "create" as const,
      defaults: {
        kind: (profile.existingAgreement === "accord" ? "accord" : "plan_action") as PlanKind,
        periodStart,
        periodEnd: latestPeriodEnd("plan_action", periodStart),
        accordLatestEnd: latestPeriodEnd("accord", periodStart),
      },
      offered: proposal?.offered ?? [],
    };
  }

  const check = checkStoredPlan(plan, profile);
  const withHref = (issues: PlanIssue[]) => issues.map((i) => ({ ...i, href: issueHref(orgId, diagnostic.id, i), short: ISSUE_SHORT_LABELS[i.code] ?? null }));
  return {
    ...base,
    state: "plan" as const,
    plan: {
      id: plan.id,
      kind: plan.kind,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      version: plan.version,
      updatedAt: plan.updatedAt,
      updatedByName: plan.updatedByName,
      accordLatestEnd: latestPeriodEnd("accord", plan.periodStart),
    },
    actions: plan.actions.map(({ action, version }) => ({
      id: action.id,
      version,
      domain: action.domain,
      title: action.title,
      objective: action.objective,
      status: action.status,
      indicatorLabel: action.indicator.label,
      progress: formatProgress(action.indicator),
      deadline: action.deadline ? formatFrenchDate(action.deadline) : null,
      owner: action.owner,
      cost: formatCost(action.costEuros, action.costDays),
      issues: { errors: withHref(issuesOf(check, action.id).errors), warnings: issuesOf(check, action.id).warnings },
    })),
    check: { errors: withHref(check.errors), warnings: withHref(check.warnings) },
    catalogue: catalogueOptions(plan),
    confirmRemove: url.searchParams.get("retirer"),
    removeChanged: url.searchParams.get("modifiee") === "1",
  };
}

type ActionResult = {
  form: string;
  result: SubmissionResult<string[]>;
  conflict?: { version: number; updatedByName: string | null; updatedAt: string | null; theirs: string[] } | null;
};

function reply(form: string, result: SubmissionResult<string[]>, status: number, conflict: ActionResult["conflict"] = null) {
  return data<ActionResult>({ form, result, conflict }, { status });
}

export async function action({ request, params }: Route.ActionArgs) {
  const loaded = await requireDiagnostic(request, params, "edit");
  const { access, diagnostic, profile } = loaded;
  const orgId = access.org.id;
  const userId = access.user.id;
  const db = await getDb();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = planPath(orgId, diagnostic.id);

  if (intent === "bilan") {
    const previous = await loadPreviousPlan(db, orgId, diagnostic.year);
    if (!previous) notFound();
    const formId = `evaluation-${String(formData.get("actionId") ?? "")}`;
    const submission = parseWithZod(formData, { schema: EvaluationFormSchema });
    if (submission.status !== "success") return reply(formId, submission.reply(), 400);
    const { actionId, version, ...evaluation } = evaluationFromForm(submission.value);
    const stored = previous.actions.find((a) => a.action.id === actionId);
    if (!stored) notFound();
    const saved = await savePlanAction(db, orgId, previous.id, actionId, version, actionData({ ...stored.action, ...evaluation }, stored.catalogueId), userId);
    if (!saved) notFound();
    if (!saved.ok) {
      const current = storedAction(actionId, saved.current).action;
      return reply(formId, submission.reply(), 409, {
        version: saved.version,
        updatedByName: saved.updatedByName,
        updatedAt: saved.updatedAt?.toISOString() ?? null,
        theirs: [
          `État${NBSP}: ${PLAN_ACTION_STATUS_LABELS[current.status]}`,
          `Valeur atteinte${NBSP}: ${formatMeasure(current.measuredValue, current.indicator.unit)}`,
          `Note de suivi${NBSP}: ${current.followUpNote.trim() || "(vide)"}`,
        ],
      });
    }
    throw redirect(`${here}?bilan=${encodeURIComponent(actionId)}&a=${encodeURIComponent(saved.updatedAt.toISOString())}#bilan-${actionId}`);
  }

  if (!profile) throw new Response("Remplissez d'abord le profil de la structure.", { status: 400 });

  if (intent === "creer") {
    const submission = parseWithZod(formData, { schema: CreatePlanFormSchema });
    if (submission.status !== "success") return reply("creation", submission.reply(), 400);
    const { kind, periodStart, periodEnd, actions: ids } = submission.value;
    const proposal = await offeredActions(loaded);
    if (!proposal) throw new Response("Remplissez d'abord le profil de la structure.", { status: 400 });
    const drafted = draftActions(ids, proposal.offered, { periodStart, periodEnd }, proposal.input, getAction);
    try {
      const created = await db.transaction(async (tx) => {
        if (await loadPlan(tx, orgId, diagnostic.id)) return "exists" as const;
        return insertPlan(tx, orgId, diagnostic.id, { kind, periodStart, periodEnd, actions: drafted.map((d) => actionData(d.action, d.catalogueId)) }, userId);
      });
      if (created === null) notFound();
      if (created === "exists") throw redirect(`${here}?existe=1`);
    } catch (error) {
      if (isUniqueViolation(error)) throw redirect(`${here}?existe=1`);
      throw error;
    }
    throw redirect(`${here}?cree=1`);
  }

  const plan = await loadPlan(db, orgId, diagnostic.id);
  if (!plan) notFound();

  if (intent === "periode") {
    const submission = parseWithZod(formData, { schema: PeriodFormSchema });
    if (submission.status !== "success") return reply("periode", submission.reply(), 400);
    const { version, ...period } = submission.value;
    const saved = await savePlanPeriod(db, orgId, plan.id, version ?? plan.version, period, userId);
    if (!saved) notFound();
    if (!saved.ok) {
      const theirs = saved.current as { kind: PlanKind; periodStart: string; periodEnd: string };
      return reply("periode", submission.reply(), 409, {
        version: saved.version,
        updatedByName: saved.updatedByName,
        updatedAt: saved.updatedAt?.toISOString() ?? null,
        theirs: [`${PLAN_KIND_LABELS[theirs.kind] ?? theirs.kind} ${formatPeriod(theirs.periodStart, theirs.periodEnd)}.`],
      });
    }
    throw redirect(`${here}?periode=${encodeURIComponent(saved.updatedAt.toISOString())}#type-periode`);
  }

  if (intent === "ajouter-catalogue") {
    const submission = parseWithZod(formData, { schema: AddCatalogueActionSchema });
    if (submission.status !== "success") return reply("ajout-catalogue", submission.reply(), 400);
    const catalogueAction = getAction(submission.value.catalogueId)!;
    const input = await loadDiagnosticInput(loaded);
    const drafted = draftPlanAction(catalogueAction, {
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      baseline: input ? resolveBaseline(catalogueAction.baseline, input) : null,
    });
    const added = await addPlanAction(db, orgId, plan.id, actionData(drafted, catalogueAction.id), userId);
    if (!added) notFound();
    throw redirect(`${actionPath(orgId, diagnostic.id, added.id)}?ajoute=1`);
  }

  if (intent === "ajouter-vide") {
    const submission = parseWithZod(formData, { schema: AddBlankActionSchema });
    if (submission.status !== "success") return reply("ajout-vide", submission.reply(), 400);
    const added = await addPlanAction(db, orgId, plan.id, actionData(blankPlanAction(submission.value.domain, submission.value.title), null), userId);
    if (!added) notFound();
    throw redirect(`${actionPath(orgId, diagnostic.id, added.id)}?ajoute=1`);
  }

  if (intent === "retirer") {
    const actionId = String(formData.get("actionId") ?? "");
    const version = Number(formData.get("version"));
    const stored = plan.actions.find((a) => a.action.id === actionId);
    if (!stored) throw redirect(`${here}?retire=absent`);
    if (!Number.isInteger(version)) throw new Response("Demande incorrecte", { status: 400 });
    const removed = await deletePlanAction(db, orgId, plan.id, actionId, { expectedVersion: version, userId });
    if (!removed) throw redirect(`${here}?retirer=${encodeURIComponent(actionId)}&modifiee=1#action-${actionId}`);
    throw redirect(`${here}?retire=1`);
  }

  throw new Response("Demande incorrecte", { status: 400 });
}

// ---------------------------------------------------------------------------------------------
// Page

type LoaderData = Route.ComponentProps["loaderData"];
type PlanData = Extract<LoaderData, { state: "plan" }>;
type CreateData = Extract<LoaderData, { state: "create" }>;

function resultFor(actionData: ActionResult | undefined, form: string) {
  return actionData?.form === form ? actionData : undefined;
}

/** What a plan d'action and an accord are, and what the law asks of this structure. */
function Explanation({ obligations }: { obligations: LoaderData["obligations"] }) {
  return (
    <section aria-labelledby="explication-titre" className="plan-explanation">
      <h2 id="explication-titre">Plan d'action ou accord{NBSP}: de quoi s'agit-il{NBSP}?</h2>
      <ul className="prose">
        <li>
          <strong>Un plan d'action</strong> dit ce que votre structure va faire pendant <strong>un an</strong> pour l'égalité entre les femmes et
          les hommes. Il est décidé par l'employeur, après avoir consulté le CSE (comité social et économique, les représentants élus du
          personnel), puis déposé auprès de l'administration.
        </li>
        <li>
          <strong>Un accord</strong> est négocié et signé avec les syndicats (le délégué syndical). Il peut durer jusqu'à <strong>quatre ans</strong>
          . Quand un délégué syndical est désigné, l'égalité professionnelle se négocie d'abord{NBSP}; le plan d'action ne vient qu'à défaut
          d'accord.
        </li>
        <li>
          L'un ou l'autre est <strong>obligatoire à partir de {MANDATORY_PLAN_HEADCOUNT} salariés</strong>. Sinon, l'administration peut appliquer
          une pénalité allant jusqu'à 1{NBSP}% de la masse salariale.
        </li>
        <li>
          Il couvre <strong>au moins 3 des 9 domaines</strong> de l'égalité professionnelle (4 à partir de 300 salariés), dont toujours la{" "}
          <strong>rémunération effective</strong> à partir de {MANDATORY_PLAN_HEADCOUNT} salariés. Chaque action a un objectif, un indicateur chiffré
          (valeur de départ et valeur cible), une échéance, une personne responsable et un coût.
        </li>
      </ul>
      {obligations ? (
        <div className="notice notice-info">
          <p>
            <strong>Pour votre structure{NBSP}:</strong>{" "}
            {obligations.mandatory
              ? `vous comptez ${MANDATORY_PLAN_HEADCOUNT} salariés ou plus${NBSP}: un accord ou un plan d'action est obligatoire, avec au moins ${obligations.minDomains} domaines dont la rémunération effective.`
              : `vous comptez moins de ${MANDATORY_PLAN_HEADCOUNT} salariés${NBSP}: le plan n'est pas obligatoire, mais c'est le meilleur moyen de transformer le diagnostic en actions suivies. Les mêmes règles servent de repère (au moins ${obligations.minDomains} domaines${NBSP}; la rémunération est conseillée).`}
          </p>
          {obligations.hasDelegueSyndical ? (
            <p>Un délégué syndical est désigné dans votre structure{NBSP}: proposez-lui d'abord de négocier un accord à partir de ce plan.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function KindRadios({
  field,
  accordLatestEnd,
  disabled,
}: {
  field: { id: string; name: string; errors?: string[]; initialValue?: unknown };
  accordLatestEnd: string;
  disabled?: boolean;
}) {
  const errorId = `${field.id}-error`;
  return (
    <fieldset className={`field choice-group plan-kind${field.errors?.length ? " field-error" : ""}`} id={field.id} aria-describedby={field.errors?.length ? errorId : undefined}>
      <legend>Type de document</legend>
      {field.errors?.length ? (
        <p className="field-error-message" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {field.errors[0]}
        </p>
      ) : null}
      {PLAN_KINDS.map((kind) => (
        <div key={kind} className="kind-choice">
          <label className="choice">
            <input
              type="radio"
              name={field.name}
              value={kind}
              defaultChecked={field.initialValue === kind}
              disabled={disabled}
              aria-describedby={`${field.id}-${kind}-aide`}
            />{" "}
            <strong>{PLAN_KIND_LABELS[kind]}</strong>
          </label>
          <p className="field-help kind-help" id={`${field.id}-${kind}-aide`}>
            {kind === "plan_action"
              ? "Décidé par l'employeur après consultation du CSE, pour un an."
              : `Négocié avec les syndicats, jusqu'à quatre ans (au plus tard le ${formatFrenchDate(accordLatestEnd)} pour ce début).`}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

function PeriodFields({ fields, disabled }: { fields: Record<"periodStart" | "periodEnd", { id: string; name: string; errors?: string[]; initialValue?: unknown }>; disabled?: boolean }) {
  return (
    <div className="field-row">
      <Field field={fields.periodStart} label="Début de la période" help="Le premier jour du plan.">
        {(p) => <input type="date" {...p} name={fields.periodStart.name} className="input-date" disabled={disabled} />}
      </Field>
      <Field field={fields.periodEnd} label="Fin de la période" help="Le dernier jour du plan, inclus.">
        {(p) => <input type="date" {...p} name={fields.periodEnd.name} className="input-date" disabled={disabled} />}
      </Field>
    </div>
  );
}

/** « Valeur de départ : 16,7 % (vos métiers : …) », « Valeur de départ à mesurer : relisez… ». */
function baselineText(item: ProposedAction): string {
  const lower = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
  if (item.baselineValue !== null) return `Valeur de départ${NBSP}: ${formatMeasure(item.baselineValue, item.unit)} (${lower(item.baselineLabel)}).`;
  const toMeasure = /^À mesurer\u00a0: /.exec(item.baselineLabel);
  if (toMeasure) return `Valeur de départ à mesurer${NBSP}: ${lower(item.baselineLabel.slice(toMeasure[0].length))}`;
  return `Valeur de départ à trouver${NBSP}: ${lower(item.baselineLabel)}, pas encore renseignée dans le diagnostic.`;
}

function ProposedCheckbox({ item, checked }: { item: ProposedAction; checked: boolean }) {
  const id = `proposee-${item.catalogueId}`;
  return (
    <li className="proposal">
      <div className="checkbox">
        <input type="checkbox" id={id} name="actions" value={item.catalogueId} defaultChecked={checked} aria-describedby={`${id}-detail`} />
        <label htmlFor={id}>
          <strong>{item.title}</strong>
          {item.legalObligation ? <span className="badge badge-obligation">obligation légale</span> : null}
        </label>
      </div>
      <div className="proposal-detail small" id={`${id}-detail`}>
        <p>{item.reasons.join(" ")}</p>
        <p>{baselineText(item)}</p>
      </div>
    </li>
  );
}

function groupByDomain<T extends { domain: DomainId }>(items: readonly T[]): { domain: DomainId; items: T[] }[] {
  return DOMAIN_IDS.map((domain) => ({ domain, items: items.filter((i) => i.domain === domain) })).filter((g) => g.items.length > 0);
}

function CreatePlan({ loaderData, actionData }: { loaderData: CreateData; actionData: ActionResult | undefined }) {
  const { defaults, offered, canEdit } = loaderData;
  const ticked = offered.filter((o) => o.proposed);
  const others = offered.filter((o) => !o.proposed);
  const [form, fields] = useSchemaForm(CreatePlanFormSchema, {
    id: "creation",
    lastResult: resultFor(actionData, "creation")?.result ?? null,
    defaultValue: { kind: defaults.kind, periodStart: defaults.periodStart, periodEnd: defaults.periodEnd, actions: ticked.map((t) => t.catalogueId) },
  });
  const chosen = fields.actions.initialValue;
  const chosenIds = new Set(Array.isArray(chosen) ? (chosen as string[]) : typeof chosen === "string" ? [chosen] : []);
  const domains = new Set(ticked.map((t) => t.domain));
  if (!canEdit) {
    return (
      <section aria-labelledby="creer-titre">
        <h2 id="creer-titre">Créer le plan</h2>
        <p className="notice notice-info">Vous consultez ce diagnostic en lecture seule{NBSP}: une personne qui peut le modifier peut créer le plan.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="creer-titre">
      <h2 id="creer-titre">Créer le plan à partir de votre diagnostic</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary
          form={form}
          fields={fields}
          labels={{ kind: "Type de document", periodStart: "Début de la période", periodEnd: "Fin de la période", actions: "Actions" }}
        />
        <input type="hidden" name="intent" value="creer" />
        <KindRadios field={fields.kind} accordLatestEnd={defaults.accordLatestEnd} />
        <fieldset>
          <legend>Période</legend>
          <p className="field-help">
            Par défaut l'année qui suit le diagnostic{NBSP}: du {formatFrenchDate(defaults.periodStart)} au {formatFrenchDate(defaults.periodEnd)}.
          </p>
          <PeriodFields fields={fields} />
        </fieldset>
        <fieldset id={fields.actions.id} className={fields.actions.errors?.length ? "field-error" : undefined}>
          <legend>Actions proposées par votre diagnostic</legend>
          {fields.actions.errors?.length ? <p className="field-error-message">⚠ {fields.actions.errors[0]}</p> : null}
          <p className="field-help">
            Nous avons coché {ticked.length} actions, dans {domains.size} domaines{loaderData.obligations?.mandatory ? ", dont la rémunération effective" : ""}.
            Décochez celles que vous ne retenez pas{NBSP}; vous pourrez ensuite en ajouter, en retirer et compléter chacune (responsable, valeur cible,
            coût).
          </p>
          {groupByDomain(ticked).map((group) => (
            <div key={group.domain} className="proposal-group">
              <h3 className="proposal-domain">{getDomain(group.domain).label}</h3>
              <ul className="proposal-list">
                {group.items.map((item) => (
                  <ProposedCheckbox key={item.catalogueId} item={item} checked={chosenIds.has(item.catalogueId)} />
                ))}
              </ul>
            </div>
          ))}
          {others.length > 0 ? (
            <details className="help-block">
              <summary>Voir les {others.length} autres actions recommandées</summary>
              {groupByDomain(others).map((group) => (
                <div key={group.domain} className="proposal-group">
                  <h3 className="proposal-domain">{getDomain(group.domain).label}</h3>
                  <ul className="proposal-list">
                    {group.items.map((item) => (
                      <ProposedCheckbox key={item.catalogueId} item={item} checked={chosenIds.has(item.catalogueId)} />
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            Créer le plan avec les actions cochées
          </button>
        </div>
      </Form>
    </section>
  );
}

function IssueList({ issues, className }: { issues: { message: string; href?: string }[]; className: string }) {
  return (
    <ul className={`issue-list ${className}`}>
      {issues.map((i, n) => (
        <li key={`${n}-${i.message}`}>{i.href ? <a href={i.href}>{i.message}</a> : i.message}</li>
      ))}
    </ul>
  );
}

type LinkedIssue = PlanData["check"]["errors"][number];

/** « valeur de départ, valeur cible et coût », each a link to its field; problems without a short name keep their sentence. */
function FieldLinks({ issues }: { issues: LinkedIssue[] }) {
  const short = issues.filter((i) => i.short);
  const long = issues.filter((i) => !i.short);
  return (
    <>
      {short.map((i, n) => (
        <span key={i.code}>
          {n > 0 ? (n === short.length - 1 ? " et " : ", ") : ""}
          <a href={i.href}>{i.short}</a>
        </span>
      ))}
      {short.length > 0 ? "." : ""}
      {long.map((i) => (
        <span key={i.code}>
          {" "}
          <a href={i.href}>{i.message}</a>
        </span>
      ))}
    </>
  );
}

/** The blocking problems: the plan's own as sentences, then one line per action listing what it lacks. */
function BlockingList({ errors, actions }: { errors: LinkedIssue[]; actions: PlanData["actions"] }) {
  const planLevel = errors.filter((e) => !e.actionId);
  const byAction = actions.filter((a) => a.issues.errors.length > 0);
  return (
    <ul className="issue-list issue-errors">
      {planLevel.map((e) => (
        <li key={e.code}>
          <a href={e.href}>{e.message}</a>
        </li>
      ))}
      {byAction.map((a) => (
        <li key={a.id}>
          <a href={`#action-${a.id}`}>
            «{NBSP}{a.title}{NBSP}»
          </a>{" "}
          — à compléter{NBSP}: <FieldLinks issues={a.issues.errors} />
        </li>
      ))}
    </ul>
  );
}

/** « 1 point du plan à corriger et 3 actions à compléter ». */
function blockedSummary(errors: LinkedIssue[], actions: PlanData["actions"]): string {
  const planLevel = errors.filter((e) => !e.actionId).length;
  const blockedActions = actions.filter((a) => a.issues.errors.length > 0).length;
  const parts: string[] = [];
  if (planLevel > 0) parts.push(planLevel === 1 ? "1 point du plan à corriger" : `${planLevel} points du plan à corriger`);
  if (blockedActions > 0) parts.push(blockedActions === 1 ? "1 action à compléter" : `${blockedActions} actions à compléter`);
  return parts.join(" et ");
}

/** Whether the plan can be exported, the problems that stop it (each a link to where it is fixed), and the PDF links. */
function PlanStatus({ loaderData }: { loaderData: PlanData }) {
  const { check, orgId, diagId } = loaderData;
  const base = diagnosticPath(orgId, diagId);
  const blocked = check.errors.length > 0;
  return (
    <section aria-labelledby="etat-titre" className={`plan-status ${blocked ? "plan-status-blocked" : "plan-status-ready"}`} id="etat">
      {blocked ? (
        <>
          <h2 id="etat-titre">Avant l'export{NBSP}: {blockedSummary(check.errors, loaderData.actions)}</h2>
          <p>
            Le rapport final (PDF) n'est pas encore disponible{NBSP}: le Code du travail demande qu'un plan couvre assez de domaines et que chaque
            action ait un objectif, un indicateur chiffré, une échéance, une personne responsable et un coût. Corrigez ces points{NBSP}:
          </p>
          <BlockingList errors={check.errors} actions={loaderData.actions} />
          <p>En attendant, vous pouvez télécharger un brouillon, marqué comme tel, pour en discuter avec votre équipe ou le CSE.</p>
          <p className="actions">
            <a className="button button-secondary" href={`${base}/rapport.pdf?brouillon=1`}>
              Télécharger un brouillon (PDF)
            </a>
            <a href={`${base}/fiche-marche-public.pdf`}>Fiche égalité pour un marché public (PDF)</a>
          </p>
        </>
      ) : (
        <>
          <h2 id="etat-titre">Votre plan respecte les règles{NBSP}: il peut être exporté</h2>
          <p>Le rapport présente le diagnostic puis le plan, pour le CSE, le conseil d'administration ou l'administration.</p>
          <p className="actions">
            <a className="button" href={`${base}/rapport.pdf`}>
              Télécharger le rapport (PDF)
            </a>
            <a href={`${base}/fiche-marche-public.pdf`}>Fiche égalité pour un marché public (PDF)</a>
          </p>
        </>
      )}
      {check.warnings.length > 0 ? (
        <details className="help-block plan-advice">
          <summary>{check.warnings.length === 1 ? "Un conseil pour améliorer le plan" : `${check.warnings.length} conseils pour améliorer le plan`}</summary>
          <IssueList issues={check.warnings} className="issue-warnings" />
        </details>
      ) : null}
    </section>
  );
}

function PeriodForm({ loaderData, actionData }: { loaderData: PlanData; actionData: ActionResult | undefined }) {
  const { plan, canEdit, orgId, diagId, notices } = loaderData;
  const mine = resultFor(actionData, "periode");
  const conflict = mine?.conflict ?? null;
  const [form, fields] = useSchemaForm(PeriodFormSchema, {
    id: "periode",
    lastResult: mine?.result ?? null,
    defaultValue: { kind: plan.kind, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
  });
  const { formRef } = useUnsavedChangesWarning(canEdit);
  return (
    <section aria-labelledby="periode-titre" id="type-periode">
      <h2 id="periode-titre">Type et période</h2>
      {notices.periodSaved ? <Notice>Période enregistrée à {formatTime(notices.periodSaved)}.</Notice> : null}
      {conflict ? (
        <ConflictNotice conflict={conflict} reloadHref={`${planPath(orgId, diagId)}#type-periode`}>
          <p>Ses valeurs{NBSP}: {conflict.theirs.join(" ")}</p>
        </ConflictNotice>
      ) : null}
      <Form method="post" {...getFormProps(form)} ref={formRef} className="stack">
        <ErrorSummary form={form} fields={fields} labels={{ kind: "Type de document", periodStart: "Début de la période", periodEnd: "Fin de la période" }} />
        <input type="hidden" name="intent" value="periode" />
        <input type="hidden" name="version" value={conflict?.version ?? plan.version} />
        <KindRadios field={fields.kind} accordLatestEnd={plan.accordLatestEnd} disabled={!canEdit} />
        <PeriodFields fields={fields} disabled={!canEdit} />
        {canEdit ? (
          <div className="actions">
            <button type="submit" className="button button-secondary">
              Enregistrer le type et la période
            </button>
          </div>
        ) : null}
      </Form>
    </section>
  );
}

function ActionCard({ item, loaderData }: { item: PlanData["actions"][number]; loaderData: PlanData }) {
  const { orgId, diagId, canEdit, confirmRemove, removeChanged } = loaderData;
  const errors = item.issues.errors;
  const warnings = item.issues.warnings;
  const href = actionPath(orgId, diagId, item.id);
  const confirming = confirmRemove === item.id;
  const issueId = `action-${item.id}-points`;
  const confirmRef = useRef<HTMLDivElement>(null);
  // The « Retirer » link disappears when the confirmation opens: the focus goes to the question.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <li className={`plan-action${errors.length ? " plan-action-blocked" : ""}`} id={`action-${item.id}`}>
      <h4 className="plan-action-title">
        <Link to={href}>{item.title}</Link>
      </h4>
      <p className="plan-action-meta">
        <span className={`status status-${item.status}`}>{PLAN_ACTION_STATUS_LABELS[item.status]}</span>
        {errors.length > 0 ? (
          <span className="status status-blocked">
            {errors.length === 1 ? "1 point à corriger" : `${errors.length} points à corriger`}
          </span>
        ) : (
          <span className="status status-ok">complète</span>
        )}
      </p>
      <dl className="plan-facts">
        <div className="fact-wide">
          <dt>Indicateur</dt>
          <dd>
            {item.indicatorLabel.trim() || "à indiquer"} ({item.progress})
          </dd>
        </div>
        <div>
          <dt>Échéance</dt>
          <dd>{item.deadline ?? "à indiquer"}</dd>
        </div>
        <div>
          <dt>Responsable</dt>
          <dd>{item.owner.trim() || "à indiquer"}</dd>
        </div>
        <div>
          <dt>Coût</dt>
          <dd>{item.cost}</dd>
        </div>
      </dl>
      {errors.length > 0 || warnings.length > 0 ? (
        <div id={issueId}>
          {errors.length > 0 ? (
            <p className="issue-inline">
              <span aria-hidden="true">⚠ </span>À compléter avant l'export{NBSP}: <FieldLinks issues={errors} />
            </p>
          ) : null}
          {warnings.length > 0 ? <IssueList issues={warnings.map((w) => ({ message: w.message }))} className="issue-warnings" /> : null}
        </div>
      ) : null}
      <p className="actions">
        <Link className="button button-small" to={href}>
          {canEdit ? "Modifier" : "Voir"}
          <span className="visually-hidden"> l'action «{NBSP}{item.title}{NBSP}»</span>
        </Link>
        {canEdit && !confirming ? (
          <Link className="button button-small button-danger" to={`${planPath(orgId, diagId)}?retirer=${encodeURIComponent(item.id)}#action-${item.id}`}>
            Retirer<span className="visually-hidden"> l'action «{NBSP}{item.title}{NBSP}»</span>
          </Link>
        ) : null}
      </p>
      {canEdit && confirming ? (
        <div className="confirm-box" role="alert" tabIndex={-1} ref={confirmRef}>
          {removeChanged ? (
            <p>
              <strong>Cette action a été modifiée par une autre personne pendant ce temps.</strong> Vérifiez-la avant de la retirer.
            </p>
          ) : null}
          <p>
            Retirer l'action «{NBSP}{item.title}{NBSP}» du plan{NBSP}? Son suivi sera supprimé aussi.
          </p>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="retirer" />
            <input type="hidden" name="actionId" value={item.id} />
            <input type="hidden" name="version" value={item.version} />
            <button type="submit" className="button button-danger">
              Oui, retirer l'action
            </button>
            <Link to={`${planPath(orgId, diagId)}#action-${item.id}`} className="button button-secondary">
              Non, la garder
            </Link>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

function PlanActions({ loaderData }: { loaderData: PlanData }) {
  const { actions, obligations } = loaderData;
  const groups = groupByDomain(actions);
  return (
    <section aria-labelledby="actions-titre">
      <h2 id="actions-titre">Les actions ({actions.length})</h2>
      <p className="small">
        {groups.length} {groups.length > 1 ? "domaines couverts" : "domaine couvert"} sur 9
        {obligations ? ` ; il en faut au moins ${obligations.minDomains}`.replace(" ;", `${NBSP};`) : ""}. Les actions abandonnées ne comptent pas.
      </p>
      {actions.length === 0 ? <p className="notice notice-warning">Le plan ne compte encore aucune action. Ajoutez-en ci-dessous.</p> : null}
      {groups.map((group) => (
        <div key={group.domain} className="plan-domain">
          <h3>
            {getDomain(group.domain).label}
            {group.domain === "remuneration" && obligations?.mandatory ? <span className="badge badge-obligation">obligatoire</span> : null}
          </h3>
          <ul className="plan-action-list">
            {group.items.map((item) => (
              <ActionCard key={item.id} item={item} loaderData={loaderData} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function AddActions({ loaderData, actionData }: { loaderData: PlanData; actionData: ActionResult | undefined }) {
  const [catalogueForm, catalogueFields] = useSchemaForm(AddCatalogueActionSchema, { id: "ajout-catalogue", lastResult: resultFor(actionData, "ajout-catalogue")?.result ?? null });
  const [blankForm, blankFields] = useSchemaForm(AddBlankActionSchema, { id: "ajout-vide", lastResult: resultFor(actionData, "ajout-vide")?.result ?? null });
  if (!loaderData.canEdit) return null;
  return (
    <section aria-labelledby="ajouter-titre" id="ajouter">
      <h2 id="ajouter-titre">Ajouter une action</h2>
      <div className="add-forms">
        <Form method="post" {...getFormProps(catalogueForm)} className="card">
          <h3>Depuis la liste des actions</h3>
          <ErrorSummary form={catalogueForm} fields={catalogueFields} labels={{ catalogueId: "Action" }} />
          <input type="hidden" name="intent" value="ajouter-catalogue" />
          <Field field={catalogueFields.catalogueId} label="Action" help={`Classées par domaine. L'action arrive préremplie${NBSP}: objectif, indicateur, valeur de départ quand le diagnostic la connaît, échéance.`}>
            {(p) => (
              <select {...getSelectProps(catalogueFields.catalogueId)} {...p}>
                <option value="">Choisissez une action…</option>
                {loaderData.catalogue.map((group) => (
                  <optgroup key={group.domain} label={group.label}>
                    {group.actions.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.title}
                        {a.inPlan ? " (déjà dans le plan)" : ""}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button-secondary">
            Ajouter cette action
          </button>
        </Form>
        <Form method="post" {...getFormProps(blankForm)} className="card">
          <h3>Une action à rédiger vous-même</h3>
          <ErrorSummary form={blankForm} fields={blankFields} labels={{ domain: "Domaine", title: "Titre de l'action" }} />
          <input type="hidden" name="intent" value="ajouter-vide" />
          <Field field={blankFields.domain} label="Domaine">
            {(p) => (
              <select {...getSelectProps(blankFields.domain)} {...p}>
                <option value="">Choisissez un domaine…</option>
                {DOMAIN_IDS.map((d) => (
                  <option key={d} value={d}>
                    {getDomain(d).label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field={blankFields.title} label="Titre de l'action" help={`Par exemple «${NBSP}Ouvrir le poste de chauffeur aux femmes${NBSP}». Vous compléterez le reste ensuite.`}>
            {(p) => <input {...getInputProps(blankFields.title, { type: "text" })} {...p} />}
          </Field>
          <button type="submit" className="button button-secondary">
            Ajouter une action vide
          </button>
        </Form>
      </div>
    </section>
  );
}

type PreviousData = NonNullable<LoaderData["previous"]>;

function EvaluationRow({ item, loaderData, actionData }: { item: PreviousData["actions"][number]; loaderData: LoaderData; actionData: ActionResult | undefined }) {
  const formId = `evaluation-${item.id}`;
  const mine = resultFor(actionData, formId);
  const conflict = mine?.conflict ?? null;
  const [form, fields] = useSchemaForm(EvaluationFormSchema, {
    id: formId,
    lastResult: mine?.result ?? null,
    defaultValue: { actionId: item.id, status: item.status, measuredValue: item.measuredField, followUpNote: item.followUpNote },
  });
  const { canEdit, notices, orgId, diagId } = loaderData;
  const justSaved = notices.evaluated === item.id && notices.evaluatedAt;
  return (
    <li className="evaluation" id={`bilan-${item.id}`}>
      <h3 className="evaluation-title">{item.title}</h3>
      <p className="small">
        {item.domainLabel} · Indicateur{NBSP}: {item.progress} · Atteint{NBSP}: {item.measuredDisplay}
        {item.reached ? ` · ${item.reached}` : ""}
      </p>
      {justSaved ? <Notice>Bilan de l'action enregistré à {formatTime(notices.evaluatedAt!)}.</Notice> : null}
      {conflict ? (
        <ConflictNotice conflict={conflict} reloadHref={`${planPath(orgId, diagId)}#bilan-${item.id}`}>
          <ul>
            {conflict.theirs.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </ConflictNotice>
      ) : null}
      {item.warnings.length > 0 ? <IssueList issues={item.warnings.map((message) => ({ message }))} className="issue-warnings" /> : null}
      {canEdit ? (
        <Form method="post" {...getFormProps(form)} className="evaluation-form">
          <ErrorSummary form={form} fields={fields} labels={{ status: "État", measuredValue: "Valeur atteinte", followUpNote: "Note de suivi" }} />
          <input type="hidden" name="intent" value="bilan" />
          <input type="hidden" name="actionId" value={item.id} />
          <input type="hidden" name="unit" value={item.unit} />
          <input type="hidden" name="version" value={conflict?.version ?? item.version} />
          <div className="field-row">
            <Field field={fields.status} label="État">
              {(p) => (
                <select {...getSelectProps(fields.status)} {...p}>
                  {PLAN_ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {PLAN_ACTION_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field field={fields.measuredValue} label={`Valeur atteinte${item.unit ? ` (${item.unit})` : ""}`} help="Par exemple 12,5.">
              {(p) => <input {...getInputProps(fields.measuredValue, { type: "text" })} {...p} inputMode="decimal" className="input-short" />}
            </Field>
          </div>
          <Field field={fields.followUpNote} label="Note de suivi" help="Ce qui a été fait, ce qui a bloqué, ce qui reste à faire.">
            {(p) => <textarea {...getTextareaProps(fields.followUpNote)} {...p} rows={2} />}
          </Field>
          <button type="submit" className="button button-secondary button-small">
            Enregistrer le bilan de cette action
          </button>
        </Form>
      ) : (
        <p>
          État{NBSP}: {PLAN_ACTION_STATUS_LABELS[item.status]}
          {item.followUpNote ? ` — ${item.followUpNote}` : ""}
        </p>
      )}
    </li>
  );
}

function PreviousPlan({ loaderData, actionData }: { loaderData: LoaderData; actionData: ActionResult | undefined }) {
  const previous = loaderData.previous;
  if (!previous) return null;
  return (
    <section aria-labelledby="bilan-titre" id="bilan" className="evaluation-section">
      <h2 id="bilan-titre">Bilan du plan précédent ({previous.year})</h2>
      <p className="prose">
        {previous.title}. Un plan d'action commence par évaluer le précédent{NBSP}: pour chaque action, indiquez où elle en est et la valeur
        atteinte, et expliquez les actions abandonnées.
      </p>
      <p className="lead-small">
        <strong>{previous.summary}</strong>
      </p>
      <ul className="evaluation-list">
        {previous.actions.map((item) => (
          <EvaluationRow key={item.id} item={item} loaderData={loaderData} actionData={actionData} />
        ))}
      </ul>
    </section>
  );
}

function Notices({ loaderData }: { loaderData: LoaderData }) {
  const n = loaderData.notices;
  return (
    <>
      {n.created ? (
        <Notice>Le plan est créé. Complétez maintenant chaque action{NBSP}: responsable, valeur cible et coût.</Notice>
      ) : null}
      {n.existed ? <Notice tone="info">Un plan existait déjà pour ce diagnostic (créé entre-temps par une autre personne){NBSP}: le voici.</Notice> : null}
      {n.removed === "1" ? <Notice>L'action a été retirée du plan.</Notice> : null}
      {n.removed === "absent" ? <Notice tone="info">Cette action avait déjà été retirée du plan.</Notice> : null}
    </>
  );
}

export default function PlanPage({ loaderData, actionData }: Route.ComponentProps) {
  const ad = actionData as ActionResult | undefined;
  const { orgId, diagId, year } = loaderData;
  if (loaderData.state === "no_profile") {
    return (
      <>
        <p className="step-counter">Après le diagnostic</p>
        <h1>Plan d'action pour l'égalité professionnelle</h1>
        <div className="notice notice-warning">
          <p>
            Le plan se prépare à partir du diagnostic{NBSP}: remplissez d'abord le profil de la structure. L'effectif décide du nombre de domaines que le
            plan doit couvrir.
          </p>
          <p>
            <Link className="button" to={stepPath(orgId, diagId, "profil")}>
              Remplir le profil de la structure
            </Link>
          </p>
        </div>
        <Explanation obligations={null} />
        <PreviousPlan loaderData={loaderData} actionData={ad} />
      </>
    );
  }
  if (loaderData.state === "create") {
    return (
      <>
        <p className="step-counter">Après le diagnostic</p>
        <h1>Plan d'action pour l'égalité professionnelle</h1>
        <p className="lead">
          Transformez le diagnostic {year} en actions datées et suivies. Nous vous proposons des actions tirées de vos réponses{NBSP}: choisissez celles
          que vous retenez, puis complétez-les.
        </p>
        <Notices loaderData={loaderData} />
        <Explanation obligations={loaderData.obligations} />
        <PreviousPlan loaderData={loaderData} actionData={ad} />
        <CreatePlan loaderData={loaderData} actionData={ad} />
      </>
    );
  }
  const { plan } = loaderData;
  return (
    <>
      <p className="step-counter">Après le diagnostic</p>
      <h1>{plan.kind === "accord" ? "Accord sur l'égalité professionnelle" : "Plan d'action pour l'égalité professionnelle"}</h1>
      <p className="lead">
        {PLAN_KIND_LABELS[plan.kind]} {formatPeriod(plan.periodStart, plan.periodEnd)}, préparé à partir du diagnostic {year}.
      </p>
      <p className="small">
        Dernière modification le {formatDate(plan.updatedAt)}
        {plan.updatedByName ? ` par ${plan.updatedByName}` : ""}.{loaderData.previous ? " " : ""}
        {loaderData.previous ? <a href="#bilan">Faire le bilan du plan précédent ({loaderData.previous.year})</a> : null}
      </p>
      {!loaderData.canEdit ? <p className="notice notice-info">Vous consultez ce plan en lecture seule.</p> : null}
      <Notices loaderData={loaderData} />
      <PlanStatus loaderData={loaderData} />
      <PlanActions loaderData={loaderData} />
      <AddActions loaderData={loaderData} actionData={ad} />
      <PeriodForm loaderData={loaderData} actionData={ad} />
      <PreviousPlan loaderData={loaderData} actionData={ad} />
      <details className="help-block">
        <summary>Plan d'action ou accord{NBSP}: les règles</summary>
        <Explanation obligations={loaderData.obligations} />
      </details>
    </>
  );
}
