import { DOMAINS } from "../../diagnostics/domains.ts";
import { STEP_IDS, type StepId } from "../../diagnostics/profile.ts";
import { DOMAIN_IDS } from "../../diagnostics/types.ts";

/** Base URL of a diagnostic. */
export function diagnosticPath(orgId: string, diagId: string): string {
  return `/o/${orgId}/d/${diagId}`;
}

/** URL of one step of the guided path. */
export function stepPath(orgId: string, diagId: string, step: StepId): string {
  const base = diagnosticPath(orgId, diagId);
  if ((DOMAIN_IDS as readonly string[]).includes(step)) return `${base}/domaines/${step}`;
  return `${base}/${step}`;
}

/** The results page's « Transparence salariale 2027 » tab. */
export function transparencyPath(orgId: string, diagId: string): string {
  return `${stepPath(orgId, diagId, "resultats")}/transparence`;
}

/** The editor of categories of work of equal value, under the transparency tab. */
export function payCategoriesPath(orgId: string, diagId: string): string {
  return `${transparencyPath(orgId, diagId)}/categories`;
}

/** The five top-level steps shown as « Étape n sur 5 ». */
export const MAIN_STEPS = [
  { key: "profil", label: "Profil de la structure" },
  { key: "emplois", label: "Emplois et effectifs" },
  { key: "domaines", label: "Les neuf domaines" },
  { key: "index", label: "Index de l'égalité" },
  { key: "resultats", label: "Résultats" },
] as const;

/** Number (1–5) of the main step a step belongs to. */
export function mainStepNumber(step: StepId): number {
  if ((DOMAIN_IDS as readonly string[]).includes(step)) return 3;
  return MAIN_STEPS.findIndex((s) => s.key === step) + 1;
}

/** Short label of a step for the progress list. */
export function stepLabel(step: StepId): string {
  const domain = DOMAINS.find((d) => d.id === step);
  if (domain) return domain.shortLabel;
  return MAIN_STEPS.find((s) => s.key === step)?.label ?? step;
}

/** The step after `step` in the guided path (null after the results). */
export function nextStep(step: StepId): StepId | null {
  const i = STEP_IDS.indexOf(step);
  return i >= 0 && i < STEP_IDS.length - 1 ? STEP_IDS[i + 1] : null;
}
