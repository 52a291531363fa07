import { StructureFields } from "../ui/structure-fields.tsx";
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/signup";
import { loadValidInvitation, signUp, signUpWithInvitation } from "../auth/accounts.server.ts";
import { SIGNUP_REQUEST_TTL_HOURS } from "../auth/signup-rules.ts";
import { requireAnonymous } from "../auth/permissions.server.ts";
import { InvitedSignupSchema, SignupSchema } from "../auth/schemas.ts";
import { sessionCookie } from "../auth/session.server.ts";
import { PASSWORD_MIN_LENGTH } from "../auth/password-rules.ts";
import { ErrorSummary, Field } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";
import { getDb } from "../../db/client.ts";
import { findCampaignInvitation } from "../../db/queries/ddets.ts";

export const meta: Route.MetaFunction = () => [{ title: "Créer un compte · Boussole Égalité" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request);
  const params = new URL(request.url).searchParams;
  const token = params.get("invitation");
  if (!token) return { invitation: null, campaign: await campaignOf(params.get("campagne")) };
  const invitation = await loadValidInvitation(token);
  return {
    invitation: invitation ? { token, organizationName: invitation.organizationName, email: invitation.email } : null,
    invalidInvitation: !invitation,
  };
}

/** The DDETS campaign a sign-up link carries (?campagne=<invitation id>): its id and the DDETS's name; null when unknown. */
async function campaignOf(id: string | null) {
  if (!id || id.length > 100) return null;
  const row = await findCampaignInvitation(await getDb(), id);
  return row ? { id: row.id, ddetsName: row.ddetsName } : null;
}

export async function action({ request }: Route.ActionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const invited = typeof formData.get("invitation") === "string" && formData.get("invitation") !== "";
  if (invited) {
    const submission = parseWithZod(formData, { schema: InvitedSignupSchema });
    if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
    const result = await signUpWithInvitation(request, submission.value);
    if (!result.ok)
      return data({ result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors, hideFields: ["password"] }) }, { status: result.status ?? 400 });
    throw redirect(`/o/${result.value.organizationId}`, { headers: { "Set-Cookie": sessionCookie(result.value.token, result.value.expiresAt) } });
  }
  const submission = parseWithZod(formData, { schema: SignupSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const campaign = formData.get("campagne");
  const result = await signUp(request, { ...submission.value, campaignId: typeof campaign === "string" && campaign.length <= 100 ? campaign : null });
  if (!result.ok)
    return data({ result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors, hideFields: ["password"] }) }, { status: result.status ?? 400 });
  // The same page whether the email already has an account or not (see signUp).
  return { result: submission.reply({ resetForm: true }), sentTo: result.value.email };
}

const NBSP = "\u00a0";

/** The answer to every valid sign-up: nothing on it depends on whether the email has an account. */
function CheckYourMail({ email }: { email: string }) {
  return (
    <div className="narrow">
      <h1>Vérifiez votre messagerie</h1>
      <div className="notice notice-success" role="status">
        <p>
          Nous avons écrit à <strong>{email}</strong>. Ouvrez le courriel et suivez le lien qu'il contient pour activer votre compte.
          Le lien est valable {SIGNUP_REQUEST_TTL_HOURS}{NBSP}heures.
        </p>
      </div>
      <h2>Rien reçu{NBSP}?</h2>
      <ul>
        <li>Le courriel peut mettre quelques minutes à arriver.</li>
        <li>Regardez dans le dossier des indésirables (spam).</li>
        <li>Vérifiez l'adresse ci-dessus{NBSP}: si elle est fausse, recommencez avec la bonne.</li>
        <li>
          Toujours rien au bout d'une heure{NBSP}? <Link to="/inscription">Refaites une demande d'inscription</Link>.
        </li>
      </ul>
      <p>
        Tant que le compte n'est pas activé, il n'existe pas encore{NBSP}: la connexion n'est possible qu'après avoir suivi le lien.
      </p>
    </div>
  );
}

const LABELS = {
  name: "Votre nom",
  email: "Votre adresse électronique",
  password: "Mot de passe",
  structureName: "Nom de la structure",
  siret: "SIRET de la structure",
  structureType: "Type de structure",
  departement: "Département",
  commune: "Commune",
};

