/**
 * The nine domains of action on professional equality. Labels follow the wording of Code du travail
 * art. R2242-2 (content of the accord or plan d'action), the same nine domains as the BDESE
 * diagnosis of art. L2312-36, 2° (DOMAIN.md §1.1).
 */
import { DOMAIN_IDS, type DomainId } from "./types.ts";

export interface Domain {
  readonly id: DomainId;
  /** Label as worded in R2242-2. */
  readonly label: string;
  /** Short label for charts and narrow screens. */
  readonly shortLabel: string;
  readonly legalReference: string;
  /** What the domain covers for a small inclusive structure, in plain French. */
  readonly explanation: string;
  /** Rémunération effective must be part of every accord or plan d'action (R2242-2). */
  readonly mandatoryInPlan: boolean;
}

/** Legal anchoring shared by every domain: R2242-2 (accord / plan) and L2312-36 (BDESE). */
const BASE_REFERENCE = "Code du travail, art. R2242-2\u00a0; L2312-36";

export const DOMAINS: readonly Domain[] = [
  {
    id: "embauche",
    label: "Embauche",
    shortLabel: "Embauche",
    legalReference: `${BASE_REFERENCE}\u00a0; L1142-1`,
    explanation:
      "Comment vous faites connaître vos postes et choisissez les personnes\u00a0: offres d'emploi, lien avec les prescripteurs (France Travail, Mission locale, Cap emploi…), entretiens, et qui est embauché sur quel métier.",
    mandatoryInPlan: false,
  },
  {
    id: "formation",
    label: "Formation",
    shortLabel: "Formation",
    legalReference: BASE_REFERENCE,
    explanation:
      "Qui accède aux formations pendant le parcours et dans l'équipe permanente\u00a0: formations qualifiantes, permis, CACES, horaires et lieux des formations, accès des salariés à temps partiel.",
    mandatoryInPlan: false,
  },
  {
    id: "promotion",
    label: "Promotion professionnelle",
    shortLabel: "Promotion",
    legalReference: BASE_REFERENCE,
    explanation:
      "Qui évolue dans la structure\u00a0: passage de chef d'équipe ou d'encadrant technique, d'un contrat d'insertion à un poste permanent, accès à la direction et au conseil d'administration.",
    mandatoryInPlan: false,
  },
  {
    id: "qualification",
    label: "Qualification",
    shortLabel: "Qualification",
    legalReference: BASE_REFERENCE,
    explanation:
      "Les diplômes et les compétences reconnus\u00a0: certifications obtenues pendant le parcours, validation des acquis de l'expérience (VAE), personnes employées en dessous de leur qualification.",
    mandatoryInPlan: false,
  },
  {
    id: "classification",
    label: "Classification",
    shortLabel: "Classification",
    legalReference: `${BASE_REFERENCE}\u00a0; L3221-4`,
    explanation:
      "La place de chaque poste dans la grille de votre convention collective (niveau, coefficient)\u00a0: des critères écrits, et le même classement pour des métiers différents mais de valeur égale.",
    mandatoryInPlan: false,
  },
  {
    id: "conditions_travail",
    label: "Conditions de travail",
    shortLabel: "Conditions de travail",
    legalReference: `${BASE_REFERENCE}\u00a0; L1142-2-1`,
    explanation:
      "Le quotidien au travail\u00a0: vestiaires et toilettes sur les chantiers, équipements adaptés aux femmes, outils, temps partiel choisi ou subi, horaires, et la lutte contre le sexisme.",
    mandatoryInPlan: false,
  },
  {
    id: "sante_securite",
    label: "Sécurité et santé au travail",
    shortLabel: "Santé et sécurité",
    legalReference: `${BASE_REFERENCE}\u00a0; L4121-3`,
    explanation:
      "La prévention des risques pour les femmes comme pour les hommes\u00a0: document unique d'évaluation des risques (DUERP), gestes répétitifs des métiers féminisés, grossesse, violences sexistes et sexuelles, y compris de la part de clients.",
    mandatoryInPlan: false,
  },
  {
    id: "remuneration",
    label: "Rémunération effective",
    shortLabel: "Rémunération",
    legalReference: `${BASE_REFERENCE}\u00a0; L3221-2`,
    explanation:
      "Le salaire et tout ce qui s'y ajoute (primes, heures en plus)\u00a0: à travail égal ou de valeur égale, salaire égal, effet du temps partiel sur le salaire du mois, augmentation au retour de congé de maternité. Ce domaine figure obligatoirement dans tout accord ou plan d'action.",
    mandatoryInPlan: true,
  },
  {
    id: "articulation",
    label: "Articulation entre l'activité professionnelle et la vie personnelle et familiale",
    shortLabel: "Vie pro et vie perso",
    legalReference: BASE_REFERENCE,
    explanation:
      "Ce qui permet de concilier travail et vie de famille\u00a0: plannings connus à l'avance, horaires compatibles avec l'école, garde d'enfants, mobilité, congés liés aux enfants et aux proches.",
    mandatoryInPlan: false,
  },
];

const DOMAINS_BY_ID: ReadonlyMap<DomainId, Domain> = new Map(DOMAINS.map((d) => [d.id, d]));

/** The domain with this id (every DomainId has one). */
export function getDomain(id: DomainId): Domain {
  const domain = DOMAINS_BY_ID.get(id);
  if (!domain) throw new Error(`Unknown domain id: ${id}`);
  return domain;
}

/** True when `value` is one of the nine domain ids. */
export function isDomainId(value: string): value is DomainId {
  return (DOMAIN_IDS as readonly string[]).includes(value);
}
