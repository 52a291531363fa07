import { z } from "zod";
import {
  INDEX_AGE_BANDS,
  INDEX_AGE_BAND_LABELS,
  INDEX_CSPS,
  INDEX_CSP_LABELS,
  INDEX_INPUT_MESSAGES,
  IndexInputSchema,
  indexInputIssues,
  type IndexCsp,
  type IndexInput,
  type IndexSizeBand,
  type PayGroup,
  type RatesInput,
  type WorkforceRow,
} from "../../diagnostics/index/index.ts";
import { parseFrenchNumber } from "../../diagnostics/staff-file/index.ts";
import type { HeadcountBand } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";

/** The index rules that apply to a headcount band: structures under 50 use the 50–250 rules, as an indicative estimate. */
export function indexSizeBandOf(band: HeadcountBand): { sizeBand: IndexSizeBand; belowFifty: boolean } {
  if (band === "251_299" || band === "300_plus") return { sizeBand: "251+", belowFifty: false };
  return { sizeBand: "50-250", belowFifty: band === "moins_50" };
}

/** The 16 groups of the official simulator, CSP order then age order (the engine's workforce order). */
export const INDEX_GROUPS = INDEX_CSPS.flatMap((csp) => INDEX_AGE_BANDS.map((ageBand) => ({ csp, ageBand })));

const Cell = z.string().optional();
const RateCells = z.object({ ratePctWomen: Cell, ratePctMen: Cell });
const RatesCells = z.object({ happened: Cell, groups: z.array(RateCells).optional() });

/** What the form sends: text cells named after the engine's paths (« workforce[3].women », « pay.groups[3].avgPayMen »). */
export const IndexFormCellsSchema = z.object({
  workforce: z.array(z.object({ women: Cell, men: Cell })).optional(),
  pay: z.object({ groups: z.array(z.object({ avgPayWomen: Cell, avgPayMen: Cell })).optional() }).optional(),
  raisesAndPromotions: z.object({ happened: Cell, raisedWomen: Cell, raisedMen: Cell }).optional(),
  raises: RatesCells.optional(),
  promotions: RatesCells.optional(),
  maternity: z.object({ status: Cell, returned: Cell, raisedOnReturn: Cell }).optional(),
  top10: z.object({ women: Cell, men: Cell }).optional(),
  version: Cell,
});
export type IndexFormCells = z.infer<typeof IndexFormCellsSchema>;

function blank(value: string | undefined): boolean {
  return value === undefined || value.replace(/[\s\u00a0\u202f]/g, "") === "";
}

/** A typed number: null when empty, NaN when unreadable (the engine schema then says what to type). */
function num(value: string | undefined): number | null {
  if (blank(value)) return null;
  const n = parseFrenchNumber(value!.replace(/%/g, ""));
  return n === null ? Number.NaN : n;
}

function yesNo(value: string | undefined): boolean | null {
  return value === "oui" ? true : value === "non" ? false : null;
}

export const MATERNITY_MISSING = "Indiquez si des salariées sont revenues de congé maternité ou d'adoption pendant la période.";

function rates(cells: IndexFormCells["raises"], workforce: WorkforceRow[]): RatesInput | null {
  const happened = yesNo(cells?.happened);
  if (happened === null) return null;
  return {
    happened,
    groups: INDEX_CSPS.map((csp, i) => {
      const inCsp = workforce.filter((r) => r.csp === csp);
      const g = cells?.groups?.[i];
      return {
        csp,
        women: inCsp.reduce((s, r) => s + r.women, 0),
        men: inCsp.reduce((s, r) => s + r.men, 0),
        ratePctWomen: happened ? num(g?.ratePctWomen) : null,
        ratePctMen: happened ? num(g?.ratePctMen) : null,
      };
    }),
  };
}

/**
 * The typed cells as the engine's IndexInput (CSP classification only): empty headcounts are 0,
 * empty pay and rates null, unreadable numbers NaN; headcounts of the pay groups and of the rate
 * rows are copied from the workforce table, so they always agree.
 */
