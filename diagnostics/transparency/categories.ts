/**
 * Categories of workers for indicator (g) and the joint pay assessment: workers doing the same work
 * or work of equal value, grouped on objective, gender-neutral criteria (directive 2023/970, art. 4).
 * The structure names the categories in the staff file (« Catégorie d'emploi de valeur égale »);
 * without that column the CSP stands in, which is only an approximation. Pure.
 */
import { INDEX_CSP_LABELS } from "../index/format.ts";
import type { IndexCsp } from "../index/types.ts";
import { normalizeText } from "../staff-file/values.ts";
import { MIN_PEOPLE_PER_SEX } from "./constants.ts";
import type { CategoryGaps } from "./indicators.ts";

const NBSP = "\u00a0";

/** The four criteria of work of equal value (art. 4(4)), with a plain-French help text. */
export const EQUAL_VALUE_CRITERIA = [
  { id: "competences", label: "Compétences", help: "diplômes, savoir-faire, expérience, mais aussi compétences relationnelles (à ne pas sous-évaluer)" },
  { id: "efforts", label: "Efforts", help: "effort physique, mental et psychosocial que demande le poste" },
  { id: "responsabilites", label: "Responsabilités", help: "encadrement, sécurité des personnes, biens ou budgets dont le poste répond" },
  { id: "conditions", label: "Conditions de travail", help: "horaires, bruit, port de charges, travail en extérieur, contact avec le public" },
] as const;

/** How a category was obtained: named in the staff file, or the CSP standing in for it. */
export type CategorySource = "colonne" | "csp";

/** Grouping key of a category label: case, accents and punctuation ignored (« Agents de tri » = « agents de tri »). */
export function categoryKey(label: string): string {
  return normalizeText(label);
}

/** The category of a person: the named category when given, else the CSP's label. */
export function categoryOf(named: string | null | undefined, csp: IndexCsp): { label: string; source: CategorySource } {
  const trimmed = named?.replace(/\s+/g, " ").trim() ?? "";
  return trimmed === "" ? { label: INDEX_CSP_LABELS[csp], source: "csp" } : { label: trimmed, source: "colonne" };
}

/** Merges labels that differ only by case, accents or punctuation: each key keeps its first label as written. */
export class CategoryLabels {
  private readonly byKey = new Map<string, string>();
  label(written: string): string {
    const key = categoryKey(written);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.byKey.set(key, written);
    return written;
  }
}

export type CategoryProblem = "trop_peu" | "un_seul_sexe";

export interface CategoryCheck {
  label: string;
  women: number;
  men: number;
  problems: CategoryProblem[];
  /** One French sentence per problem. */
  messages: string[];
}

function plural(n: number, one: string, many: string): string {
  return `${n}${NBSP}${n > 1 ? many : one}`;
}

/**
 * The checks of each category (art. 4 and the publication rule): fewer than MIN_PEOPLE_PER_SEX women
 * or men (figures not shown, category too small to publish), and categories of one sex only (no gap
 * can be measured inside; work of equal value done mostly by women must be compared with the
 * categories done mostly by men). Categories without a problem are left out.
 */
export function checkCategories(categories: readonly Pick<CategoryGaps, "label" | "women" | "men">[]): CategoryCheck[] {
  const checks: CategoryCheck[] = [];
  for (const c of categories) {
    const problems: CategoryProblem[] = [];
    const messages: string[] = [];
    const who = `${plural(c.women, "femme", "femmes")} et ${plural(c.men, "homme", "hommes")}`;
    if (c.women === 0 || c.men === 0) {
      problems.push("un_seul_sexe");
      messages.push(
        `«${NBSP}${c.label}${NBSP}» ne compte que des ${c.women === 0 ? "hommes" : "femmes"}${NBSP}: aucun écart ne peut y être mesuré. ` +
          `Vérifiez que ces emplois ne sont pas moins bien payés que des emplois de valeur égale (mêmes compétences, efforts, responsabilités et conditions de travail) occupés surtout par ${c.women === 0 ? "des femmes" : "des hommes"}, et regroupez-les dans la même catégorie si c'est le cas.`,
      );
    }
    if (c.women < MIN_PEOPLE_PER_SEX || c.men < MIN_PEOPLE_PER_SEX) {
      problems.push("trop_peu");
      messages.push(
        `«${NBSP}${c.label}${NBSP}» compte ${who}${NBSP}: il faut au moins ${MIN_PEOPLE_PER_SEX}${NBSP}femmes et ${MIN_PEOPLE_PER_SEX}${NBSP}hommes pour publier un écart. Elle est signalée comme trop petite pour être publiée.`,
      );
    }
    if (problems.length > 0) checks.push({ label: c.label, women: c.women, men: c.men, problems, messages });
  }
  return checks;
}
