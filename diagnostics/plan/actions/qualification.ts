import type { CatalogueAction } from "../types.ts";
import { NOT_YES, NO_OR_PARTLY } from "./shared.ts";

/** Qualification: qualification levels, VAE, certifications, skills in job descriptions, déclassement (DOMAIN.md §1.4). */
export const QUALIFICATION_ACTIONS = [
  {
    id: "qualification.niveaux_par_sexe",
    domain: "qualification",
    title: "Recenser les diplômes et les qualifications des salariés, femmes et hommes séparément",
    description:
      "À l'accueil ou pendant l'entretien, notez le niveau de diplôme et les qualifications de chaque personne, puis comparez-les au niveau du poste occupé. Ce tableau montre les écarts entre femmes et hommes et les personnes employées en dessous de leur qualification (déclassement), par exemple des femmes diplômées à l'étranger.",
    objective: "Le niveau de qualification de toutes les personnes présentes est connu, par sexe.",
    indicator: { label: "part des salariés dont le niveau de qualification est connu", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les dossiers où le niveau de diplôme ou de qualification est noté." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: {
      answers: [
        { question: "qualification.niveaux_connus_par_sexe", is: NOT_YES },
        { question: "qualification.declassement", is: NOT_YES },
        { question: "qualification.postes_qualifies_femmes", is: ["ne_sait_pas"] },
      ],
    },
    supportOrganizationIds: ["corif"],
    legalReference: "Code du travail, art. R2312-8",
  },
  {
    id: "qualification.vae_metiers_feminises",
    domain: "qualification",
    title: "Lancer une campagne de VAE sur les métiers féminisés",
    description:
      "La VAE (validation des acquis de l'expérience) permet d'obtenir un diplôme grâce à son expérience, sans refaire toute une formation. Repérez avec la CIP les personnes qui exercent depuis longtemps le ménage, l'aide à domicile, la couture ou la blanchisserie, et accompagnez leur dossier avec un organisme spécialisé.",
    objective: "Au moins 3 personnes engagent une démarche de VAE dans l'année.",
    indicator: { label: "nombre de personnes engagées dans une démarche de VAE", unit: "personnes" },
    baseline: { kind: "to_measure", how: "Comptez les démarches de VAE engagées l'an dernier." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["confiance"],
    triggers: {
      answers: [{ question: "qualification.vae_metiers_feminises", is: NOT_YES }],
      mixity: [{ kind: "feminine_jobs" }],
    },
    supportOrganizationIds: ["corif", "cidff"],
  },
  {
    id: "qualification.certifications_parcours",
    domain: "qualification",
    title: "Viser une certification pour chaque personne en parcours et suivre les résultats par sexe",
    description:
      "CléA (certification des compétences de base), titre professionnel, certificat de compétences : proposez une certification pendant le parcours et comptez chaque année celles obtenues par les femmes et par les hommes, pour vérifier que toutes et tous repartent avec les mêmes chances.",
    objective: "La part des femmes sorties avec une certification est au moins égale à celle des hommes.",
    indicator: { label: "part des salariées en parcours sorties avec une certification", unit: "%" },
    baseline: { kind: "to_measure", how: "Reprenez les sorties de parcours de l'an dernier et les certifications obtenues, par sexe." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["confiance", "numerique"],
    triggers: { answers: [{ question: "qualification.certifications_par_sexe", is: NOT_YES }] },
    supportOrganizationIds: ["iriae_hdf"],
  },
  {
    id: "qualification.fiches_poste_competences",
    domain: "qualification",
    title: "Décrire les compétences relationnelles et d'organisation dans les fiches de poste",
    description:
      "Accueil, gestion des imprévus, soin apporté aux personnes, organisation : ces compétences, fréquentes dans les métiers féminisés, sont souvent jugées « naturelles » et ne sont ni reconnues ni payées. Écrites dans les fiches de poste, elles comptent pour la qualification, le classement et le salaire.",
    objective: "Toutes les fiches de poste décrivent les compétences relationnelles et d'organisation demandées.",
    indicator: { label: "part des fiches de poste mises à jour", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les fiches de poste qui décrivent déjà ces compétences." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: [],
    triggers: { answers: [{ question: "qualification.competences_relationnelles", is: NOT_YES }] },
    supportOrganizationIds: ["corif", "aract"],
  },
  {
    id: "qualification.reconnaitre_competences",
    domain: "qualification",
    title: "Aider chaque personne à repérer et faire reconnaître ses compétences, et remettre une attestation en fin de parcours",
    description:
      "Avec la CIP, faites le point sur les compétences acquises hors emploi (gestion d'un foyer, d'un budget, soin d'un proche) et remettez en fin de parcours une attestation des compétences acquises. Pour un diplôme obtenu à l'étranger, orientez vers une démarche de reconnaissance.",
    objective: "Chaque personne en parcours repart avec une attestation de compétences.",
    indicator: { label: "part des personnes sorties de parcours avec une attestation de compétences", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les attestations remises lors des sorties de l'an dernier." },
    deadlineMonths: 6,
    cost: "faible",
    barriers: ["confiance"],
    triggers: {
      answers: [
        { question: "qualification.competences_transferables", is: NOT_YES },
        { question: "qualification.attestation_competences", is: NOT_YES },
        { question: "qualification.declassement", is: NO_OR_PARTLY },
      ],
    },
    supportOrganizationIds: ["cidff", "corif"],
  },
  {
    id: "qualification.postes_qualifies",
    domain: "qualification",
    title: "Ouvrir aux femmes les postes qualifiés : ouvrier qualifié, chef d'équipe, technicien",
    description:
      "Comparez la part de femmes sur les postes qualifiés à leur part dans l'effectif, puis fixez un objectif et ses moyens : formations qualifiantes, tutorat, priorité aux candidatures internes. Si les femmes sont nombreuses dans la structure mais rares sur ces postes, leur salaire et leur évolution en pâtissent.",
    objective: "Réduire de moitié l'écart entre la part de femmes sur les postes qualifiés et leur part dans l'effectif.",
    indicator: { label: "part de femmes sur les postes qualifiés", unit: "%" },
    baseline: { kind: "to_measure", how: "Comptez les femmes et les hommes sur les postes qualifiés au 31 décembre." },
    deadlineMonths: 12,
    cost: "moyen",
    barriers: ["confiance"],
    triggers: {
      answers: [{ question: "qualification.postes_qualifies_femmes", is: ["non", "plutot_oui"] }],
      mixity: [{ kind: "masculine_jobs", population: "permanent" }],
    },
    supportOrganizationIds: ["corif"],
  },
] as const satisfies readonly CatalogueAction[];
