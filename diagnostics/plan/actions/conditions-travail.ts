import type { CatalogueAction } from "../types.ts";
import { INVOLUNTARY_PART_TIME_ALERT_PCT } from "../thresholds.ts";
import { NOT_YES } from "./shared.ts";

/** Conditions de travail: premises, PPE and tools, part-time, sexist acts (DOMAIN.md §1.4 « Conditions de travail »). */
export const CONDITIONS_TRAVAIL_ACTIONS = [
  {
    id: "conditions_travail.vestiaires_sanitaires",
    domain: "conditions_travail",
    title: "Installer des vestiaires et des toilettes séparés sur chaque site et chantier",
    description:
      "Le Code du travail impose des vestiaires et des toilettes séparés quand l'équipe est mixte. Sur un chantier extérieur, louez un module mobile ou passez un accord avec la commune ou le client. Le manque de toilettes est l'une des premières raisons pour lesquelles des équipes de chantier restent entièrement masculines.",
    objective: "Tous les sites et chantiers disposent de vestiaires et de toilettes séparés, ou d'une solution équivalente.",
    indicator: { label: "part des sites et chantiers équipés de vestiaires et de toilettes séparés", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez vos sites et chantiers réguliers et leur équipement." },
    deadlineMonths: 12,
    cost: "eleve",
    barriers: [],
    triggers: {
      answers: [{ question: "conditions_travail.vestiaires_sanitaires", is: ["aucun_site", "certains_sites", "ne_sait_pas"] }],
      mixity: [{ kind: "masculine_jobs", population: "parcours" }],
    },
    supportOrganizationIds: ["aract"],
    legalReference: "Code du travail, art. R4228-1 et suivants",
  },
  {
    id: "conditions_travail.epi_outils_adaptes",
    domain: "conditions_travail",
    title: "Fournir des équipements de protection adaptés aux femmes et des outils allégés",
    description:
      "Demandez à vos fournisseurs des chaussures de sécurité, des gants et des vêtements de travail dans des tailles et des coupes pour femmes. Choisissez des outils plus légers et des aides à la manutention (diable, chariot) : ils réduisent l'usure de toutes et de tous et enlèvent l'argument « c'est trop lourd pour une femme ».",
    objective: "Chaque salariée reçoit des équipements de protection à sa taille dès son premier jour.",
    indicator: { label: "part des salariées équipées d'équipements de protection à leur taille dès leur arrivée", unit: "%" },
    baseline: { kind: "to_measure", how: "Demandez aux salariées si leurs équipements sont à leur taille." },
    deadlineMonths: 6,
    cost: "moyen",
    barriers: [],
    triggers: {
      answers: [
        { question: "conditions_travail.epi_tailles_femmes", is: NOT_YES },
        { question: "conditions_travail.outils_aides_manutention", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["aract"],
    legalReference: "Code du travail, art. R4321-4",
  },
  {
    id: "conditions_travail.temps_partiel_subi",
    domain: "conditions_travail",
    title: "Réduire le temps partiel subi : proposer d'abord les heures en plus aux salariés à temps partiel",
    description:
      "Recensez les personnes à temps partiel qui voudraient travailler davantage, proposez-leur en priorité les heures disponibles ou un poste à temps plein, comme la loi le prévoit, et limitez les horaires coupés et les horaires très tôt ou très tard, fréquents dans le nettoyage et les services à la personne.",
    objective: "Réduire de moitié la part des salariés à temps partiel qui souhaitent travailler plus.",
    indicator: { label: "part des salariés à temps partiel qui souhaiteraient travailler plus d'heures", unit: "%" },
    baseline: { kind: "answer", question: "conditions_travail.part_temps_partiel_subi" },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["temps_partiel_subi", "garde_enfants"],
    triggers: {
      answers: [
        { question: "conditions_travail.part_temps_partiel_subi", atLeast: INVOLUNTARY_PART_TIME_ALERT_PCT },
        { question: "conditions_travail.part_temps_partiel_subi", is: ["ne_sait_pas"] },
        { question: "conditions_travail.heures_en_plus_temps_partiel", is: NOT_YES },
        { question: "conditions_travail.horaires_coupes_limites", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["aract", "cidff"],
    legalReference: "Code du travail, art. L3123-3",
  },
  {
    id: "conditions_travail.procedure_sexisme",
    domain: "conditions_travail",
    title: "Écrire et faire connaître une procédure de signalement des agissements sexistes et du harcèlement",
    description:
      "Écrivez en une page qui prévenir, comment, et ce qui sera fait : écoute, enquête rapide, protection de la victime, sanction si besoin. Affichez-la sur chaque site, remettez-la à chaque nouvelle personne et rappelez les numéros utiles. L'employeur doit prévenir ces faits, informer le personnel et agir dès qu'il en a connaissance.",
    objective: "La procédure est écrite, affichée sur chaque site et remise à chaque nouvelle personne.",
    indicator: { label: "part des salariés informés de la procédure lors de leur accueil", unit: "%" },
    baseline: { kind: "to_measure", how: "Demandez lors des prochains entretiens qui connaît la procédure." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: ["violences"],
    triggers: {
      answers: [
        { question: "conditions_travail.procedure_signalement", is: NOT_YES },
        { question: "sante_securite.traitement_signalements", is: ["rien", "discussion_sans_suite"] },
      ],
    },
    supportOrganizationIds: ["corif", "cidff"],
    legalReference: "Code du travail, art. L1142-2-1 ; L1153-1 ; L1153-5",
  },
  {
    id: "conditions_travail.referent_harcelement",
    domain: "conditions_travail",
    title: "Désigner et former une personne référente harcèlement sexuel et agissements sexistes",
    description:
      "Dans une petite structure, la direction ou une CIP formée peut jouer ce rôle : écouter, informer, orienter. Dès 250 salariés, c'est obligatoire, et le CSE désigne aussi une personne référente parmi ses membres. Faites connaître leurs noms à toutes les équipes.",
    objective: "Une personne référente est désignée, formée et connue de toutes les équipes.",
    indicator: { label: "part des salariés qui savent à qui s'adresser en cas de harcèlement ou d'agissement sexiste", unit: "%" },
    baseline: { kind: "to_measure", how: "Posez la question lors d'une réunion d'équipe ou par un court questionnaire anonyme." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["violences"],
    triggers: {
      answers: [
        { question: "conditions_travail.referent_harcelement_employeur", is: NOT_YES },
        { question: "conditions_travail.referent_harcelement_cse", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["corif", "cidff"],
    legalReference: "Code du travail, art. L1153-5-1 ; L2314-1",
  },
  {
    id: "conditions_travail.ateliers_sexisme",
    domain: "conditions_travail",
    title: "Animer un atelier sur le sexisme et l'égalité avec les salariés en parcours",
    description:
      "Un atelier à l'accueil ou pendant le parcours pose les règles du collectif : ce qui est accepté, ce qui ne l'est pas, à qui parler. Des outils simples existent, comme le jeu de l'oie sur l'égalité d'une régie de quartier du Pas-de-Calais ou le quiz DITO du CORIF sur les droits liés à la parentalité.",
    objective: "Chaque personne en parcours participe à un atelier dans ses trois premiers mois.",
    indicator: { label: "part des salariés en parcours ayant participé à un atelier sur le sexisme et l'égalité", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les participantes et participants aux ateliers de l'an dernier." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["violences", "confiance"],
    triggers: { answers: [{ question: "conditions_travail.ateliers_sexisme_parcours", is: NOT_YES }] },
    supportOrganizationIds: ["corif", "galilee", "cidff"],
  },
] as const satisfies readonly CatalogueAction[];
