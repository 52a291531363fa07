import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/account";
import { getDb } from "../../db/client.ts";
import { changePassword } from "../auth/accounts.server.ts";
import { requireSessionId } from "../auth/permissions.server.ts";
import { blankSessionCookie } from "../auth/session.server.ts";
import { accountDeletionPlan, deleteAccount } from "../orgs/data-deletion.server.ts";
import { ChangePasswordSchema } from "../auth/schemas.ts";
import { PASSWORD_MIN_LENGTH } from "../auth/password-rules.ts";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = () => [{ title: "Mon compte · Boussole Égalité" }];

const DeleteAccountSchema = z.object({
  intent: z.literal("delete-account"),
  deletePassword: z.string({ error: "Saisissez votre mot de passe pour confirmer." }).min(1, "Saisissez votre mot de passe pour confirmer.").max(200),
  confirmStructures: z.boolean().optional(),
});

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireSessionId(request);
  return { name: user.name, email: user.email, deletion: await accountDeletionPlan(await getDb(), user.id) };
}

export async function action({ request }: Route.ActionArgs) {
  const { user, sessionId } = await requireSessionId(request);
  const formData = await request.formData();
  if (formData.get("intent") === "delete-account") {
    const submission = parseWithZod(formData, { schema: DeleteAccountSchema });
    const hideFields = ["deletePassword"];
    if (submission.status !== "success") return data({ intent: "delete-account" as const, result: submission.reply({ hideFields }), done: false }, { status: 400 });
    const outcome = await deleteAccount(user.id, submission.value.deletePassword, submission.value.confirmStructures === true);
    if (!outcome.ok) {
      const errors = outcome.field === "form" ? { formErrors: [outcome.message] } : { fieldErrors: { [outcome.field === "password" ? "deletePassword" : "confirmStructures"]: [outcome.message] } };
      return data({ intent: "delete-account" as const, result: submission.reply({ ...errors, hideFields }), done: false }, { status: 400 });
    }
    throw redirect("/confidentialite?compte-supprime=1", { headers: { "Set-Cookie": blankSessionCookie() } });
  }
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  const hideFields = ["current", "password", "confirm"];
  if (submission.status !== "success") return data({ intent: "password" as const, result: submission.reply({ hideFields }), done: false }, { status: 400 });
  const result = await changePassword(user.id, sessionId, submission.value.current, submission.value.password);
  if (!result.ok) return data({ intent: "password" as const, result: submission.reply({ fieldErrors: result.fieldErrors, hideFields }), done: false }, { status: 400 });
  return { intent: "password" as const, result: submission.reply({ resetForm: true }), done: true };
}

const LABELS = { current: "Mot de passe actuel", password: "Nouveau mot de passe", confirm: "Confirmez le nouveau mot de passe" };

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const [form, fields] = useSchemaForm(ChangePasswordSchema, { id: "mot-de-passe", lastResult: actionData?.intent === "password" ? actionData.result : null });
  return (
    <div className="narrow">
      <h1>Mon compte</h1>
      <dl className="facts">
        <div>
          <dt>Nom</dt>
          <dd>{loaderData.name}</dd>
        </div>
        <div>
          <dt>Adresse électronique</dt>
          <dd>{loaderData.email}</dd>
        </div>
      </dl>
      <section aria-labelledby="changer">
        <h2 id="changer">Changer de mot de passe</h2>
        {actionData?.done ? <Notice>Mot de passe changé. Vos autres appareils ont été déconnectés.</Notice> : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} fields={fields} labels={LABELS} />
          <input type="hidden" name="intent" value="password" />
          <Field field={fields.current} label={LABELS.current}>
            {(p) => <input {...getInputProps(fields.current, { type: "password" })} {...p} autoComplete="current-password" />}
          </Field>
          <Field field={fields.password} label={LABELS.password} help={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}>
            {(p) => <input {...getInputProps(fields.password, { type: "password" })} {...p} autoComplete="new-password" />}
          </Field>
          <Field field={fields.confirm} label={LABELS.confirm}>
            {(p) => <input {...getInputProps(fields.confirm, { type: "password" })} {...p} autoComplete="new-password" />}
          </Field>
          <button type="submit" className="button">
            Changer le mot de passe
          </button>
        </Form>
      </section>
      <section aria-labelledby="appareils">
        <h2 id="appareils">Vos appareils</h2>
        <p>Si vous vous êtes connecté ou connectée sur un ordinateur partagé, fermez toutes vos sessions.</p>
        <Form method="post" action="/deconnexion">
          <input type="hidden" name="everywhere" value="1" />
          <button type="submit" className="button button-secondary">
            Se déconnecter de tous les appareils
          </button>
        </Form>
      </section>
      <DeleteAccountSection deletion={loaderData.deletion} lastResult={actionData?.intent === "delete-account" ? actionData.result : null} />
    </div>
  );
}

