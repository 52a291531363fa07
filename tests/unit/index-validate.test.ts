import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  INDEX_INPUT_MESSAGES,
  IndexInputSchema,
  PAY_GROUP_MIN_MEN,
  PAY_GROUP_MIN_WOMEN,
  TOP_PAY_COUNT,
  parseIndexInput,
  type IndexInput,
  type IndexSizeBand,
} from "../../diagnostics/index/index.ts";

const NBSP = "\u00a0";
const FIXTURE = new URL("../fixtures/index-examples.json", import.meta.url);
const CASES: { id: string; sizeBand: IndexSizeBand; input: Omit<IndexInput, "sizeBand"> }[] = JSON.parse(
  readFileSync(FIXTURE, "utf8"),
).cases;

/** A fresh copy of a valid example input: "b-pay-raw10.00" (50-250) or "L-men-favoured" (251+). */
function base(sizeBand: IndexSizeBand = "50-250"): IndexInput {
  const c = CASES.find((x) => x.id === (sizeBand === "50-250" ? "b-pay-raw10.00" : "L-men-favoured"))!;
  return structuredClone({ ...c.input, sizeBand: c.sizeBand });
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const parsed = parseIndexInput(input);
  return parsed.ok ? [] : parsed.errors;
}

type Mutation = { label: string; sizeBand?: IndexSizeBand; mutate: (i: IndexInput) => void; path: string; message: string };

const ROWS: Mutation[] = [
  ...[TOP_PAY_COUNT - 1, TOP_PAY_COUNT + 1].map((total) => ({
    label: `top 10 summing to ${total}`,
    mutate: (i: IndexInput) => {
      i.top10 = { women: 5, men: total - 5 };
    },
    path: "top10",
    message: `Le total des 10 plus hautes rémunérations doit faire 10 personnes (ici ${total}).`,
  })),
  {
    label: "more raised on return than returned",
    mutate: (i) => {
      i.maternity = { returned: 2, raisedOnReturn: 3 };
    },
    path: "maternity.raisedOnReturn",
    message: "Le nombre de personnes augmentées à leur retour (3) ne peut pas dépasser le nombre de retours de congé (2).",
  },
  {
    label: "negative headcount",
    mutate: (i) => {
      i.workforce[0].women = -1;
    },
    path: "workforce.0.women",
    message: INDEX_INPUT_MESSAGES.count,
  },
  {
    label: "fractional headcount",
    mutate: (i) => {
      i.workforce[1].men = 2.5;
    },
    path: "workforce.1.men",
    message: INDEX_INPUT_MESSAGES.count,
  },
  {
    label: "15 workforce rows",
    mutate: (i) => {
      i.workforce.pop();
    },
    path: "workforce",
    message: "L'effectif doit compter 16 lignes (4 catégories socioprofessionnelles × 4 tranches d'âge), ici 15.",
  },
  {
    label: "CSP pay group count differing from the workforce",
    mutate: (i) => {
      i.pay.groups[1].women = 39;
    },
    path: "pay.groups.1.women",
    message: `Ouvriers, 30 à 39 ans${NBSP}: 39 femmes dans ce groupe de rémunération, mais 40 femmes dans l'effectif.`,
  },
  {
    label: "CSP pay groups missing one group",
    mutate: (i) => {
      i.pay.groups.splice(15, 1);
    },
    path: "pay.groups",
    message: "Il manque le groupe de rémunération Ingénieurs et cadres, 50 ans et plus.",
  },
  {
    label: "valid pay group without the women's average pay",
    mutate: (i) => {
      i.pay.groups[1].avgPayWomen = null;
    },
    path: "pay.groups.1.avgPayWomen",
    message: `Ouvriers, 30 à 39 ans${NBSP}: indiquez la rémunération moyenne des femmes (le groupe compte au moins ${PAY_GROUP_MIN_WOMEN} femmes et ${PAY_GROUP_MIN_MEN} hommes).`,
  },
  {
    label: "zero average pay",
    mutate: (i) => {
      i.pay.groups[1].avgPayMen = 0;
    },
    path: "pay.groups.1.avgPayMen",
    message: INDEX_INPUT_MESSAGES.pay,
  },
  {
    label: "other classification whose women total differs from the workforce",
    mutate: (i) => {
      i.pay = {
        classification: "other",
        groups: [
          { category: "Coefficient 170", ageBand: "<30", women: 40, men: 49, avgPayWomen: 20_000, avgPayMen: 20_000 },
        ],
      };
    },
    path: "pay.groups",
    message: `Les groupes de rémunération comptent 40 femmes, mais l'effectif en compte 43${NBSP}: les deux totaux doivent être égaux.`,
  },
  {
    label: "other classification with an empty level name",
    mutate: (i) => {
      i.pay = {
        classification: "other",
        groups: [{ category: "  ", ageBand: "<30", women: 43, men: 49, avgPayWomen: 20_000, avgPayMen: 20_000 }],
      };
    },
    path: "pay.groups.0.category",
    message: INDEX_INPUT_MESSAGES.category,
  },
  {
    label: "50-250 without the raises answer",
    mutate: (i) => {
      i.raisesAndPromotions = null;
    },
    path: "raisesAndPromotions",
    message: INDEX_INPUT_MESSAGES.raisesAndPromotionsMissing,
  },
  {
    label: "more women raised than women",
    mutate: (i) => {
      i.raisesAndPromotions = { happened: true, raisedWomen: 44, raisedMen: 1 };
    },
    path: "raisesAndPromotions.raisedWomen",
    message: "Le nombre de femmes augmentées (44) ne peut pas dépasser le nombre de femmes de l'effectif (43).",
  },
  {
    label: "raises said to happen but nobody raised",
    mutate: (i) => {
      i.raisesAndPromotions = { happened: true, raisedWomen: 0, raisedMen: 0 };
    },
    path: "raisesAndPromotions",
    message: INDEX_INPUT_MESSAGES.nobodyRaised,
  },
  {
    label: "raises said to happen, men count missing",
    mutate: (i) => {
      i.raisesAndPromotions = { happened: true, raisedWomen: 3, raisedMen: null };
    },
    path: "raisesAndPromotions.raisedMen",
    message: INDEX_INPUT_MESSAGES.raisedMenMissing,
  },
  {
    label: "251+ without the promotions answer",
    sizeBand: "251+",
    mutate: (i) => {
      i.promotions = null;
    },
    path: "promotions",
    message: INDEX_INPUT_MESSAGES.promotionsMissing,
  },
  {
    label: "251+ rate above 100",
    sizeBand: "251+",
    mutate: (i) => {
      i.raises!.groups[0].ratePctMen = 100.5;
    },
    path: "raises.groups.0.ratePctMen",
    message: INDEX_INPUT_MESSAGES.rate,
  },
  {
    label: "251+ raises with every rate at 0",
    sizeBand: "251+",
    mutate: (i) => {
      for (const g of i.raises!.groups) {
        g.ratePctWomen = 0;
        g.ratePctMen = 0;
      }
    },
    path: "raises",
    message: INDEX_INPUT_MESSAGES.raisesAllZero,
  },
  {
    label: "251+ CSP headcount differing from the workforce",
    sizeBand: "251+",
    mutate: (i) => {
      i.promotions!.groups[1].men += 1;
    },
    path: "promotions.groups.1.men",
    message: `Employés${NBSP}: 51 hommes ici, mais 50 hommes dans l'effectif.`,
  },
  {
    label: "251+ valid CSP without a rate",
    sizeBand: "251+",
    mutate: (i) => {
      i.promotions!.groups[0].ratePctWomen = null;
    },
    path: "promotions.groups.0.ratePctWomen",
    message: `Ouvriers${NBSP}: indiquez le pourcentage de femmes promues.`,
  },
  {
    label: "251+ missing a CSP row",
    sizeBand: "251+",
    mutate: (i) => {
      i.raises!.groups.pop();
    },
    path: "raises.groups",
    message: "Il manque la ligne Ingénieurs et cadres.",
  },
];

