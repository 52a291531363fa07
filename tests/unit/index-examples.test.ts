import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeIndex, parseIndexInput, type IndexInput, type IndexSizeBand } from "../../diagnostics/index/index.ts";

interface ExampleCase {
  id: string;
  note: string;
  sizeBand: IndexSizeBand;
  input: Omit<IndexInput, "sizeBand">;
  expected: Record<string, Record<string, unknown>>;
}

const FIXTURE = new URL("../fixtures/index-examples.json", import.meta.url);
const CASES: ExampleCase[] = JSON.parse(readFileSync(FIXTURE, "utf8")).cases;
const RAW_TOLERANCE = 1e-9;

/** One row per (case, indicator, field) present in the expected object. */
const FIELD_ROWS = CASES.flatMap((c) =>
  Object.entries(c.expected).flatMap(([indicator, fields]) =>
    Object.entries(fields).map(([field, expected]) => ({
      label: `${c.id} › ${indicator}.${field}`,
      id: c.id,
      indicator,
      field,
      expected,
    })),
  ),
);

function inputOf(c: ExampleCase): IndexInput {
  return { ...c.input, sizeBand: c.sizeBand };
}

const RESULTS = new Map(CASES.map((c) => [c.id, computeIndex(inputOf(c))]));

describe("index-examples.json: the official simulator's exact results", () => {
  it("has cases for both size bands", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(13);
    expect(new Set(CASES.map((c) => c.sizeBand))).toEqual(new Set(["50-250", "251+"]));
  });

  it.each(CASES.map((c) => ({ label: `${c.id}: input passes IndexInputSchema`, c })))("$label", ({ c }) => {
    const parsed = parseIndexInput(inputOf(c));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it.each(FIELD_ROWS)("$label", ({ id, indicator, field, expected }) => {
    const result = RESULTS.get(id)! as unknown as Record<string, Record<string, unknown> | null>;
    const section = result[indicator];
    expect(section, `${indicator} is present`).not.toBeNull();
    const actual = section![field];
    if (field.endsWith("Raw") && typeof expected === "number") {
      expect(typeof actual).toBe("number");
      expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(RAW_TOLERANCE);
    } else {
      expect(actual).toEqual(expected);
    }
  });

  it.each(CASES.map((c) => ({ label: `${c.id}: indicators outside the band are null`, c })))("$label", ({ c }) => {
    const r = RESULTS.get(c.id)!;
    if (c.sizeBand === "50-250") {
      expect(r.raises).toBeNull();
      expect(r.promotions).toBeNull();
      expect(r.raisesAndPromotions).not.toBeNull();
    } else {
      expect(r.raisesAndPromotions).toBeNull();
      expect(r.raises).not.toBeNull();
      expect(r.promotions).not.toBeNull();
    }
    expect(r.indicative).toBe(false);
  });

  it.each(CASES.map((c) => ({ label: `${c.id}: every indicator explains itself in French`, c })))("$label", ({ c }) => {
    const r = RESULTS.get(c.id)!;
    for (const section of [r.pay, r.raisesAndPromotions, r.raises, r.promotions, r.maternity, r.top10, r.index]) {
      if (!section) continue;
      expect(section.explanation).toMatch(/^[A-ZÀ-Ý0-9].*\.$/u);
      expect(section.explanation).not.toMatch(/ [:;!?%€]/u);
      expect(section.explanation).not.toMatch(/\d\.\d/u);
      if (!section.calculable) expect(section.explanation).toMatch(/ne (peut|pourrait) pas être calculé/u);
    }
  });
});
