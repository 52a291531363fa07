import { getFormProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/structure-advisors";
import { getDb } from "../../db/client.ts";
import { listAccessAudit, listAccompanimentOrganizations, listStructureGrants } from "../../db/queries/grants.ts";
import { requireOrgAccess } from "../auth/permissions.server.ts";
import {
  GRANT_LEVELS,
  GRANT_LEVEL_HELP,
  GRANT_LEVEL_LABELS,
  GrantDecisionSchema,
  GrantFormSchema,
  actingOrgId,
  describeAccessAudit,
} from "../orgs/accompaniment.ts";
import { decideOnGrant, grantAccess } from "../orgs/accompaniment.server.ts";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { formatDate, formatTime } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";
import cssHref from "../ui/accompaniment.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: cssHref }];

export const meta: Route.MetaFunction = () => [{ title: "Accompagnement · Boussole Égalité" }];

const NBSP = "\u00a0";

/** « 22 novembre 2026 à 14 h 32 » */
function when(iso: string) {
  return `${formatDate(iso)} à ${formatTime(iso)}`;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, role } = await requireOrgAccess(request, params.orgId, "view", ["structure"]);
  const canManage = role === "owner";
  const db = await getDb();
  const [grants, associations, audit] = await Promise.all([
    listStructureGrants(db, org.id),
    canManage ? listAccompanimentOrganizations(db) : Promise.resolve([]),
    canManage ? listAccessAudit(db, org.id) : Promise.resolve([]),
  ]);
  const orgNames = new Map(associations.map((a) => [a.id, a.name]));
  for (const g of grants) orgNames.set(g.advisorOrgId, g.advisorName);
  const view = (g: (typeof grants)[number]) => ({
    id: g.id,
    advisorOrgId: g.advisorOrgId,
    advisorName: g.advisorName,
    level: g.level,
    updatedAt: g.updatedAt.toISOString(),
    requestedByName: g.requestedByName,
  });
  return {
    org: { id: org.id, name: org.name },
    canManage,
    active: grants.filter((g) => g.status === "active").map(view),
    requested: grants.filter((g) => g.status === "requested").map(view),
    past: canManage ? grants.filter((g) => g.status === "refused" || g.status === "revoked").map((g) => ({ ...view(g), status: g.status })) : [],
    associations,
    journal: audit.map((e) => {
      const actingFor = actingOrgId(e);
      return {
        id: e.id,
        at: e.createdAt.toISOString(),
        who: `${e.actorName ?? "Personne inconnue"}${actingFor && orgNames.has(actingFor) ? `, ${orgNames.get(actingFor)}` : ""}`,
        what: describeAccessAudit(e, orgNames),
      };
    }),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { org, user } = await requireOrgAccess(request, params.orgId, "manage", ["structure"]);
  const formData = await request.formData();
  if (formData.get("intent") === "grant") {
    const submission = parseWithZod(formData, { schema: GrantFormSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), done: null, problem: null }, { status: 400 });
    const outcome = await grantAccess(org.id, user, submission.value.advisorOrgId, submission.value.level);
    if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: { advisorOrgId: [outcome.message] } }), done: null, problem: null }, { status: 400 });
    return { result: submission.reply({ resetForm: true }), done: outcome.message, problem: null };
  }
  const parsed = GrantDecisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Demande incorrecte", { status: 400 });
  const outcome = await decideOnGrant(org.id, user, parsed.data);
  if (!outcome.ok) return data({ result: null, done: null, problem: outcome.message }, { status: 409 });
  return { result: null, done: outcome.message, problem: null };
}

function LevelSelect({ id, label, defaultValue }: { id: string; label: string; defaultValue: string }) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} name="level" defaultValue={defaultValue}>
        {GRANT_LEVELS.map((l) => (
          <option key={l} value={l}>
            {GRANT_LEVEL_LABELS[l]}
          </option>
        ))}
      </select>
    </>
  );
}

