import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/invitation";
import { acceptInvitation, loadValidInvitation } from "../auth/accounts.server.ts";
import { getOptionalUser, requireUser } from "../auth/permissions.server.ts";
import { ROLE_LABELS } from "../auth/schemas.ts";

export const meta: Route.MetaFunction = () => [{ title: "Invitation · Boussole Égalité" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const invitation = await loadValidInvitation(params.token);
  const user = await getOptionalUser(request);
  if (!invitation) return { valid: false as const, signedIn: Boolean(user) };
  return {
    valid: true as const,
    signedIn: Boolean(user),
    organizationName: invitation.organizationName,
    role: invitation.role,
    email: invitation.email,
    emailMatches: user ? user.email === invitation.email : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const result = await acceptInvitation(params.token, user);
  if (!result.ok) return data({ error: result.formErrors?.[0] ?? "" }, { status: 400 });
  throw redirect(`/o/${result.value.organizationId}`);
}

export default function Invitation({ loaderData, actionData, params }: Route.ComponentProps) {
  if (!loaderData.valid)
    return (
      <div className="narrow">
        <h1>Invitation non valable</h1>
        <p>
          Cette invitation a déjà été acceptée, a été retirée, ou a expiré (elle dure 14 jours). Demandez à la personne qui
          vous a invité de vous envoyer une nouvelle invitation.
        </p>
        <p>
          <Link to={loaderData.signedIn ? "/espace" : "/connexion"}>Continuer</Link>
        </p>
      </div>
    );
  const here = `/invitation/${encodeURIComponent(params.token)}`;
  return (
    <div className="narrow">
      <h1>Rejoindre « {loaderData.organizationName} »</h1>
      <p className="lead">
        Vous êtes invité ou invitée avec le rôle « {ROLE_LABELS[loaderData.role]} », à l'adresse {loaderData.email}.
      </p>
      {actionData?.error ? (
        <div className="notice notice-warning" role="alert">
          {actionData.error}
        </div>
      ) : null}
      {loaderData.signedIn ? (
        loaderData.emailMatches ? (
          <Form method="post">
            <button type="submit" className="button">
              Accepter l'invitation
            </button>
          </Form>
        ) : (
          <p>
            Vous êtes connecté ou connectée avec une autre adresse. Déconnectez-vous, puis ouvrez de nouveau ce lien pour
            vous connecter avec {loaderData.email}.
          </p>
        )
      ) : (
        <p className="actions">
          <Link className="button" to={`/inscription?invitation=${encodeURIComponent(params.token)}`}>
            Créer mon compte
          </Link>
          <Link className="button button-secondary" to={`/connexion?redirectTo=${encodeURIComponent(here)}`}>
            J'ai déjà un compte
          </Link>
        </p>
      )}
    </div>
  );
}
