import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/signup-confirm";
import { confirmSignUp, loadValidSignupRequest } from "../auth/accounts.server.ts";
import { sessionCookie } from "../auth/session.server.ts";

/*
 * The link of the sign-up confirmation mail. The token is the only authority here (like a reset
 * link): GET only shows a button, because mail scanners open links; the POST activates.
 */

export const meta: Route.MetaFunction = () => [{ title: "Activer mon compte · Boussole Égalité" }];

const NBSP = "\u00a0";

export async function loader({ params }: Route.LoaderArgs) {
  const request = await loadValidSignupRequest(params.token);
  return { pending: request ? { email: request.email, structureName: request.structureName } : null };
}

export async function action({ params }: Route.ActionArgs) {
  const result = await confirmSignUp(params.token);
  if (result.ok)
    throw redirect(`/o/${result.value.organizationId}?bienvenue=1`, { headers: { "Set-Cookie": sessionCookie(result.value.token, result.value.expiresAt) } });
  return data({ refused: result.reason }, { status: result.reason === "invalid" ? 410 : 409 });
}

export default function SignupConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const refused = actionData?.refused ?? (loaderData.pending ? null : "invalid");
  if (refused === "activated")
    return (
      <div className="narrow">
        <h1>Compte déjà activé</h1>
        <p className="lead">Ce compte est déjà activé{NBSP}: connectez-vous.</p>
        <p>
          <Link to="/connexion" className="button">
            Se connecter
          </Link>
        </p>
        <p>
          Mot de passe oublié{NBSP}? <Link to="/mot-de-passe-oublie">Choisissez-en un nouveau</Link>.
        </p>
      </div>
    );
  if (refused === "siret")
    return (
      <div className="narrow">
        <h1>Cette structure a déjà un espace</h1>
        <p className="lead">
          Entre votre demande et son activation, quelqu'un a créé l'espace de cette structure (même SIRET). Votre compte n'a pas été
          créé.
        </p>
        <p>
          Demandez à la personne qui l'a créé de vous inviter (rubrique «{NBSP}Membres{NBSP}» de l'espace), ou, s'il s'agit d'une autre
          structure, <Link to="/inscription">refaites une demande d'inscription</Link> avec son SIRET.
        </p>
      </div>
    );
  if (refused === "invalid" || !loaderData.pending)
    return (
      <div className="narrow">
        <h1>Lien expiré ou déjà utilisé</h1>
        <p className="lead">
          Ce lien d'activation n'est plus valable{NBSP}: il ne sert qu'une fois et expire au bout de 48{NBSP}heures. Si vous l'avez déjà
          utilisé, votre compte existe{NBSP}: <Link to="/connexion">connectez-vous</Link>.
        </p>
        <p>
          <Link to="/inscription" className="button">
            Refaire une demande d'inscription
          </Link>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>Activer mon compte</h1>
      <p className="lead">
        Dernière étape{NBSP}: activez le compte de <strong>{loaderData.pending.email}</strong> et l'espace de «{NBSP}
        {loaderData.pending.structureName}
        {NBSP}». Vous serez ensuite connecté ou connectée à cet espace.
      </p>
      <Form method="post">
        <button type="submit" className="button">
          Activer mon compte
        </button>
      </Form>
      <p className="small">Si vous n'êtes pas à l'origine de cette demande, fermez simplement cette page{NBSP}: rien ne sera créé.</p>
    </div>
  );
}
