import type { CatalogueAction } from "../types.ts";
import { NOT_YES } from "./shared.ts";

/** Classification: written criteria, equal value, new posts, transparency, top levels (DOMAIN.md §1.4, §4.4). */
export const CLASSIFICATION_ACTIONS = [
  {
    id: "classification.criteres_ecrits",
    domain: "classification",
    title: "Écrire les critères de classement de chaque poste dans la grille de la convention collective",
    description:
      "Pour chaque poste, écrivez pourquoi il est placé à tel niveau ou coefficient de votre convention collective (pour les ACI, la convention IDCC 3016) : connaissances, responsabilités, autonomie, conditions de travail. Vérifiez au passage le classement des salariés en parcours comme des permanents.",
    objective: "Tous les postes ont une fiche de classement écrite et à jour.",
    indicator: { label: "part des postes dont le classement est justifié par des critères écrits", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez vos postes et ceux dont le classement est déjà justifié par écrit." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "classification.grille_criteres_ecrits", is: NOT_YES }] },
    supportOrganizationIds: ["fete_scic", "corif"],
  },
  {
    id: "classification.valeur_egale",
    domain: "classification",
    title: "Comparer les métiers de valeur égale avec les critères de la loi et corriger les sous-classements",
    description:
      "Prenez des paires de métiers différents mais proches en exigences, par exemple agent ou agente d'entretien des locaux et agent ou agente d'espaces verts. Notez chacun sur les mêmes critères : connaissances et compétences, efforts physiques et nerveux, responsabilités, conditions de travail. Si le métier féminisé est classé plus bas à valeur égale, corrigez son classement.",
    objective: "Toutes les paires de métiers de valeur égale ont été comparées, et les sous-classements trouvés sont corrigés.",
    indicator: { label: "part des métiers comparés avec la grille des critères de valeur égale", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les paires de métiers à comparer." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: [],
    triggers: {
      answers: [{ question: "classification.valeur_egale", is: NOT_YES }],
      mixity: [{ kind: "feminine_jobs" }],
      index: [{ kind: "indicator_below_max", indicator: "pay" }],
    },
    supportOrganizationIds: ["fete_scic", "corif", "aract"],
    legalReference: "Code du travail, art. L3221-2 ; L3221-4",
  },
  {
    id: "classification.penibilite_feminisee",
    domain: "classification",
    title: "Faire compter la pénibilité des métiers féminisés autant que le port de charges",
    description:
      "Gestes répétitifs, postures prolongées, produits d'entretien : décrivez ces contraintes dans les fiches des métiers féminisés (tri textile, ménage, blanchisserie) et tenez-en compte dans le classement, au même titre que le port de charges lourdes.",
    objective: "Les contraintes des métiers féminisés sont décrites dans leurs fiches et prises en compte dans le classement.",
    indicator: { label: "part des fiches de métiers féminisés décrivant leurs contraintes physiques", unit: "%" },
    baseline: { kind: "to_measure", how: "Relisez les fiches des métiers féminisés." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [{ question: "classification.penibilite_metiers_feminises", is: NOT_YES }],
      mixity: [{ kind: "feminine_jobs" }],
    },
    supportOrganizationIds: ["aract", "corif"],
  },
  {
    id: "classification.classer_avant_recruter",
    domain: "classification",
    title: "Classer chaque nouveau poste avant de recruter et faire relire le classement",
    description:
      "Quand vous créez un poste, classez-le d'après le travail demandé, avec la grille écrite, avant de savoir qui l'occupera. Faites ensuite relire le classement par une deuxième personne : membre du CSE, administratrice ou administrateur, conseil extérieur.",
    objective: "Tous les postes créés dans l'année sont classés avant le recrutement et relus par une deuxième personne.",
    indicator: { label: "part des postes créés classés avant le recrutement et relus", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les postes créés ces 12 derniers mois." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [
        { question: "classification.nouveau_poste_avant_recrutement", is: NOT_YES },
        { question: "classification.relecture_classement", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["fete_scic"],
  },
  {
    id: "classification.grille_transparente",
    domain: "classification",
    title: "Rendre la grille de classification consultable et expliquer à chacun son classement",
    description:
      "Affichez la grille, remettez-la à l'accueil et expliquez à chaque personne, lors de l'entretien, pourquoi son poste est classé à ce niveau. La directive européenne sur la transparence des rémunérations (2023/970) fera de l'accès à ces critères un droit.",
    objective: "La grille de classification est remise et expliquée à chaque salarié.",
    indicator: { label: "part des salariés ayant reçu la grille de classification", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les salariés à qui la grille a été remise." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "classification.grille_communiquee", is: NOT_YES }] },
    supportOrganizationIds: ["fete_scic"],
    legalReference: "Directive (UE) 2023/970, art. 6",
  },
  {
    id: "classification.niveaux_superieurs",
    domain: "classification",
    title: "Suivre la place des femmes dans les niveaux les plus élevés de la grille et leur ancienneté par niveau",
    description:
      "Chaque année, comparez la part de femmes dans les deux niveaux les plus élevés à leur part dans l'effectif, et le temps passé par les femmes et par les hommes au même niveau. Un écart signale un « plafond de verre » : ouvrez alors les postes et les formations qui mènent à ces niveaux.",
    objective: "La part de femmes dans les deux niveaux les plus élevés se rapproche de leur part dans l'effectif.",
    indicator: { label: "part de femmes dans les deux niveaux les plus élevés de la grille", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les femmes et les hommes de chaque niveau au 31 décembre." },
    deadlineMonths: 12,
    cost: "faible",
    barriers: ["confiance"],
    triggers: {
      answers: [
        { question: "classification.femmes_niveaux_superieurs", is: ["moins_presentes", "ne_sait_pas"] },
        { question: "classification.anciennete_niveau", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["fete_scic", "corif"],
    legalReference: "Code du travail, art. R2312-9",
  },
] as const satisfies readonly CatalogueAction[];
