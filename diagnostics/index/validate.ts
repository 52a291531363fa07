/**
 * zod schema of the index input (INDEX-RULES.md §1), with French messages. The same schema serves the
 * forms, the staff-file import and stored data. Pure: no database lookup, no I/O.
 */
import { z } from "zod";
import {
  PAY_GROUP_MIN_MEN,
  PAY_GROUP_MIN_WOMEN,
  RATE_GROUP_MIN_MEN,
  RATE_GROUP_MIN_WOMEN,
  TOP_PAY_COUNT,
} from "./constants.ts";
import { INDEX_CSP_LABELS, NBSP, countOf, formatInteger, groupLabel } from "./format.ts";
import { INDEX_AGE_BANDS, INDEX_CSPS, type IndexCsp, type IndexInput } from "./types.ts";

export const INDEX_INPUT_MESSAGES = {
  count: "Saisissez un nombre entier positif ou nul.",
  pay: "Saisissez une rémunération annuelle brute moyenne supérieure à 0, en euros.",
  rate: "Saisissez un pourcentage entre 0 et 100.",
  csp: "Catégorie socioprofessionnelle inconnue.",
  ageBand: "Tranche d'âge inconnue.",
  sizeBand: "Choisissez la tranche d'effectif assujetti (50 à 250 salariés, ou 251 et plus).",
  classification: "Choisissez le mode de regroupement des salariés (catégories socioprofessionnelles ou autre classification).",
  category: "Indiquez le nom du niveau ou du coefficient.",
  happened: "Répondez par oui ou par non.",
  raisesAndPromotionsMissing: "Indiquez s'il y a eu des augmentations individuelles sur la période.",
  raisesMissing: "Indiquez s'il y a eu des augmentations individuelles (hors promotions) sur la période.",
  promotionsMissing: "Indiquez s'il y a eu des promotions sur la période.",
  raisedWomenMissing: "Indiquez le nombre de femmes augmentées.",
  raisedMenMissing: "Indiquez le nombre d'hommes augmentés.",
  nobodyRaised: `Vous avez indiqué des augmentations${NBSP}: au moins une personne doit avoir été augmentée.`,
  raisesAllZero: `Vous avez indiqué des augmentations${NBSP}: les pourcentages ne peuvent pas être tous nuls.`,
  promotionsAllZero: `Vous avez indiqué des promotions${NBSP}: les pourcentages ne peuvent pas être tous nuls.`,
} as const;

const M = INDEX_INPUT_MESSAGES;

const CountSchema = z.number({ error: M.count }).int({ error: M.count }).min(0, { error: M.count });
const PaySchema = z.number({ error: M.pay }).positive({ error: M.pay }).nullable();
const RateSchema = z.number({ error: M.rate }).min(0, { error: M.rate }).max(100, { error: M.rate }).nullable();
const CspSchema = z.enum(INDEX_CSPS, { error: M.csp });
const AgeBandSchema = z.enum(INDEX_AGE_BANDS, { error: M.ageBand });

const WorkforceRowSchema = z.object({ csp: CspSchema, ageBand: AgeBandSchema, women: CountSchema, men: CountSchema });

const PayGroupSchema = z.object({
  category: z.string({ error: M.category }).trim().min(1, { error: M.category }),
  ageBand: AgeBandSchema,
  women: CountSchema,
  men: CountSchema,
  avgPayWomen: PaySchema,
  avgPayMen: PaySchema,
});

const RaisesAndPromotionsSchema = z.object({
  happened: z.boolean({ error: M.happened }),
  raisedWomen: CountSchema.nullable(),
  raisedMen: CountSchema.nullable(),
});

const RatesSchema = z.object({
  happened: z.boolean({ error: M.happened }),
  groups: z.array(
    z.object({ csp: CspSchema, women: CountSchema, men: CountSchema, ratePctWomen: RateSchema, ratePctMen: RateSchema }),
  ),
});

/** One cross-field problem: the path of the offending field and a French message. */
export type IndexInputIssue = { path: (string | number)[]; message: string };

function checkWorkforce(input: IndexInput, issues: IndexInputIssue[]): void {
  const expected = INDEX_CSPS.length * INDEX_AGE_BANDS.length;
  if (input.workforce.length !== expected) {
    issues.push({
      path: ["workforce"],
      message:
        `L'effectif doit compter ${expected} lignes (${INDEX_CSPS.length} catégories socioprofessionnelles × ` +
        `${INDEX_AGE_BANDS.length} tranches d'âge), ici ${formatInteger(input.workforce.length)}.`,
    });
  }
  const seen = new Set<string>();
  input.workforce.forEach((row, i) => {
    const key = `${row.csp}|${row.ageBand}`;
    if (seen.has(key)) {
      issues.push({ path: ["workforce", i], message: `La ligne ${groupLabel(row.csp, row.ageBand)} apparaît plusieurs fois dans l'effectif.` });
    }
    seen.add(key);
  });
  for (const csp of INDEX_CSPS) {
    for (const ageBand of INDEX_AGE_BANDS) {
      if (!seen.has(`${csp}|${ageBand}`)) {
        issues.push({ path: ["workforce"], message: `Il manque la ligne ${groupLabel(csp, ageBand)} dans l'effectif.` });
      }
    }
  }
}

