/** French formatting shared by the plan and support modules (UX.md: no-break spaces, decimal comma). */

export const NBSP = "\u00a0";

const NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** « 12,5 » — at most one decimal, French separators. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** « 12,5 % » with a no-break space. */
export function formatPercent(value: number): string {
  return `${formatNumber(value)}${NBSP}%`;
}

/** « «\u00a0text\u00a0» ». */
export function quote(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

/** A count with its noun, singular for 0 and 1 as in French: « 1 métier », « 3 métiers ». */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)}${NBSP}${Math.abs(count) < 2 ? singular : pluralForm}`;
}

/** « A », « A et B », « A, B et C ». */
export function joinFrench(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}
