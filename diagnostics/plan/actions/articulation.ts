import type { CatalogueAction } from "../types.ts";
import { PAID_SICK_CHILD_DAYS_TARGET, SCHEDULE_NOTICE_TARGET_DAYS } from "../thresholds.ts";
import { NOT_YES } from "./shared.ts";

/**
 * Articulation entre l'activité professionnelle et la vie personnelle et familiale: schedules, school
 * hours, childcare, mobility, parental rights, chosen part-time, meetings (DOMAIN.md §1.4).
 */
export const ARTICULATION_ACTIONS = [
  {
    id: "articulation.plannings_anticipes",
    domain: "articulation",
    title: "Communiquer les plannings au moins deux semaines à l'avance",
    description:
      "Publiez les plannings 14 jours à l'avance et limitez les changements de dernière minute, pour que chacune et chacun puisse organiser la garde des enfants. Pour les salariés à temps partiel, la loi impose déjà de prévenir au moins 7 jours ouvrés avant de modifier la répartition des horaires.",
    objective: "Les plannings sont connus au moins 14 jours à l'avance.",
    indicator: { label: "délai habituel de communication des plannings", unit: "jours" },
    baseline: { kind: "answer", question: "articulation.delai_plannings" },
    deadlineMonths: 3,
    cost: "faible",
    barriers: ["garde_enfants"],
    triggers: {
      answers: [
        { question: "articulation.delai_plannings", below: SCHEDULE_NOTICE_TARGET_DAYS },
        { question: "articulation.delai_plannings", is: ["ne_sait_pas"] },
      ],
    },
    supportOrganizationIds: ["aract"],
    legalReference: "Code du travail, art. L3123-11 ; L3123-24",
  },
  {
    id: "articulation.horaires_ecole",
    domain: "articulation",
    title: "Proposer des horaires compatibles avec l'école sur une partie des postes",
    description:
      "Sur les postes qui le permettent, commencez après l'heure de dépôt à l'école et finissez avant la sortie, ou concentrez les heures de parcours sur le temps scolaire. Des structures des Hauts-de-France ont ainsi ouvert des équipes à des parents seuls, le plus souvent des mères.",
    objective: "Au moins un poste sur trois propose des horaires compatibles avec l'école.",
    indicator: { label: "part des postes proposant des horaires compatibles avec l'école", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les postes et leurs horaires actuels." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["garde_enfants"],
    triggers: { answers: [{ question: "articulation.horaires_ecole", is: NOT_YES }] },
    supportOrganizationIds: ["cidff", "aract"],
  },
  {
    id: "articulation.garde_enfants",
    domain: "articulation",
    title: "Trouver des solutions de garde d'enfants avec les salariés qui en ont besoin",
    description:
      "Réservez des places en crèche AVIP (à vocation d'insertion professionnelle), passez un accord avec la commune ou un relais petite enfance, orientez vers les aides (CAF, AGEPI de France Travail pour les parents seuls) et remettez à l'accueil un guide des solutions de garde près de chez soi, comme l'a fait une association du Nord.",
    objective: "Chaque personne qui a besoin d'une garde d'enfants a une solution dans le mois de son arrivée.",
    indicator: { label: "part des salariés ayant besoin d'une garde d'enfants qui ont une solution", unit: "%" },
    baseline: { kind: "to_measure", how: "Avec la CIP, repérez les personnes qui ont besoin d'une garde d'enfants." },
    deadlineMonths: 6,
    cost: "moyen",
    barriers: ["garde_enfants"],
    triggers: { answers: [{ question: "articulation.solutions_garde_enfants", is: ["aucune", "ne_sait_pas"] }] },
    supportOrganizationIds: ["cidff"],
  },
  {
    id: "articulation.mobilite",
    domain: "articulation",
    title: "Mettre en place des aides à la mobilité, pour les femmes comme pour les hommes",
    description:
      "Aide au permis, prêt de vélo ou de scooter, covoiturage ou navette vers les chantiers, orientation vers les aides de France Travail, du département ou d'une plateforme de mobilité, horaires calés sur les transports en commun. Les femmes ont moins souvent le permis ou une voiture.",
    objective: "Chaque personne qui signale un problème de mobilité se voit proposer une solution dans le mois.",
    indicator: { label: "part des salariés signalant un problème de mobilité qui ont une solution", unit: "%" },
    baseline: { kind: "to_measure", how: "Avec la CIP, repérez les personnes qui ont un problème de mobilité." },
    deadlineMonths: 6,
    cost: "moyen",
    barriers: ["mobilite"],
    triggers: { answers: [{ question: "articulation.aides_mobilite", is: ["aucune", "ne_sait_pas"] }] },
    supportOrganizationIds: ["cidff"],
  },
  {
    id: "articulation.droits_parentalite",
    domain: "articulation",
    title: "Informer sur les droits liés aux enfants et encourager les pères à prendre leur congé",
    description:
      "Affichez les droits (congé de paternité et d'accueil de l'enfant de 25 jours, congé parental, congé de proche aidant, congé de présence parentale), faites un temps d'information avec la CIP, par exemple avec le quiz DITO du CORIF, et proposez à chaque futur père de planifier son congé.",
    objective: "Tous les pères de l'année prennent leur congé de paternité et d'accueil de l'enfant.",
    indicator: { label: "part des pères ayant pris leur congé de paternité et d'accueil de l'enfant", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les naissances de l'an dernier chez les salariés et les congés pris." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["garde_enfants"],
    triggers: {
      answers: [
        { question: "articulation.conge_paternite", is: NOT_YES },
        { question: "articulation.information_droits_parentalite", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["corif", "cidff"],
    legalReference: "Code du travail, art. L1225-35 ; L3142-4",
  },
  {
    id: "articulation.maintien_salaire_conges",
    domain: "articulation",
    title: "Maintenir le salaire pendant les congés liés aux enfants et payer des jours pour enfant malade",
    description:
      "Complétez les indemnités de la Sécurité sociale pour maintenir le salaire pendant les congés de maternité, de paternité et d'adoption, et accordez des jours payés pour enfant malade, comme l'ont fait des textes de la branche des ACI. Sans eux, ce sont souvent les mères qui perdent du salaire.",
    objective: "Le salaire est maintenu pendant ces congés, et chaque salarié dispose d'au moins 2 jours payés par an pour enfant malade.",
    indicator: { label: "nombre de jours payés pour enfant malade par salarié et par an", unit: "jours" },
    baseline: { kind: "answer", question: "articulation.jours_enfant_malade" },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["garde_enfants"],
    triggers: {
      answers: [
        { question: "articulation.maintien_salaire_conges", is: NOT_YES },
        { question: "articulation.jours_enfant_malade", below: PAID_SICK_CHILD_DAYS_TARGET },
      ],
    },
    supportOrganizationIds: ["fete_scic"],
    legalReference: "Code du travail, art. R2312-9 ; L1225-61",
  },
  {
    id: "articulation.temps_partiel_choisi",
    domain: "articulation",
    title: "Étudier chaque demande de temps partiel choisi ou de retour à temps plein et répondre par écrit",
    description:
      "Fixez une règle écrite : délai de réponse, critères, réponse motivée. Le temps partiel choisi aide à concilier vie professionnelle et vie familiale ; il doit rester réversible, et la loi donne aux salariés à temps partiel une priorité pour revenir à temps plein.",
    objective: "Chaque demande reçoit une réponse écrite et motivée dans le mois.",
    indicator: { label: "part des demandes de temps partiel ou de retour à temps plein ayant reçu une réponse écrite dans le mois", unit: "%" },
    baseline: { kind: "to_measure", how: "Reprenez les demandes reçues ces 12 derniers mois." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: ["temps_partiel_subi", "garde_enfants"],
    triggers: { answers: [{ question: "articulation.demandes_temps_partiel", is: NOT_YES }] },
    supportOrganizationIds: ["aract"],
    legalReference: "Code du travail, art. L3123-3",
  },
  {
    id: "articulation.charte_temps",
    domain: "articulation",
    title: "Adopter une charte des temps : pas de réunion tôt le matin ni après 17 h",
    description:
      "Fixez des horaires de réunion et de formation compatibles avec la vie de famille, et faites-les respecter, y compris pour l'équipe permanente et le conseil d'administration.",
    objective: "Toutes les réunions de l'année se tiennent dans les horaires de la charte.",
    indicator: { label: "part des réunions tenues dans les horaires de la charte", unit: "%" },
    baseline: { kind: "to_measure", how: "Reprenez les horaires des réunions du dernier trimestre." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: ["garde_enfants"],
    triggers: { answers: [{ question: "articulation.reunions_horaires", is: NOT_YES }] },
    supportOrganizationIds: ["aract"],
  },
] as const satisfies readonly CatalogueAction[];
