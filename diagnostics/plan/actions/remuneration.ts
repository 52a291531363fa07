import type { CatalogueAction } from "../types.ts";
import { INDEX_CORRECTIVE_MEASURES_BELOW, INDEX_PROGRESS_OBJECTIVES_BELOW } from "../inputs.ts";
import { INVOLUNTARY_PART_TIME_ALERT_PCT, TOP10_BALANCED_MAX_WOMEN, TOP10_BALANCED_MIN_WOMEN } from "../thresholds.ts";
import { NOT_YES } from "./shared.ts";

/**
 * Rémunération effective, the domain every accord or plan must include (R2242-2): pay gap analysis,
 * catch-up budget, post-maternity raise, primes, part-time income, Index (DOMAIN.md §1.4, §2.6).
 */
export const REMUNERATION_ACTIONS = [
  {
    id: "remuneration.analyse_ecarts",
    domain: "remuneration",
    title: "Analyser chaque année les salaires des femmes et des hommes sur des postes comparables",
    description:
      "Comparez le salaire horaire et tout ce qui s'y ajoute (primes, heures en plus) entre femmes et hommes sur des postes comparables ou de valeur égale, pour les permanents et pour les salariés en parcours. Même quand les salariés en parcours sont au SMIC, des écarts peuvent venir des primes, de l'ancienneté ou des postes permanents. Dès 50 salariés, les objectifs sur les salaires doivent tenir compte des résultats de l'Index.",
    objective: "L'analyse annuelle des écarts de salaire est faite, présentée à l'équipe ou au CSE, et chaque écart est justifié ou corrigé.",
    indicator: { label: "écart de rémunération entre femmes et hommes à poste comparable, en % du salaire des hommes", unit: "%" },
    baseline: { kind: "index", figure: "pay_gap" },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [{ question: "remuneration.ecart_horaire_verifie", is: ["non", "ne_sait_pas"] }],
      index: [{ kind: "indicator_below_max", indicator: "pay" }, { kind: "pay_not_calculable" }],
    },
    supportOrganizationIds: ["fete_scic", "corif"],
    legalReference: "Code du travail, art. L3221-2 ; R2242-2",
  },
  {
    id: "remuneration.budget_rattrapage",
    domain: "remuneration",
    title: "Prévoir un budget de rattrapage pour corriger les écarts de salaire injustifiés",
    description:
      "Dès qu'un écart sans justification objective est repéré, votez une enveloppe annuelle et un calendrier de correction. Sous 75 points à l'Index, la loi impose des mesures de correction et de rattrapage pour remonter à 75 points au moins en 3 ans.",
    objective: "Tous les écarts de salaire injustifiés repérés sont corrigés dans l'année, dans la limite de l'enveloppe votée.",
    indicator: { label: "part des écarts de salaire injustifiés repérés qui ont été corrigés", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les écarts repérés lors de la dernière analyse des salaires." },
    deadlineMonths: 12,
    cost: "eleve",
    barriers: [],
    triggers: {
      answers: [
        { question: "remuneration.ecart_horaire_verifie", is: ["ecart_non_corrige"] },
        { question: "remuneration.budget_rattrapage", is: NOT_YES },
      ],
      index: [{ kind: "index_below", threshold: INDEX_CORRECTIVE_MEASURES_BELOW }],
    },
    supportOrganizationIds: ["fete_scic"],
    legalReference: "Code du travail, art. L3221-2 ; L1142-9",
  },
  {
    id: "remuneration.retour_maternite",
    domain: "remuneration",
    title: "Appliquer et vérifier l'augmentation due au retour d'un congé de maternité ou d'adoption",
    description:
      "Au retour d'un congé de maternité ou d'adoption, le salaire doit être augmenté des hausses générales et de la moyenne des augmentations individuelles reçues pendant le congé par les salariés de la même catégorie (loi du 23 mars 2006). Préparez une fiche de calcul et vérifiez chaque retour avec la personne qui fait la paie.",
    objective: "Toutes les salariées revenues de congé de maternité ou d'adoption reçoivent l'augmentation due.",
    indicator: { label: "part des salariées revenues de congé de maternité ayant reçu l'augmentation due", unit: "%" },
    baseline: { kind: "index", figure: "maternity_rate" },
    deadlineMonths: 3,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [{ question: "remuneration.augmentation_retour_maternite", is: ["jamais", "pas_toujours", "ne_sait_pas"] }],
      index: [{ kind: "indicator_below_max", indicator: "maternity" }],
    },
    supportOrganizationIds: ["fete_scic"],
    legalReference: "Code du travail, art. L1225-26 ; L1225-44",
  },
  {
    id: "remuneration.primes",
    domain: "remuneration",
    title: "Revoir les primes : des critères écrits, les mêmes pour les métiers féminisés et masculinisés",
    description:
      "Listez chaque prime (salissure, pénibilité, astreinte, assiduité), écrivez ses critères liés au travail et vérifiez qu'elle n'est pas versée aux seuls métiers masculinisés quand des métiers féminisés sont aussi exposés : une prime de salissure sur les chantiers mais pas au tri textile crée un écart injustifié. Comptez la part des femmes et des hommes qui touchent chaque prime.",
    objective: "Chaque prime a des critères écrits, et tout écart d'accès entre femmes et hommes est expliqué ou corrigé.",
    indicator: { label: "écart entre la part des hommes et la part des femmes qui touchent au moins une prime", unit: "points" },
    baseline: { kind: "to_measure", how: "Reprenez les primes versées l'an dernier, par sexe." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [
        { question: "remuneration.primes_criteres_ecrits", is: NOT_YES },
        { question: "remuneration.primes_par_sexe", is: NOT_YES },
      ],
    },
    supportOrganizationIds: ["fete_scic", "corif"],
    legalReference: "Code du travail, art. L3221-3 ; directive (UE) 2023/970, art. 9",
  },
  {
    id: "remuneration.salaire_mensuel_temps_partiel",
    domain: "remuneration",
    title: "Mesurer l'écart de salaire mensuel et augmenter les heures des salariées à temps partiel subi",
    description:
      "À l'heure, le salaire peut être le même ; sur le mois, les femmes gagnent souvent moins parce qu'elles ont moins d'heures. Mesurez chaque année l'écart de salaire mensuel moyen, et augmentez les heures des personnes à temps partiel qui veulent travailler plus : leur salaire augmente sans toucher aux taux horaires.",
    objective: "L'écart de salaire mensuel moyen entre femmes et hommes diminue d'un tiers dans l'année.",
    indicator: { label: "écart de salaire mensuel moyen entre femmes et hommes, en % du salaire des hommes", unit: "%" },
    baseline: { kind: "to_measure", how: "Calculez le salaire mensuel moyen des femmes et des hommes sur l'année écoulée." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["temps_partiel_subi"],
    triggers: {
      answers: [
        { question: "remuneration.ecart_mensuel_temps_partiel", is: NOT_YES },
        { question: "conditions_travail.part_temps_partiel_subi", atLeast: INVOLUNTARY_PART_TIME_ALERT_PCT },
      ],
    },
    supportOrganizationIds: ["fete_scic", "cidff"],
  },
  {
    id: "remuneration.grille_publiee",
    domain: "remuneration",
    title: "Communiquer la grille des salaires à tous les salariés",
    description:
      "Remettez la grille des salaires par poste ou par niveau à l'accueil et affichez-la. Chacune et chacun peut vérifier sa situation et poser des questions ; la directive européenne sur la transparence des rémunérations, attendue en droit français, va dans ce sens.",
    objective: "La grille des salaires est remise à chaque salarié et affichée.",
    indicator: { label: "part des salariés ayant reçu la grille des salaires", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les salariés à qui la grille a été remise." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "remuneration.grille_salaires_communiquee", is: NOT_YES }] },
    supportOrganizationIds: ["fete_scic"],
    legalReference: "Directive (UE) 2023/970, art. 6",
  },
  {
    id: "remuneration.plus_hautes_remunerations",
    domain: "remuneration",
    title: "Rééquilibrer les 10 plus hautes rémunérations",
    description:
      "Les 10 salaires les plus élevés (direction, encadrement, postes techniques qualifiés) comptent souvent très peu de femmes. À chaque départ ou création de poste parmi eux, recherchez activement des candidates, en interne comme à l'extérieur, et accompagnez les salariées qui visent ces postes. L'Index donne tous ses points entre 4 et 6 femmes sur 10.",
    objective: "Au moins 4 femmes parmi les 10 salariés les mieux payés.",
    indicator: { label: "nombre de femmes parmi les 10 salariés les mieux payés", unit: "femmes" },
    baseline: { kind: "answer", question: "remuneration.femmes_dix_plus_hautes" },
    deadlineMonths: 12,
    cost: "faible",
    barriers: ["confiance"],
    triggers: {
      answers: [
        { question: "remuneration.femmes_dix_plus_hautes", below: TOP10_BALANCED_MIN_WOMEN },
        { question: "remuneration.femmes_dix_plus_hautes", above: TOP10_BALANCED_MAX_WOMEN },
      ],
      index: [{ kind: "indicator_below_max", indicator: "top10" }],
    },
    supportOrganizationIds: ["corif", "fete_scic"],
    legalReference: "Code du travail, art. D1142-2",
  },
  {
    id: "remuneration.index_publication",
    domain: "remuneration",
    title: "Calculer, publier et déclarer l'Index de l'égalité professionnelle avant le 1er mars",
    description:
      "Dès 50 salariés, salariés en contrat d'insertion compris, l'Index est à calculer chaque année, à publier sur votre site internet (ou à afficher) et à déclarer au ministère du Travail avant le 1er mars ; s'il est incalculable, déclarez-le quand même. Sous 85 points, publiez des objectifs de progression pour chaque indicateur où le maximum n'est pas atteint.",
    objective: "L'Index de l'année est calculé, publié et déclaré avant le 1er mars, avec ses objectifs de progression s'il est inférieur à 85.",
    indicator: { label: "note globale de l'Index de l'égalité professionnelle", unit: "points sur 100" },
    baseline: { kind: "index", figure: "index_value" },
    deadlineMonths: 3,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [{ question: "remuneration.index_publie", is: ["non", "calcule_non_publie", "ne_sait_pas"] }],
      index: [{ kind: "index_below", threshold: INDEX_PROGRESS_OBJECTIVES_BELOW }],
    },
    supportOrganizationIds: ["fete_scic"],
    legalReference: "Code du travail, art. L1142-8 ; L1142-9-1 ; D1142-2 et suivants",
  },
  {
    id: "remuneration.negociation_ecarts",
    domain: "remuneration",
    title: "Mettre les écarts de salaire entre femmes et hommes à l'ordre du jour de la négociation annuelle",
    description:
      "Quand un délégué syndical est désigné, la négociation sur les salaires doit aussi traiter de l'égalité ; sans accord sur l'égalité, elle doit programmer des mesures pour supprimer les écarts. Présentez les chiffres par sexe en ouverture de la négociation.",
    objective: "La prochaine négociation annuelle sur les salaires comporte des mesures chiffrées contre les écarts entre femmes et hommes.",
    indicator: { label: "nombre de mesures contre les écarts de salaire inscrites dans la négociation annuelle", unit: "mesures" },
    baseline: { kind: "to_measure", how: "Relisez le dernier procès-verbal de la négociation annuelle." },
    deadlineMonths: 12,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "remuneration.negociation_salaires_ecarts", is: NOT_YES }] },
    supportOrganizationIds: ["fete_scic"],
    legalReference: "Code du travail, art. L2242-1 ; L2242-3",
  },
] as const satisfies readonly CatalogueAction[];
