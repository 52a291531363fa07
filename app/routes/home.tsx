import { Link } from "react-router";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = () => [
  { title: "Boussole Égalité · L'autodiagnostic de l'égalité professionnelle des structures inclusives" },
  {
    name: "description",
    content:
      "Un questionnaire guidé sur les neuf domaines de l'égalité professionnelle, la mixité de chaque métier, une estimation de l'Index et un plan d'action en PDF, pour les ACI, EI, ETTI, AI, EA, ESAT et GEIQ.",
  },
];

export default function Home() {
  return (
    <>
      <section className="hero">
        <h1>Faire le point sur l'égalité entre les femmes et les hommes dans votre structure, et agir</h1>
        <p className="lead">
          Boussole Égalité guide les structures inclusives (ateliers et chantiers d'insertion, entreprises d'insertion,
          ETTI, associations intermédiaires, entreprises adaptées, ESAT, GEIQ) pas à pas, sans service RH ni logiciel de
          paie.
        </p>
        <p className="actions">
          <Link to="/inscription" className="button">
            Créer l'espace de ma structure
          </Link>
          <Link to="/connexion" className="button button-secondary">
            Me connecter
          </Link>
        </p>
      </section>

      <section aria-labelledby="pour-qui">
        <h2 id="pour-qui">Pour qui ?</h2>
        <ul className="cards">
          <li className="card">
            <h3>Les directions de structures</h3>
            <p>
              Vous remplissez le diagnostic avec votre équipe, à votre rythme : tout est enregistré au fur et à mesure.
            </p>
          </li>
          <li className="card">
            <h3>Les associations qui accompagnent</h3>
            <p>
              CORIF, Galilée, FETE Égalité Emploi… relisent le diagnostic de leurs structures clientes, avec leur
              accord.
            </p>
          </li>
          <li className="card">
            <h3>Les DDETS</h3>
            <p>Les services de l'État suivent le déploiement dans leur département, par chiffres agrégés et anonymes.</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="ce-que-calcule">
        <h2 id="ce-que-calcule">Ce que vous obtenez</h2>
        <ol className="steps-list">
          <li>
            <strong>Un diagnostic sur les neuf domaines prévus par la loi</strong> : embauche, formation, promotion
            professionnelle, qualification, classification, conditions de travail, sécurité et santé, rémunération
            effective, articulation entre vie professionnelle et vie personnelle.
          </li>
          <li>
            <strong>La mixité de chaque métier</strong>, pour l'équipe permanente et pour les personnes en parcours : un
            métier est dit mixte quand il compte entre 40 % et 60 % de femmes.
          </li>
          <li>
            <strong>Une estimation de l'Index de l'égalité professionnelle</strong>, calculée avec les règles officielles
            (obligatoire à partir de 50 salariés, indicative en dessous).
          </li>
          <li>
            <strong>Un plan d'action en PDF</strong>, avec des actions adaptées aux structures inclusives et les
            organismes qui peuvent vous accompagner.
          </li>
        </ol>
      </section>

      <section aria-labelledby="vos-donnees">
        <h2 id="vos-donnees">Vos données restent les vôtres</h2>
        <p>
          Le diagnostic appartient à votre structure. Seules les personnes que vous invitez y ont accès. Un organisme
          d'accompagnement ne le voit que si vous lui en donnez l'accès, et vous pouvez le retirer à tout moment. Les
          services de l'État ne voient que des chiffres agrégés sur au moins cinq structures, jamais vos réponses.
          Aucun nom, aucune date de naissance ni numéro de sécurité sociale n'est conservé.
        </p>
        <p>
          <Link to="/confidentialite">Comment vos données sont protégées</Link> ·{" "}
          <Link to="/ressources">Ressources et accompagnement</Link>
        </p>
      </section>
    </>
  );
}