export default function StructureAdvisors({ loaderData, actionData }: Route.ComponentProps) {
  const { org, canManage, active, requested, past, associations, journal } = loaderData;
  const [form, fields] = useSchemaForm(GrantFormSchema, { id: "donner-acces", lastResult: actionData?.result ?? null, defaultValue: { advisorOrgId: "", level: "read" } });
  const levelError = fields.level.errors?.[0];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> › Accompagnement
      </p>
      <h1>Accompagnement de «{NBSP}{org.name}{NBSP}»</h1>
      <p className="lead">
        Une association d'accompagnement (CORIF, Galilée, FETE…) peut relire vos diagnostics et votre plan d'action, et vous laisser des
        commentaires. Elle n'y a accès que si vous le décidez, au niveau que vous choisissez, et vous pouvez retirer cet accès à tout moment.
      </p>
      {actionData?.done ? <Notice>{actionData.done}</Notice> : null}
      {actionData?.problem ? (
        <div className="notice notice-warning" role="alert">
          {actionData.problem}
        </div>
      ) : null}
      {!canManage ? <p className="notice notice-info">Seules les personnes propriétaires de l'espace donnent ou retirent un accès. Vous consultez cette page en lecture seule.</p> : null}

      {requested.length > 0 ? (
        <section aria-labelledby="demandes">
          <h2 id="demandes">Demandes en attente</h2>
          <div className="table-wrap">
            <table>
              <caption>Associations qui demandent l'accès à vos diagnostics</caption>
              <thead>
                <tr>
                  <th scope="col">Association</th>
                  <th scope="col">Demandé par</th>
                  <th scope="col">Accès demandé</th>
                  {canManage ? <th scope="col">Votre réponse</th> : null}
                </tr>
              </thead>
              <tbody>
                {requested.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.advisorName}</th>
                    <td>
                      {g.requestedByName ?? "—"}, le {formatDate(g.updatedAt)}
                    </td>
                    <td>{GRANT_LEVEL_LABELS[g.level]}</td>
                    {canManage ? (
                      <td>
                        <div className="row-actions">
                          <Form method="post" className="row-actions">
                            <input type="hidden" name="intent" value="accept" />
                            <input type="hidden" name="grantId" value={g.id} />
                            <LevelSelect id={`accepter-${g.id}`} label={`Niveau d'accès accordé à ${g.advisorName}`} defaultValue={g.level} />
                            <button type="submit" className="button button-small">
                              Accepter<span className="visually-hidden"> la demande de {g.advisorName}</span>
                            </button>
                          </Form>
                          <Form method="post">
                            <input type="hidden" name="intent" value="refuse" />
                            <input type="hidden" name="grantId" value={g.id} />
                            <button type="submit" className="button button-small button-secondary">
                              Refuser<span className="visually-hidden"> la demande de {g.advisorName}</span>
                            </button>
                          </Form>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="acces">
        <h2 id="acces">Associations qui ont accès</h2>
        {active.length === 0 ? (
          <p>Aucune association n'a accès à vos diagnostics pour le moment.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>Associations d'accompagnement qui voient vos diagnostics</caption>
              <thead>
                <tr>
                  <th scope="col">Association</th>
                  <th scope="col">Accès</th>
                  <th scope="col">Depuis le</th>
                  {canManage ? <th scope="col">Modifier ou retirer</th> : null}
                </tr>
              </thead>
              <tbody>
                {active.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.advisorName}</th>
                    <td>{GRANT_LEVEL_LABELS[g.level]}</td>
                    <td>{formatDate(g.updatedAt)}</td>
                    {canManage ? (
                      <td>
                        <div className="row-actions">
                          <Form method="post" className="row-actions">
                            <input type="hidden" name="intent" value="level" />
                            <input type="hidden" name="grantId" value={g.id} />
                            <LevelSelect id={`niveau-${g.id}`} label={`Niveau d'accès de ${g.advisorName}`} defaultValue={g.level} />
                            <button type="submit" className="button button-small button-secondary">
                              Changer<span className="visually-hidden"> l'accès de {g.advisorName}</span>
                            </button>
                          </Form>
                          <Form method="post">
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="grantId" value={g.id} />
                            <button type="submit" className="button button-small button-danger">
                              Retirer l'accès<span className="visually-hidden"> de {g.advisorName}</span>
                            </button>
                          </Form>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className="help-block">
          <summary>Que voit une association selon son accès{NBSP}?</summary>
          <ul>
            {GRANT_LEVELS.map((l) => (
              <li key={l}>
                <strong>{GRANT_LEVEL_LABELS[l]}</strong>{NBSP}: {GRANT_LEVEL_HELP[l]}.
              </li>
            ))}
          </ul>
          <p>Un retrait d'accès prend effet immédiatement. Chaque consultation et chaque téléchargement par une association sont inscrits au journal ci-dessous.</p>
        </details>
      </section>

      {canManage ? (
        <section aria-labelledby="donner">
          <h2 id="donner">Donner accès à une association</h2>
          {associations.length === 0 ? (
            <p>Aucune association d'accompagnement n'est encore inscrite sur Boussole Égalité.</p>
          ) : (
            <Form method="post" {...getFormProps(form)} className="stack narrow">
              <ErrorSummary form={form} fields={fields} labels={{ advisorOrgId: "Association d'accompagnement", level: "Niveau d'accès" }} />
              <input type="hidden" name="intent" value="grant" />
              <Field field={fields.advisorOrgId} label="Association d'accompagnement">
                {(p) => (
                  <select {...getSelectProps(fields.advisorOrgId)} {...p}>
                    <option value="">Choisissez…</option>
                    {associations.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <fieldset
                className={`field level-choice${levelError ? " field-error" : ""}`}
                id={fields.level.id}
                tabIndex={-1}
                aria-describedby={levelError ? `${fields.level.id}-error` : undefined}
              >
                <legend>Niveau d'accès</legend>
                {levelError ? (
                  <p className="field-error-message" id={`${fields.level.id}-error`}>
                    <span aria-hidden="true">⚠ </span>
                    {levelError}
                  </p>
                ) : null}
                {GRANT_LEVELS.map((l) => (
                  <div className="choice" key={l}>
                    <input
                      type="radio"
                      id={`${fields.level.id}-${l}`}
                      name={fields.level.name}
                      value={l}
                      defaultChecked={(fields.level.initialValue ?? "read") === l}
                      aria-describedby={`${fields.level.id}-${l}-aide`}
                    />
                    <label htmlFor={`${fields.level.id}-${l}`}>
                      <strong>{GRANT_LEVEL_LABELS[l]}</strong>
                      <span className="small" id={`${fields.level.id}-${l}-aide`}>
                        {" "}
                        — {GRANT_LEVEL_HELP[l]}.
                      </span>
                    </label>
                  </div>
                ))}
              </fieldset>
              <button type="submit" className="button">
                Donner l'accès
              </button>
            </Form>
          )}
        </section>
      ) : null}

      {canManage && past.length > 0 ? (
        <section aria-labelledby="anciens">
          <h2 id="anciens">Accès retirés et demandes refusées</h2>
          <ul>
            {past.map((g) => (
              <li key={g.id}>
                {g.advisorName}{NBSP}: {g.status === "revoked" ? "accès retiré" : "demande refusée"} le {formatDate(g.updatedAt)}.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canManage ? (
        <section aria-labelledby="journal">
          <h2 id="journal">Journal des accès</h2>
          <p className="small">
            Qui a donné, demandé, changé ou retiré un accès, et chaque consultation ou téléchargement par une association (une ligne par demi-heure de
            consultation). Seules les personnes propriétaires voient ce journal.
          </p>
          {journal.length === 0 ? (
            <p>Rien pour l'instant.</p>
          ) : (
            <div className="table-wrap">
              <table className="journal">
                <caption>Journal des accès, du plus récent au plus ancien</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Qui</th>
                    <th scope="col">Quoi</th>
                  </tr>
                </thead>
                <tbody>
                  {journal.map((e) => (
                    <tr key={e.id}>
                      <td>{when(e.at)}</td>
                      <td>{e.who}</td>
                      <td>{e.what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
