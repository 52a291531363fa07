import type { Route } from "./+types/resources";
import { GUIDES } from "../content/guides.ts";
import { SUPPORT_ORGANIZATIONS } from "../../diagnostics/support/index.ts";
import { SupportOrganizationCard } from "../ui/support-organization.tsx";

export const meta: Route.MetaFunction = () => [{ title: "Ressources et accompagnement · Boussole Égalité" }];

export default function Resources() {
  return (
    <div className="prose">
      <h1>Ressources et accompagnement</h1>
      <p className="lead">
        Des guides pour aller plus loin, et les organismes qui accompagnent les structures inclusives dans leur démarche
        d'égalité professionnelle.
      </p>
      <section aria-labelledby="organismes">
        <h2 id="organismes">Les organismes qui peuvent vous accompagner</h2>
        <p>
          Nous ne donnons que les coordonnées publiques connues. Celles marquées « à vérifier » viennent de documents publics que nous
          n'avons pas pu confirmer : vérifiez-les avant d'écrire.
        </p>
        <div className="support-list">
          {SUPPORT_ORGANIZATIONS.map((o) => (
            <SupportOrganizationCard key={o.id} organization={o} />
          ))}
        </div>
      </section>
      <section aria-labelledby="guides">
        <h2 id="guides">Guides et outils</h2>
        <ul>
          {GUIDES.map((g) => (
            <li key={g.title}>
              <strong>{g.title}</strong> : {g.description}
              {g.source ? <span className="small"> ({g.source})</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