const NBSP = "\u00a0";
const DELETE_LABELS = { deletePassword: "Votre mot de passe", confirmStructures: "Confirmation" };
type Deletion = Route.ComponentProps["loaderData"]["deletion"];

function DeleteAccountSection({ deletion, lastResult }: { deletion: Deletion; lastResult: Parameters<typeof useSchemaForm>[1]["lastResult"] }) {
  const [form, fields] = useSchemaForm(DeleteAccountSchema, { id: "supprimer-compte", lastResult });
  const quoted = (name: string) => `«${NBSP}${name}${NBSP}»`;
  return (
    <section aria-labelledby="supprimer">
      <h2 id="supprimer">Supprimer mon compte</h2>
      <p>
        Votre compte, vos sessions et vos appartenances aux espaces sont supprimés. Votre nom disparaît des mentions «{NBSP}modifié par{NBSP}» et du
        journal des structures. Les diagnostics et plans des structures que vous quittez restent à elles.
      </p>
      {deletion.blocking.length > 0 ? (
        <div className="notice notice-warning">
          <p>
            Vous êtes la seule personne propriétaire de {deletion.blocking.map((o) => quoted(o.name)).join(", ")}, qui compte d'autres membres. Avant de
            supprimer votre compte, nommez une autre personne propriétaire, ou supprimez la structure{NBSP}:
          </p>
          <ul>
            {deletion.blocking.map((o) => (
              <li key={o.id}>
                <Link to={`/o/${o.id}/membres`}>Membres de {o.name}</Link> · <Link to={`/o/${o.id}/donnees`}>Données de {o.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} fields={fields} labels={DELETE_LABELS} />
          <input type="hidden" name="intent" value="delete-account" />
          {deletion.deletedWithAccount.length > 0 ? (
            <div className={`field${fields.confirmStructures.errors?.length ? " field-error" : ""}`}>
              <p>
                Vous êtes le seul membre de {deletion.deletedWithAccount.map((o) => quoted(o.name)).join(", ")}{NBSP}: sans vous, plus personne ne pourrait
                y accéder. {deletion.deletedWithAccount.length > 1 ? "Ces structures sont supprimées" : "Cette structure est supprimée"} avec votre compte,
                avec toutes ses données. Exportez-les d'abord si vous voulez les garder (rubrique «{NBSP}Données de la structure{NBSP}»).
              </p>
              {fields.confirmStructures.errors?.length ? (
                <p className="field-error-message" id={`${fields.confirmStructures.id}-error`}>
                  <span aria-hidden="true">⚠ </span>
                  {fields.confirmStructures.errors[0]}
                </p>
              ) : null}
              <label>
                <input
                  {...getInputProps(fields.confirmStructures, { type: "checkbox" })}
                  value="on"
                  aria-describedby={fields.confirmStructures.errors?.length ? `${fields.confirmStructures.id}-error` : undefined}
                />{" "}
                Je comprends que {deletion.deletedWithAccount.length > 1 ? "ces structures seront supprimées" : "cette structure sera supprimée"} avec mon compte.
              </label>
            </div>
          ) : null}
          <Field field={fields.deletePassword} label={DELETE_LABELS.deletePassword} help="Pour confirmer que c'est bien vous.">
            {(p) => <input {...getInputProps(fields.deletePassword, { type: "password" })} {...p} autoComplete="current-password" />}
          </Field>
          <button type="submit" className="button button-danger">
            Supprimer définitivement mon compte
          </button>
        </Form>
      )}
    </section>
  );
}
