/**
 * Core types shared by every module of the engine. Pure data: no I/O, no framework.
 * Labels shown to users are French; identifiers are stable ASCII ids stored in the database.
 */

/** Types of inclusive structures (DOMAIN.md §6.1). `autre` covers anything else. */
export const STRUCTURE_TYPES = ["ACI", "EI", "ETTI", "AI", "EA", "ESAT", "GEIQ", "autre"] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

export const STRUCTURE_TYPE_LABELS: Record<StructureType, string> = {
  ACI: "Atelier et chantier d'insertion (ACI)",
  EI: "Entreprise d'insertion (EI)",
  ETTI: "Entreprise de travail temporaire d'insertion (ETTI)",
  AI: "Association intermédiaire (AI)",
  EA: "Entreprise adaptée (EA)",
  ESAT: "Établissement et service d'accompagnement par le travail (ESAT)",
  GEIQ: "Groupement d'employeurs pour l'insertion et la qualification (GEIQ)",
  autre: "Autre structure",
};

/** The two populations of an inclusive structure. */
export const POPULATIONS = ["permanent", "parcours"] as const;
export type Population = (typeof POPULATIONS)[number];

/** Legal headcount bands used for obligations (index, plan, number of domains). */
export const HEADCOUNT_BANDS = ["moins_50", "50_250", "251_299", "300_plus"] as const;
export type HeadcountBand = (typeof HEADCOUNT_BANDS)[number];

export const HEADCOUNT_BAND_LABELS: Record<HeadcountBand, string> = {
  moins_50: "Moins de 50 salariés",
  "50_250": "De 50 à 250 salariés",
  "251_299": "De 251 à 299 salariés",
  "300_plus": "300 salariés ou plus",
};

/** The nine legal domains of R2242-2 (ids as DOMAIN.md §1.1). */
export const DOMAIN_IDS = [
  "embauche",
  "formation",
  "promotion",
  "qualification",
  "classification",
  "conditions_travail",
  "sante_securite",
  "remuneration",
  "articulation",
] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

/** Peripheral barriers ("freins périphériques") an action can address. */
export const BARRIERS = ["mobilite", "confiance", "garde_enfants", "violences", "temps_partiel_subi", "numerique"] as const;
export type Barrier = (typeof BARRIERS)[number];

export const BARRIER_LABELS: Record<Barrier, string> = {
  mobilite: "Mobilité",
  confiance: "Confiance en soi",
  garde_enfants: "Garde d'enfants",
  violences: "Violences",
  temps_partiel_subi: "Temps partiel subi",
  numerique: "Accès au numérique",
};

/**
 * The structure's profile for a reference year: what obligations and applicability depend on.
 * Counts are of people (headcount); FTE are "équivalents temps plein".
 */
export interface Profile {
  structureType: StructureType;
  headcountBand: HeadcountBand;
  /** Headcount of permanent staff (women, men). */
  permanentWomen: number;
  permanentMen: number;
  /** Headcount of people in pathways / with disabilities / accompanied workers (women, men). */
  parcoursWomen: number;
  parcoursMen: number;
  permanentFte?: number | null;
  parcoursFte?: number | null;
  hasCse: boolean;
  hasDelegueSyndical: boolean;
  /** Existing accord or plan d'action on professional equality. */
  existingAgreement: "aucun" | "plan" | "accord";
  /** Governance by sex (board = conseil d'administration / bureau; direction = comité de direction). */
  boardWomen?: number | null;
  boardMen?: number | null;
  directionWomen?: number | null;
  directionMen?: number | null;
  /** Free-text sector activities (e.g. « espaces verts », « maraîchage »). */
  activities?: string[];
  /** Département code of the structure (e.g. "59", "2A"). */
  departement?: string;
}