describe("IndexInputSchema", () => {
  it.each(ROWS)("rejects $label", ({ sizeBand, mutate, path, message }) => {
    const input = base(sizeBand);
    mutate(input);
    expect(errorsOf(input)).toContainEqual({ path, message });
  });

  it.each([
    { label: "50-250 example", input: () => base("50-250") },
    { label: "251+ example", input: () => base("251+") },
    {
      label: "no raises (counts null)",
      input: () => ({ ...base(), raisesAndPromotions: { happened: false, raisedWomen: null, raisedMen: null } }),
    },
    { label: "no maternity returns", input: () => ({ ...base(), maternity: null }) },
    { label: "returns without raises during the leaves", input: () => ({ ...base(), maternity: { returned: 0, raisedOnReturn: 0 } }) },
    {
      label: "other classification with matching totals",
      input: () => ({
        ...base(),
        pay: {
          classification: "other" as const,
          groups: [
            { category: "Coefficient 170", ageBand: "<30" as const, women: 40, men: 45, avgPayWomen: 1800, avgPayMen: 2000 },
            { category: "Coefficient 200", ageBand: "<30" as const, women: 3, men: 4, avgPayWomen: 2100, avgPayMen: 2100 },
          ],
        },
      }),
    },
    {
      label: "251+ without promotions (rates null)",
      input: () => {
        const i = base("251+");
        i.promotions = { happened: false, groups: [] };
        return i;
      },
    },
  ])("accepts $label", ({ input }) => {
    expect(errorsOf(input())).toEqual([]);
  });

  it("rejects a wrong shape with French messages", () => {
    const result = IndexInputSchema.safeParse({ sizeBand: "1000+", workforce: "x" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain(INDEX_INPUT_MESSAGES.sizeBand);
  });

  it("writes every message with French typography", () => {
    const messages = [
      ...Object.values(INDEX_INPUT_MESSAGES),
      ...ROWS.map((r) => r.message),
    ];
    for (const m of messages) {
      expect(m).not.toMatch(/[ \u202f][:;!?%€]/u);
      expect(m).not.toMatch(/\S[:;!?%€]/u);
      expect(m).toMatch(/\.$/u);
    }
  });
});
