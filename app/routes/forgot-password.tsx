import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/forgot-password";
import { requestPasswordReset } from "../auth/accounts.server.ts";
import { ForgotPasswordSchema } from "../auth/schemas.ts";
import { ErrorSummary, Field } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = () => [{ title: "Mot de passe oublié · Boussole Égalité" }];

export async function action({ request }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  await requestPasswordReset(request, submission.value.email);
  // Same answer whether the account exists or not.
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const [form, fields] = useSchemaForm(ForgotPasswordSchema, { id: "oubli", lastResult: actionData?.result });
  return (
    <div className="narrow">
      <h1>Mot de passe oublié</h1>
      {actionData?.sent ? (
        <div className="notice notice-success" role="status">
          Si un compte existe pour cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau
          mot de passe. Le lien est valable une heure. Pensez à regarder dans les indésirables.
        </div>
      ) : (
        <p className="lead">Indiquez l'adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      )}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} fields={fields} labels={{ email: "Adresse électronique" }} />
        <Field field={fields.email} label="Adresse électronique">
          {(p) => <input {...getInputProps(fields.email, { type: "email" })} {...p} autoComplete="email" />}
        </Field>
        <button type="submit" className="button">
          Recevoir le lien
        </button>
      </Form>
      <p>
        <Link to="/connexion">Revenir à la connexion</Link>
      </p>
    </div>
  );
}