function checkPay(input: IndexInput, issues: IndexInputIssue[]): void {
  const groups = input.pay.groups;
  const seen = new Map<string, number>();
  groups.forEach((g, i) => {
    const key = `${g.category.trim()}|${g.ageBand}`;
    if (seen.has(key)) {
      issues.push({
        path: ["pay", "groups", i],
        message: `Le groupe de rémunération ${groupLabel(g.category, g.ageBand)} apparaît plusieurs fois.`,
      });
    } else {
      seen.set(key, i);
    }
    if (g.women >= PAY_GROUP_MIN_WOMEN && g.men >= PAY_GROUP_MIN_MEN) {
      const why = `le groupe compte au moins ${countOf(PAY_GROUP_MIN_WOMEN, "femme", "femmes")} et ${countOf(PAY_GROUP_MIN_MEN, "homme", "hommes")}`;
      if (g.avgPayWomen === null) {
        issues.push({
          path: ["pay", "groups", i, "avgPayWomen"],
          message: `${groupLabel(g.category, g.ageBand)}${NBSP}: indiquez la rémunération moyenne des femmes (${why}).`,
        });
      }
      if (g.avgPayMen === null) {
        issues.push({
          path: ["pay", "groups", i, "avgPayMen"],
          message: `${groupLabel(g.category, g.ageBand)}${NBSP}: indiquez la rémunération moyenne des hommes (${why}).`,
        });
      }
    }
  });

  if (input.pay.classification === "csp") {
    groups.forEach((g, i) => {
      if (!(INDEX_CSPS as readonly string[]).includes(g.category)) {
        issues.push({ path: ["pay", "groups", i, "category"], message: M.csp });
        return;
      }
      const row = input.workforce.find((r) => r.csp === g.category && r.ageBand === g.ageBand);
      if (!row) return;
      for (const sex of ["women", "men"] as const) {
        if (g[sex] !== row[sex]) {
          const [one, many] = sex === "women" ? ["femme", "femmes"] : ["homme", "hommes"];
          issues.push({
            path: ["pay", "groups", i, sex],
            message:
              `${groupLabel(g.category, g.ageBand)}${NBSP}: ${countOf(g[sex], one, many)} dans ce groupe de ` +
              `rémunération, mais ${countOf(row[sex], one, many)} dans l'effectif.`,
          });
        }
      }
    });
    for (const csp of INDEX_CSPS) {
      for (const ageBand of INDEX_AGE_BANDS) {
        if (!seen.has(`${csp}|${ageBand}`)) {
          issues.push({ path: ["pay", "groups"], message: `Il manque le groupe de rémunération ${groupLabel(csp, ageBand)}.` });
        }
      }
    }
    return;
  }

  for (const sex of ["women", "men"] as const) {
    const inGroups = groups.reduce((sum, g) => sum + g[sex], 0);
    const inWorkforce = input.workforce.reduce((sum, r) => sum + r[sex], 0);
    if (inGroups !== inWorkforce) {
      const [one, many] = sex === "women" ? ["femme", "femmes"] : ["homme", "hommes"];
      issues.push({
        path: ["pay", "groups"],
        message:
          `Les groupes de rémunération comptent ${countOf(inGroups, one, many)}, mais l'effectif en compte ` +
          `${formatInteger(inWorkforce)}${NBSP}: les deux totaux doivent être égaux.`,
      });
    }
  }
}

function checkRaisesAndPromotions(input: IndexInput, issues: IndexInputIssue[]): void {
  const rp = input.raisesAndPromotions;
  if (!rp) {
    issues.push({ path: ["raisesAndPromotions"], message: M.raisesAndPromotionsMissing });
    return;
  }
  if (!rp.happened) return;
  const totals = {
    women: input.workforce.reduce((sum, r) => sum + r.women, 0),
    men: input.workforce.reduce((sum, r) => sum + r.men, 0),
  };
  const fields = [
    { key: "raisedWomen", count: rp.raisedWomen, total: totals.women, missing: M.raisedWomenMissing, who: ["femmes augmentées", "femmes de l'effectif"] },
    { key: "raisedMen", count: rp.raisedMen, total: totals.men, missing: M.raisedMenMissing, who: ["hommes augmentés", "hommes de l'effectif"] },
  ] as const;
  for (const f of fields) {
    if (f.count === null) {
      issues.push({ path: ["raisesAndPromotions", f.key], message: f.missing });
    } else if (f.count > f.total) {
      issues.push({
        path: ["raisesAndPromotions", f.key],
        message:
          `Le nombre de ${f.who[0]} (${formatInteger(f.count)}) ne peut pas dépasser le nombre de ` +
          `${f.who[1]} (${formatInteger(f.total)}).`,
      });
    }
  }
  if (rp.raisedWomen === 0 && rp.raisedMen === 0) {
    issues.push({ path: ["raisesAndPromotions"], message: M.nobodyRaised });
  }
}

