import type { CatalogueAction } from "../types.ts";
import { APPLICATIONS_WOMEN_SHARE_TARGET_PCT, SUPERVISORS_WOMEN_SHARE_TARGET_PCT } from "../thresholds.ts";
import { MIXITY_LOWER_PCT } from "../inputs.ts";
import { NOT_YES, NO_OR_PARTLY } from "./shared.ts";

/** Embauche: job ads, prescribers, immersions, selection, recruiters (DOMAIN.md §1.4 « Embauche »). */
export const EMBAUCHE_ACTIONS = [
  {
    id: "embauche.offres_mixtes",
    domain: "embauche",
    title: "Réécrire les offres d'emploi pour qu'elles s'adressent aux femmes comme aux hommes",
    description:
      "Reprenez l'intitulé de chaque offre au féminin et au masculin (« agent ou agente d'espaces verts (F/H) »), décrivez les conditions réelles du poste (horaires, charges portées, outils, lieux) plutôt qu'un profil type, et choisissez des photos qui montrent des femmes et des hommes sur tous vos métiers. La loi interdit de réserver une offre à un sexe.",
    objective: "Toutes les offres publiées sont rédigées au féminin et au masculin et décrivent les conditions réelles du poste.",
    indicator: { label: "part des offres publiées rédigées au féminin et au masculin, avec les conditions réelles du poste", unit: "%" },
    baseline: { kind: "to_measure", how: "Relisez les offres publiées ces 12 derniers mois et comptez celles qui respectent ces règles." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: ["confiance"],
    triggers: {
      answers: [
        { question: "embauche.offres_redaction_neutre", is: NOT_YES },
        { question: "embauche.offres_conditions_reelles", is: NOT_YES },
        { question: "embauche.offres_images_mixtes", is: NO_OR_PARTLY },
      ],
      mixity: [{ kind: "masculine_jobs", population: "parcours" }],
    },
    supportOrganizationIds: ["corif", "udes"],
    legalReference: "Code du travail, art. L1142-1",
  },
  {
    id: "embauche.prescripteurs_mixite",
    domain: "embauche",
    title: "Demander aux prescripteurs des candidatures de femmes et d'hommes sur chaque poste",
    description:
      "Écrivez à France Travail, à la Mission locale, à Cap emploi, au PLIE et à vos autres prescripteurs que tous vos postes sont ouverts aux femmes comme aux hommes. Invitez leurs conseillères et conseillers à visiter vos chantiers et vos ateliers, demandez des candidatures mixtes et faites le point avec eux chaque trimestre.",
    objective: "Atteindre au moins 40 % de femmes parmi les candidatures reçues sur vos métiers à prédominance masculine.",
    indicator: { label: "part de femmes parmi les candidatures reçues sur les métiers à prédominance masculine", unit: "%" },
    baseline: { kind: "answer", question: "embauche.part_femmes_candidatures" },
    deadlineMonths: 12,
    cost: "faible",
    barriers: ["confiance"],
    triggers: {
      answers: [
        { question: "embauche.prescripteurs_mixite", is: NOT_YES },
        { question: "embauche.part_femmes_candidatures", below: APPLICATIONS_WOMEN_SHARE_TARGET_PCT },
      ],
      mixity: [{ kind: "masculine_jobs", population: "parcours" }],
      profile: [{ kind: "women_share_below", group: "parcours", threshold: MIXITY_LOWER_PCT }],
    },
    supportOrganizationIds: ["corif", "cidff", "iriae_hdf"],
  },
  {
    id: "embauche.objectif_mixite_metiers",
    domain: "embauche",
    title: "Fixer un objectif chiffré de femmes sur chaque métier à prédominance masculine",
    description:
      "Pour chaque métier où les femmes sont moins de 40 %, fixez un objectif réaliste et daté, par exemple « 30 % de femmes parmi les embauches de l'équipe espaces verts d'ici 2 ans », et faites le point chaque trimestre avec l'équipe encadrante et la CIP. Après une phase de test avec des binômes, une ACI du Pas-de-Calais s'est ainsi engagée à intégrer au moins une femme dans son équipe de chantier en milieu naturel.",
    objective: "Chaque métier à prédominance masculine a un objectif chiffré de femmes, et la part de femmes y progresse dans l'année.",
    indicator: { label: "part de femmes parmi les salariés en parcours des métiers à prédominance masculine", unit: "%" },
    baseline: { kind: "mixity", figure: "women_share_in_masculine_jobs", population: "parcours" },
    deadlineMonths: 12,
    cost: "faible",
    barriers: ["confiance"],
    triggers: {
      mixity: [{ kind: "masculine_jobs", population: "parcours" }, { kind: "no_mixed_job" }],
      profile: [{ kind: "women_share_below", group: "parcours", threshold: MIXITY_LOWER_PCT }],
    },
    supportOrganizationIds: ["corif", "fete_association", "iriae_hdf"],
  },
  {
    id: "embauche.immersions_aller_vers",
    domain: "embauche",
    title: "Proposer des immersions (PMSMP) et des visites de chantier aux femmes sur vos métiers techniques",
    description:
      "Une PMSMP (période de mise en situation en milieu professionnel) est une immersion de quelques jours, sans contrat de travail, prescrite par France Travail, la Mission locale ou Cap emploi. Proposez-en aux femmes sur vos métiers à prédominance masculine, et aux hommes sur vos métiers très féminisés. Ajoutez des portes ouvertes ou des visites de chantier, avec un CIDFF ou le CORIF : cette démarche d'« aller-vers » a fait ses preuves dans les Hauts-de-France.",
    objective: "Accueillir au moins 6 femmes en immersion ou en visite sur vos métiers à prédominance masculine dans l'année.",
    indicator: { label: "nombre de femmes accueillies en immersion ou en visite sur un métier à prédominance masculine", unit: "personnes" },
    baseline: { kind: "to_measure", how: "Comptez les immersions et les visites de l'année écoulée, femmes et hommes séparément." },
    deadlineMonths: 12,
    cost: "faible",
    barriers: ["confiance", "mobilite"],
    triggers: {
      answers: [
        { question: "embauche.sourcing_metiers_non_traditionnels", is: ["aucune", "ne_sait_pas"] },
        { question: "embauche.sourcing_metiers_non_traditionnels", lacks: "immersions_pmsmp" },
      ],
      mixity: [
        { kind: "masculine_jobs", population: "parcours" },
        { kind: "feminine_jobs", population: "parcours" },
      ],
    },
    supportOrganizationIds: ["corif", "cidff", "fete_association"],
  },
  {
    id: "embauche.jury_mixte_grille",
    domain: "embauche",
    title: "Recruter avec un jury mixte et une grille écrite de critères liés au poste",
    description:
      "Faites conduire les entretiens par deux personnes, si possible une femme et un homme, avec une grille de critères liés au poste, la même pour toutes et pour tous. Notez le motif de chaque refus. Aucune question sur une grossesse, les enfants ou la situation de famille : ce ne peut pas être un motif de refus.",
    objective: "Tous les entretiens d'embauche se déroulent avec la grille écrite et, quand c'est possible, un jury mixte.",
    indicator: { label: "part des entretiens d'embauche menés avec la grille écrite et un jury mixte", unit: "%" },
    baseline: { kind: "to_measure", how: "Sur les 3 derniers mois, comptez les entretiens menés avec une grille écrite et un jury mixte." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "embauche.grille_entretien", is: NOT_YES }] },
    supportOrganizationIds: ["corif"],
    legalReference: "Code du travail, art. L1132-1 ; L1225-1 ; L1225-2",
  },
  {
    id: "embauche.former_recruteurs",
    domain: "embauche",
    title: "Former les personnes qui recrutent à la non-discrimination et à l'égalité",
    description:
      "Une demi-journée de formation pour la direction, les encadrants techniques et les CIP qui recrutent : stéréotypes, questions interdites, critères liés au poste. L'accord de branche des ACI du 9 juillet 2014 prévoit que les recrutements soient conduits par des personnes formées ; dès 300 salariés, cette formation est obligatoire au moins tous les 5 ans.",
    objective: "Toutes les personnes qui recrutent ont suivi une formation à la non-discrimination et à l'égalité.",
    indicator: { label: "part des personnes qui recrutent formées à la non-discrimination et à l'égalité", unit: "%" },
    baseline: { kind: "to_measure", how: "Listez les personnes qui conduisent des entretiens d'embauche et celles qui ont déjà été formées." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: [],
    triggers: { answers: [{ question: "embauche.recruteurs_formes", is: NOT_YES }] },
    supportOrganizationIds: ["corif", "cidff", "fete_association"],
    legalReference: "Code du travail, art. L1131-2 ; accord de branche des ACI du 9 juillet 2014",
  },
  {
    id: "embauche.suivi_candidatures",
    domain: "embauche",
    title: "Suivre par sexe les candidatures, les embauches et les refus, métier par métier",
    description:
      "Un tableau simple, mis à jour chaque mois : pour chaque métier, le nombre de candidatures de femmes et d'hommes, d'entretiens, d'embauches et de refus avec leur motif. Il montre à quelle étape les femmes « décrochent » : chez les prescripteurs ou chez vous. Dès 50 salariés, les embauches par sexe font partie de la BDESE (base de données économiques, sociales et environnementales).",
    objective: "Disposer chaque trimestre des candidatures et des embauches par sexe et par métier.",
    indicator: { label: "part de femmes parmi les embauches sur les métiers à prédominance masculine", unit: "%" },
    baseline: { kind: "to_measure", how: "Reprenez les embauches des 12 derniers mois par métier, femmes et hommes séparément." },
    deadlineMonths: 3,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [
        { question: "embauche.suivi_candidatures_par_sexe", is: NOT_YES },
        { question: "embauche.part_femmes_candidatures", is: ["ne_sait_pas"] },
      ],
    },
    supportOrganizationIds: ["corif", "iriae_hdf"],
    legalReference: "Code du travail, art. L2312-36 ; R2312-8",
  },
  {
    id: "embauche.encadrantes_techniques",
    domain: "embauche",
    title: "Recruter des encadrantes techniques sur les activités à prédominance masculine",
    description:
      "À chaque recrutement d'encadrant technique ou de chef d'équipe, cherchez activement des candidates : offre rédigée au féminin et au masculin, diffusion dans les réseaux de femmes du métier, candidatures internes. Une encadrante sur un chantier montre aux salariées en parcours que le métier est aussi pour elles.",
    objective: "Atteindre au moins 40 % de femmes parmi les encadrants techniques et chefs d'équipe recrutés dans l'année.",
    indicator: { label: "part de femmes parmi les encadrants techniques et chefs d'équipe", unit: "%" },
    baseline: { kind: "answer", question: "promotion.part_femmes_encadrement_technique" },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["confiance"],
    triggers: {
      answers: [{ question: "promotion.part_femmes_encadrement_technique", below: SUPERVISORS_WOMEN_SHARE_TARGET_PCT }],
      mixity: [{ kind: "masculine_jobs", population: "permanent" }],
    },
    supportOrganizationIds: ["corif"],
  },
] as const satisfies readonly CatalogueAction[];
