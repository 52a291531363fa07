import type { Route } from "./+types/privacy";

export const meta: Route.MetaFunction = () => [{ title: "Données personnelles · Boussole Égalité" }];

export default function Privacy() {
  return (
    <div className="prose">
      <h1>Vos données personnelles</h1>
      <h2>Ce que nous conservons</h2>
      <ul>
        <li>Pour chaque compte : nom, adresse électronique et mot de passe chiffré (argon2id, jamais en clair).</li>
        <li>
          Pour chaque structure : nom, SIRET, type, département, commune, et les réponses au diagnostic saisies par
          l'équipe.
        </li>
        <li>
          Le fichier du personnel, quand vous l'importez, est anonymisé : une ligne par personne avec le sexe, la tranche
          d'âge, la catégorie, le métier, le temps de travail et la rémunération. Les noms, dates de naissance et numéros
          de sécurité sociale sont refusés ou ignorés à l'import.
        </li>
      </ul>
      <h2>Qui y a accès</h2>
      <ul>
        <li>Les membres de votre structure, selon leur rôle : propriétaire, contributeur ou contributrice, lecture seule.</li>
        <li>
          Les organismes d'accompagnement auxquels vous donnez accès, tant que l'accès n'est pas retiré ; chaque visite
          est inscrite dans le journal que vous pouvez consulter.
        </li>
        <li>
          Les DDETS ne voient que le nom, le type, la commune et l'état d'avancement de votre diagnostic, et des chiffres
          agrégés sur au moins cinq structures.
        </li>
      </ul>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez à tout moment exporter les données de votre structure, supprimer un diagnostic, la structure ou votre
        compte. Une session de connexion dure 30 jours après votre dernière visite ; vous pouvez vous déconnecter de tous
        vos appareils depuis « Mon compte ».
      </p>
    </div>
  );
}
