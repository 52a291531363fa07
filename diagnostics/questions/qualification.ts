import type { Question } from "../questionnaire.ts";

/**
 * Qualification: qualification levels, certifications during the pathway, VAE, déclassement,
 * recognition of skills in feminised jobs (DOMAIN.md §1.4 « Qualification »).
 */
export const QUALIFICATION_QUESTIONS = [
  {
    id: "qualification.niveaux_connus_par_sexe",
    domain: "qualification",
    kind: "ynp",
    text: "Connaissez-vous le niveau de diplôme ou de qualification de vos salariés, femmes et hommes séparément ?",
    help: "La loi demande de connaître l'effectif par sexe et par qualification. Sans ce chiffre, on ne voit pas si les femmes sont plus souvent sur des postes non qualifiés.",
    legalReference: "Code du travail, art. R2312-8",
    scoring: { weight: 1 },
  },
  {
    id: "qualification.certifications_par_sexe",
    domain: "qualification",
    kind: "ynp",
    text: "Suivez-vous, par sexe, les certifications obtenues pendant le parcours (titre professionnel, CléA, certificat de compétences) ?",
    help: "CléA est une certification des compétences de base (lire, compter, utiliser un ordinateur, travailler en équipe). Suivre les certifications par sexe montre si les femmes et les hommes repartent avec les mêmes chances de trouver un emploi.",
    population: "parcours",
    scoring: { weight: 1 },
  },
  {
    id: "qualification.vae_metiers_feminises",
    domain: "qualification",
    kind: "ynp",
    text: "Proposez-vous la VAE aux personnes qui exercent depuis longtemps un métier où l'expérience est rarement reconnue (ménage, aide à domicile, couture, blanchisserie) ?",
    help: "La VAE (validation des acquis de l'expérience) permet d'obtenir un diplôme grâce à son expérience, sans refaire toute une formation. Elle profite particulièrement aux femmes qui exercent des métiers très féminisés dont les compétences sont peu reconnues.",
    scoring: { weight: 1 },
  },
  {
    id: "qualification.competences_relationnelles",
    domain: "qualification",
    kind: "ynp",
    text: "Vos fiches de poste décrivent-elles aussi les compétences relationnelles et d'organisation (accueil, gestion des imprévus, soin apporté aux personnes) ?",
    help: "Ces compétences, fréquentes dans les métiers féminisés, sont souvent considérées comme « naturelles » et ne sont donc ni reconnues ni payées. Les écrire dans les fiches de poste permet d'en tenir compte pour la qualification et le salaire.",
    scoring: { weight: 1 },
  },
  {
    id: "qualification.declassement",
    domain: "qualification",
    kind: "ynp",
    text: "Vérifiez-vous si des personnes occupent un poste moins qualifié que leur diplôme ou leur expérience, par exemple des femmes diplômées à l'étranger ?",
    help: "On parle de déclassement quand une personne occupe un poste en dessous de sa qualification. Il touche plus souvent les femmes, notamment celles dont le diplôme a été obtenu à l'étranger. Le repérer permet d'orienter vers une reconnaissance du diplôme ou un poste plus qualifié.",
    scoring: { weight: 1 },
  },
  {
    id: "qualification.competences_transferables",
    domain: "qualification",
    kind: "ynp",
    text: "Aidez-vous les personnes qui reprennent un emploi après une longue interruption (souvent pour élever des enfants) à repérer leurs compétences ?",
    help: "Organiser un budget, gérer un foyer ou s'occuper d'un proche développent des compétences utiles au travail (organisation, gestion des priorités). Les nommer avec la CIP redonne confiance et ouvre d'autres métiers.",
    population: "parcours",
    scoring: { weight: 1 },
  },
  {
    id: "qualification.postes_qualifies_femmes",
    domain: "qualification",
    kind: "single",
    text: "Les femmes occupent-elles autant que les hommes les postes qualifiés de votre structure (ouvrier qualifié, chef d'équipe, technicien) ?",
    help: "Si les femmes sont nombreuses dans la structure mais rares sur les postes qualifiés, leur salaire et leur évolution en pâtissent. Comparez la part de femmes sur ces postes à leur part dans l'effectif.",
    options: [
      { value: "oui_verifie", label: "Oui, nous l'avons vérifié avec des chiffres", score: 1 },
      { value: "plutot_oui", label: "Plutôt oui, sans l'avoir vérifié", score: 0.5 },
      { value: "non", label: "Non, elles y sont moins présentes", score: 0 },
      { value: "non_concerne", label: "Non concerné : tous nos postes ont le même niveau de qualification", score: null },
    ],
    scoring: { weight: 1 },
  },
  {
    id: "qualification.attestation_competences",
    domain: "qualification",
    kind: "ynp",
    text: "À la fin du parcours, remettez-vous à chaque personne une attestation des compétences acquises ?",
    help: "Une attestation de compétences, remise par l'employeur, aide à valoriser le parcours auprès d'un futur employeur. Elle compte beaucoup pour les personnes, souvent des femmes, dont l'expérience n'est validée par aucun diplôme.",
    population: "parcours",
    scoring: { weight: 1 },
  },
] as const satisfies readonly Question[];
