import type { Question } from "../questionnaire.ts";

/**
 * Classification: placement of jobs in the collective-agreement grid, work of equal value
 * (L3221-4 criteria), transparency (DOMAIN.md §1.4 « Classification » and §4.4; ACI CCN IDCC 3016).
 */
export const CLASSIFICATION_QUESTIONS = [
  {
    id: "classification.grille_criteres_ecrits",
    domain: "classification",
    kind: "ynp",
    text: "Chaque poste est-il placé dans la grille de votre convention collective (niveau, coefficient) selon des critères écrits ?",
    help: "La convention collective fixe une grille de classification : chaque poste y reçoit un niveau ou un coefficient, qui détermine le salaire minimum. Pour les ACI, c'est la convention collective des ateliers et chantiers d'insertion (IDCC 3016). Des critères écrits évitent qu'un poste soit classé « à l'habitude ».",
    scoring: { weight: 1 },
  },
  {
    id: "classification.grille_communiquee",
    domain: "classification",
    kind: "ynp",
    text: "Vos salariés peuvent-ils consulter la grille de classification et savoir pourquoi leur poste est classé à ce niveau ?",
    help: "La directive européenne sur la transparence des rémunérations (2023/970), qui doit entrer dans le droit français en 2026, donnera à chaque salarié le droit de connaître les critères de classement et de rémunération. Vous pouvez vous y préparer dès maintenant.",
    legalReference: "Directive (UE) 2023/970, art. 6",
    scoring: { weight: 1 },
  },
  {
    id: "classification.valeur_egale",
    domain: "classification",
    kind: "ynp",
    text: "Avez-vous comparé le classement de métiers différents mais de valeur égale, par exemple agent ou agente d'entretien des locaux et agent ou agente d'espaces verts ?",
    help: "La loi impose un salaire égal pour un travail de valeur égale, même si les métiers sont différents. Deux postes sont de valeur égale quand ils demandent des connaissances, des responsabilités et une charge physique ou nerveuse comparables. Les métiers féminisés sont souvent classés plus bas à valeur égale.",
    legalReference: "Code du travail, art. L3221-2 ; L3221-4",
    scoring: { weight: 1 },
  },
  {
    id: "classification.penibilite_metiers_feminises",
    domain: "classification",
    kind: "ynp",
    text: "La pénibilité des métiers féminisés (gestes répétitifs, postures, produits d'entretien) compte-t-elle dans le classement autant que le port de charges lourdes ?",
    help: "On reconnaît facilement la pénibilité d'un chantier de bâtiment, moins celle du tri textile ou du ménage, pourtant usante. Les deux doivent peser de la même façon dans le classement des postes.",
    scoring: { weight: 1 },
  },
  {
    id: "classification.nouveau_poste_avant_recrutement",
    domain: "classification",
    kind: "ynp",
    text: "Quand vous créez un poste, le classez-vous avec la grille écrite avant de savoir qui l'occupera ?",
    help: "Classer un poste en pensant à la personne qui va l'occuper, plutôt qu'au travail demandé, ouvre la porte aux écarts. Classer d'abord, recruter ensuite, c'est plus juste et plus simple à expliquer.",
    scoring: { weight: 1 },
  },
  {
    id: "classification.relecture_classement",
    domain: "classification",
    kind: "ynp",
    text: "Le classement des postes est-il relu par une deuxième personne (membre du CSE, administratrice ou administrateur, conseil extérieur) ?",
    help: "Un deuxième regard repère plus facilement un poste mal classé. Le CSE (comité social et économique) représente le personnel dès 11 salariés ; sans CSE, un membre du conseil d'administration ou un réseau peut jouer ce rôle.",
    scoring: { weight: 1 },
  },
  {
    id: "classification.femmes_niveaux_superieurs",
    domain: "classification",
    kind: "single",
    text: "Les femmes sont-elles présentes dans les deux niveaux les plus élevés de votre grille autant que dans l'ensemble de l'effectif ?",
    help: "Comparez la part de femmes dans les deux niveaux les plus hauts à leur part dans toute la structure. Un écart important montre un « plafond de verre », même dans une petite équipe.",
    options: [
      { value: "oui_verifie", label: "Oui, nous l'avons vérifié", score: 1 },
      { value: "plus_presentes", label: "Elles y sont même plus présentes", score: 0.8 },
      { value: "moins_presentes", label: "Non, elles y sont moins présentes", score: 0 },
    ],
    scoring: { weight: 1 },
  },
  {
    id: "classification.anciennete_niveau",
    domain: "classification",
    kind: "ynp",
    text: "Vérifiez-vous que les femmes ne restent pas plus longtemps que les hommes au même niveau ou au même coefficient ?",
    help: "L'ancienneté dans un niveau, par sexe, fait partie des indicateurs prévus par la loi. Si les femmes restent plus longtemps au même niveau, leur progression est freinée.",
    legalReference: "Code du travail, art. R2312-9",
    population: "permanent",
    scoring: { weight: 1 },
  },
] as const satisfies readonly Question[];
