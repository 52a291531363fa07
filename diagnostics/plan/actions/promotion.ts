import type { CatalogueAction } from "../types.ts";
import { MIXITY_LOWER_PCT } from "../inputs.ts";
import { SUPERVISORS_WOMEN_SHARE_TARGET_PCT } from "../thresholds.ts";
import { NOT_YES, NO_OR_PARTLY } from "./shared.ts";

/** Promotion professionnelle: internal vacancies, career interviews, women supervisors, governance (DOMAIN.md §1.4). */
export const PROMOTION_ACTIONS = [
  {
    id: "promotion.postes_internes",
    domain: "promotion",
    title: "Annoncer en interne chaque poste qui s'ouvre, avec ses critères, et l'ouvrir au temps partiel",
    description:
      "Affichez et diffusez chaque poste qui s'ouvre (chef d'équipe, encadrant technique, poste permanent) avec ses critères de choix. Ouvrez-le aux personnes à temps partiel quand c'est possible et encouragez les femmes en parcours à candidater : passer d'un contrat d'insertion à un poste permanent est une vraie promotion.",
    objective: "Tous les postes pourvus dans l'année ont été annoncés en interne avec leurs critères.",
    indicator: { label: "part des postes pourvus dans l'année annoncés en interne avec leurs critères", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les postes pourvus l'an dernier et comment ils ont été annoncés." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: ["temps_partiel_subi", "confiance"],
    triggers: {
      answers: [
        { question: "promotion.postes_internes_publies", is: NOT_YES },
        { question: "promotion.responsabilites_temps_partiel", is: NO_OR_PARTLY },
        { question: "promotion.parcours_vers_permanent", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["corif"],
  },
  {
    id: "promotion.entretiens_evolution",
    domain: "promotion",
    title: "Aborder l'envie d'évoluer, y compris vers l'encadrement, dans chaque entretien professionnel",
    description:
      "L'entretien professionnel est obligatoire au moins tous les 2 ans. Ajoutez à votre trame une question sur l'envie d'encadrer une équipe, et notez les souhaits des femmes comme des hommes : beaucoup de salariées ne le proposent pas d'elles-mêmes.",
    objective: "Tous les entretiens professionnels de l'année abordent l'envie d'évoluer, et les souhaits sont suivis par sexe.",
    indicator: { label: "part des salariés ayant eu leur entretien professionnel dans les délais", unit: "%" },
    baseline: { kind: "to_measure", how: "Vérifiez la date du dernier entretien professionnel de chaque salarié." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["confiance"],
    triggers: { answers: [{ question: "promotion.entretien_professionnel", is: NOT_YES }] },
    supportOrganizationIds: ["corif"],
    legalReference: "Code du travail, art. L6315-1",
  },
  {
    id: "promotion.tutorat_encadrantes",
    domain: "promotion",
    title: "Accompagner les femmes qui souhaitent devenir cheffes d'équipe ou encadrantes",
    description:
      "Tutorat par une encadrante ou un encadrant expérimenté, essai sur le poste, formation au management : un accompagnement concret donne confiance et montre que le poste est accessible. Le manque de confiance en soi est l'un des freins les plus souvent cités pour les femmes en parcours.",
    objective: "Au moins 2 femmes sont accompagnées vers un poste de cheffe d'équipe ou d'encadrante dans l'année.",
    indicator: { label: "part de femmes parmi les encadrants techniques et chefs d'équipe", unit: "%" },
    baseline: { kind: "answer", question: "promotion.part_femmes_encadrement_technique" },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["confiance"],
    triggers: {
      answers: [
        { question: "promotion.accompagnement_femmes_encadrement", is: NOT_YES },
        { question: "promotion.part_femmes_encadrement_technique", below: SUPERVISORS_WOMEN_SHARE_TARGET_PCT },
      ],
    },
    supportOrganizationIds: ["corif", "fete_association"],
  },
  {
    id: "promotion.neutraliser_conges",
    domain: "promotion",
    title: "Neutraliser les congés de maternité, d'adoption et parental dans les promotions",
    description:
      "Écrivez dans vos critères de promotion qu'un congé lié à un enfant est sans effet, et vérifiez chaque année que les personnes revenues de congé ont eu les mêmes promotions et changements de poste que les autres. Écarter quelqu'un pour une grossesse ou un congé lié à un enfant est une discrimination interdite.",
    objective: "Aucune personne revenue d'un congé lié à un enfant n'a pris de retard de promotion.",
    indicator: { label: "nombre de personnes revenues d'un congé lié à un enfant ayant pris du retard de promotion", unit: "personnes" },
    baseline: { kind: "to_measure", how: "Comparez les promotions des personnes revenues de congé ces 3 dernières années à celles de leurs collègues." },
    deadlineMonths: 12,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [{ question: "promotion.absences_neutralisees", is: NOT_YES }],
      index: [{ kind: "indicator_below_max", indicator: "promotions" }],
    },
    supportOrganizationIds: ["corif"],
    legalReference: "Code du travail, art. L1132-1 ; L1225-25",
  },
  {
    id: "promotion.suivi_promotions",
    domain: "promotion",
    title: "Suivre par sexe les promotions et les passages d'un contrat d'insertion à un poste permanent",
    description:
      "Un tableau annuel par métier : promotions, changements de poste et passages vers un poste permanent, pour les femmes et pour les hommes. La loi demande d'analyser l'évolution des taux de promotion par métier ; dès 50 salariés, ces chiffres vont dans la BDESE.",
    objective: "Le tableau annuel des promotions par sexe et par métier est tenu et présenté à l'équipe ou au CSE.",
    indicator: { label: "écart entre le taux de promotion des hommes et celui des femmes", unit: "points" },
    baseline: { kind: "to_measure", how: "Reprenez les promotions et passages vers un poste permanent des 12 derniers mois." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [{ question: "promotion.suivi_promotions_par_sexe", is: NOT_YES }],
      index: [{ kind: "indicator_below_max", indicator: "raisesAndPromotions" }],
    },
    supportOrganizationIds: ["corif", "fete_scic"],
    legalReference: "Code du travail, art. L2312-36 ; R2312-8",
  },
  {
    id: "promotion.gouvernance_mixte",
    domain: "promotion",
    title: "Fixer un objectif de mixité pour le conseil d'administration, la présidence et la direction",
    description:
      "Inscrivez un objectif chiffré (entre 40 % et 60 % de femmes au conseil d'administration ou au bureau) et les moyens d'y arriver : appel à candidatures ciblé avant l'assemblée générale, coprésidence, mandats limités dans le temps, réunions à des horaires compatibles avec la vie de famille. Dans les ACI des Hauts-de-France, seules 17 % des présidences et 30 % des postes de direction sont occupés par des femmes.",
    objective: "Le conseil adopte un objectif chiffré de mixité et présente des candidatures de femmes à la prochaine assemblée générale.",
    indicator: { label: "part de femmes au conseil d'administration ou au bureau", unit: "%" },
    baseline: { kind: "profile", group: "board" },
    deadlineMonths: 12,
    cost: "faible",
    barriers: ["confiance", "garde_enfants"],
    triggers: {
      answers: [{ question: "promotion.gouvernance_mixite", is: ["non", "objectif_fixe", "ne_sait_pas"] }],
      profile: [
        { kind: "women_share_below", group: "board", threshold: MIXITY_LOWER_PCT },
        { kind: "women_share_below", group: "direction", threshold: MIXITY_LOWER_PCT },
      ],
    },
    supportOrganizationIds: ["galilee", "udes", "apes_hdf"],
    legalReference: "Code du travail, art. L2312-36",
  },
] as const satisfies readonly CatalogueAction[];
