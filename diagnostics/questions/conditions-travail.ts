import type { Question } from "../questionnaire.ts";

/**
 * Conditions de travail: premises on worksites, protective equipment, tools, part-time chosen or
 * imposed, schedules, sexist acts and harassment (DOMAIN.md §1.4 « Conditions de travail »;
 * DREETS panorama 2025: worksites without toilets kept women out of an ACI team).
 */
export const CONDITIONS_TRAVAIL_QUESTIONS = [
  {
    id: "conditions_travail.vestiaires_sanitaires",
    domain: "conditions_travail",
    kind: "single",
    text: "Sur vos sites et vos chantiers, les femmes disposent-elles de vestiaires et de toilettes séparés de ceux des hommes ?",
    help: "Le Code du travail impose des vestiaires et des toilettes séparés quand l'équipe est mixte. Sur un chantier extérieur, un module mobile ou un accord avec la commune suffit. Le manque de toilettes est l'une des premières raisons pour lesquelles des équipes de chantier restent entièrement masculines.",
    legalReference: "Code du travail, art. R4228-1 et suivants",
    options: [
      { value: "tous_sites", label: "Oui, sur tous nos sites et chantiers", score: 1 },
      { value: "verifie_clients", label: "Nos salariés travaillent chez des clients : nous vérifions ce point avec eux", score: 1 },
      { value: "certains_sites", label: "Sur une partie de nos sites seulement", score: 0.5 },
      { value: "aucun_site", label: "Non", score: 0 },
    ],
    scoring: { weight: 1 },
  },
  {
    id: "conditions_travail.epi_tailles_femmes",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Vos équipements de protection (chaussures de sécurité, gants, vêtements de travail) existent-ils dans des tailles et des coupes adaptées aux femmes ?",
    help: "Les équipements de protection individuelle (EPI) sont fournis par l'employeur et doivent être adaptés à la personne qui les porte. Des gants ou des chaussures trop grands protègent mal et font courir un risque. Pensez à le demander à vos fournisseurs.",
    legalReference: "Code du travail, art. R4321-4",
    scoring: { weight: 1 },
  },
  {
    id: "conditions_travail.outils_aides_manutention",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Avez-vous choisi des outils et des aides à la manutention (diable, chariot, outils allégés) pour que chaque poste puisse être tenu par une femme comme par un homme ?",
    help: "Des outils plus légers et des aides au port de charges réduisent l'usure de toutes et de tous. Ils enlèvent aussi l'argument « c'est trop lourd pour une femme » qui ferme des postes.",
    scoring: { weight: 1 },
  },
  {
    id: "conditions_travail.part_temps_partiel_subi",
    domain: "conditions_travail",
    kind: "percentage",
    text: "Parmi vos salariés à temps partiel, quelle part souhaiterait travailler plus d'heures ?",
    help: "On parle de temps partiel subi quand la personne voudrait travailler davantage. Il touche surtout des femmes et pèse sur leur salaire. Si personne n'est à temps partiel, indiquez 0.",
    scoring: {
      weight: 1,
      points: [
        [0, 1],
        [50, 0],
      ],
    },
  },
  {
    id: "conditions_travail.heures_en_plus_temps_partiel",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Proposez-vous d'abord les heures en plus, ou un poste à temps plein, aux salariés à temps partiel qui veulent travailler davantage ?",
    help: "La loi donne aux salariés à temps partiel une priorité pour obtenir un emploi à temps plein ou avec plus d'heures dans leur catégorie. Augmenter leurs heures réduit le temps partiel subi et augmente leur salaire.",
    legalReference: "Code du travail, art. L3123-3",
    scoring: { weight: 1 },
  },
  {
    id: "conditions_travail.horaires_coupes_limites",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Limitez-vous les horaires coupés (deux périodes de travail dans la même journée) et les horaires très tôt ou très tard ?",
    help: "Les horaires coupés et décalés sont fréquents dans le nettoyage et les services à la personne, des métiers très féminisés. Ils compliquent la garde des enfants et allongent les journées.",
    scoring: { weight: 1 },
  },
  {
    id: "conditions_travail.procedure_signalement",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Avez-vous une procédure écrite, connue de toutes et de tous, pour signaler un agissement sexiste ou un harcèlement sexuel et savoir ce qui sera fait ?",
    help: "Un agissement sexiste est une remarque ou un comportement lié au sexe qui porte atteinte à la dignité ou crée un climat hostile. Le harcèlement sexuel est puni par la loi. L'employeur doit prévenir ces faits, informer le personnel des recours possibles et agir dès qu'il en a connaissance.",
    legalReference: "Code du travail, art. L1142-2-1 ; L1153-1 ; L1153-5",
    scoring: { weight: 2 },
  },
  {
    id: "conditions_travail.referent_harcelement_employeur",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Avez-vous désigné, du côté de la direction, une personne formée pour écouter et orienter en cas de harcèlement sexuel ou d'agissement sexiste ?",
    help: "À partir de 250 salariés, la loi impose de désigner une personne référente chargée d'orienter, d'informer et d'accompagner en matière de harcèlement sexuel et d'agissements sexistes. En dessous, c'est fortement conseillé : dans une petite structure, la direction ou une CIP formée peut jouer ce rôle.",
    legalReference: "Code du travail, art. L1153-5-1",
    scoring: { weight: 1 },
  },
  {
    id: "conditions_travail.referent_harcelement_cse",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Votre CSE a-t-il désigné parmi ses membres une personne référente pour le harcèlement sexuel et les agissements sexistes ?",
    help: "Le CSE (comité social et économique) représente le personnel dès 11 salariés. La loi lui demande de désigner parmi ses membres une personne référente en matière de harcèlement sexuel et d'agissements sexistes. Faites connaître son nom à toutes les équipes.",
    legalReference: "Code du travail, art. L2314-1",
    appliesTo: { requiresCse: true },
    scoring: { weight: 1 },
  },
  {
    id: "conditions_travail.ateliers_sexisme_parcours",
    domain: "conditions_travail",
    kind: "ynp",
    text: "Les salariés en parcours ont-ils participé à un temps d'échange ou à un atelier sur le sexisme et l'égalité au travail ?",
    help: "Un atelier à l'accueil ou pendant le parcours pose les règles du collectif : ce qui est accepté, ce qui ne l'est pas, à qui parler. Des outils simples existent, comme le jeu de l'oie sur l'égalité utilisé par une régie de quartier du Pas-de-Calais.",
    population: "parcours",
    scoring: { weight: 1 },
  },
] as const satisfies readonly Question[];
