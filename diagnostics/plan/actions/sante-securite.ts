import type { CatalogueAction } from "../types.ts";
import { NOT_YES } from "./shared.ts";

/** Sécurité et santé au travail: gendered DUERP, TMS, accidents, pregnancy, violence (DOMAIN.md §1.4). */
export const SANTE_SECURITE_ACTIONS = [
  {
    id: "sante_securite.duerp_genre",
    domain: "sante_securite",
    title: "Mettre à jour le DUERP en tenant compte des différences d'exposition entre femmes et hommes",
    description:
      "Reprenez le document unique d'évaluation des risques (DUERP) poste par poste : charges, postures, gestes répétitifs, produits, horaires, violences, grossesse. Analysez les métiers féminisés avec autant de soin que les métiers physiques dits « masculins » ; l'Aract de votre région propose des outils gratuits.",
    objective: "Le DUERP est mis à jour avec une analyse différenciée selon le sexe pour chaque unité de travail.",
    indicator: { label: "part des unités de travail du DUERP analysées selon le sexe", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les unités de travail de votre DUERP et celles déjà analysées selon le sexe." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "sante_securite.duerp_differencie", is: NOT_YES }] },
    supportOrganizationIds: ["aract"],
    legalReference: "Code du travail, art. L4121-3 ; R4121-1",
  },
  {
    id: "sante_securite.tms_metiers_feminises",
    domain: "sante_securite",
    title: "Prévenir les troubles musculo-squelettiques des métiers féminisés",
    description:
      "Tri textile, ménage, blanchisserie, couture : observez les postes avec les salariées, réglez la hauteur des tables, alternez les tâches, choisissez du matériel plus léger. Les troubles musculo-squelettiques (TMS) sont des douleurs des épaules, des poignets et du dos dues aux gestes répétés ; moins visibles qu'un accident, ils sont aussi usants.",
    objective: "Chaque poste féminisé exposé aux gestes répétitifs a au moins une mesure de prévention en place.",
    indicator: { label: "part des postes exposés aux gestes répétitifs dotés d'une mesure de prévention", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les postes exposés aux gestes répétitifs et les mesures en place." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: [],
    triggers: {
      answers: [{ question: "sante_securite.risques_metiers_feminises", is: NOT_YES }],
      mixity: [{ kind: "feminine_jobs" }],
    },
    supportOrganizationIds: ["aract"],
  },
  {
    id: "sante_securite.accidents_par_sexe",
    domain: "sante_securite",
    title: "Suivre par sexe les accidents du travail, les arrêts et les maladies professionnelles",
    description:
      "Un tableau annuel, par métier, pour les femmes et pour les hommes : accidents avec arrêt, jours d'arrêt, maladies professionnelles déclarées. Il montre quel métier use davantage qui, et où agir en priorité.",
    objective: "Le tableau annuel des accidents et des arrêts par sexe et par métier est tenu et présenté à l'équipe ou au CSE.",
    indicator: { label: "nombre d'accidents du travail avec arrêt dans l'année", unit: "accidents" },
    baseline: { kind: "to_measure", how: "Reprenez les déclarations d'accident du travail de l'an dernier." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "sante_securite.accidents_par_sexe", is: NOT_YES }] },
    supportOrganizationIds: ["aract"],
    legalReference: "Code du travail, art. R2312-9",
  },
  {
    id: "sante_securite.grossesse",
    domain: "sante_securite",
    title: "Prévoir l'adaptation des postes pendant la grossesse et informer les salariées de leurs droits",
    description:
      "Préparez avec le médecin du travail une fiche par poste : tâches à éviter (charges, produits, station debout) et poste de remplacement possible. Informez toutes les salariées de leurs droits dès l'accueil, pour qu'aucune ne cache sa grossesse ou ne quitte son parcours.",
    objective: "Chaque poste a une fiche d'adaptation pour la grossesse, et toutes les salariées sont informées de leurs droits.",
    indicator: { label: "part des postes disposant d'une fiche d'adaptation pendant la grossesse", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez vos postes et ceux qui ont déjà une fiche." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "sante_securite.grossesse_amenagement", is: NOT_YES }] },
    supportOrganizationIds: ["aract"],
    legalReference: "Code du travail, art. L1225-7 ; R4152-1 et suivants",
  },
  {
    id: "sante_securite.prevention_violences",
    domain: "sante_securite",
    title: "Prévenir les violences sexistes et sexuelles, y compris de la part de clients et sur les chantiers isolés",
    description:
      "Rappelez vos règles aux clients et aux donneurs d'ordre dans le devis ou le contrat, dites aux salariés quoi faire face à un comportement sexiste d'un client, organisez le travail en binôme ou avec un point de contact sur les chantiers isolés et chez les particuliers, et traitez chaque signalement : écoute, enquête, protection, sanction si besoin.",
    objective: "Chaque salarié sait quoi faire face à un comportement sexiste d'un client, et aucun poste exposé n'est tenu seul sans point de contact.",
    indicator: { label: "part des salariés informés de la conduite à tenir face à un comportement sexiste d'un client", unit: "%" },
    baseline: { kind: "to_measure", how: "Posez la question lors d'une réunion d'équipe." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["violences"],
    triggers: {
      answers: [
        { question: "sante_securite.comportements_clients", is: NOT_YES },
        { question: "sante_securite.travail_isole", is: NOT_YES },
        { question: "sante_securite.traitement_signalements", is: ["rien", "discussion_sans_suite"] },
      ],
    },
    supportOrganizationIds: ["corif", "cidff", "aract"],
    legalReference: "Code du travail, art. L4121-1 ; L1153-5",
  },
  {
    id: "sante_securite.violences_conjugales",
    domain: "sante_securite",
    title: "Savoir orienter les personnes victimes de violences conjugales",
    description:
      "Formez la CIP avec le CIDFF de votre département, affichez le 3919 (numéro national d'écoute, gratuit et anonyme) et prévoyez des aménagements d'horaires ou d'absences pour les démarches. Ce n'est pas une obligation légale, mais les violences font partie des freins à l'emploi des femmes.",
    objective: "La CIP est formée, et l'information (3919, CIDFF) est affichée sur chaque site.",
    indicator: { label: "part des sites où l'information sur les violences conjugales est affichée", unit: "%" },
    baseline: { kind: "to_measure", how: "Vérifiez l'affichage sur chacun de vos sites." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["violences"],
    triggers: { answers: [{ question: "sante_securite.violences_conjugales", is: NOT_YES }] },
    supportOrganizationIds: ["cidff"],
  },
] as const satisfies readonly CatalogueAction[];