function checkRates(input: IndexInput, kind: "raises" | "promotions", issues: IndexInputIssue[]): void {
  const rates = input[kind];
  const raises = kind === "raises";
  if (!rates) {
    issues.push({ path: [kind], message: raises ? M.raisesMissing : M.promotionsMissing });
    return;
  }
  if (!rates.happened) return;
  const seen = new Set<IndexCsp>();
  rates.groups.forEach((g, i) => {
    const label = INDEX_CSP_LABELS[g.csp];
    if (seen.has(g.csp)) {
      issues.push({ path: [kind, "groups", i], message: `La ligne ${label} apparaît plusieurs fois.` });
      return;
    }
    seen.add(g.csp);
    const women = input.workforce.filter((r) => r.csp === g.csp).reduce((sum, r) => sum + r.women, 0);
    const men = input.workforce.filter((r) => r.csp === g.csp).reduce((sum, r) => sum + r.men, 0);
    for (const [sex, expected, one, many] of [
      ["women", women, "femme", "femmes"],
      ["men", men, "homme", "hommes"],
    ] as const) {
      if (g[sex] !== expected) {
        issues.push({
          path: [kind, "groups", i, sex],
          message: `${label}${NBSP}: ${countOf(g[sex], one, many)} ici, mais ${countOf(expected, one, many)} dans l'effectif.`,
        });
      }
    }
    if (women >= RATE_GROUP_MIN_WOMEN && men >= RATE_GROUP_MIN_MEN) {
      const verb = raises ? ["femmes augmentées", "hommes augmentés"] : ["femmes promues", "hommes promus"];
      if (g.ratePctWomen === null) {
        issues.push({ path: [kind, "groups", i, "ratePctWomen"], message: `${label}${NBSP}: indiquez le pourcentage de ${verb[0]}.` });
      }
      if (g.ratePctMen === null) {
        issues.push({ path: [kind, "groups", i, "ratePctMen"], message: `${label}${NBSP}: indiquez le pourcentage d'${verb[1]}.` });
      }
    }
  });
  for (const csp of INDEX_CSPS) {
    if (!seen.has(csp)) {
      issues.push({ path: [kind, "groups"], message: `Il manque la ligne ${INDEX_CSP_LABELS[csp]}.` });
    }
  }
  const entered = rates.groups.flatMap((g) => [g.ratePctWomen, g.ratePctMen]).filter((v): v is number => v !== null);
  if (entered.every((v) => v === 0)) {
    issues.push({ path: [kind], message: raises ? M.raisesAllZero : M.promotionsAllZero });
  }
}

function checkMaternityAndTop10(input: IndexInput, issues: IndexInputIssue[]): void {
  const m = input.maternity;
  if (m && m.raisedOnReturn > m.returned) {
    issues.push({
      path: ["maternity", "raisedOnReturn"],
      message:
        `Le nombre de personnes augmentées à leur retour (${formatInteger(m.raisedOnReturn)}) ne peut pas dépasser ` +
        `le nombre de retours de congé (${formatInteger(m.returned)}).`,
    });
  }
  const total = input.top10.women + input.top10.men;
  if (total !== TOP_PAY_COUNT) {
    issues.push({
      path: ["top10"],
      message:
        `Le total des ${formatInteger(TOP_PAY_COUNT)} plus hautes rémunérations doit faire ` +
        `${formatInteger(TOP_PAY_COUNT)} personnes (ici ${formatInteger(total)}).`,
    });
  }
}

/** Every cross-field rule of the index input; returns the issues (empty when consistent), never null. */
export function indexInputIssues(input: IndexInput): IndexInputIssue[] {
  const issues: IndexInputIssue[] = [];
  checkWorkforce(input, issues);
  checkPay(input, issues);
  if (input.sizeBand === "50-250") {
    checkRaisesAndPromotions(input, issues);
  } else {
    checkRates(input, "raises", issues);
    checkRates(input, "promotions", issues);
  }
  checkMaternityAndTop10(input, issues);
  return issues;
}

/** The aggregated input of computeIndex, with every consistency rule; French messages. */
export const IndexInputSchema = z
  .object({
    sizeBand: z.enum(["50-250", "251+"], { error: M.sizeBand }),
    workforce: z.array(WorkforceRowSchema),
    pay: z.object({
      classification: z.enum(["csp", "other"], { error: M.classification }),
      groups: z.array(PayGroupSchema),
    }),
    raisesAndPromotions: RaisesAndPromotionsSchema.nullable().optional(),
    raises: RatesSchema.nullable().optional(),
    promotions: RatesSchema.nullable().optional(),
    maternity: z.object({ returned: CountSchema, raisedOnReturn: CountSchema }).nullable(),
    top10: z.object({ women: CountSchema, men: CountSchema }),
  })
  .superRefine((input, ctx) => {
    for (const issue of indexInputIssues(input)) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

export type IndexInputError = { path: string; message: string };

/** Parses unknown data into an IndexInput; on failure every error with its dotted path (« pay.groups.3.women ») and French message. */
export function parseIndexInput(
  value: unknown,
): { ok: true; value: IndexInput } | { ok: false; errors: IndexInputError[] } {
  const result = IndexInputSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  };
}
