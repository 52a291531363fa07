import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { logIn } from "../auth/accounts.server.ts";
import { requireAnonymous } from "../auth/permissions.server.ts";
import { LoginSchema, safeRedirect } from "../auth/schemas.ts";
import { sessionCookie } from "../auth/session.server.ts";
import { ErrorSummary, Field } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = () => [{ title: "Se connecter · Boussole Égalité" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const result = await logIn(request, submission.value.email, submission.value.password);
  if (!result.ok) return data({ result: submission.reply({ formErrors: result.formErrors, hideFields: ["password"] }) }, { status: result.status ?? 400 });
  throw redirect(safeRedirect(submission.value.redirectTo), {
    headers: { "Set-Cookie": sessionCookie(result.value.token, result.value.expiresAt) },
  });
}

const LABELS = { email: "Adresse électronique", password: "Mot de passe" };

export default function Login({ actionData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const [form, fields] = useSchemaForm(LoginSchema, { id: "connexion", lastResult: actionData?.result });
  const reset = searchParams.get("reinitialise") === "1";
  return (
    <div className="narrow">
      <h1>Se connecter</h1>
      {reset ? (
        <div className="notice notice-success" role="status">
          Votre mot de passe a été changé. Connectez-vous avec le nouveau.
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} fields={fields} labels={LABELS} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field field={fields.email} label={LABELS.email}>
          {(p) => <input {...getInputProps(fields.email, { type: "email" })} {...p} autoComplete="email" />}
        </Field>
        <Field field={fields.password} label={LABELS.password}>
          {(p) => <input {...getInputProps(fields.password, { type: "password" })} {...p} autoComplete="current-password" />}
        </Field>
        <button type="submit" className="button">
          Se connecter
        </button>
      </Form>
      <p>
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
      <p>
        Pas encore de compte ? <Link to="/inscription">Créez l'espace de votre structure</Link>.
      </p>
    </div>
  );
}
