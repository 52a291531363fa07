import type { Question } from "../questionnaire.ts";

/**
 * Sécurité et santé au travail: gendered risk assessment (DUERP), musculoskeletal risks of feminised
 * jobs, pregnancy, sexist and sexual violence incl. from clients, isolated work, domestic violence
 * (DOMAIN.md §1.4 « Sécurité et santé au travail »).
 */
export const SANTE_SECURITE_QUESTIONS = [
  {
    id: "sante_securite.duerp_differencie",
    domain: "sante_securite",
    kind: "ynp",
    text: "Votre document unique d'évaluation des risques (DUERP) tient-il compte des différences d'exposition entre les femmes et les hommes ?",
    help: "Le DUERP est le document, obligatoire dès le premier salarié, qui liste les risques de chaque poste et les mesures de prévention. Depuis 2014, la loi demande d'y tenir compte de l'impact différent des risques selon le sexe : charges, postures, produits, horaires, violences.",
    legalReference: "Code du travail, art. L4121-3 ; R4121-1",
    scoring: { weight: 2 },
  },
  {
    id: "sante_securite.risques_metiers_feminises",
    domain: "sante_securite",
    kind: "ynp",
    text: "Les risques des métiers féminisés (tri textile, ménage, blanchisserie, couture) sont-ils évalués avec autant de soin que ceux des métiers physiques dits « masculins » ?",
    help: "Les gestes répétitifs et les postures prolongées provoquent des troubles musculo-squelettiques (TMS) : douleurs aux épaules, aux poignets, au dos. Ils sont moins visibles qu'un accident sur un chantier mais tout aussi usants. L'ARACT (association régionale pour l'amélioration des conditions de travail) propose des outils gratuits.",
    scoring: { weight: 1 },
  },
  {
    id: "sante_securite.accidents_par_sexe",
    domain: "sante_securite",
    kind: "ynp",
    text: "Suivez-vous, par sexe, les accidents du travail, les arrêts de travail et les maladies professionnelles ?",
    help: "Ces chiffres par sexe font partie des indicateurs prévus par la loi. Ils montrent si un métier use davantage les femmes ou les hommes et où agir en priorité.",
    legalReference: "Code du travail, art. R2312-9",
    scoring: { weight: 1 },
  },
  {
    id: "sante_securite.grossesse_amenagement",
    domain: "sante_securite",
    kind: "ynp",
    text: "Savez-vous adapter un poste pendant une grossesse (charges, produits, station debout) et informez-vous les salariées de leurs droits ?",
    help: "Certains travaux sont interdits ou limités pour les femmes enceintes ou qui allaitent, et une salariée enceinte peut demander un changement temporaire de poste. Le médecin du travail vous conseille. Informer tôt évite que des salariées cachent leur grossesse ou quittent leur parcours.",
    legalReference: "Code du travail, art. L1225-7 ; R4152-1 et suivants",
    scoring: { weight: 1 },
  },
  {
    id: "sante_securite.traitement_signalements",
    domain: "sante_securite",
    kind: "single",
    text: "Quand un agissement sexiste ou un harcèlement vous a été signalé, comment a-t-il été traité ?",
    help: "L'employeur doit protéger la santé physique et mentale de ses salariés et faire cesser tout harcèlement dès qu'il en a connaissance : écoute, enquête, protection de la victime, sanction si besoin. Attention : aucun signalement ne veut pas dire qu'il ne se passe rien.",
    legalReference: "Code du travail, art. L4121-1 ; L1153-5",
    options: [
      { value: "enquete_mesures", label: "Écoute, enquête rapide, mesures de protection et sanction si besoin", score: 1 },
      { value: "discussion_sans_suite", label: "Nous en avons parlé avec les personnes, sans suite écrite", score: 0.3 },
      { value: "rien", label: "Rien de particulier n'a été fait", score: 0 },
      { value: "aucun_signalement", label: "Non concerné : aucun signalement ces trois dernières années", score: null },
    ],
    scoring: { weight: 1 },
  },
  {
    id: "sante_securite.comportements_clients",
    domain: "sante_securite",
    kind: "ynp",
    text: "Vos salariés savent-ils quoi faire quand un client, un donneur d'ordre ou un particulier a un comportement sexiste, et les soutenez-vous ?",
    help: "Sur les chantiers, chez les particuliers ou en mission chez un client, vos salariés peuvent subir des remarques ou des gestes déplacés. Votre obligation de protection s'applique aussi face à ces personnes extérieures : rappel au client, changement d'affectation, et jusqu'à l'arrêt de la prestation si besoin.",
    legalReference: "Code du travail, art. L4121-1 ; L1153-5",
    scoring: { weight: 1 },
  },
  {
    id: "sante_securite.travail_isole",
    domain: "sante_securite",
    kind: "ynp",
    text: "Sur les chantiers isolés ou chez les particuliers, évitez-vous qu'une personne travaille seule quand cela l'expose (binôme, téléphone, point de contact) ?",
    help: "Le travail isolé expose davantage aux accidents et aux violences. Une ACI du Pas-de-Calais a intégré des femmes dans une équipe de chantier en milieu naturel en les faisant travailler en binôme, avec un point régulier avec l'encadrant.",
    scoring: { weight: 1 },
  },
  {
    id: "sante_securite.violences_conjugales",
    domain: "sante_securite",
    kind: "ynp",
    text: "Savez-vous orienter une personne victime de violences conjugales (CIDFF, numéro 3919, aménagement d'horaires ou d'absences) ?",
    help: "Ce n'est pas une obligation légale, mais les violences conjugales font partie des freins à l'emploi. Le 3919 est le numéro national gratuit et anonyme d'écoute. Le CIDFF (centre d'information sur les droits des femmes et des familles) de votre département peut former votre CIP et recevoir les personnes.",
    scoring: { weight: 1 },
  },
] as const satisfies readonly Question[];
