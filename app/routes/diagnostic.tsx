import { Link, NavLink, Outlet } from "react-router";
import type { Route } from "./+types/diagnostic";
import { progressOf, requireDiagnostic } from "../diagnostic/load.server.ts";
import { MAIN_STEPS, stepLabel, stepPath } from "../diagnostic/steps.ts";
import type { StepProgress } from "../../diagnostics/profile.ts";
import { DOMAIN_IDS } from "../../diagnostics/types.ts";
import { formatDate } from "../ui/format.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const { access, diagnostic, canEdit } = loaded;
  const progress = progressOf(loaded);
  return {
    org: { id: access.org.id, name: access.org.name },
    diagnostic: {
      id: diagnostic.id,
      year: diagnostic.year,
      status: diagnostic.status,
      updatedAt: diagnostic.updatedAt.toISOString(),
      updatedByName: diagnostic.updatedByName,
    },
    progress,
    canEdit,
  };
}

const STATUS_TEXT: Record<StepProgress["status"], string> = { fait: "fait", en_cours: "en cours", a_faire: "à faire" };

function StepLink({ orgId, diagId, step }: { orgId: string; diagId: string; step: StepProgress }) {
  const suffix = step.status === "en_cours" ? ` (${step.percent}\u00a0%)` : "";
  return (
    <NavLink to={stepPath(orgId, diagId, step.id)} className={`step step-${step.status}`}>
      <span className="step-mark" aria-hidden="true">
        {step.status === "fait" ? "✓" : step.status === "en_cours" ? "◐" : "○"}
      </span>
      {` ${stepLabel(step.id)}`}
      <span className="visually-hidden">{` : ${STATUS_TEXT[step.status]}`}</span>
      {suffix}
    </NavLink>
  );
}

/** The guided path's frame: title, progress, steps; each step's route loads and checks access itself. */
export default function DiagnosticLayout({ loaderData }: Route.ComponentProps) {
  const { org, diagnostic, progress } = loaderData;
  const byId = new Map(progress.steps.map((s) => [s.id, s]));
  const domainSteps = DOMAIN_IDS.map((d) => byId.get(d)!);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> ›{" "}
        <Link to={`/o/${org.id}/diagnostics`}>Diagnostics</Link> › {diagnostic.year}
      </p>
      <div className="diagnostic-frame">
        <aside className="diagnostic-nav" aria-label="Étapes du diagnostic">
          <p className="diagnostic-title">
            Diagnostic {diagnostic.year} <span className={`badge badge-${diagnostic.status}`}>{diagnostic.status === "termine" ? "terminé" : "brouillon"}</span>
          </p>
          <div className="progress-block">
            <label htmlFor="progression-globale" className="small">
              Avancement : {progress.percent}&nbsp;%
            </label>
            <progress id="progression-globale" max={100} value={progress.percent}>
              {progress.percent}&nbsp;%
            </progress>
          </div>
          {progress.resumeStep !== "resultats" ? (
            <p>
              <Link className="button button-small" to={stepPath(org.id, diagnostic.id, progress.resumeStep)}>
                Reprendre là où vous en étiez
              </Link>
            </p>
          ) : null}
          <ol className="steps">
            {MAIN_STEPS.map((main, i) => (
              <li key={main.key}>
                <span className="step-number">{`Étape ${i + 1} sur 5`}</span>
                {main.key === "domaines" ? (
                  <>
                    <span className="step-group">{main.label}</span>
                    <ul>
                      {domainSteps.map((s) => (
                        <li key={s.id}>
                          <StepLink orgId={org.id} diagId={diagnostic.id} step={s} />
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <StepLink orgId={org.id} diagId={diagnostic.id} step={byId.get(main.key)!} />
                )}
              </li>
            ))}
            <li>
              <span className="step-number">Après le diagnostic</span>
              <NavLink to={`/o/${org.id}/d/${diagnostic.id}/plan`} className="step">
                <span className="step-mark" aria-hidden="true">
                  →
                </span>{" "}
                Plan d'action
              </NavLink>
            </li>
          </ol>
          <p className="small">
            {`Dernière modification le ${formatDate(diagnostic.updatedAt)}${diagnostic.updatedByName ? ` par ${diagnostic.updatedByName}` : ""}.`}
          </p>
        </aside>
        <div className="diagnostic-content">
          <Outlet />
        </div>
      </div>
    </>
  );
}