export default function Signup({ loaderData, actionData }: Route.ComponentProps) {
  if (actionData && "sentTo" in actionData && actionData.sentTo) return <CheckYourMail email={actionData.sentTo} />;
  return <SignupForm loaderData={loaderData} actionData={actionData} />;
}

function SignupForm({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const invitation = loaderData.invitation;
  const schema = invitation ? InvitedSignupSchema : SignupSchema;
  const [form, fields] = useSchemaForm(schema, {
    id: "inscription",
    lastResult: actionData?.result,
    defaultValue: invitation ? { email: invitation.email } : undefined,
  });
  // The two schemas share their first fields; the structure fields exist only without invitation.
  const f = fields as unknown as Record<keyof typeof LABELS, Parameters<typeof getInputProps>[0]>;
  return (
    <div className="narrow">
      <h1>Créer un compte</h1>
      {invitation ? (
        <p className="lead">
          Vous êtes invité ou invitée à rejoindre l'espace « {invitation.organizationName} ». Créez votre compte
          pour y accéder.
        </p>
      ) : (
        <>
          {"campaign" in loaderData && loaderData.campaign ? (
            <p className="notice notice-info">
              {loaderData.campaign.ddetsName} vous invite à faire l'autodiagnostic de l'égalité professionnelle de votre structure. La DDETS verra le nom, le type et la
              commune de votre structure et l'avancement du diagnostic, jamais vos réponses ni vos données sur le personnel.
            </p>
          ) : null}
          <p className="lead">
            Le compte crée l'espace de votre structure : vous en serez la personne propriétaire et pourrez inviter votre
            équipe. Si votre structure a déjà un espace, demandez plutôt une invitation.
          </p>
        </>
      )}
      {"invalidInvitation" in loaderData && loaderData.invalidInvitation ? (
        <div className="notice notice-warning" role="status">
          Ce lien d'invitation n'est plus valable (déjà utilisé, retiré ou expiré). Vous pouvez créer l'espace de votre
          propre structure ci-dessous, ou demander une nouvelle invitation.
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} fields={f} labels={invitation ? { name: LABELS.name, email: LABELS.email, password: LABELS.password } : LABELS} />
        {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
        {!invitation && "campaign" in loaderData && loaderData.campaign ? <input type="hidden" name="campagne" value={loaderData.campaign.id} /> : null}
        <fieldset>
          <legend>Vous</legend>
          <Field field={f.name} label={LABELS.name} help="Prénom et nom, tels que vos collègues vous connaissent.">
            {(p) => <input {...getInputProps(f.name, { type: "text" })} {...p} autoComplete="name" />}
          </Field>
          <Field
            field={f.email}
            label={LABELS.email}
            help={
              invitation
                ? "Celle à laquelle l'invitation a été envoyée : le compte se crée avec elle. Elle sert ensuite à vous connecter."
                : "Elle sert à vous connecter et à recevoir les liens de réinitialisation."
            }
          >
            {(p) => <input {...getInputProps(f.email, { type: "email" })} {...p} autoComplete="email" readOnly={Boolean(invitation)} />}
          </Field>
          <Field
            field={f.password}
            label={LABELS.password}
            help={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
          >
            {(p) => <input {...getInputProps(f.password, { type: "password" })} {...p} autoComplete="new-password" />}
          </Field>
        </fieldset>
        {invitation ? null : (
          <fieldset>
            <legend>Votre structure</legend>
            <StructureFields fields={f} labels={LABELS} own />
          </fieldset>
        )}
        <p className="small">
          Les données que vous saisissez restent celles de votre structure : seules les personnes que vous invitez, et les
          organismes d'accompagnement auxquels vous donnez accès, peuvent les voir.{" "}
          <Link to="/confidentialite">En savoir plus</Link>.
        </p>
        <button type="submit" className="button">
          Créer mon compte
        </button>
      </Form>
      <p>
        Vous avez déjà un compte ? <Link to="/connexion">Connectez-vous</Link>.
      </p>
    </div>
  );
}
