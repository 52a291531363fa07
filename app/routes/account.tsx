import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form } from "react-router";
import type { Route } from "./+types/account";
import { changePassword } from "../auth/accounts.server.ts";
import { requireSessionId } from "../auth/permissions.server.ts";
import { ChangePasswordSchema } from "../auth/schemas.ts";
import { PASSWORD_MIN_LENGTH } from "../auth/password-rules.ts";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = () => [{ title: "Mon compte · Boussole Égalité" }];

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireSessionId(request);
  return { name: user.name, email: user.email };
}

export async function action({ request }: Route.ActionArgs) {
  const { user, sessionId } = await requireSessionId(request);
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema });
  const hideFields = ["current", "password", "confirm"];
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields }), done: false }, { status: 400 });
  const result = await changePassword(user.id, sessionId, submission.value.current, submission.value.password);
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: result.fieldErrors, hideFields }), done: false }, { status: 400 });
  return { result: submission.reply({ resetForm: true }), done: true };
}

const LABELS = { current: "Mot de passe actuel", password: "Nouveau mot de passe", confirm: "Confirmez le nouveau mot de passe" };

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const [form, fields] = useSchemaForm(ChangePasswordSchema, { id: "mot-de-passe", lastResult: actionData?.result });
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
    </div>
  );
}
