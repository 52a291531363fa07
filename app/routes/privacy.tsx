import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/privacy";
import { AUDIT_RETENTION_YEARS, STAFF_FILE_RETENTION_YEARS } from "../orgs/retention-rules.ts";
import { SIGNUP_REQUEST_TTL_HOURS } from "../auth/signup-rules.ts";
import { Notice } from "../ui/form.tsx";

const NBSP = "\u00a0";

export const meta: Route.MetaFunction = () => [{ title: "Données personnelles · Boussole Égalité" }];

export default function Privacy() {
  const [search] = useSearchParams();
  return (
    <div className="prose">
      <h1>Vos données personnelles</h1>
      {search.get("compte-supprime") === "1" ? (
        <Notice>Votre compte est supprimé. Vos sessions sont fermées et votre nom n'apparaît plus dans les espaces des structures.</Notice>
      ) : null}
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
      <ul>
        <li>
          <strong>Obtenir une copie</strong>{NBSP}: la personne propriétaire d'une structure exporte toutes ses données (fiche, membres,
          diagnostics, fichiers du personnel, plans, accès, commentaires, journal) en un fichier zip, depuis la rubrique «{NBSP}Données de la
          structure{NBSP}» de son espace. Chaque tableau est fourni en CSV pour Excel et l'ensemble en JSON.
        </li>
        <li>
          <strong>Supprimer un diagnostic ou la structure</strong>{NBSP}: depuis la même rubrique, après confirmation. Les membres gardent leur
          compte. Il ne reste qu'une trace de la suppression, sans nom ni adresse{NBSP}: la date, l'année du diagnostic et le nombre d'éléments
          supprimés.
        </li>
        <li>
          <strong>Supprimer votre compte</strong>{NBSP}: depuis <Link to="/compte">Mon compte</Link>, avec votre mot de passe. Vos sessions et vos
          appartenances sont supprimées et votre nom disparaît des mentions «{NBSP}modifié par{NBSP}» et du journal. Si vous êtes la seule
          personne propriétaire d'une structure qui compte d'autres membres, nommez d'abord quelqu'un d'autre propriétaire ou supprimez la
          structure. Si vous êtes le seul membre d'une structure, elle est supprimée avec votre compte.
        </li>
        <li>
          Une session de connexion dure 30 jours après votre dernière visite{NBSP}; vous pouvez vous déconnecter de tous vos appareils depuis
          «{NBSP}Mon compte{NBSP}».
        </li>
      </ul>
      <h2>Combien de temps nous conservons les données</h2>
      <table>
        <caption>Durées de conservation</caption>
        <thead>
          <tr>
            <th scope="col">Donnée</th>
            <th scope="col">Durée</th>
            <th scope="col">Pourquoi</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Compte, structure, diagnostics, plans</th>
            <td>Tant que vous ne les supprimez pas</td>
            <td>Un diagnostic sert à comparer les années et à suivre un plan ou un accord, qui peut durer jusqu'à 4{NBSP}ans.</td>
          </tr>
          <tr>
            <th scope="row">Fichier du personnel (une ligne par personne)</th>
            <td>
              Jusqu'au 31{NBSP}décembre de la {STAFF_FILE_RETENTION_YEARS}
              <sup>e</sup> année qui suit l'année du diagnostic (un fichier de 2024 est effacé le 1er{NBSP}janvier {2024 + STAFF_FILE_RETENTION_YEARS + 1})
            </td>
            <td>
              L'Index d'une année est publié au 1er{NBSP}mars suivant, et une note sous 75 doit être corrigée en 3{NBSP}ans. L'Index calculé reste
              ensuite, sous forme de chiffres agrégés.
            </td>
          </tr>
          <tr>
            <th scope="row">Journal des accès et des actions</th>
            <td>{AUDIT_RETENTION_YEARS}{NBSP}ans</td>
            <td>Pour savoir qui a consulté ou exporté les données pendant toute la durée d'un plan de correction.</td>
          </tr>
          <tr>
            <th scope="row">Sessions, liens de réinitialisation, invitations</th>
            <td>Jusqu'à leur expiration (30{NBSP}jours, 1{NBSP}heure, 14{NBSP}jours)</td>
            <td>Ils ne servent plus à rien une fois expirés.</td>
          </tr>
          <tr>
            <th scope="row">Demandes d'inscription non confirmées (adresse, nom, empreinte du mot de passe, structure)</th>
            <td>{SIGNUP_REQUEST_TTL_HOURS}{NBSP}heures, la durée du lien d'activation</td>
            <td>Sans activation, aucun compte n'est créé{NBSP}; la demande ne sert plus à rien.</td>
          </tr>
          <tr>
            <th scope="row">Compteurs de tentatives de connexion</th>
            <td>1{NBSP}jour</td>
            <td>Ils limitent les essais de mots de passe sur 15{NBSP}minutes à 1{NBSP}heure.</td>
          </tr>
        </tbody>
      </table>
      <p>
        Ces durées sont appliquées par une commande d'administration prévue pour être lancée chaque jour. Les comptes ne sont pas supprimés pour inactivité{NBSP}: ils portent
        les diagnostics dont la structure a besoin d'une année sur l'autre{NBSP}; supprimez votre compte ou votre structure quand vous n'en avez
        plus besoin.
      </p>
    </div>
  );
}
