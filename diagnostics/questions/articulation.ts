import type { Question } from "../questionnaire.ts";

/**
 * Articulation entre l'activité professionnelle et la vie personnelle et familiale: schedules and
 * their notice, childcare, mobility, parental leave, sick-child days, meetings (DOMAIN.md §1.4
 * « Articulation »; DREETS HdF IAE roadmap 2025: « lever les freins liés à la conciliation vie
 * professionnelle et vie personnelle (enjeu garde d'enfants notamment) »).
 */
export const ARTICULATION_QUESTIONS = [
  {
    id: "articulation.delai_plannings",
    domain: "articulation",
    kind: "number",
    text: "Combien de jours à l'avance communiquez-vous en général les plannings et les changements d'horaires ?",
    help: "Pour organiser la garde des enfants, il faut connaître ses horaires à l'avance. Pour les salariés à temps partiel, la loi impose de prévenir au moins 7 jours ouvrés avant de modifier la répartition des horaires (3 jours si un accord le prévoit). Deux semaines, c'est mieux.",
    legalReference: "Code du travail, art. L3123-11 ; L3123-24",
    min: 0,
    max: 90,
    unit: "jours",
    integer: true,
    scoring: {
      weight: 1,
      points: [
        [0, 0],
        [3, 0.3],
        [7, 0.7],
        [14, 1],
      ],
    },
  },
  {
    id: "articulation.horaires_ecole",
    domain: "articulation",
    kind: "ynp",
    text: "Pour les postes qui le permettent, proposez-vous des horaires compatibles avec les heures d'école ?",
    help: "Commencer après avoir déposé les enfants et finir avant la sortie de l'école permet à des parents seuls, souvent des mères, d'accepter un poste. Des structures des Hauts-de-France l'ont fait sur une partie de leurs équipes.",
    scoring: { weight: 1 },
  },
  {
    id: "articulation.solutions_garde_enfants",
    domain: "articulation",
    kind: "multiple",
    text: "Quelles solutions de garde d'enfants mobilisez-vous avec les salariés qui en ont besoin ?",
    help: "Cochez tout ce que vous faites. Les crèches AVIP (à vocation d'insertion professionnelle) réservent des places aux parents en recherche d'emploi ou en parcours d'insertion. L'AGEPI est une aide de France Travail pour la garde d'enfants des parents seuls qui reprennent un emploi ou une formation.",
    options: [
      { value: "creches_avip", label: "Des places en crèche AVIP ou en crèche municipale", score: 0.35 },
      { value: "partenariat_local", label: "Un accord avec la commune, un relais petite enfance ou des assistantes maternelles", score: 0.3 },
      { value: "aide_cip", label: "La CIP aide chaque personne à trouver une solution", score: 0.25 },
      { value: "aides_financieres", label: "Une orientation vers les aides (CAF, AGEPI de France Travail)", score: 0.2 },
      { value: "guide_contacts", label: "Un guide des solutions de garde près de chez soi, remis à l'accueil", score: 0.15 },
      { value: "aucune", label: "Aucune pour l'instant", score: 0, exclusive: true },
    ],
    scoring: { weight: 1 },
  },
  {
    id: "articulation.aides_mobilite",
    domain: "articulation",
    kind: "multiple",
    text: "Quelles aides à la mobilité proposez-vous, aux femmes comme aux hommes ?",
    help: "Cochez tout ce que vous faites. La mobilité est le premier frein à l'emploi cité dans les structures inclusives, et les femmes ont moins souvent le permis ou une voiture.",
    options: [
      { value: "permis", label: "Aide au permis de conduire", score: 0.3 },
      { value: "pret_vehicule", label: "Prêt de vélo, de scooter ou de voiture", score: 0.25 },
      { value: "covoiturage_navette", label: "Covoiturage ou navette vers les chantiers", score: 0.25 },
      { value: "aides_transport", label: "Orientation vers les aides (France Travail, département, plateforme de mobilité)", score: 0.2 },
      { value: "horaires_transports", label: "Horaires calés sur les transports en commun", score: 0.2 },
      { value: "aucune", label: "Aucune pour l'instant", score: 0, exclusive: true },
    ],
    scoring: { weight: 1 },
  },
  {
    id: "articulation.conge_paternite",
    domain: "articulation",
    kind: "ynp",
    text: "Encouragez-vous les pères, y compris en parcours, à prendre leur congé de paternité et d'accueil de l'enfant ?",
    help: "Le congé de paternité et d'accueil de l'enfant dure 25 jours (32 pour des naissances multiples), en plus des 3 jours du congé de naissance. Quand les pères le prennent, la charge des enfants est mieux partagée et les mères sont moins pénalisées au travail.",
    legalReference: "Code du travail, art. L1225-35 ; L3142-4",
    scoring: { weight: 1 },
  },
  {
    id: "articulation.maintien_salaire_conges",
    domain: "articulation",
    kind: "ynp",
    text: "Complétez-vous le salaire pendant les congés de maternité, de paternité ou d'adoption, au-delà des indemnités de la Sécurité sociale ?",
    help: "Les indemnités journalières de la Sécurité sociale ne couvrent pas toujours tout le salaire. Le maintien du salaire par l'employeur fait partie des indicateurs prévus par la loi ; il est parfois imposé par la convention collective.",
    legalReference: "Code du travail, art. R2312-9",
    scoring: { weight: 1 },
  },
  {
    id: "articulation.jours_enfant_malade",
    domain: "articulation",
    kind: "number",
    text: "Combien de jours d'absence payés pour enfant malade accordez-vous par an à chaque salarié ?",
    help: "La loi prévoit des jours d'absence pour enfant malade, mais sans obligation de les payer. Certaines conventions collectives, dont celle des ACI, prévoient des jours payés. Sans eux, ce sont souvent les mères qui perdent du salaire ou leur emploi.",
    legalReference: "Code du travail, art. L1225-61",
    min: 0,
    max: 30,
    unit: "jours",
    integer: true,
    scoring: {
      weight: 1,
      points: [
        [0, 0],
        [2, 0.7],
        [5, 1],
      ],
    },
  },
  {
    id: "articulation.reunions_horaires",
    domain: "articulation",
    kind: "ynp",
    text: "Les réunions et les temps collectifs ont-ils lieu pendant les horaires habituels de travail, ni trop tôt ni trop tard ?",
    help: "Une réunion à 18 h exclut de fait les parents qui doivent récupérer leurs enfants. Une règle simple, comme « pas de réunion après 17 h », change beaucoup.",
    scoring: { weight: 1 },
  },
  {
    id: "articulation.demandes_temps_partiel",
    domain: "articulation",
    kind: "ynp",
    text: "Quand une personne demande à passer à temps partiel ou à revenir à temps plein, étudiez-vous sa demande et lui répondez-vous par écrit ?",
    help: "Un temps partiel choisi aide à concilier vie professionnelle et vie familiale ; il doit pouvoir être réversible. La loi donne aux salariés à temps partiel une priorité pour revenir à temps plein.",
    legalReference: "Code du travail, art. L3123-3",
    scoring: { weight: 1 },
  },
  {
    id: "articulation.information_droits_parentalite",
    domain: "articulation",
    kind: "ynp",
    text: "Informez-vous les salariés de leurs droits liés aux enfants et aux proches (congé parental, congé de proche aidant, congé de présence parentale) ?",
    help: "Beaucoup de salariés, en parcours comme permanents, ne connaissent pas ces droits. Un affichage ou un temps d'information avec la CIP suffit. Le CORIF propose un jeu-quiz, DITO, sur les droits liés à la parentalité.",
    scoring: { weight: 1 },
  },
] as const satisfies readonly Question[];
