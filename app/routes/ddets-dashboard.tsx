import { Form, Link } from "react-router";
import type { Route } from "./+types/ddets-dashboard";
import { getDbHandle } from "../../db/client.ts";
import { cellText, LEVEL_BAND_LABELS, LEVEL_BANDS, type Cell, type DdetsDashboard } from "../../diagnostics/ddets.ts";
import { STRUCTURE_TYPE_LABELS, STRUCTURE_TYPES } from "../../diagnostics/types.ts";
import { requireDdets } from "../auth/permissions.server.ts";
import { loadDdetsData } from "../ddets/dashboard.server.ts";
import { dashboardSearch, parseDashboardQuery } from "../ddets/filters.ts";
import { DataTable } from "../ui/charts/DataTable.tsx";
import { barOf, CellValue, COUNT_SERIES_COLOURS, CountBarChart, DistributionBlock, NumCells, UptakeTable, type CountDatum, type CountSeries } from "../ui/ddets.tsx";
import resultsCss from "../ui/results.css?url";
import ddetsCss from "../ui/ddets.css?url";

const NBSP = "\u00a0";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: resultsCss },
  { rel: "stylesheet", href: ddetsCss },
];

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Suivi des structures · ${data?.org.name ?? "DDETS"} · Boussole Égalité` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, scope } = await requireDdets(request, params.orgId);
  const query = parseDashboardQuery(new URL(request.url).searchParams, scope);
  const handle = await getDbHandle();
  const data = await loadDdetsData(handle.db, { id: org.id, scope }, query, { concurrent: handle.driver === "postgres" });
  const selection = { departement: query.departement, structureType: query.structureType, year: data.dashboard.filters.year };
  return {
    org: { id: org.id, name: org.name },
    ...data,
    exportSearch: dashboardSearch(selection),
    previousPage: data.structures.page > 1 ? dashboardSearch({ ...selection, page: data.structures.page - 1 }) || "?" : null,
    nextPage: data.structures.page < data.structures.pageCount ? dashboardSearch({ ...selection, page: data.structures.page + 1 }) : null,
  };
}

function KeyFigure({ label, cell, help, level = 3 }: { label: string; cell: Cell; help: string; level?: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <li className="figure-card tone-neutral">
      <Heading className="figure-label">{label}</Heading>
      <p>
        <span className={`figure-value${cell.status === "shown" ? "" : " figure-value-suppressed"}`}>{cellText(cell)}</span>
      </p>
      <p className="figure-detail">{help}</p>
    </li>
  );
}

const TREND_SERIES: CountSeries[] = [
  { key: "started", name: "Commencés", colour: COUNT_SERIES_COLOURS[0] },
  { key: "finished", name: "Terminés", colour: COUNT_SERIES_COLOURS[1], pattern: "stripes" },
  { key: "plans", name: "Avec un plan d'action", colour: COUNT_SERIES_COLOURS[2], pattern: "dots" },
];

const LEVEL_SERIES: CountSeries[] = [
  { key: "a_engager", name: LEVEL_BAND_LABELS.a_engager, colour: COUNT_SERIES_COLOURS[2], pattern: "dots" },
  { key: "en_cours", name: LEVEL_BAND_LABELS.en_cours, colour: COUNT_SERIES_COLOURS[1], pattern: "stripes" },
  { key: "avance", name: LEVEL_BAND_LABELS.avance, colour: COUNT_SERIES_COLOURS[0] },
];

function TrendSection({ d }: { d: DdetsDashboard }) {
  const data: CountDatum[] = d.trend.rows.map((r) => ({
    key: String(r.year),
    label: String(r.year),
    values: {
      started: barOf(r.started),
      finished: barOf(r.finished),
      plans: barOf(r.plans),
    },
  }));
  return (
    <section aria-labelledby="tendance-titre">
      <h2 id="tendance-titre">Évolution par année</h2>
      <p className="prose">
        Diagnostics par année de référence (l'année dont les chiffres sont décrits){NBSP}: commencés, terminés, et avec un plan d'action.
      </p>
      <figure className="chart-figure" aria-labelledby="tendance-titre">
        <CountBarChart id="graphique-tendance" data={data} series={TREND_SERIES} summary={d.trend.summary} />
      </figure>
      <DataTable id="tableau-tendance" title="Diagnostics par année de référence">
        <thead>
          <tr>
            <th scope="col">Année</th>
            <th scope="col" className="num">
              Commencés
            </th>
            <th scope="col" className="num">
              Terminés
            </th>
            <th scope="col" className="num">
              Avec un plan d'action
            </th>
          </tr>
        </thead>
        <tbody>
          {d.trend.rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              <NumCells cells={[r.started, r.finished, r.plans]} />
            </tr>
          ))}
        </tbody>
      </DataTable>
      {d.registrations.rows.length > 0 ? (
        <DataTable id="tableau-inscriptions" title="Structures inscrites par année d'inscription">
          <thead>
            <tr>
              <th scope="col">Année d'inscription</th>
              <th scope="col" className="num">
                Structures inscrites
              </th>
            </tr>
          </thead>
          <tbody>
            {d.registrations.rows.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td className="num">
                  <CellValue cell={r.cell} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num">
                <CellValue cell={d.registrations.total} />
              </td>
            </tr>
          </tfoot>
        </DataTable>
      ) : null}
    </section>
  );
}

function DomainsSection({ d }: { d: DdetsDashboard }) {
  const domains = d.results.domains;
  if (domains.length === 0) return null;
  const data: CountDatum[] = domains.map((dom) => ({
    key: dom.domain,
    label: dom.title,
    values: Object.fromEntries(dom.bands.filter((b) => b.id !== "none").map((b) => [b.id, barOf(b.cell)])),
  }));
  const summary =
    `Nombre de structures par niveau dans chacun des neuf domaines${NBSP}: ` +
    domains
      .map((dom) => `${dom.title}, ${dom.bands.filter((b) => b.id !== "none").map((b) => `${b.label.toLowerCase()} ${cellText(b.cell)}`).join(", ")}`)
      .join(`${NBSP}; `) +
    ". Le détail est dans le tableau qui suit.";
  return (
    <div className="chart-block">
      <h3 id="niveaux-titre">Niveau atteint dans les neuf domaines</h3>
      <p className="prose">
        Chaque structure obtient dans chaque domaine un niveau, «{NBSP}à engager{NBSP}», «{NBSP}en cours{NBSP}» ou «{NBSP}avancé{NBSP}», d'après les pratiques qu'elle
        déclare. Les domaines où beaucoup de structures sont «{NBSP}à engager{NBSP}» sont de bons sujets pour une action collective (réunion d'information, formation).
      </p>
      <figure className="chart-figure" aria-labelledby="niveaux-titre">
        <CountBarChart id="graphique-niveaux" data={data} series={LEVEL_SERIES} summary={summary} />
      </figure>
      <DataTable id="tableau-niveaux" title="Nombre de structures par niveau, domaine par domaine">
        <thead>
          <tr>
            <th scope="col">Domaine</th>
            {LEVEL_BANDS.map((b) => (
              <th key={b} scope="col" className="num">
                {LEVEL_BAND_LABELS[b]}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {domains.map((dom) => (
            <tr key={dom.domain}>
              <th scope="row">{dom.title}</th>
              {dom.bands.map((b) => (
                <td key={b.id} className="num">
                  <CellValue cell={b.cell} />
                </td>
              ))}
              <td className="num">
                <CellValue cell={dom.total} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}

function PlansSection({ d }: { d: DdetsDashboard }) {
  const p = d.plans;
  const year = d.filters.year;
  return (
    <section aria-labelledby="plans-titre">
      <h2 id="plans-titre">Les plans d'action {year}</h2>
      {!p.published ? (
        <p className="notice notice-info">{p.message}</p>
      ) : (
        <>
          <p className="prose">
            <CellValue cell={p.base} /> structures de la sélection ont établi un plan d'action. Voici les domaines et les actions du catalogue qu'elles ont le plus
            souvent retenus (jamais le contenu d'un plan).
          </p>
          <div className="chart-block">
            <h3 id="plans-domaines-titre">Domaines retenus dans les plans</h3>
            <figure className="chart-figure" aria-labelledby="plans-domaines-titre">
              <CountBarChart
                id="graphique-plans-domaines"
                data={p.domains.map((r) => ({ key: r.id, label: r.label, values: { n: barOf(r.cell) } }))}
                series={[{ key: "n", name: "Structures", colour: COUNT_SERIES_COLOURS[0] }]}
                summary={`Nombre de structures dont le plan comprend une action dans chaque domaine${NBSP}: ${p.domains.map((r) => `${r.label} ${cellText(r.cell)}`).join(", ")}. Le détail est dans le tableau qui suit.`}
              />
            </figure>
            <DataTable id="tableau-plans-domaines" title="Structures dont le plan comprend au moins une action dans le domaine">
              <thead>
                <tr>
                  <th scope="col">Domaine</th>
                  <th scope="col" className="num">
                    Structures
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.domains.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.label}</th>
                    <td className="num">
                      <CellValue cell={r.cell} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
          <h3>Actions du catalogue les plus choisies</h3>
          {p.actions.length === 0 ? (
            <p>Aucune action du catalogue ne peut être affichée{NBSP}: chacune a été choisie par moins de 5 structures de la sélection, ou son chiffre est masqué.</p>
          ) : (
            <DataTable id="tableau-plans-actions" title="Actions du catalogue les plus choisies">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Domaine</th>
                  <th scope="col" className="num">
                    Structures
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.actions.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.label}</th>
                    <td>{r.detail}</td>
                    <td className="num">
                      <CellValue cell={r.cell} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          <p className="small">Les actions choisies par moins de 5 structures, ou masquées par le secret statistique, ne sont pas listées.</p>
        </>
      )}
    </section>
  );
}

export default function DdetsDashboardPage({ loaderData }: Route.ComponentProps) {
  const { org, dashboard: d, structures, campaign } = loaderData;
  const year = d.filters.year;
  const r = d.results;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> › Suivi des structures
      </p>
      <h1>Suivi des structures</h1>
      <p className="lead">
        L'usage de Boussole Égalité par les structures inclusives de vos départements et leurs résultats d'ensemble. Vous voyez le nom, le type, la commune et
        l'avancement de chaque structure{NBSP}; les résultats ne sont jamais individuels.
      </p>
      <p className="notice notice-info">{d.rule.text}</p>

      <Form method="get" className="ddets-filters" aria-labelledby="filtres-titre">
        <h2 id="filtres-titre" className="visually-hidden">
          Choisir la sélection
        </h2>
        <div className="field">
          <label htmlFor="filtre-departement">Département</label>
          <select id="filtre-departement" name="departement" defaultValue={d.filters.departement ?? ""}>
            <option value="">Tous vos départements</option>
            {d.scope.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filtre-type">Type de structure</label>
          <select id="filtre-type" name="type" defaultValue={d.filters.structureType ?? ""}>
            <option value="">Tous les types</option>
            {STRUCTURE_TYPES.map((t) => (
              <option key={t} value={t}>
                {STRUCTURE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filtre-annee">Année de référence</label>
          <select id="filtre-annee" name="annee" defaultValue={String(year)}>
            {d.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Afficher
        </button>
      </Form>
      <p>
        Sélection{NBSP}: <strong>{d.selectionLabel}</strong>, diagnostics {year}.{" "}
        <a href={`/o/${org.id}/suivi/export.csv${loaderData.exportSearch}`} download>
          Télécharger ces chiffres (CSV pour Excel)
        </a>
      </p>

      <section aria-labelledby="usage-titre">
        <h2 id="usage-titre">L'usage du service</h2>
        <ul className="figure-cards">
          <KeyFigure label="Structures inscrites" cell={d.keyFigures.registered} help="Structures de la sélection qui ont créé leur espace." />
          <KeyFigure label={`Diagnostics ${year} commencés`} cell={d.keyFigures.started} help="Structures qui ont ouvert le diagnostic de cette année." />
          <KeyFigure label={`Diagnostics ${year} terminés`} cell={d.keyFigures.finished} help={`Structures qui ont terminé leur diagnostic${NBSP}: leurs résultats sont comptés plus bas.`} />
          <KeyFigure label={`Plans d'action ${year}`} cell={d.keyFigures.plans} help="Structures qui ont établi un plan d'action à partir de leur diagnostic." />
        </ul>
        <p className="prose">{d.uptakeText}</p>
        <h3>Campagnes d'invitation</h3>
        <ul className="figure-cards">
          <KeyFigure level={4} label="Invitations envoyées" cell={{ status: "shown", count: campaign.invited }} help="Adresses que votre DDETS a invitées (vos propres envois)." />
          <KeyFigure level={4} label="Inscrites par une invitation" cell={campaign.registered} help="Structures de vos départements inscrites à la suite d'une invitation." />
          <KeyFigure level={4} label="Invitées ayant commencé" cell={campaign.started} help="Structures invitées qui ont commencé un diagnostic." />
          <KeyFigure level={4} label="Invitées ayant terminé" cell={campaign.finished} help="Structures invitées qui ont terminé un diagnostic." />
        </ul>
        <p>
          <Link to={`/o/${org.id}/campagnes`}>Inviter des structures</Link>
        </p>
        <UptakeTable id="tableau-departements" title={`Usage par département (${d.filters.structureType ? STRUCTURE_TYPE_LABELS[d.filters.structureType] : "tous types"})`} firstHeader="Département" rows={d.byDepartement.rows} total={d.byDepartement.total} year={year} />
        <UptakeTable id="tableau-types" title={`Usage par type de structure (${d.filters.departement ? d.scope.find((s) => s.code === d.filters.departement)?.label : "tous vos départements"})`} firstHeader="Type de structure" rows={d.byType.rows} total={d.byType.total} year={year} />
      </section>

      <TrendSection d={d} />

      <section aria-labelledby="resultats-titre">
        <h2 id="resultats-titre">Les résultats des diagnostics {year} terminés</h2>
        {!r.published ? (
          <p className="notice notice-info">{r.message}</p>
        ) : (
          <>
            <p className="prose">
              Calculés sur les <CellValue cell={r.finished} /> structures de la sélection qui ont terminé leur diagnostic {year}. Chaque chiffre compte des structures, jamais
              des personnes.
            </p>
            {r.womenShare ? (
              <DistributionBlock
                dist={r.womenShare}
                intro={`Part de femmes parmi les personnes en parcours (salariés en insertion, travailleurs accompagnés…) de chaque structure. Un métier ou une équipe est mixte entre 40${NBSP}% et 60${NBSP}% de femmes.`}
              />
            ) : null}
            {r.mixedJobs ? (
              <DistributionBlock
                dist={r.mixedJobs}
                intro={`Dans chaque structure, part des métiers qui sont mixtes (entre 40${NBSP}% et 60${NBSP}% de femmes). Peu de métiers mixtes signale des métiers encore très «${NBSP}genrés${NBSP}»${NBSP}: c'est souvent par là que commencent les actions.`}
              />
            ) : null}
            <DomainsSection d={d} />
            {r.size ? <DistributionBlock dist={r.size} intro={`L'Index de l'égalité professionnelle est obligatoire à partir de 50 salariés${NBSP}: il n'est compté que pour ces structures.`} /> : null}
            {r.index ? (
              <DistributionBlock
                dist={r.index}
                intro={`L'Index est une note sur 100 calculée à partir des écarts de salaire, d'augmentations et de promotions entre femmes et hommes. Sous 75, la structure doit prendre des mesures de correction${NBSP}; de 75 à 84, fixer des objectifs de progression.`}
              />
            ) : null}
          </>
        )}
      </section>

      <PlansSection d={d} />

      <section aria-labelledby="structures-titre">
        <h2 id="structures-titre">Les structures</h2>
        <p>
          {structures.total === 0
            ? "Aucune structure de la sélection n'est inscrite pour l'instant."
            : `${new Intl.NumberFormat("fr-FR").format(structures.total)} structure${structures.total > 1 ? "s" : ""} dans la sélection. Pour chacune, vous voyez seulement son nom, son type, sa commune et l'avancement de son diagnostic ${year}.`}
        </p>
        {structures.rows.length > 0 ? (
          <DataTable id="tableau-structures" title={`Structures de la sélection et avancement ${year}`}>
            <thead>
              <tr>
                <th scope="col">Structure</th>
                <th scope="col">Type</th>
                <th scope="col">Commune</th>
                <th scope="col">Statut {year}</th>
              </tr>
            </thead>
            <tbody>
              {structures.rows.map((s, i) => (
                <tr key={`${s.name}-${i}`}>
                  <th scope="row">{s.name}</th>
                  <td>{s.type}</td>
                  <td>
                    {s.commune} <span className="small">({s.departement})</span>
                  </td>
                  <td>{s.status}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
        {structures.pageCount > 1 ? (
          <nav className="pagination" aria-label="Pages de la liste des structures">
            {loaderData.previousPage ? <Link to={loaderData.previousPage}>Page précédente</Link> : null}
            <span>
              Page {structures.page} sur {structures.pageCount}
            </span>
            {loaderData.nextPage ? <Link to={loaderData.nextPage}>Page suivante</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
