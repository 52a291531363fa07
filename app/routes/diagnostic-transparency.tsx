import { Link } from "react-router";
import type { Route } from "./+types/diagnostic-transparency";
import { getDb } from "../../db/client.ts";
import { JOINT_ASSESSMENT_GAP_PCT, MIN_PEOPLE_PER_SEX, type BandRow, type GapCell } from "../../diagnostics/transparency/index.ts";
import { maySeeStaffFile } from "../auth/permissions.server.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { loadTransparencyView } from "../diagnostic/pay-categories.server.ts";
import { loadResults } from "../diagnostic/results.server.ts";
import { payCategoriesPath, stepPath } from "../diagnostic/steps.ts";
import { DataTable } from "../ui/charts/DataTable.tsx";
import { GapChart } from "../ui/charts/GapChart.tsx";
import { PayBandsChart } from "../ui/charts/PayBandsChart.tsx";
import { ResultsTabs } from "../ui/ResultsTabs.tsx";
import resultsCss from "../ui/results.css?url";
import tabsCss from "../ui/results-tabs.css?url";

const NBSP = "\u00a0";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: resultsCss },
  { rel: "stylesheet", href: tabsCss },
];

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Transparence salariale 2027${data ? ` · diagnostic ${data.diagnostic.year}` : ""} · Boussole Égalité` },
];

/**
 * Aggregates only: the staff rows never leave the server. An advisor with a read grant gets no
 * figure from the staff file (maySeeStaffFile), and every figure from fewer than 3 women or 3 men
 * is suppressed by the engine's view model.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const { access, diagnostic, structureType, canEdit } = loaded;
  const results = await loadResults(loaded);
  const index =
    results.status === "ready"
      ? {
          state: results.index.state,
          display: results.index.display,
          explanation: results.index.explanation,
          help: results.index.help,
          obligation: results.index.obligation ? { label: results.index.obligation.label, text: results.index.obligation.text } : null,
        }
      : null;
  const base = {
    org: { id: access.org.id, name: access.org.name },
    diagnostic: { id: diagnostic.id, year: diagnostic.year },
    canEdit,
    index,
  };
  if (!maySeeStaffFile(access)) return { ...base, state: "masque" as const, view: null };
  const view = await loadTransparencyView(await getDb(), access.org.id, diagnostic.id, structureType);
  if (!view) return { ...base, state: "sans_fichier" as const, view: null };
  return { ...base, state: "calcule" as const, view };
}

function GapValue({ cell }: { cell: GapCell }) {
  return (
    <>
      {cell.display}
      {cell.women && cell.men ? (
        <span className="small cell-note">
          {" "}
          (femmes {cell.women}, hommes {cell.men})
        </span>
      ) : null}
    </>
  );
}

function BandsTable({ id, title, rows }: { id: string; title: string; rows: readonly BandRow[] }) {
  return (
    <DataTable id={id} title={title}>
      <thead>
        <tr>
          <th scope="col">Quart de rémunération</th>
          <th scope="col" className="num">
            Personnes
          </th>
          <th scope="col" className="num">
            Femmes
          </th>
          <th scope="col" className="num">
            Hommes
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.band}>
            <th scope="row">{b.label}</th>
            <td className="num">{b.people}</td>
            <td className="num">
              {b.womenDisplay} ({b.women})
            </td>
            <td className="num">
              {b.menDisplay} ({b.men})
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export default function DiagnosticTransparency({ loaderData }: Route.ComponentProps) {
  const { org, diagnostic, index, state, view, canEdit } = loaderData;
  const jobsHref = stepPath(org.id, diagnostic.id, "emplois");
  const editorHref = payCategoriesPath(org.id, diagnostic.id);
  return (
    <>
      <p className="step-counter">Étape 5 sur 5</p>
      <ResultsTabs orgId={org.id} diagId={diagnostic.id} current="transparence" />
      <h1>Transparence salariale 2027 — diagnostic {diagnostic.year}</h1>
      <p className="lead">
        La directive européenne 2023/970 sur la transparence des rémunérations remplacera l'Index de l'égalité à partir des déclarations de 2027. Cette page
        calcule dès maintenant ses indicateurs à partir de votre fichier du personnel, à côté de l'Index actuel, pour vous y préparer.
      </p>

      <section aria-labelledby="regimes-titre">
        <h2 id="regimes-titre">Les deux régimes côte à côte</h2>
        <ul className="regimes">
          <li className="regime-card">
            <h3>Index de l'égalité (règles de 2019, déclaration actuelle)</h3>
            {index && (index.state === "calcule" || index.state === "non_calculable") ? (
              <>
                <p className="figure-value">{index.display}</p>
                {index.explanation ? <p>{index.explanation}</p> : null}
                {index.obligation ? <p>{index.obligation.text}</p> : null}
              </>
            ) : (
              <p>
                L'Index n'est pas encore estimé pour ce diagnostic.{" "}
                <Link to={stepPath(org.id, diagnostic.id, "index")}>Aller à l'étape «{NBSP}Index de l'égalité{NBSP}»</Link>
              </p>
            )}
            <p className="small">Une note sur 100 à partir de cinq indicateurs (écart de salaire par tranche d'âge et CSP, augmentations, promotions, retours de congé maternité, hauts salaires).</p>
          </li>
          <li className="regime-card">
            <h3>Indicateurs de la directive (déclarations à partir de 2027)</h3>
            {view ? (
              <>
                <p className="figure-value">{view.indicators[0].hourly.display}</p>
                <p>{view.headline}</p>
                <p>{view.jointAssessment.text}</p>
              </>
            ) : (
              <p>Pas encore calculés (voir ci-dessous).</p>
            )}
            <p className="small">
              Sept indicateurs sans note globale{NBSP}: écarts de rémunération moyen et médian, primes, répartition par quart de salaire et écart dans chaque catégorie d'emplois de
              valeur égale. Un écart de {JOINT_ASSESSMENT_GAP_PCT}{NBSP}% ou plus dans une catégorie, non justifié, impose une évaluation conjointe.
            </p>
          </li>
        </ul>
      </section>

      {state === "masque" ? (
        <div className="notice notice-info">
          <p>Ces indicateurs sont calculés à partir du fichier du personnel, que la structure ne partage pas avec un accès en lecture seule.</p>
        </div>
      ) : null}
      {state === "sans_fichier" ? (
        <div className="notice notice-info">
          <p>
            Pour calculer ces indicateurs, importez le fichier du personnel (une ligne par personne, sans nom) à l'étape «{NBSP}Emplois et effectifs{NBSP}». En plus des colonnes
            habituelles, ajoutez si possible{NBSP}: «{NBSP}Salaire de base{NBSP}», «{NBSP}Rémunération variable{NBSP}» (primes et compléments), «{NBSP}Heures hebdomadaires
            contractuelles{NBSP}» et «{NBSP}Catégorie d'emploi de valeur égale{NBSP}». Le modèle de fichier les contient déjà.
          </p>
          <p>
            <Link to={jobsHref}>Importer le fichier à l'étape «{NBSP}Emplois et effectifs{NBSP}»</Link> · <a href={`${jobsHref}/modele/xlsx`}>Télécharger le modèle (Excel)</a> ·{" "}
            <a href={`${jobsHref}/modele/csv`}>Télécharger le modèle (CSV)</a>
          </p>
        </div>
      ) : null}

      {view ? (
        <>
          <section aria-labelledby="indicateurs-titre">
            <h2 id="indicateurs-titre">Les indicateurs de la directive</h2>
            <p className="prose">
              {view.population} Chaque écart compare la rémunération moyenne (ou médiane) des hommes et des femmes, en % de celle des hommes{NBSP}: un écart positif est au
              détriment des femmes. Il est calculé sur le salaire horaire, comme le demande la directive, et sur le salaire mensuel, qui montre en plus l'effet du temps partiel.
              Un chiffre calculé sur moins de {MIN_PEOPLE_PER_SEX}{NBSP}femmes ou {MIN_PEOPLE_PER_SEX}{NBSP}hommes n'est pas publié.
            </p>
            {view.notes.length > 0 ? (
              <ul className="reasons">
                {view.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            <DataTable id="transparence-indicateurs" title="Indicateurs de l'article 9 de la directive, par heure et par mois">
              <thead>
                <tr>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Sur le salaire horaire</th>
                  <th scope="col">Sur le salaire mensuel</th>
                </tr>
              </thead>
              <tbody>
                {view.indicators.map((row) => (
                  <tr key={row.letter}>
                    <th scope="row">
                      {row.letter}) {row.label}
                      <span className="small cell-note">{row.help}</span>
                    </th>
                    <td>
                      <GapValue cell={row.hourly} />
                    </td>
                    <td>
                      <GapValue cell={row.monthly} />
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">
                    e) Part des femmes et des hommes qui reçoivent des primes ou compléments
                  </th>
                  <td colSpan={2}>{view.variableShares.display}</td>
                </tr>
              </tbody>
            </DataTable>
          </section>

          <section aria-labelledby="quartiles-titre">
            <h2 id="quartiles-titre">f) Femmes et hommes dans chaque quart de rémunération</h2>
            <p className="prose">{view.bands.note}</p>
            {view.bands.hourly && view.bands.monthly ? (
              <>
                <figure className="chart-figure">
                  <PayBandsChart
                    id="quartiles-horaire"
                    bands={view.bands.hourly}
                    summary={`Part des femmes par quart de salaire horaire${NBSP}: ${view.bands.hourly.map((b) => `${b.label}, ${b.womenDisplay}`).join(`${NBSP}; `)}.`}
                  />
                </figure>
                <BandsTable id="quartiles-horaire-tableau" title="Répartition par quart de salaire horaire" rows={view.bands.hourly} />
                <BandsTable id="quartiles-mensuel-tableau" title="Répartition par quart de salaire mensuel" rows={view.bands.monthly} />
              </>
            ) : (
              <p className="notice notice-info">Non publié{NBSP}: votre effectif compte moins de {MIN_PEOPLE_PER_SEX}{NBSP}femmes ou {MIN_PEOPLE_PER_SEX}{NBSP}hommes.</p>
            )}
          </section>

          <section aria-labelledby="categories-titre">
            <h2 id="categories-titre">g) L'écart dans chaque catégorie d'emplois de valeur égale</h2>
            <p className="prose">{view.categoriesIntro}</p>
            <div className={`notice ${view.jointAssessment.flagged.length > 0 ? "notice-warning" : "notice-info"}`}>
              <p>{view.jointAssessment.text}</p>
            </div>
            {view.categories.some((c) => c.hourlyTotal.value !== null) ? (
              <figure className="chart-figure">
                <GapChart
                  id="ecarts-categories"
                  thresholdPct={JOINT_ASSESSMENT_GAP_PCT}
                  data={view.categories
                    .filter((c) => c.hourlyTotal.value !== null)
                    .map((c) => ({ key: c.label, label: c.label, value: c.hourlyTotal.value ?? 0, display: c.hourlyTotal.display, flagged: c.flagged }))}
                  summary={`Écart moyen de salaire horaire par catégorie${NBSP}: ${view.categories
                    .filter((c) => c.hourlyTotal.value !== null)
                    .map((c) => `${c.label}, ${c.hourlyTotal.display}${c.flagged ? `, au-delà du seuil de ${JOINT_ASSESSMENT_GAP_PCT}${NBSP}%` : ""}`)
                    .join(`${NBSP}; `)}.`}
                />
              </figure>
            ) : null}
            <DataTable id="transparence-categories" title="Écart moyen de rémunération par catégorie d'emplois">
              <thead>
                <tr>
                  <th scope="col">Catégorie</th>
                  <th scope="col" className="num">
                    Femmes / hommes
                  </th>
                  <th scope="col">Écart horaire total</th>
                  <th scope="col">dont salaire de base</th>
                  <th scope="col">dont primes et compléments</th>
                  <th scope="col">Écart mensuel total</th>
                  <th scope="col">Situation</th>
                </tr>
              </thead>
              <tbody>
                {view.categories.map((c) => (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td className="num">
                      {c.women} / {c.men}
                    </td>
                    {c.publishable ? (
                      <>
                        <td>{c.hourlyTotal.display}</td>
                        <td>{c.hourlyBase.display}</td>
                        <td>{c.hourlyVariable.display}</td>
                        <td>{c.monthlyTotal.display}</td>
                      </>
                    ) : (
                      <td colSpan={4}>{c.hourlyTotal.display}</td>
                    )}
                    <td className={c.flagged ? "flag-cell" : undefined}>{c.status}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <p className="notice notice-info">
              <Link to={editorHref}>{canEdit ? "Définir les catégories d'emplois de valeur égale" : "Voir les catégories d'emplois de valeur égale"}</Link>
              {NBSP}: classez chaque poste du fichier dans une catégorie, vérifiez les quatre critères de la directive et voyez quelles catégories peuvent être publiées.
            </p>
            {view.categoryChecks.length > 0 ? (
              <>
                <h3>À vérifier dans vos catégories</h3>
                <ul className="reasons">
                  {view.categoryChecks.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <details className="help-block">
              <summary>Comment définir des catégories d'emplois de valeur égale</summary>
              <p className="prose">
                Regroupez les emplois qui demandent, au total, autant que les autres sur quatre critères neutres (article 4 de la directive), même s'ils sont différents{NBSP}:
              </p>
              <ul className="reasons">
                {view.criteria.map((c) => (
                  <li key={c.id}>
                    <strong>{c.label}</strong>{NBSP}: {c.help}
                  </li>
                ))}
              </ul>
              <p className="prose">
                Classez chaque poste dans une catégorie avec <Link to={editorHref}>l'éditeur de catégories</Link>, ou indiquez la catégorie de chaque personne dans la colonne
                «{NBSP}Catégorie d'emploi de valeur égale{NBSP}» du fichier du personnel puis importez-le de nouveau (les catégories de l'éditeur, une fois enregistrées, l'emportent).
                Chaque catégorie doit compter au moins {MIN_PEOPLE_PER_SEX}{NBSP}femmes et {MIN_PEOPLE_PER_SEX}{NBSP}hommes pour que son écart soit publié.
              </p>
            </details>
          </section>

          <section aria-labelledby="inexplique-titre">
            <h2 id="inexplique-titre">{view.adjusted.title}</h2>
            <p className="prose">
              Une partie de l'écart s'explique par des facteurs neutres (les femmes et les hommes n'occupent pas les mêmes postes, n'ont pas le même âge ni le même temps de
              travail). Une régression statistique sur le salaire horaire tient compte de ces facteurs et mesure l'écart qui reste inexpliqué.
            </p>
            <p className="prose">{view.adjusted.text}</p>
            {view.adjusted.figures.length > 0 ? (
              <DataTable id="transparence-inexplique" title="Écart expliqué et inexpliqué du salaire horaire">
                <tbody>
                  {view.adjusted.figures.map((f) => (
                    <tr key={f.label}>
                      <th scope="row">{f.label}</th>
                      <td>{f.value}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
