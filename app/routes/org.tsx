import { Link } from "react-router";
import type { Route } from "./+types/org";
import { requireOrgAccess } from "../auth/permissions.server.ts";
import { ROLE_LABELS } from "../auth/schemas.ts";
import { departementLabel } from "../../diagnostics/departements.ts";
import { STRUCTURE_TYPE_LABELS, type StructureType } from "../../diagnostics/types.ts";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.org.name ?? "Espace"} · Boussole Égalité` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, role, via } = await requireOrgAccess(request, params.orgId, "view", undefined, { advisors: true });
  return {
    welcome: new URL(request.url).searchParams.get("bienvenue") === "1",
    role,
    isMember: via.kind === "member",
    org: {
      id: org.id,
      kind: org.kind,
      name: org.name,
      siret: org.siret,
      structureType: org.structureType ? STRUCTURE_TYPE_LABELS[org.structureType as StructureType] : null,
      commune: org.commune,
      departement: org.departement ? departementLabel(org.departement) : null,
      departements: org.departements.map(departementLabel),
    },
  };
}

export default function OrgSpace({ loaderData }: Route.ComponentProps) {
  const { org, role } = loaderData;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › {org.name}
      </p>
      <h1>{org.name}</h1>
      {loaderData.welcome ? (
        <div className="notice notice-success" role="status">
          L'espace de votre structure est créé. Vous pouvez inviter votre équipe depuis la rubrique « Membres ».
        </div>
      ) : null}
      <dl className="facts">
        {org.kind === "structure" ? (
          <>
            <div>
              <dt>Type</dt>
              <dd>{org.structureType}</dd>
            </div>
            <div>
              <dt>SIRET</dt>
              <dd>{org.siret}</dd>
            </div>
            <div>
              <dt>Commune</dt>
              <dd>
                {org.commune} ({org.departement})
              </dd>
            </div>
          </>
        ) : null}
        {org.kind === "ddets" ? (
          <div>
            <dt>Départements suivis</dt>
            <dd>{org.departements.join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt>Votre rôle</dt>
          <dd>
            {loaderData.isMember
              ? ROLE_LABELS[role]
              : role === "editor"
                ? "Accompagnement (lecture et modification)"
                : "Accompagnement (lecture seule)"}
          </dd>
        </div>
      </dl>
      <nav aria-label="Rubriques de l'espace">
        <ul className="cards">
          {org.kind === "structure" ? (
            <li className="card">
              <h2>
                <Link to={`/o/${org.id}/diagnostics`}>Diagnostics</Link>
              </h2>
              <p className="small">Faire le point année par année : profil, emplois, neuf domaines, Index et résultats.</p>
            </li>
          ) : null}
          {org.kind === "ddets" ? (
            <>
              <li className="card">
                <h2>
                  <Link to={`/o/${org.id}/suivi`}>Suivi des structures</Link>
                </h2>
                <p className="small">L'usage du service dans vos départements et les résultats d'ensemble, sous secret statistique.</p>
              </li>
              <li className="card">
                <h2>
                  <Link to={`/o/${org.id}/campagnes`}>Campagnes d'invitation</Link>
                </h2>
                <p className="small">Inviter les structures de vos départements à faire leur autodiagnostic.</p>
              </li>
            </>
          ) : null}
          {loaderData.isMember ? (
            <li className="card">
              <h2>
                <Link to={`/o/${org.id}/membres`}>Membres</Link>
              </h2>
              <p className="small">Les personnes qui ont accès à cet espace et leur rôle.</p>
            </li>
          ) : null}
          {org.kind === "structure" && loaderData.isMember ? (
            <li className="card">
              <h2>
                <Link to={`/o/${org.id}/accompagnement`}>Accompagnement</Link>
              </h2>
              <p className="small">Les associations d'accompagnement qui voient vos diagnostics, leurs demandes d'accès et le journal des accès.</p>
            </li>
          ) : null}
          {org.kind === "structure" && loaderData.isMember && role === "owner" ? (
            <li className="card">
              <h2>
                <Link to={`/o/${org.id}/donnees`}>Données de la structure</Link>
              </h2>
              <p className="small">Exporter toutes les données de la structure, supprimer un diagnostic ou la structure.</p>
            </li>
          ) : null}
          {org.kind === "accompagnement" ? (
            <>
              <li className="card">
                <h2>
                  <Link to={`/o/${org.id}/clients`}>Structures accompagnées</Link>
                </h2>
                <p className="small">Les structures qui vous ont donné accès à leurs diagnostics, et vos demandes d'accès.</p>
              </li>
              {role !== "viewer" ? (
                <li className="card">
                  <h2>
                    <Link to={`/o/${org.id}/clients/nouvelle`}>Créer l'espace d'une structure</Link>
                  </h2>
                  <p className="small">Pour un atelier{"\u00a0"}: l'espace est créé avec vous, sa direction est invitée à en devenir propriétaire.</p>
                </li>
              ) : null}
            </>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
