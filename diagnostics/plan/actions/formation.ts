import type { CatalogueAction } from "../types.ts";
import { NOT_YES } from "./shared.ts";

/** Formation: timing, part-time access, licences and CACES, non-traditional training, stereotypes (DOMAIN.md §1.4 « Formation »). */
export const FORMATION_ACTIONS = [
  {
    id: "formation.horaires_ecole",
    domain: "formation",
    title: "Organiser les formations pendant le temps de travail, aux heures d'école et près du lieu de travail",
    description:
      "Planifiez les formations entre 9 h et 16 h 30, évitez les formations éloignées ou avec une nuit sur place, et prévenez au moins trois semaines à l'avance. Quand ce n'est pas possible, aidez à trouver une garde d'enfants ou prenez en charge son coût.",
    objective: "Au moins 90 % des heures de formation ont lieu pendant le temps de travail et aux heures d'école.",
    indicator: { label: "part des heures de formation placées pendant le temps de travail et aux heures d'école", unit: "%" },
    baseline: { kind: "to_measure", how: "Reprenez les formations de l'année écoulée et leurs horaires." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["garde_enfants", "mobilite"],
    triggers: { answers: [{ question: "formation.horaires_compatibles", is: NOT_YES }] },
    supportOrganizationIds: ["cidff"],
  },
  {
    id: "formation.acces_egal",
    domain: "formation",
    title: "Mesurer et équilibrer l'accès des femmes et des hommes à la formation, temps partiel compris",
    description:
      "Chaque année, comptez la part des femmes et la part des hommes qui ont suivi au moins une formation, en séparant salariés en parcours et permanents, temps partiel et temps plein. Adaptez les sessions aux jours de présence des salariés à temps partiel : la loi et l'accord de branche des ACI leur donnent les mêmes droits.",
    objective: "La part des femmes formées dans l'année est au moins égale à celle des hommes, à temps partiel comme à temps plein.",
    indicator: { label: "part des salariées ayant suivi au moins une formation dans l'année", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les personnes formées l'an dernier, par sexe et par temps de travail." },
    deadlineMonths: 12,
    cost: "faible",
    barriers: ["temps_partiel_subi"],
    triggers: {
      answers: [
        { question: "formation.acces_comparable", is: ["non_hommes_plus", "non_femmes_plus", "plutot_oui", "ne_sait_pas"] },
        { question: "formation.temps_partiel_acces", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["corif"],
    legalReference: "Code du travail, art. L3123-5 ; R2312-8 ; accord de branche des ACI du 9 juillet 2014",
  },
  {
    id: "formation.permis_caces",
    domain: "formation",
    title: "Financer le permis de conduire et les CACES pour les femmes en parcours",
    description:
      "Réservez une part du budget de formation au permis B, aux CACES (certificats de conduite d'engins : chariot, mini-pelle, nacelle) et aux habilitations pour les salariées en parcours, en mobilisant le compte personnel de formation et les aides de France Travail ou de la Région. La mobilité est le premier frein à l'emploi cité par les structures inclusives.",
    objective: "Au moins 40 % des permis et CACES financés dans l'année le sont pour des femmes.",
    indicator: { label: "part des femmes parmi les permis de conduire et CACES financés dans l'année", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les permis et CACES financés l'an dernier, pour les femmes et pour les hommes." },
    deadlineMonths: 12,
    cost: "eleve",
    barriers: ["mobilite", "confiance"],
    triggers: {
      answers: [
        { question: "formation.permis_caces", is: NOT_YES },
        { question: "articulation.aides_mobilite", is: ["aucune"] },
      ],
    },
    supportOrganizationIds: ["cidff", "corif"],
  },
  {
    id: "formation.qualifiantes_non_traditionnelles",
    domain: "formation",
    title: "Ouvrir aux femmes les formations qualifiantes des métiers techniques, et aux hommes celles des métiers très féminisés",
    description:
      "Avec la CIP, proposez des formations pré-qualifiantes et qualifiantes (titre professionnel, certificat de qualification professionnelle) sur vos métiers où un sexe est rare : découverte des plateaux techniques d'un organisme de formation, témoignages de femmes du métier, tutorat pendant la formation.",
    objective: "Au moins 3 salariées en parcours entrent en formation qualifiante vers un métier à prédominance masculine dans l'année.",
    indicator: { label: "nombre de salariées en parcours entrées en formation qualifiante sur un métier à prédominance masculine", unit: "personnes" },
    baseline: { kind: "to_measure", how: "Comptez les entrées en formation qualifiante de l'an dernier, par sexe et par métier visé." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["confiance"],
    triggers: {
      answers: [{ question: "formation.qualifiantes_non_traditionnelles", is: NOT_YES }],
      mixity: [{ kind: "masculine_jobs", population: "parcours" }],
    },
    supportOrganizationIds: ["corif", "fete_association"],
  },
  {
    id: "formation.retour_conge",
    domain: "formation",
    title: "Proposer un entretien et une remise à niveau au retour d'un congé de maternité, d'adoption ou parental",
    description:
      "Planifiez l'entretien professionnel, obligatoire, dans le mois du retour ; faites le point sur ce qui a changé pendant l'absence et proposez une remise à niveau si besoin, comme le prévoit l'accord de branche des ACI.",
    objective: "Toutes les personnes revenues d'un congé de maternité, d'adoption ou parental ont leur entretien dans le mois du retour.",
    indicator: { label: "part des retours de congé de maternité, d'adoption ou parental suivis d'un entretien dans le mois", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les retours de congé des 12 derniers mois et les entretiens tenus." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["confiance"],
    triggers: {
      answers: [
        { question: "formation.retour_conge", is: NOT_YES },
        { question: "promotion.absences_neutralisees", is: ["non"] },
      ],
    },
    supportOrganizationIds: ["corif"],
    legalReference: "Code du travail, art. L6315-1 ; accord de branche des ACI du 9 juillet 2014",
  },
  {
    id: "formation.sensibiliser_encadrants",
    domain: "formation",
    title: "Former les encadrants techniques et les CIP aux stéréotypes et aux comportements sexistes",
    description:
      "Une journée de formation aide l'équipe encadrante à repérer une remarque sexiste, à y répondre, et à ne pas orienter les personnes selon leur sexe. Le CORIF l'a fait pour les encadrants techniques du Pôle Interm'aide, dans le Nord.",
    objective: "Tous les encadrants techniques et toutes les CIP ont suivi la formation.",
    indicator: { label: "part des encadrants techniques et des CIP formés aux stéréotypes et au sexisme", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les encadrants techniques et les CIP, et celles et ceux déjà formés." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["violences", "confiance"],
    triggers: { answers: [{ question: "formation.sensibilisation_encadrants", is: ["aucun", "certains", "ne_sait_pas"] }] },
    supportOrganizationIds: ["corif", "galilee", "fete_association"],
  },
  {
    id: "formation.ateliers_numeriques",
    domain: "formation",
    title: "Proposer des ateliers numériques aux salariés en parcours qui en ont besoin",
    description:
      "Démarches en ligne, messagerie, compte personnel de formation : des ateliers courts, pendant le temps de travail, avec un conseiller numérique ou une association locale. Sans accès au numérique, chercher un emploi ou s'inscrire à une formation devient très difficile.",
    objective: "Chaque personne en parcours qui en a besoin suit un atelier numérique avant la fin de son contrat.",
    indicator: { label: "part des salariés en parcours ayant besoin d'un atelier numérique qui l'ont suivi", unit: "%" },
    baseline: { kind: "to_measure", how: "Avec la CIP, repérez les personnes qui ont besoin d'un atelier numérique." },
    deadlineMonths: 9,
    cost: "faible",
    barriers: ["numerique"],
    triggers: { answers: [{ question: "formation.ateliers_numeriques", is: NOT_YES }] },
    supportOrganizationIds: ["cidff"],
  },
] as const satisfies readonly CatalogueAction[];