export function indexInputFromCells(cells: IndexFormCells, sizeBand: IndexSizeBand): IndexInput {
  const workforce: WorkforceRow[] = INDEX_GROUPS.map(({ csp, ageBand }, i) => ({
    csp,
    ageBand,
    women: num(cells.workforce?.[i]?.women) ?? 0,
    men: num(cells.workforce?.[i]?.men) ?? 0,
  }));
  const groups: PayGroup[] = INDEX_GROUPS.map(({ csp, ageBand }, i) => ({
    category: csp,
    ageBand,
    women: workforce[i].women,
    men: workforce[i].men,
    avgPayWomen: num(cells.pay?.groups?.[i]?.avgPayWomen),
    avgPayMen: num(cells.pay?.groups?.[i]?.avgPayMen),
  }));
  const m = cells.maternity;
  const maternity =
    m?.status === "retours" ? { returned: num(m.returned) ?? Number.NaN, raisedOnReturn: num(m.raisedOnReturn) ?? Number.NaN } : null;
  const input: IndexInput = {
    sizeBand,
    workforce,
    pay: { classification: "csp", groups },
    maternity,
    top10: { women: num(cells.top10?.women) ?? Number.NaN, men: num(cells.top10?.men) ?? Number.NaN },
  };
  if (sizeBand === "50-250") {
    const rp = cells.raisesAndPromotions;
    const happened = yesNo(rp?.happened);
    input.raisesAndPromotions =
      happened === null ? null : { happened, raisedWomen: happened ? num(rp?.raisedWomen) : null, raisedMen: happened ? num(rp?.raisedMen) : null };
    input.raises = null;
    input.promotions = null;
  } else {
    input.raisesAndPromotions = null;
    input.raises = rates(cells.raises, workforce);
    input.promotions = rates(cells.promotions, workforce);
  }
  return input;
}

/**
 * Engine paths (« pay.groups.3.avgPayMen ») as form field names (« pay.groups[3].avgPayMen »),
 * the way Conform names fields, so that each error shows beside its cell.
 */
export function fieldNameOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), "");
}

/**
 * The index entry form: typed cells converted by indexInputFromCells, then checked by the engine's
 * IndexInputSchema (every rule and French message of the official simulator), in one pass.
 * (A refinement, not a transform: Conform reads the form's constraints from the schema's shape.)
 */
export function indexFormSchema(sizeBand: IndexSizeBand) {
  return IndexFormCellsSchema.superRefine((cells, ctx) => {
    if (cells.maternity?.status !== "retours" && cells.maternity?.status !== "aucun") {
      ctx.addIssue({ code: "custom", path: ["maternity", "status"], message: MATERNITY_MISSING });
    }
    const candidate = indexInputFromCells(cells, sizeBand);
    const parsed = IndexInputSchema.safeParse(candidate);
    if (parsed.success) return;
    const seen = new Set<string>();
    const add = (path: readonly PropertyKey[], message: string) => {
      // Pay-group headcounts are copied from the workforce table: their errors belong there.
      const p = path[0] === "pay" && (path[3] === "women" || path[3] === "men") ? ["workforce", path[2], path[3]] : [...path];
      const key = p.join(".");
      if (seen.has(key)) return;
      seen.add(key);
      ctx.addIssue({ code: "custom", path: p as (string | number)[], message });
    };
    for (const issue of parsed.error.issues) add(issue.path, issue.message);
    // zod runs the cross-field rules only once every cell is readable; run them as well when only
    // amounts or rates are unreadable, so that one round of corrections is enough.
    const unreadable = withUnreadableAmountsAsPlaceholders(candidate);
    if (unreadable) for (const issue of indexInputIssues(unreadable)) add(issue.path, issue.message);
  });
}

/**
 * A copy of `input` where unreadable amounts and rates (already reported) are replaced by a
 * neutral placeholder, or null when some headcount is unreadable (cross-field rules on headcounts
 * would then say nonsense).
 */
function withUnreadableAmountsAsPlaceholders(input: IndexInput): IndexInput | null {
  const counts = [
    ...input.workforce.flatMap((r) => [r.women, r.men]),
    input.top10.women,
    input.top10.men,
    ...(input.maternity ? [input.maternity.returned, input.maternity.raisedOnReturn] : []),
    ...(input.raisesAndPromotions ? [input.raisesAndPromotions.raisedWomen ?? 0, input.raisesAndPromotions.raisedMen ?? 0] : []),
  ];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return null;
  const fix = (n: number | null) => (n !== null && (Number.isNaN(n) || n <= 0) ? 1 : n);
  const fixRates = (r: RatesInput | null | undefined) =>
    r ? { ...r, groups: r.groups.map((g) => ({ ...g, ratePctWomen: fixRate(g.ratePctWomen), ratePctMen: fixRate(g.ratePctMen) })) } : r;
  const fixRate = (n: number | null) => (n !== null && (Number.isNaN(n) || n < 0 || n > 100) ? 50 : n);
  return {
    ...input,
    pay: { ...input.pay, groups: input.pay.groups.map((g) => ({ ...g, avgPayWomen: fix(g.avgPayWomen), avgPayMen: fix(g.avgPayMen) })) },
    raises: fixRates(input.raises),
    promotions: fixRates(input.promotions),
  };
}

