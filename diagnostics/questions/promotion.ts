import type { Question } from "../questionnaire.ts";

/**
 * Promotion professionnelle: access to team-leader, supervision and direction posts, transitions
 * from pathway to permanent post, governance (DOMAIN.md §1.4 « Promotion professionnelle »;
 * Chantier École figures quoted by the DREETS panorama: 17 % of ACI presidencies, 30 % of direction
 * posts held by women).
 */
export const PROMOTION_QUESTIONS = [
  {
    id: "promotion.postes_internes_publies",
    domain: "promotion",
    kind: "ynp",
    text: "Quand un poste s'ouvre (chef d'équipe, encadrant technique, poste permanent), l'annoncez-vous en interne avec les critères de choix ?",
    help: "Un poste pourvu « de bouche à oreille » profite surtout à celles et ceux qui sont déjà dans les réseaux de la direction. Annoncer le poste et ses critères donne à chacune et à chacun la même chance de candidater.",
    scoring: { weight: 1 },
  },
  {
    id: "promotion.entretien_professionnel",
    domain: "promotion",
    kind: "ynp",
    text: "Les entretiens professionnels ont-ils lieu pour toutes et pour tous, et abordent-ils l'envie d'évoluer, y compris vers l'encadrement ?",
    help: "L'entretien professionnel, obligatoire au moins tous les 2 ans, porte sur les perspectives d'évolution et de formation. C'est le bon moment pour demander à une salariée si elle souhaite devenir cheffe d'équipe : beaucoup ne le proposent pas d'elles-mêmes.",
    legalReference: "Code du travail, art. L6315-1",
    scoring: { weight: 1 },
  },
  {
    id: "promotion.part_femmes_encadrement_technique",
    domain: "promotion",
    kind: "percentage",
    text: "Quelle part de femmes compte-t-on parmi vos encadrants techniques et chefs d'équipe ?",
    help: "Des encadrantes sur les chantiers montrent aux salariées en parcours que le métier est aussi pour elles. Dans les ACI, les femmes n'occupent que 30 % des postes de direction et 17 % des présidences (Chantier École). Entre 40 % et 60 % de femmes, l'équipe est dite mixte.",
    population: "permanent",
    scoring: {
      weight: 1,
      points: [
        [0, 0],
        [40, 1],
        [60, 1],
        [100, 0.6],
      ],
    },
  },
  {
    id: "promotion.parcours_vers_permanent",
    domain: "promotion",
    kind: "ynp",
    text: "Quand un poste permanent s'ouvre, encouragez-vous autant les femmes que les hommes en parcours à y candidater ?",
    help: "Passer d'un contrat d'insertion à un poste permanent (chef d'équipe, agent ou agente administrative, encadrement) est une vraie promotion. Regardez si ces passages profitent autant aux femmes qu'aux hommes.",
    population: "parcours",
    scoring: { weight: 1 },
  },
  {
    id: "promotion.responsabilites_temps_partiel",
    domain: "promotion",
    kind: "ynp",
    text: "Les postes à responsabilité (chef d'équipe, coordination) sont-ils ouverts aux personnes à temps partiel ?",
    help: "Le temps partiel concerne surtout des femmes. Exiger un temps plein pour toute responsabilité les écarte des promotions, souvent sans nécessité réelle.",
    scoring: { weight: 1 },
  },
  {
    id: "promotion.absences_neutralisees",
    domain: "promotion",
    kind: "ynp",
    text: "Un congé de maternité, d'adoption ou parental est-il sans effet sur les promotions et les évolutions de poste ?",
    help: "Écarter quelqu'un d'une promotion à cause d'une grossesse, d'un congé lié à un enfant ou de sa situation de famille est une discrimination interdite. En pratique, vérifiez que les personnes revenues de congé ne prennent pas de retard.",
    legalReference: "Code du travail, art. L1132-1 ; L1225-25",
    scoring: { weight: 1 },
  },
  {
    id: "promotion.accompagnement_femmes_encadrement",
    domain: "promotion",
    kind: "ynp",
    text: "Proposez-vous un tutorat ou un accompagnement aux femmes qui souhaitent devenir cheffes d'équipe ou encadrantes ?",
    help: "Un tutorat par une encadrante ou un encadrant expérimenté, une formation au management ou un essai sur le poste donnent confiance. Le manque de confiance en soi est l'un des freins à l'emploi les plus souvent cités pour les femmes en parcours.",
    scoring: { weight: 1 },
  },
  {
    id: "promotion.suivi_promotions_par_sexe",
    domain: "promotion",
    kind: "ynp",
    text: "Suivez-vous, par sexe, les promotions, les changements de poste et les passages vers un poste permanent ?",
    help: "La loi demande d'analyser l'évolution des taux de promotion des femmes et des hommes par métier. Un tableau annuel suffit pour repérer un déséquilibre.",
    legalReference: "Code du travail, art. L2312-36 ; R2312-8",
    scoring: { weight: 1 },
  },
  {
    id: "promotion.gouvernance_mixite",
    domain: "promotion",
    kind: "single",
    text: "Votre conseil d'administration ou votre bureau s'est-il fixé un objectif de mixité, pour sa composition et pour la présidence ?",
    help: "La part de femmes dans les instances dirigeantes fait partie des informations à analyser. Dans les ACI des Hauts-de-France, seules 17 % des présidences sont assurées par des femmes. Un conseil est mixte quand il compte entre 40 % et 60 % de femmes.",
    legalReference: "Code du travail, art. L2312-36",
    population: "permanent",
    options: [
      { value: "objectif_atteint", label: "Oui, et l'objectif est atteint ou en bonne voie", score: 1 },
      { value: "deja_mixte", label: "Pas d'objectif écrit, mais le conseil est déjà mixte", score: 0.8 },
      { value: "objectif_fixe", label: "Oui, mais nous en sommes encore loin", score: 0.5 },
      { value: "non", label: "Non", score: 0 },
      { value: "pas_de_conseil", label: "Non concerné : pas de conseil d'administration ni de bureau", score: null },
    ],
    scoring: { weight: 1 },
  },
] as const satisfies readonly Question[];
