import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/reset-password";
import { checkResetToken, resetPassword } from "../auth/accounts.server.ts";
import { ResetPasswordSchema } from "../auth/schemas.ts";
import { sessionCookie } from "../auth/session.server.ts";
import { PASSWORD_MIN_LENGTH } from "../auth/password-rules.ts";
import { ErrorSummary, Field } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = () => [{ title: "Choisir un nouveau mot de passe · Boussole Égalité" }];

export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: token ? await checkResetToken(token) : false };
}

export async function action({ request }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  const result = await resetPassword(submission.value.token, submission.value.password);
  if (!result.ok) return data({ result: submission.reply({ formErrors: result.formErrors, hideFields: ["password", "confirm"] }) }, { status: 400 });
  throw redirect("/espace?motdepasse=1", { headers: { "Set-Cookie": sessionCookie(result.value.token, result.value.expiresAt) } });
}

const LABELS = { password: "Nouveau mot de passe", confirm: "Confirmez le nouveau mot de passe" };

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const [form, fields] = useSchemaForm(ResetPasswordSchema, { id: "reinitialisation", lastResult: actionData?.result });
  if (!loaderData.valid && !actionData)
    return (
      <div className="narrow">
        <h1>Lien expiré ou déjà utilisé</h1>
        <p>
          Ce lien de réinitialisation n'est plus valable : il ne sert qu'une fois et expire au bout d'une heure.
        </p>
        <p>
          <Link to="/mot-de-passe-oublie" className="button">
            Demander un nouveau lien
          </Link>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>Choisir un nouveau mot de passe</h1>
      <p className="lead">Après ce changement, vos autres appareils seront déconnectés.</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} fields={fields} labels={LABELS} />
        <input type="hidden" name="token" value={loaderData.token} />
        <Field field={fields.password} label={LABELS.password} help={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}>
          {(p) => <input {...getInputProps(fields.password, { type: "password" })} {...p} autoComplete="new-password" />}
        </Field>
        <Field field={fields.confirm} label={LABELS.confirm}>
          {(p) => <input {...getInputProps(fields.confirm, { type: "password" })} {...p} autoComplete="new-password" />}
        </Field>
        <button type="submit" className="button">
          Enregistrer le mot de passe
        </button>
      </Form>
    </div>
  );
}