/** The engine's IndexInput of a form that passed indexFormSchema (validated again, never trusted as is). */
export function indexInputFromForm(cells: IndexFormCells, sizeBand: IndexSizeBand): IndexInput {
  return IndexInputSchema.parse(indexInputFromCells(cells, sizeBand));
}

const PLAIN = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2, useGrouping: false });

function text(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? "" : PLAIN.format(n);
}

function ratesCells(r: RatesInput | null | undefined): IndexFormCells["raises"] {
  if (!r) return { happened: "", groups: INDEX_CSPS.map(() => ({ ratePctWomen: "", ratePctMen: "" })) };
  return {
    happened: r.happened ? "oui" : "non",
    groups: INDEX_CSPS.map((csp) => {
      const g = r.groups.find((x) => x.csp === csp);
      return { ratePctWomen: text(g?.ratePctWomen), ratePctMen: text(g?.ratePctMen) };
    }),
  };
}

/** A stored (or derived) IndexInput shown back in the form's cells; an empty form for null. */
export function indexInputToCells(input: IndexInput | null): IndexFormCells {
  const groupOf = (i: number) => input?.pay.groups.find((g) => g.category === INDEX_GROUPS[i].csp && g.ageBand === INDEX_GROUPS[i].ageBand);
  const rowOf = (i: number) => input?.workforce.find((r) => r.csp === INDEX_GROUPS[i].csp && r.ageBand === INDEX_GROUPS[i].ageBand);
  return {
    workforce: INDEX_GROUPS.map((_, i) => ({ women: text(rowOf(i)?.women), men: text(rowOf(i)?.men) })),
    pay: { groups: INDEX_GROUPS.map((_, i) => ({ avgPayWomen: text(groupOf(i)?.avgPayWomen), avgPayMen: text(groupOf(i)?.avgPayMen) })) },
    raisesAndPromotions: input?.raisesAndPromotions
      ? {
          happened: input.raisesAndPromotions.happened ? "oui" : "non",
          raisedWomen: text(input.raisesAndPromotions.raisedWomen),
          raisedMen: text(input.raisesAndPromotions.raisedMen),
        }
      : { happened: "", raisedWomen: "", raisedMen: "" },
    raises: ratesCells(input?.raises),
    promotions: ratesCells(input?.promotions),
    maternity: input
      ? input.maternity
        ? { status: "retours", returned: text(input.maternity.returned), raisedOnReturn: text(input.maternity.raisedOnReturn) }
        : { status: "aucun", returned: "", raisedOnReturn: "" }
      : { status: "", returned: "", raisedOnReturn: "" },
    top10: { women: text(input?.top10.women), men: text(input?.top10.men) },
  };
}

/** « Ouvriers, moins de 30 ans », the label of one of the 16 groups. */
export function indexGroupLabel(i: number): string {
  const g = INDEX_GROUPS[i];
  return `${INDEX_CSP_LABELS[g.csp]}, ${INDEX_AGE_BAND_LABELS[g.ageBand]}`;
}

/**
 * Labels of every field and group of fields, in the order of the form (the error summary follows
 * it), for the error summary and the hidden cell labels.
 */
