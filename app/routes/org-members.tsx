import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/org-members";
import { getDb } from "../../db/client.ts";
import { listPendingInvitations } from "../../db/queries/invitations.ts";
import { listMembers } from "../../db/queries/organizations.ts";
import { ROLES } from "../../db/schema-enums.ts";
import { inviteMember } from "../auth/accounts.server.ts";
import { requireOrgAccess } from "../auth/permissions.server.ts";
import { InviteMemberSchema, ROLE_HELP, ROLE_LABELS } from "../auth/schemas.ts";
import { cancelInvitation, changeMemberRole, removeMember } from "../orgs/members.server.ts";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";
import { formatDate } from "../ui/format.ts";
import { looksLikeId } from "../auth/ids.ts";

export const meta: Route.MetaFunction = () => [{ title: "Membres · Boussole Égalité" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, role, user } = await requireOrgAccess(request, params.orgId, "view");
  const db = await getDb();
  const [members, invitations] = await Promise.all([
    listMembers(db, org.id),
    role === "owner" ? listPendingInvitations(db, org.id, new Date()) : Promise.resolve([]),
  ]);
  return {
    org: { id: org.id, name: org.name },
    me: user.id,
    canManage: role === "owner",
    members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() })),
  };
}

const Id = z.string().refine(looksLikeId);
const MemberIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), userId: Id, role: z.enum(ROLES) }),
  z.object({ intent: z.literal("remove"), userId: Id }),
  z.object({ intent: z.literal("leave") }),
  z.object({ intent: z.literal("revoke"), invitationId: Id }),
]);

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "leave") {
    // Any member may leave; the last owner may not.
    const { org, user } = await requireOrgAccess(request, params.orgId, "view");
    const outcome = await removeMember(org.id, user.id, user.id);
    if (!outcome.ok) return data({ result: null, message: outcome.message, done: null }, { status: 409 });
    throw redirect("/espace");
  }
  const { org, user } = await requireOrgAccess(request, params.orgId, "manage");
  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: InviteMemberSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), message: null, done: null }, { status: 400 });
    await inviteMember(request, { organizationId: org.id, organizationName: org.name, email: submission.value.email, role: submission.value.role, invitedBy: user });
    return { result: submission.reply({ resetForm: true }), message: null, done: `Invitation envoyée à ${submission.value.email}.` };
  }
  const parsed = MemberIntentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Demande incorrecte", { status: 400 });
  const value = parsed.data;
  if (value.intent === "revoke") {
    await cancelInvitation(org.id, user.id, value.invitationId);
    return { result: null, message: null, done: "Invitation retirée." };
  }
  if (value.intent === "leave") throw new Response("Demande incorrecte", { status: 400 });
  const outcome =
    value.intent === "role"
      ? await changeMemberRole(org.id, user.id, value.userId, value.role)
      : await removeMember(org.id, user.id, value.userId);
  if (!outcome.ok) return data({ result: null, message: outcome.message, done: null }, { status: 409 });
  return { result: null, message: null, done: value.intent === "role" ? "Rôle modifié." : "Membre retiré de l'espace." };
}

export default function Members({ loaderData, actionData }: Route.ComponentProps) {
  const { org, members, invitations, canManage, me } = loaderData;
  const [form, fields] = useSchemaForm(InviteMemberSchema, { id: "invitation", lastResult: actionData?.result ?? null });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> › Membres
      </p>
      <h1>Membres de « {org.name} »</h1>
      {actionData?.done ? <Notice>{actionData.done}</Notice> : null}
      {actionData?.message ? (
        <div className="notice notice-warning" role="alert">
          {actionData.message}
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>Personnes ayant accès à l'espace</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse</th>
              <th scope="col">Rôle</th>
              {canManage ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  {canManage ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                        Rôle de {m.name}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABELS[r]}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit" className="button button-small button-secondary">
                        Changer le rôle<span className="visually-hidden"> de {m.name}</span>
                      </button>
                    </Form>
                  ) : (
                    ROLE_LABELS[m.role]
                  )}
                </td>
                {canManage ? (
                  <td>
                    {m.userId !== me ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="button button-small button-danger">
                          Retirer<span className="visually-hidden"> {m.name}</span>
                        </button>
                      </Form>
                    ) : (
                      "Vous"
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="help-block">
        <summary>Que permet chaque rôle ?</summary>
        <ul>
          {ROLES.map((r) => (
            <li key={r}>
              <strong>{ROLE_LABELS[r]}</strong> : {ROLE_HELP[r]}.
            </li>
          ))}
        </ul>
      </details>

      {canManage ? (
        <section aria-labelledby="inviter">
          <h2 id="inviter">Inviter une personne</h2>
          <Form method="post" {...getFormProps(form)} className="stack narrow">
            <ErrorSummary form={form} fields={fields} labels={{ email: "Adresse électronique", role: "Rôle" }} />
            <input type="hidden" name="intent" value="invite" />
            <Field field={fields.email} label="Adresse électronique" help="La personne recevra un lien valable 14 jours.">
              {(p) => <input {...getInputProps(fields.email, { type: "email" })} {...p} autoComplete="off" />}
            </Field>
            <Field field={fields.role} label="Rôle">
              {(p) => (
                <select {...getSelectProps(fields.role)} {...p}>
                  <option value="">Choisissez…</option>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]} ({ROLE_HELP[r]})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className="button">
              Envoyer l'invitation
            </button>
          </Form>
          {invitations.length > 0 ? (
            <>
              <h3>Invitations en attente</h3>
              <ul>
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email} ({ROLE_LABELS[i.role]}), valable jusqu'au {formatDate(i.expiresAt)}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="button button-small button-secondary">
                        Retirer l'invitation<span className="visually-hidden"> de {i.email}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="quitter">
        <h2 id="quitter">Quitter cet espace</h2>
        <p>Vous n'aurez plus accès à cet espace. La dernière personne propriétaire ne peut pas le quitter.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="leave" />
          <button type="submit" className="button button-danger">
            Quitter l'espace
          </button>
        </Form>
      </section>
    </>
  );
}
