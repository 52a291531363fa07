import { useEffect } from "react";
import { Form, Link, redirect, useRouteLoaderData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/diagnostic-results";
import type { loader as diagnosticLoader } from "./diagnostic.tsx";
import { getDb } from "../../db/client.ts";
import { setDiagnosticStatus } from "../../db/queries/diagnostics.ts";
import { briefAction, indexTotalLabel, type ActionBrief, type Finding, type IndexView, type KeyFigure, type ReadyResults } from "../../diagnostics/results.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { loadResults } from "../diagnostic/results.server.ts";
import { loadPlanAndPrevious } from "../diagnostic/plan.server.ts";
import { evaluationSummary, formatMeasure, planTitle } from "../diagnostic/plan-view.ts";
import { PLAN_ACTION_STATUS_LABELS } from "../../diagnostics/plan/index.ts";
import { stepPath } from "../diagnostic/steps.ts";
import { DataTable } from "../ui/charts/DataTable.tsx";
import { DomainScoresChart, DomainScoresTable } from "../ui/charts/DomainScoresChart.tsx";
import { MixityChart, MixityTable } from "../ui/charts/MixityChart.tsx";
import { Notice } from "../ui/form.tsx";
import { formatDate } from "../ui/format.ts";
import resultsCss from "../ui/results.css?url";
import tabsCss from "../ui/results-tabs.css?url";
import { ResultsTabs } from "../ui/ResultsTabs.tsx";

const NBSP = "\u00a0";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: resultsCss },
  { rel: "stylesheet", href: tabsCss },
];

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Résultats du diagnostic${data ? ` ${data.diagnostic.year}` : ""} · Boussole Égalité` },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const { access, diagnostic, canEdit } = loaded;
  const results = await loadResults(loaded);
  const db = await getDb();
  const { plan, previous: previousPlan } = await loadPlanAndPrevious(db, access.org.id, diagnostic.id, diagnostic.year);
  return {
    org: { id: access.org.id, name: access.org.name },
    diagnostic: {
      id: diagnostic.id,
      year: diagnostic.year,
      status: diagnostic.status,
      finishedAt: diagnostic.finishedAt ? diagnostic.finishedAt.toISOString() : null,
    },
    canEdit,
    // The page lists the actions past the featured ones briefly; their detail is at the plan step.
    results: results.status === "ready" ? { ...results, actions: { ...results.actions, others: results.actions.others.map(briefAction) } } : results,
    hasPlan: plan !== null,
    previousPlan: previousPlan
      ? {
          year: previousPlan.year,
          title: planTitle(previousPlan.kind, previousPlan.periodStart, previousPlan.periodEnd),
          summary: evaluationSummary(previousPlan.actions.map((a) => a.action)).text,
          actions: previousPlan.actions.map(({ action }) => ({
            id: action.id,
            title: action.title,
            status: PLAN_ACTION_STATUS_LABELS[action.status],
            measured: action.measuredValue === null ? null : formatMeasure(action.measuredValue, action.indicator.unit),
            target: action.indicator.target === null ? null : formatMeasure(action.indicator.target, action.indicator.unit),
          })),
        }
      : null,
  };
}

const StatusIntentSchema = z.object({ intent: z.enum(["terminer", "rouvrir"]) });

/** « Marquer comme terminé » / « Rouvrir »: editors and owners only (403 for a viewer, 404 for anyone else). */
export async function action({ request, params }: Route.ActionArgs) {
  const { access, diagnostic } = await requireDiagnostic(request, params, "edit");
  const parsed = StatusIntentSchema.safeParse({ intent: (await request.formData()).get("intent") });
  if (!parsed.success) throw new Response("Demande incorrecte", { status: 400 });
  const status = parsed.data.intent === "terminer" ? "termine" : "brouillon";
  await setDiagnosticStatus(await getDb(), access.org.id, diagnostic.id, status, access.user.id);
  throw redirect(`${stepPath(access.org.id, diagnostic.id, "resultats")}?statut=${status === "termine" ? "termine" : "rouvert"}`);
}

// ---------------------------------------------------------------------------------------------

function KeyFigureCard({ figure }: { figure: KeyFigure }) {
  return (
    <li className={`figure-card tone-${figure.tone}`}>
      <h3 className="figure-label">{figure.label}</h3>
      <p className="figure-value">{figure.display}</p>
      {figure.detail ? <p className="figure-detail">{figure.detail}</p> : null}
      <p>{figure.meaning}</p>
      {figure.nextStep ? (
        <p className="figure-next">
          <strong>À faire{NBSP}:</strong>
          {` ${figure.nextStep}`}
        </p>
      ) : null}
      {figure.id === "index" ? (
        <p>
          <a href="#index-titre">Comprendre l'Index et le détail de ses points</a>
        </p>
      ) : null}
      {figure.change ? (
        <p className="figure-change">
          <strong>Évolution{NBSP}:</strong>
          {` ${figure.change.text}`}
        </p>
      ) : null}
    </li>
  );
}

function FindingItem({ finding, orgId, diagId }: { finding: Finding; orgId: string; diagId: string }) {
  return (
    <li className={`finding tone-${finding.tone}`}>
      <h3>{finding.title}</h3>
      <p>{finding.text}</p>
      {finding.nextStep ? <p className="finding-next">{finding.nextStep}</p> : null}
      {finding.step ? (
        <p>
          <Link to={stepPath(orgId, diagId, finding.step)}>{STEP_LINKS[finding.step]}</Link>
        </p>
      ) : null}
    </li>
  );
}

const STEP_LINKS: Record<NonNullable<Finding["step"]>, string> = {
  profil: "Aller à l'étape «\u00a0Profil de la structure\u00a0»",
  emplois: "Aller à l'étape «\u00a0Emplois et effectifs\u00a0»",
  index: "Aller à l'étape «\u00a0Index de l'égalité\u00a0»",
};

const INDEX_STATE_TEXT: Record<IndexView["state"], string> = {
  calcule: "",
  non_calculable: "",
  a_faire: "L'étape Index n'est pas encore faite.",
  ignore: "Vous avez passé l'étape Index.",
  fichier_absent: "L'Index devait être calculé à partir du fichier du personnel, mais aucun fichier utilisable n'est enregistré.",
  donnees_invalides: "Les données enregistrées à l'étape Index sont incomplètes ou incohérentes.",
};

function IndexSection({ index, orgId, diagId }: { index: IndexView; orgId: string; diagId: string }) {
  const computed = index.state === "calcule" || index.state === "non_calculable";
  return (
    <section aria-labelledby="index-titre">
      <h2 id="index-titre">Index de l'égalité professionnelle</h2>
      <p className="prose">{index.help}</p>
      {computed ? (
        <>
          <p className="index-score">
            <span className="figure-value">{index.display}</span>
            {index.indicative ? <span className="badge badge-indicatif">estimation indicative</span> : null}
          </p>
          <p className="prose">
            {index.explanation}
            {index.sourceLabel ? ` ${index.sourceLabel}.` : ""}
          </p>
          {index.obligation ? (
            <div className={`notice ${index.obligation.level === "corrective" || index.obligation.level === "objectives" ? "notice-warning" : "notice-info"}`}>
              <p>
                <strong>{index.obligation.label}</strong>
              </p>
              <p>{index.obligation.text}</p>
            </div>
          ) : null}
          <DataTable id="index-tableau" title="Points de chaque indicateur de l'Index, avec leur explication" className="index-table">
              <thead>
                <tr>
                  <th scope="col" id="index-col-indicateur">
                    Indicateur
                  </th>
                  <th scope="col" className="num">
                    Points
                  </th>
                  <th scope="col" className="num">
                    Maximum
                  </th>
                </tr>
              </thead>
              {/* One body per indicator: its figures, then its explanation across the row (readable at 360 px). */}
              {index.indicators.map((row) => (
                <tbody key={row.id}>
                  <tr>
                    <th scope="row" id={`indicateur-${row.id}`}>
                      {`${row.number}. ${row.label}`}
                    </th>
                    <td className="num">{row.calculable && row.points !== null ? row.points : "Non calculable"}</td>
                    <td className="num">{row.maxPoints}</td>
                  </tr>
                  <tr className="explanation-row">
                    <td colSpan={3} headers={`indicateur-${row.id}`}>
                      {row.explanation}
                    </td>
                  </tr>
                </tbody>
              ))}
              {index.totalPoints !== null && index.maxPoints !== null ? (
                <tfoot>
                  <tr>
                    <th scope="row">{indexTotalLabel(index)}</th>
                    <td className="num">{index.totalPoints}</td>
                    <td className="num">{index.maxPoints}</td>
                  </tr>
                </tfoot>
              ) : null}
          </DataTable>
        </>
      ) : (
        <div className={`notice ${index.obligatory ? "notice-warning" : "notice-info"}`}>
          <p>
            {INDEX_STATE_TEXT[index.state]}
            {index.skipReason ? ` Raison indiquée${NBSP}: «${NBSP}${index.skipReason}${NBSP}».` : ""}
          </p>
          <p>
            {index.obligatory
              ? `Votre structure compte 50 salariés ou plus${NBSP}: l'Index est obligatoire.`
              : `Sous 50 salariés, l'Index n'est pas obligatoire${NBSP}; une estimation peut aider à repérer des écarts de salaire.`}{" "}
            <Link to={stepPath(orgId, diagId, "index")}>Aller à l'étape «{NBSP}Index de l'égalité{NBSP}»</Link>
          </p>
        </div>
      )}
    </section>
  );
}