export function indexFieldLabels(sizeBand: IndexSizeBand): Record<string, string> {
  const labels: Record<string, string> = { workforce: "Effectifs et rémunérations", "pay.groups": "Rémunérations" };
  INDEX_GROUPS.forEach((_, i) => {
    const g = indexGroupLabel(i);
    labels[`workforce[${i}].women`] = `${g}, femmes`;
    labels[`workforce[${i}].men`] = `${g}, hommes`;
    labels[`pay.groups[${i}].avgPayWomen`] = `${g}, rémunération moyenne des femmes`;
    labels[`pay.groups[${i}].avgPayMen`] = `${g}, rémunération moyenne des hommes`;
  });
  if (sizeBand === "50-250") {
    labels.raisesAndPromotions = "Augmentations";
    labels["raisesAndPromotions.happened"] = "Augmentations";
    labels["raisesAndPromotions.raisedWomen"] = "Nombre de femmes augmentées";
    labels["raisesAndPromotions.raisedMen"] = "Nombre d'hommes augmentés";
  } else {
    for (const [kind, word] of [
      ["raises", ["augmentées", "augmentés", "Augmentations"]],
      ["promotions", ["promues", "promus", "Promotions"]],
    ] as const) {
      labels[kind] = word[2];
      labels[`${kind}.happened`] = word[2];
      labels[`${kind}.groups`] = word[2];
      INDEX_CSPS.forEach((csp: IndexCsp, i) => {
        labels[`${kind}.groups[${i}].ratePctWomen`] = `${word[2]}, ${INDEX_CSP_LABELS[csp]}, pourcentage de femmes ${word[0]}`;
        labels[`${kind}.groups[${i}].ratePctMen`] = `${word[2]}, ${INDEX_CSP_LABELS[csp]}, pourcentage d'hommes ${word[1]}`;
      });
    }
  }
  labels.maternity = "Retours de congé maternité";
  labels["maternity.status"] = "Retours de congé maternité";
  labels["maternity.returned"] = "Nombre de salariées revenues de congé";
  labels["maternity.raisedOnReturn"] = "Nombre de salariées augmentées à leur retour";
  labels.top10 = "Les 10 plus hautes rémunérations";
  labels["top10.women"] = "Femmes parmi les 10 plus hautes rémunérations";
  labels["top10.men"] = "Hommes parmi les 10 plus hautes rémunérations";
  return labels;
}

/** Names of the form's groups of fields that have an element of their own (a fieldset) to link to. */
const FIELDSET_OF: Record<string, string> = {
  workforce: "workforce",
  pay: "workforce",
  raisesAndPromotions: "raisesAndPromotions",
  raises: "raises",
  promotions: "promotions",
  maternity: "maternity.status",
  top10: "top10",
};

/**
 * The error summary of the entry form, in form order: each message links to its cell, or to its
 * group of fields; a cell's generic message (« Saisissez un nombre entier… ») is prefixed with
 * the cell's label.
 */
export function indexErrorSummary(errors: Record<string, string[] | undefined>, sizeBand: IndexSizeBand, formId: string) {
  const labels = indexFieldLabels(sizeBand);
  const order = Object.keys(labels);
  const generic = new Set<string>(Object.values(INDEX_INPUT_MESSAGES));
  return Object.entries(errors)
    .filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length))
    .map(([name, messages]) => {
      const cell = /\]\.\w+$|^(maternity|top10|raisesAndPromotions)\.\w+$/.test(name);
      const target = name === "" ? null : cell ? name : (FIELDSET_OF[name.split(/[.[]/)[0]] ?? null);
      const label = labels[name];
      return {
        rank: order.indexOf(name) === -1 ? order.length : order.indexOf(name),
        href: target ? `#${formId}-${target}` : undefined,
        message: cell && label && generic.has(messages[0]) ? `${label}${NBSP}: ${messages[0].charAt(0).toLowerCase()}${messages[0].slice(1)}` : messages[0],
      };
    })
    .sort((x, y) => x.rank - y.rank)
    .map(({ href, message }) => ({ href, message }));
}

/** The skip form: one of the usual reasons, or another one written out. */
export const SKIP_REASONS = {
  moins_50: `Moins de 50 salariés${NBSP}: l'index n'est pas obligatoire`,
  paie: "Données de paie pas encore disponibles",
  deja: "Index déjà calculé et déclaré par ailleurs",
} as const;
export type SkipReasonKey = keyof typeof SKIP_REASONS;

/** The stored text of a usual reason. */
export function skipReasonText(key: SkipReasonKey): string {
  return SKIP_REASONS[key];
}

export const SKIP_REASON_MAX_LENGTH = 300;

export const SkipFormSchema = z
  .object({
    reason: z.enum(["moins_50", "paie", "deja", "autre"], { error: "Choisissez la raison pour laquelle vous passez cette étape." }),
    otherReason: z.string().trim().max(SKIP_REASON_MAX_LENGTH, { error: `Écrivez la raison en ${SKIP_REASON_MAX_LENGTH} caractères au plus.` }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "autre" && (v.otherReason ?? "").length < 3) {
      ctx.addIssue({ code: "custom", path: ["otherReason"], message: "Précisez la raison en quelques mots." });
    }
  });

/** The reason stored for a form that passed SkipFormSchema. */
export function skipReasonOf(value: z.output<typeof SkipFormSchema>): string {
  return value.reason === "autre" ? (value.otherReason ?? "").trim() : skipReasonText(value.reason);
}
