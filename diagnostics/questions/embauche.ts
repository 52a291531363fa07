import type { Question } from "../questionnaire.ts";

/**
 * Embauche: job ads, sourcing through prescribers, selection (DOMAIN.md §1.4 « Embauche »;
 * DREETS Hauts-de-France panorama 2025: 23 % of women among people in pathways in EI).
 */
export const EMBAUCHE_QUESTIONS = [
  {
    id: "embauche.offres_redaction_neutre",
    domain: "embauche",
    kind: "ynp",
    text: "Vos offres d'emploi s'adressent-elles clairement aux femmes comme aux hommes (intitulé au féminin et au masculin, mention « F/H ») ?",
    help: "Un intitulé comme « manœuvre » ou « agent d'entretien » décourage des candidates avant même de lire l'offre. Écrire « agent ou agente d'espaces verts (F/H) » élargit le nombre de candidatures. La loi interdit de réserver une offre à un sexe ou de mentionner le sexe comme critère d'embauche.",
    legalReference: "Code du travail, art. L1142-1",
    scoring: { weight: 1 },
  },
  {
    id: "embauche.offres_conditions_reelles",
    domain: "embauche",
    kind: "ynp",
    text: "Vos offres décrivent-elles les conditions réelles du poste (horaires, charges portées, outils, lieux de travail) plutôt qu'un profil type ?",
    help: "« Poste physique » sans autre détail écarte souvent des femmes qui pourraient tenir le poste, surtout avec des aides à la manutention. Une description précise permet à chacune et à chacun de se projeter.",
    scoring: { weight: 1 },
  },
  {
    id: "embauche.offres_images_mixtes",
    domain: "embauche",
    kind: "ynp",
    text: "Les photos de vos offres, de votre site internet et de vos plaquettes montrent-elles des femmes et des hommes sur tous vos métiers ?",
    help: "Voir une femme sur un chantier ou un homme en atelier de couture aide à se dire « ce métier est aussi pour moi ». Les images comptent autant que les mots.",
    scoring: { weight: 1 },
  },
  {
    id: "embauche.prescripteurs_mixite",
    domain: "embauche",
    kind: "ynp",
    text: "Demandez-vous à vos prescripteurs (France Travail, Mission locale, Cap emploi, SPIP, PLIE, conseil départemental) de vous orienter des femmes et des hommes sur tous vos postes ?",
    help: "Les prescripteurs sont les organismes qui vous orientent des candidatures. Par habitude, ils proposent souvent des hommes pour le bâtiment ou les espaces verts et des femmes pour le ménage. Leur dire que vos postes sont ouverts à toutes et à tous, et leur faire visiter vos ateliers, change les orientations.",
    population: "parcours",
    appliesTo: { structureTypes: ["ACI", "EI", "ETTI", "AI", "EA", "GEIQ", "autre"] },
    scoring: { weight: 1 },
  },
  {
    id: "embauche.part_femmes_candidatures",
    domain: "embauche",
    kind: "percentage",
    text: "Sur vos métiers où les femmes sont peu nombreuses (espaces verts, bâtiment, logistique…), quelle part des candidatures reçues l'an dernier venait de femmes ?",
    help: "Ce chiffre montre où se trouve le frein : en amont (peu de candidates orientées vers vous) ou chez vous (des candidates, mais peu d'embauches). Comptez les candidatures reçues par la plateforme de l'inclusion, les prescripteurs et en direct. Si tous vos métiers sont mixtes, indiquez la part de femmes parmi toutes les candidatures. Si vous n'avez pas ce chiffre, répondez « Je ne sais pas » : le suivre est déjà une première action.",
    population: "parcours",
    scoring: {
      weight: 1,
      points: [
        [0, 0],
        [20, 0.5],
        [40, 1],
      ],
    },
  },
  {
    id: "embauche.sourcing_metiers_non_traditionnels",
    domain: "embauche",
    kind: "multiple",
    text: "Que faites-vous pour faire venir des femmes sur les métiers dits « masculins » et des hommes sur les métiers dits « féminins » ?",
    help: "Cochez tout ce que vous faites. Une PMSMP (période de mise en situation en milieu professionnel) est une immersion de quelques jours, sans contrat de travail, prescrite par France Travail, la Mission locale ou Cap emploi : c'est le moyen le plus simple de faire découvrir un métier. Les démarches « d'aller-vers » (visites de chantier, portes ouvertes) ont fait leurs preuves dans les Hauts-de-France.",
    population: "parcours",
    options: [
      { value: "immersions_pmsmp", label: "Des immersions (PMSMP) proposées aux femmes sur nos métiers techniques", score: 0.3 },
      { value: "portes_ouvertes", label: "Des portes ouvertes, visites de chantier ou job-datings", score: 0.25 },
      { value: "partenariats_egalite", label: "Un partenariat avec un CIDFF, le CORIF ou une association de femmes", score: 0.25 },
      { value: "temoignages", label: "Des témoignages de salariées ou d'encadrantes qui exercent ces métiers", score: 0.2 },
      { value: "metiers_feminises_hommes", label: "Des actions pour faire venir des hommes sur les métiers très féminisés", score: 0.15 },
      { value: "aucune", label: "Aucune action pour l'instant", score: 0, exclusive: true },
    ],
    scoring: { weight: 1 },
  },
  {
    id: "embauche.grille_entretien",
    domain: "embauche",
    kind: "ynp",
    text: "Vos entretiens d'embauche s'appuient-ils sur une grille écrite de critères liés au poste, la même pour toutes et pour tous ?",
    help: "Une grille commune évite les questions interdites, par exemple sur un projet de grossesse, la garde des enfants ou la situation de famille. Une candidate n'a pas à dire si elle est enceinte et ce ne peut pas être un motif de refus. Garder une trace des refus et de leurs motifs protège aussi la structure.",
    legalReference: "Code du travail, art. L1132-1 ; L1225-1 ; L1225-2",
    scoring: { weight: 1 },
  },
  {
    id: "embauche.recruteurs_formes",
    domain: "embauche",
    kind: "ynp",
    text: "Les personnes qui recrutent (direction, encadrants techniques, CIP) ont-elles été formées à la non-discrimination et à l'égalité entre les femmes et les hommes ?",
    help: "L'accord de branche des ACI sur l'égalité (9 juillet 2014) prévoit que les recrutements soient conduits par des personnes formées. Dans les entreprises de 300 salariés et plus, cette formation est obligatoire au moins tous les 5 ans. Une demi-journée avec le CORIF ou un CIDFF suffit pour commencer.",
    legalReference: "Code du travail, art. L1131-2 ; accord de branche des ACI du 9 juillet 2014",
    scoring: { weight: 1 },
  },
  {
    id: "embauche.suivi_candidatures_par_sexe",
    domain: "embauche",
    kind: "ynp",
    text: "Suivez-vous, par sexe, les candidatures reçues, les embauches et les refus ?",
    help: "Sans chiffres, on ne voit pas à quelle étape les femmes « décrochent ». Un simple tableau suffit. Les embauches par sexe font aussi partie des informations que la BDESE (base de données économiques, sociales et environnementales, obligatoire dès 50 salariés) doit contenir.",
    legalReference: "Code du travail, art. L2312-36 ; R2312-8",
    scoring: { weight: 1 },
  },
] as const satisfies readonly Question[];