function ActionItem({ action }: { action: ReadyResults["actions"]["featured"][number] }) {
  return (
    <li className="action-card">
      <h3>
        {action.title}
        {action.legalObligation ? <span className="badge badge-obligation">obligation légale</span> : null}
      </h3>
      <p className="small">
        {`Domaine${NBSP}: ${action.domainLabel}${action.domainLevelLabel ? ` (${action.domainLevelLabel.toLowerCase()})` : ""} · Délai conseillé${NBSP}: ${action.deadlineMonths} mois · ${action.costLabel}`}
      </p>
      <p>{action.description}</p>
      <p className="reasons-title">{`Pourquoi cette action${NBSP}:`}</p>
      <ul className="reasons">
        {action.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>
        <strong>{`Objectif proposé${NBSP}:`}</strong>
        {` ${action.objective} `}
        <strong>{`Indicateur${NBSP}:`}</strong>
        {` ${action.indicator}.`}
      </p>
      {action.supportNames.length > 0 ? <p className="small">{`Qui peut aider${NBSP}: ${action.supportNames.join(", ")}.`}</p> : null}
    </li>
  );
}

function ActionBriefItem({ action }: { action: ActionBrief }) {
  return (
    <li>
      <strong>{action.title}</strong>
      {action.legalObligation ? <span className="badge badge-obligation">obligation légale</span> : null}
      <span className="small">{` — ${action.domainLabel} · ${action.deadlineMonths}${NBSP}mois · ${action.costLabel}`}</span>
    </li>
  );
}

function Contact({ label, contact, href }: { label: string; contact: { value: string; verified: boolean } | null; href: (v: string) => string }) {
  if (!contact) return null;
  return (
    <li>
      {`${label}${NBSP}: `}
      <a href={href(contact.value)}>{contact.value}</a>
      {contact.verified ? null : <span className="small"> (à vérifier)</span>}
    </li>
  );
}

/** Printed results show what is folded on screen (the reasons, the other actions, the offers). */
function useOpenDetailsWhenPrinting() {
  useEffect(() => {
    const open = () => document.querySelectorAll("main details:not(.more-actions)").forEach((d) => d.setAttribute("open", ""));
    window.addEventListener("beforeprint", open);
    return () => window.removeEventListener("beforeprint", open);
  }, []);
}

export default function DiagnosticResults({ loaderData }: Route.ComponentProps) {
  const { org, diagnostic, results, canEdit } = loaderData;
  // The diagnostic layout computes the progress shown in its step list; the page reuses it.
  const { progress } = useRouteLoaderData<typeof diagnosticLoader>("routes/diagnostic")!;
  const [searchParams] = useSearchParams();
  const statusNotice = searchParams.get("statut");
  useOpenDetailsWhenPrinting();

  if (results.status !== "ready") {
    return (
      <>
        <p className="step-counter">Étape 5 sur 5</p>
        <ResultsTabs orgId={org.id} diagId={diagnostic.id} current="resultats" />
        <h1>{`Résultats du diagnostic ${diagnostic.year}`}</h1>
        <div className="notice notice-warning">
          <p>{results.message}</p>
          <p>
            <Link className="button" to={stepPath(org.id, diagnostic.id, "profil")}>
              Remplir le profil de la structure
            </Link>
          </p>
        </div>
      </>
    );
  }

  const r = results;
  const finished = diagnostic.status === "termine";
  const planHref = `/o/${org.id}/d/${diagnostic.id}/plan`;
  return (
    <>
      <p className="step-counter">Étape 5 sur 5</p>
      <ResultsTabs orgId={org.id} diagId={diagnostic.id} current="resultats" />
      <h1>{`Résultats du diagnostic ${diagnostic.year}`}</h1>
      <p className="lead">{r.headline}</p>

      {statusNotice === "termine" ? <Notice>Le diagnostic est marqué comme terminé.</Notice> : null}
      {statusNotice === "rouvert" ? <Notice>Le diagnostic est rouvert{NBSP}: vous pouvez de nouveau le modifier.</Notice> : null}

      <div className="status-box">
        <p>
          {finished
            ? `Diagnostic terminé${diagnostic.finishedAt ? ` le ${formatDate(diagnostic.finishedAt)}` : ""}.`
            : progress.complete
              ? "Toutes les étapes sont faites."
              : `Le diagnostic est rempli à ${progress.percent}${NBSP}%${NBSP}: les résultats portent sur ce qui est déjà renseigné.`}
        </p>
        {canEdit ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value={finished ? "rouvrir" : "terminer"} />
            <button type="submit" className={`button${finished ? " button-secondary" : ""}`}>
              {finished ? "Rouvrir le diagnostic" : "Marquer le diagnostic comme terminé"}
            </button>
          </Form>
        ) : (
          <p className="small">Vous consultez ce diagnostic en lecture seule.</p>
        )}
      </div>

      <section aria-labelledby="chiffres-cles">
        <h2 id="chiffres-cles">Les chiffres clés</h2>
        <ul className="figure-cards">
          {r.keyFigures.map((f) => (
            <KeyFigureCard key={f.id} figure={f} />
          ))}
        </ul>
      </section>

      {r.findings.length > 0 ? (
        <section aria-labelledby="constats">
          <h2 id="constats">Ce que disent vos chiffres</h2>
          <ul className="findings">
            {r.findings.map((f) => (
              <FindingItem key={f.id} finding={f} orgId={org.id} diagId={diagnostic.id} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="mixite-titre">
        <h2 id="mixite-titre">La mixité de chaque métier</h2>
        <p className="prose">
          {r.mixity.rule} Chaque barre montre la part de femmes et d'hommes dans un métier{NBSP}; la bande en pointillés est la «{NBSP}
          {r.mixity.bandLabel}
          {NBSP}».
        </p>
        {r.mixity.groups.length === 0 ? (
          <p className="notice notice-info">
            Aucun métier n'a de personnel renseigné.{" "}
            <Link to={stepPath(org.id, diagnostic.id, "emplois")}>Remplir l'étape «{NBSP}Emplois et effectifs{NBSP}»</Link>
          </p>
        ) : null}
        {r.mixity.groups.map((group) => (
          <div key={group.population} className="chart-block">
            <h3>{group.title}</h3>
            <p>{group.summary}</p>
            {group.note ? <p className="small">{group.note}</p> : null}
            <figure className="chart-figure">
              <MixityChart
                group={group}
                bandMinPct={r.mixity.bandMinPct}
                bandMaxPct={r.mixity.bandMaxPct}
                bandLabel={r.mixity.bandLabel}
                lowHeadcountLabel={r.mixity.lowHeadcountLabel}
              />
            </figure>
            <MixityTable group={group} lowHeadcountLabel={r.mixity.lowHeadcountLabel} />
          </div>
        ))}
        {r.mixity.emptyJobs.length > 0 ? (
          <p className="small">
            Métiers sans personne cette année (non représentés){NBSP}: {r.mixity.emptyJobs.join(", ")}.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="domaines-titre">
        <h2 id="domaines-titre">Les neuf domaines</h2>
        <p className="prose">{r.domains.scale}</p>
        <figure className="chart-figure">
          <DomainScoresChart domains={r.domains} />
        </figure>
        <DomainScoresTable domains={r.domains} />
      </section>

      <IndexSection index={r.index} orgId={org.id} diagId={diagnostic.id} />

      <section aria-labelledby="actions-titre">
        <h2 id="actions-titre">Les actions recommandées</h2>
        {r.actions.total === 0 ? (
          <p>Vos réponses n'appellent pas d'action particulière pour l'instant. Complétez les domaines pour obtenir des propositions.</p>
        ) : (
          <>
            <p className="prose">
              {r.actions.total > r.actions.featured.length
                ? `Voici les ${r.actions.featured.length} premières des ${r.actions.total} actions proposées à partir de vos réponses et de vos chiffres.`
                : `${r.actions.total === 1 ? "Voici l'action proposée" : `Voici les ${r.actions.total} actions proposées`} à partir de vos réponses et de vos chiffres.`}
            </p>
            <details className="help-block">
              <summary>Comment les actions sont classées</summary>
              <p className="prose pre-line">{r.actions.order}</p>
            </details>
            <ol className="action-list">
              {r.actions.featured.map((a) => (
                <ActionItem key={a.id} action={a} />
              ))}
            </ol>
            {r.actions.others.length > 0 ? (
              <p className="print-only small">
                {`${r.actions.others.length} autres actions sont proposées dans Boussole Égalité, à l'étape «${NBSP}Résultats${NBSP}».`}
              </p>
            ) : null}
            {r.actions.others.length > 0 ? (
              <details className="help-block more-actions">
                <summary>{`Voir les ${r.actions.others.length} autres actions proposées`}</summary>
                <p className="small">
                  Pour chacune, l'étape{NBSP}«{NBSP}Plan d'action{NBSP}» explique pourquoi elle vous est proposée, son objectif, son indicateur et qui
                  peut vous aider{NBSP}; c'est là que vous choisissez celles à retenir.
                </p>
                <ol className="action-brief-list" start={r.actions.featured.length + 1}>
                  {r.actions.others.map((a) => (
                    <ActionBriefItem key={a.id} action={a} />
                  ))}
                </ol>
                <p>
                  <Link to={planHref}>{`${canEdit ? "Choisir mes actions" : "Voir le détail"} à l'étape «${NBSP}Plan d'action${NBSP}»`}</Link>
                </p>
              </details>
            ) : null}
          </>
        )}
      </section>

      {r.support.length > 0 ? (
        <section aria-labelledby="accompagnement-titre">
          <h2 id="accompagnement-titre">Qui peut vous accompagner</h2>
          <ul className="support-list">
            {r.support.map((s) => (
              <li key={s.id} className="card support-card">
                <h3>{s.name}</h3>
                <p className="small">{`${s.kindLabel} · ${s.territory}`}</p>
                <p className="reasons-title">{`Pourquoi elle peut vous aider${NBSP}:`}</p>
                <ul className="reasons">
                  {s.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
                <details>
                  <summary>Ce qu'elle propose</summary>
                  <p>{s.offer}</p>
                  <p className="small">{`Pour qui${NBSP}: ${s.audience}`}</p>
                </details>
                {s.website || s.email ? (
                  <ul className="contacts">
                    <Contact label="Site" contact={s.website} href={(v) => v} />
                    <Contact label="Courriel" contact={s.email} href={(v) => `mailto:${v}`} />
                  </ul>
                ) : null}
                <p className="small">{s.note}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {r.yearOnYear ? (
        <section aria-labelledby="evolution-titre">
          <h2 id="evolution-titre">{`L'évolution depuis ${r.yearOnYear.previousYear}`}</h2>
          {r.yearOnYear.figures.length > 0 ? (
            <DataTable id="evolution-chiffres" title={`Chiffres clés en ${diagnostic.year} et en ${r.yearOnYear.previousYear}`}>
                <thead>
                  <tr>
                    <th scope="col">Chiffre</th>
                    <th scope="col">{diagnostic.year}</th>
                    <th scope="col">{r.yearOnYear.previousYear}</th>
                    <th scope="col">Évolution</th>
                  </tr>
                </thead>
                <tbody>
                  {r.yearOnYear.figures.map((f) => (
                    <tr key={f.id}>
                      <th scope="row">{f.label}</th>
                      <td>{f.currentDisplay}</td>
                      <td>{f.change.previousDisplay}</td>
                      <td>{f.change.summary}</td>
                    </tr>
                  ))}
                </tbody>
            </DataTable>
          ) : null}
          {r.yearOnYear.domains.length > 0 ? (
            <DataTable id="evolution-domaines" title={`Score des domaines en ${diagnostic.year} et en ${r.yearOnYear.previousYear}`}>
                <thead>
                  <tr>
                    <th scope="col">Domaine</th>
                    <th scope="col" className="num">
                      {diagnostic.year}
                    </th>
                    <th scope="col" className="num">
                      {r.yearOnYear.previousYear}
                    </th>
                    <th scope="col">Évolution</th>
                  </tr>
                </thead>
                <tbody>
                  {r.yearOnYear.domains.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">{d.label}</th>
                      <td className="num">{d.currentScore ?? "—"}</td>
                      <td className="num">{d.previousScore ?? "—"}</td>
                      <td>{d.summary}</td>
                    </tr>
                  ))}
                </tbody>
            </DataTable>
          ) : null}
        </section>
      ) : null}

      {loaderData.previousPlan ? <PreviousPlanSummary plan={loaderData.previousPlan} planHref={`${planHref}#bilan`} /> : null}

      <section aria-labelledby="plan-titre" className="plan-cta">
        <h2 id="plan-titre">Et maintenant{NBSP}: le plan d'action</h2>
        <p className="prose">
          Le plan d'action transforme ces résultats en actions datées, chiffrées et suivies. Il part des actions recommandées ci-dessus{NBSP}; vous
          choisissez celles que vous retenez.
        </p>
        <p>
          <Link className="button" to={planHref}>
            {loaderData.hasPlan ? "Voir le plan d'action" : "Préparer le plan d'action"}
          </Link>
        </p>
      </section>
    </>
  );
}

/** Where last year's plan stands (its evaluation is edited on the plan page). */
function PreviousPlanSummary({ plan, planHref }: { plan: NonNullable<Route.ComponentProps["loaderData"]["previousPlan"]>; planHref: string }) {
  return (
    <section aria-labelledby="bilan-plan-titre">
      <h2 id="bilan-plan-titre">{`Bilan du plan précédent (${plan.year})`}</h2>
      <p className="prose">
        {`${plan.title}. ${plan.summary}`}
      </p>
      <ul className="reasons">
        {plan.actions.map((a) => (
          <li key={a.id}>
            {`${a.title}${NBSP}: ${a.status.toLowerCase()}${a.measured !== null ? `, valeur atteinte ${a.measured}${a.target !== null ? ` pour une cible de ${a.target}` : ""}` : ""}.`}
          </li>
        ))}
      </ul>
      <p>
        <Link to={planHref}>Compléter le bilan du plan précédent</Link>
      </p>
    </section>
  );
}
