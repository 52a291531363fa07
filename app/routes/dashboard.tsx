import { Link } from "react-router";
import type { Route } from "./+types/dashboard";
import { getDb } from "../../db/client.ts";
import { listUserOrganizations } from "../../db/queries/organizations.ts";
import { requireUser } from "../auth/permissions.server.ts";
import { ROLE_LABELS } from "../auth/schemas.ts";
import { departementLabel } from "../../diagnostics/departements.ts";
import { STRUCTURE_TYPE_LABELS, type StructureType } from "../../diagnostics/types.ts";

export const meta: Route.MetaFunction = () => [{ title: "Mon espace · Boussole Égalité" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const orgs = await listUserOrganizations(await getDb(), user.id);
  return {
    name: user.name,
    passwordChanged: new URL(request.url).searchParams.get("motdepasse") === "1",
    orgs: orgs.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      role: o.role,
      detail:
        o.kind === "structure"
          ? [o.structureType ? STRUCTURE_TYPE_LABELS[o.structureType as StructureType] : null, o.commune, o.departement ? departementLabel(o.departement) : null]
              .filter(Boolean)
              .join(" · ")
          : o.kind === "ddets"
            ? `Départements suivis : ${o.departements.map(departementLabel).join(", ")}`
            : "Association d'accompagnement",
    })),
  };
}

const KIND_TITLES = {
  structure: "Mes structures",
  accompagnement: "Mes associations d'accompagnement",
  ddets: "Mes services de l'État (DDETS)",
} as const;

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { orgs } = loaderData;
  return (
    <>
      <h1>Bonjour {loaderData.name}</h1>
      {loaderData.passwordChanged ? (
        <div className="notice notice-success" role="status">
          Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.
        </div>
      ) : null}
      {orgs.length === 0 ? (
        <p>
          Vous n'êtes membre d'aucun espace pour le moment. Si quelqu'un vous a invité, ouvrez le lien reçu par courriel.
        </p>
      ) : null}
      {(Object.keys(KIND_TITLES) as Array<keyof typeof KIND_TITLES>).map((kind) => {
        const list = orgs.filter((o) => o.kind === kind);
        if (list.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`titre-${kind}`}>
            <h2 id={`titre-${kind}`}>{KIND_TITLES[kind]}</h2>
            <ul className="cards">
              {list.map((o) => (
                <li key={o.id} className="card">
                  <h3>
                    <Link to={`/o/${o.id}`}>{o.name}</Link>
                  </h3>
                  <p className="small">{o.detail}</p>
                  <p className="small">Votre rôle : {ROLE_LABELS[o.role]}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
