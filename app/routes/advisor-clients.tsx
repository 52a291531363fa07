import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/advisor-clients";
import { STRUCTURE_TYPES, STRUCTURE_TYPE_LABELS } from "../../diagnostics/types.ts";
import { requireAdvisorOrg } from "../auth/permissions.server.ts";
import {
  AccessRequestSchema,
  CLIENT_SORTS,
  CLIENT_SORT_CAPTIONS,
  CLIENT_SORT_LABELS,
  CLIENT_STATES,
  CLIENT_STATE_LABELS,
  GRANT_LEVELS,
  GRANT_LEVEL_LABELS,
  REQUEST_SENT_MESSAGE,
  parseClientQuery,
} from "../orgs/accompaniment.ts";
import { requestAccessBySiret } from "../orgs/accompaniment.server.ts";
import { loadClientsPage } from "../orgs/clients.server.ts";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { formatDate } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";
import cssHref from "../ui/accompaniment.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: cssHref }];

export const meta: Route.MetaFunction = () => [{ title: "Structures accompagnées · Boussole Égalité" }];

const NBSP = "\u00a0";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, role } = await requireAdvisorOrg(request, params.orgId);
  const url = new URL(request.url);
  const query = parseClientQuery(url.searchParams);
  const page = await loadClientsPage(org.id, query);
  const created = url.searchParams.get("creee");
  return {
    org: { id: org.id, name: org.name },
    canAct: role !== "viewer",
    query,
    filtered: Boolean(query.departement || query.type || query.etat),
    created: created ? (page.clients.find((c) => c.id === created) ?? null) : null,
    ...page,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { org, user } = await requireAdvisorOrg(request, params.orgId, "edit");
  const submission = parseWithZod(await request.formData(), { schema: AccessRequestSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  const sent = await requestAccessBySiret(request, { orgId: org.id, orgName: org.name }, user, submission.value);
  if (!sent)
    return data(
      { result: submission.reply({ formErrors: [`Votre association a envoyé beaucoup de demandes aujourd'hui${NBSP}: réessayez demain.`] }), done: null },
      { status: 429 },
    );
  return { result: submission.reply({ resetForm: true }), done: REQUEST_SENT_MESSAGE };
}

function RequestAccessForm({ lastResult }: { lastResult: Parameters<typeof useSchemaForm>[1]["lastResult"] }) {
  const [form, fields] = useSchemaForm(AccessRequestSchema, { id: "demande-acces", lastResult, defaultValue: { level: "read" } });
  const levelError = fields.level.errors?.[0];
  return (
    <Form method="post" {...getFormProps(form)} className="stack narrow">
      <ErrorSummary form={form} fields={fields} labels={{ siret: "SIRET de la structure", level: "Accès demandé" }} />
      <input type="hidden" name="intent" value="request" />
      <Field field={fields.siret} label="SIRET de la structure" help="14 chiffres. Les espaces sont acceptés.">
        {(p) => <input {...getInputProps(fields.siret, { type: "text" })} {...p} inputMode="numeric" autoComplete="off" />}
      </Field>
      <fieldset className={`field level-choice${levelError ? " field-error" : ""}`} id={fields.level.id} tabIndex={-1}>
        <legend>Accès demandé</legend>
        {levelError ? (
          <p className="field-error-message">
            <span aria-hidden="true">⚠ </span>
            {levelError}
          </p>
        ) : null}
        {GRANT_LEVELS.map((l) => (
          <div className="choice" key={l}>
            <input type="radio" id={`${fields.level.id}-${l}`} name={fields.level.name} value={l} defaultChecked={(fields.level.initialValue ?? "read") === l} />
            <label htmlFor={`${fields.level.id}-${l}`}>{GRANT_LEVEL_LABELS[l]}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        Demander l'accès
      </button>
    </Form>
  );
}

export default function AdvisorClients({ loaderData, actionData }: Route.ComponentProps) {
  const { org, clients, total, query, filtered, departementOptions, pending, canAct, created } = loaderData;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> › Structures accompagnées
      </p>
      <h1>Structures accompagnées par «{NBSP}{org.name}{NBSP}»</h1>
      <p className="lead">
        Les structures qui vous ont donné accès à leurs diagnostics. Chacune décide du niveau d'accès et peut le retirer à tout moment{NBSP}: elle
        disparaît alors de cette liste.
      </p>
      {created ? (
        <Notice>
          L'espace de «{NBSP}{created.name}{NBSP}» est créé et sa direction a reçu une invitation pour en devenir propriétaire.{" "}
          <Link to={`/o/${created.id}/diagnostics`}>Commencer son diagnostic</Link>
        </Notice>
      ) : null}
      {canAct ? (
        <p className="actions">
          <Link className="button button-secondary" to={`/o/${org.id}/clients/nouvelle`}>
            Créer l'espace d'une structure (atelier)
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="clients">
        <h2 id="clients">Vos structures</h2>
        {total === 0 ? (
          <p>Aucune structure ne vous donne accès pour le moment. Demandez l'accès avec le SIRET de la structure, plus bas sur cette page.</p>
        ) : (
          <>
            <Form method="get" className="filters" aria-label="Filtrer et trier les structures">
              <div className="field">
                <label htmlFor="filtre-departement">Département</label>
                <select id="filtre-departement" name="departement" defaultValue={query.departement ?? ""}>
                  <option value="">Tous</option>
                  {departementOptions.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filtre-type">Type</label>
                <select id="filtre-type" name="type" defaultValue={query.type ?? ""}>
                  <option value="">Tous</option>
                  {STRUCTURE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {STRUCTURE_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filtre-etat">Dernier diagnostic</label>
                <select id="filtre-etat" name="etat" defaultValue={query.etat ?? ""}>
                  <option value="">Tous</option>
                  {CLIENT_STATES.map((s) => (
                    <option key={s} value={s}>
                      {CLIENT_STATE_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="tri">Trier par</label>
                <select id="tri" name="tri" defaultValue={query.tri}>
                  {CLIENT_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {CLIENT_SORT_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button-small">
                Afficher
              </button>
              {filtered ? <Link to={`/o/${org.id}/clients`}>Effacer les filtres</Link> : null}
            </Form>
            <p role="status" className="small">
              {clients.length === total
                ? `${total} structure${total > 1 ? "s" : ""}.`
                : `${clients.length} structure${clients.length > 1 ? "s" : ""} sur ${total} correspond${clients.length > 1 ? "ent" : ""} aux filtres.`}
            </p>
            {clients.length > 0 ? (
              <div className="table-wrap">
                <table>
                  <caption>Structures accompagnées, {CLIENT_SORT_CAPTIONS[query.tri]}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Structure</th>
                      <th scope="col">Diagnostics (année, état, avancement, plan)</th>
                      <th scope="col">Dernière activité</th>
                      <th scope="col">Votre accès</th>
                    </tr>
                  </thead>
                  <tbody>
                    {clients.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <Link to={`/o/${c.id}/diagnostics`}>{c.name}</Link>
                          <span className="small client-meta">
                            {[c.structureType === "autre" ? "Autre" : c.structureType, c.commune, c.departementLabel].filter(Boolean).join(" · ")}
                          </span>
                        </th>
                        <td>
                          {c.diagnostics.length === 0 ? (
                            "Aucun diagnostic"
                          ) : (
                            <ul className="diag-list">
                              {c.diagnostics.map((d) => (
                                <li key={d.id}>
                                  <Link to={`/o/${c.id}/d/${d.id}`}>
                                    <span className="visually-hidden">Diagnostic </span>
                                    {d.year}
                                    <span className="visually-hidden"> de {c.name}</span>
                                  </Link>{" "}
                                  <span className={`badge badge-${d.status}`}>{d.status === "termine" ? "terminé" : "en cours"}</span> {d.percent}
                                  {NBSP}%
                                  <span className="small">
                                    Plan{NBSP}: {d.plan.label.charAt(0).toLowerCase() + d.plan.label.slice(1)}
                                    {d.openComments > 0 ? ` · ${d.openComments} commentaire${d.openComments > 1 ? "s" : ""} non résolu${d.openComments > 1 ? "s" : ""}` : ""}
                                  </span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>{c.lastActivity ? formatDate(c.lastActivity) : "Pas encore"}</td>
                        <td>{GRANT_LEVEL_LABELS[c.level]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>Aucune structure ne correspond à ces filtres.</p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="demander">
        <h2 id="demander">Demander l'accès à une structure</h2>
        <p>
          La demande est envoyée aux personnes propriétaires de l'espace de la structure, si elle en a un. Elles choisissent d'accepter, avec le niveau
          d'accès qu'elles veulent, ou de refuser. Pour une structure qui n'a pas encore d'espace, créez-le avec elle (bouton «{NBSP}Créer l'espace d'une
          structure{NBSP}»).
        </p>
        {actionData?.done ? <Notice>{actionData.done}</Notice> : null}
        {canAct ? (
          <RequestAccessForm lastResult={actionData?.result ?? null} />
        ) : (
          <p className="small">Votre rôle dans l'association (lecture seule) ne permet pas d'envoyer de demande.</p>
        )}
        {pending.length > 0 ? (
          <>
            <h3>Demandes envoyées</h3>
            <p className="small">Les demandes des 90 derniers jours qui n'ont pas encore donné accès. Une structure qui n'a pas répondu ne vous voit pas non plus.</p>
            <ul>
              {pending.map((p) => (
                <li key={p.id}>
                  SIRET {p.siret} ({GRANT_LEVEL_LABELS[p.level].toLowerCase()}), le {formatDate(p.at)}
                  {p.byName ? ` par ${p.byName}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
