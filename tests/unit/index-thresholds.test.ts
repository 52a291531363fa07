import { describe, expect, it } from "vitest";
import * as C from "../../diagnostics/index/constants.ts";
import {
  CORRECTIVE_DEADLINE_YEARS,
  INDEX_AGE_BANDS,
  INDEX_CORRECTIVE_THRESHOLD,
  INDEX_CSPS,
  INDEX_MIN_CALCULABLE_POINTS,
  INDEX_OBJECTIVES_THRESHOLD,
  MATERNITY_MAX_POINTS,
  MATERNITY_POINTS_TABLE,
  PAY_GROUP_MIN_MEN,
  PAY_GROUP_MIN_WOMEN,
  PAY_MAX_POINTS,
  PAY_PERTINENCE_THRESHOLD_CSP,
  PAY_PERTINENCE_THRESHOLD_OTHER,
  PAY_POINTS_TABLE,
  PROMOTIONS_MAX_POINTS,
  PROMOTIONS_POINTS_TABLE,
  RAISES_AND_PROMOTIONS_MAX_POINTS,
  RAISES_AND_PROMOTIONS_MIN_MEN,
  RAISES_AND_PROMOTIONS_MIN_WOMEN,
  RAISES_AND_PROMOTIONS_POINTS_TABLE,
  RAISES_MAX_POINTS,
  RAISES_POINTS_TABLE,
  RATE_GROUP_MIN_MEN,
  RATE_GROUP_MIN_WOMEN,
  TOP10_POINTS_TABLE,
  TOP_PAY_COUNT,
  VALID_HEADCOUNT_MIN_SHARE,
  computeIndex,
  indexFromPoints,
  indexObligation,
  pointsFromTable,
  roundResult,
  type Favours,
  type IndexAgeBand,
  type IndexCsp,
  type IndexInput,
  type IndexResult,
  type IndexSizeBand,
  type PayGroup,
  type RaisesAndPromotionsInput,
  type RatesInput,
  type WorkforceRow,
} from "../../diagnostics/index/index.ts";

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

interface CellSpec {
  csp?: IndexCsp;
  ageBand?: IndexAgeBand;
  women: number;
  men: number;
  payWomen?: number | null;
  payMen?: number | null;
}

interface RatesSpec {
  happened?: boolean;
  /** [women %, men %] per CSP; CSPs not listed get 10 % / 10 %. */
  rates?: Partial<Record<IndexCsp, [number, number]>>;
}

interface Scenario {
  sizeBand?: IndexSizeBand;
  cells?: CellSpec[];
  otherGroups?: PayGroup[];
  raisesAndPromotions?: RaisesAndPromotionsInput | null;
  raises?: RatesSpec | null;
  promotions?: RatesSpec | null;
  maternity?: IndexInput["maternity"];
  top10?: { women: number; men: number };
}

const EQUAL_PAY = 20_000;
const DEFAULT_CELLS: CellSpec[] = [{ women: 50, men: 50, payWomen: EQUAL_PAY, payMen: EQUAL_PAY }];

function workforceOf(cells: CellSpec[]): WorkforceRow[] {
  const rows = INDEX_CSPS.flatMap((csp) => INDEX_AGE_BANDS.map((ageBand) => ({ csp, ageBand, women: 0, men: 0 })));
  for (const c of cells) {
    const row = rows.find((r) => r.csp === (c.csp ?? "ouvriers") && r.ageBand === (c.ageBand ?? "<30"))!;
    row.women += c.women;
    row.men += c.men;
  }
  return rows;
}

function cspPayGroups(workforce: WorkforceRow[], cells: CellSpec[]): PayGroup[] {
  return workforce.map((row) => {
    const spec = cells.find((c) => (c.csp ?? "ouvriers") === row.csp && (c.ageBand ?? "<30") === row.ageBand);
    return {
      category: row.csp,
      ageBand: row.ageBand,
      women: row.women,
      men: row.men,
      avgPayWomen: spec?.payWomen !== undefined ? spec.payWomen : row.women > 0 ? EQUAL_PAY : null,
      avgPayMen: spec?.payMen !== undefined ? spec.payMen : row.men > 0 ? EQUAL_PAY : null,
    };
  });
}

function ratesOf(workforce: WorkforceRow[], spec: RatesSpec | null | undefined): RatesInput | null {
  if (spec === null) return null;
  const happened = spec?.happened ?? true;
  return {
    happened,
    groups: INDEX_CSPS.map((csp) => {
      const rows = workforce.filter((r) => r.csp === csp);
      const [w, m] = spec?.rates?.[csp] ?? [10, 10];
      return {
        csp,
        women: rows.reduce((s, r) => s + r.women, 0),
        men: rows.reduce((s, r) => s + r.men, 0),
        ratePctWomen: happened ? w : null,
        ratePctMen: happened ? m : null,
      };
    }),
  };
}

function build(s: Scenario = {}): IndexInput {
  const sizeBand = s.sizeBand ?? "50-250";
  const cells = s.cells ?? DEFAULT_CELLS;
  const workforce = workforceOf(cells);
  return {
    sizeBand,
    workforce,
    pay: s.otherGroups
      ? { classification: "other", groups: s.otherGroups }
      : { classification: "csp", groups: cspPayGroups(workforce, cells) },
    raisesAndPromotions:
      sizeBand === "50-250"
        ? s.raisesAndPromotions !== undefined
          ? s.raisesAndPromotions
          : { happened: true, raisedWomen: 10, raisedMen: 10 }
        : undefined,
    raises: sizeBand === "251+" ? ratesOf(workforce, s.raises) : undefined,
    promotions: sizeBand === "251+" ? ratesOf(workforce, s.promotions) : undefined,
    maternity: s.maternity !== undefined ? s.maternity : { returned: 2, raisedOnReturn: 2 },
    top10: s.top10 ?? { women: 5, men: 5 },
  };
}

/** One valid CSP group whose men and women average pays are given. */
function payCells(payWomen: number, payMen: number, women = 50, men = 50): CellSpec[] {
  return [{ women, men, payWomen, payMen }];
}

/** Women and men average pays such that the group gap is `gapPct` % (men pay 100 000 €). */
function payForGap(gapPct: number): [number, number] {
  const men = 100_000;
  return [Math.round(men - gapPct * 1000), men];
}

function withRates(kind: "raises" | "promotions", spec: RatesSpec): Scenario {
  return kind === "raises" ? { raises: spec } : { promotions: spec };
}

const ALL_RESULTS: IndexResult[] = [];
function run(s: Scenario = {}, belowFifty = false): IndexResult {
  const result = computeIndex(build(s), belowFifty ? { belowFifty } : undefined);
  ALL_RESULTS.push(result);
  return result;
}

const PAY_MEN = payCells(18_000, 20_000); // 10 % gap → 5,0 after the CSP threshold → 35 points, favours men
const PAY_WOMEN = payCells(22_000, 20_000); // −10 % → 5,0 → 35 points, favours women
const PAY_WITHIN_THRESHOLD = payCells(19_500, 20_000); // 2,5 % ≤ 5 → 0,0 → 40 points
/** Both sexes present in ouvriers but never 3 + 3 in one age band: indicator 1 not calculable, CSP valid for 2 and 3. */
const PAY_NOT_CALCULABLE: CellSpec[] = [
  { ageBand: "<30", women: 25, men: 0 },
  { ageBand: "30-39", women: 0, men: 25 },
];

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

const PINNED: Record<string, unknown> = {
  PAY_GROUP_MIN_WOMEN: 3,
  PAY_GROUP_MIN_MEN: 3,
  VALID_HEADCOUNT_MIN_SHARE: 0.4,
  PAY_PERTINENCE_THRESHOLD_CSP: 5,
  PAY_PERTINENCE_THRESHOLD_OTHER: 2,
  PAY_MAX_POINTS: 40,
  PAY_POINTS_TABLE: [40, 39, 38, 37, 36, 35, 34, 33, 31, 29, 27, 25, 23, 21, 19, 17, 14, 11, 8, 5, 2, 0],
  RAISES_AND_PROMOTIONS_MIN_WOMEN: 5,
  RAISES_AND_PROMOTIONS_MIN_MEN: 5,
  RAISES_AND_PROMOTIONS_MAX_POINTS: 35,
  RAISES_AND_PROMOTIONS_POINTS_TABLE: [35, 35, 35, 25, 25, 25, 15, 15, 15, 15, 15, 0],
  RATE_GROUP_MIN_WOMEN: 10,
  RATE_GROUP_MIN_MEN: 10,
  RAISES_MAX_POINTS: 20,
  RAISES_POINTS_TABLE: [20, 20, 20, 10, 10, 10, 5, 5, 5, 5, 5, 0],
  PROMOTIONS_MAX_POINTS: 15,
  PROMOTIONS_POINTS_TABLE: [15, 15, 15, 10, 10, 10, 5, 5, 5, 5, 5, 0],
  MATERNITY_MAX_POINTS: 15,
  MATERNITY_POINTS_TABLE: [0, 15],
  TOP_PAY_COUNT: 10,
  TOP10_MAX_POINTS: 10,
  TOP10_POINTS_TABLE: [0, 0, 5, 5, 10, 10],
  EQUALITY_GAP_EPSILON: 0.05,
  RESULT_DECIMALS: 1,
  INDEX_MAX_POINTS: 100,
  INDEX_MIN_CALCULABLE_POINTS: 75,
  INDEX_CORRECTIVE_THRESHOLD: 75,
  INDEX_OBJECTIVES_THRESHOLD: 85,
  CORRECTIVE_DEADLINE_YEARS: 3,
  INDEX_MIN_HEADCOUNT: 50,
  LARGE_BAND_MIN_HEADCOUNT: 251,
};

describe("constants", () => {
  it.each(Object.entries(PINNED).map(([name, value]) => ({ label: `${name} = ${JSON.stringify(value)}`, name, value })))(
    "$label",
    ({ name, value }) => {
      expect((C as Record<string, unknown>)[name]).toEqual(value);
    },
  );

  it("pins every exported constant", () => {
    expect(Object.keys(C).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it("keeps the maxima consistent with the tables and with 100 per band", () => {
    expect(PAY_POINTS_TABLE[0]).toBe(PAY_MAX_POINTS);
    expect(RAISES_AND_PROMOTIONS_POINTS_TABLE[0]).toBe(RAISES_AND_PROMOTIONS_MAX_POINTS);
    expect(RAISES_POINTS_TABLE[0]).toBe(RAISES_MAX_POINTS);
    expect(PROMOTIONS_POINTS_TABLE[0]).toBe(PROMOTIONS_MAX_POINTS);
    expect(Math.max(...MATERNITY_POINTS_TABLE)).toBe(MATERNITY_MAX_POINTS);
    expect(Math.max(...TOP10_POINTS_TABLE)).toBe(C.TOP10_MAX_POINTS);
    expect(PAY_MAX_POINTS + RAISES_AND_PROMOTIONS_MAX_POINTS + MATERNITY_MAX_POINTS + C.TOP10_MAX_POINTS).toBe(C.INDEX_MAX_POINTS);
    expect(PAY_MAX_POINTS + RAISES_MAX_POINTS + PROMOTIONS_MAX_POINTS + MATERNITY_MAX_POINTS + C.TOP10_MAX_POINTS).toBe(
      C.INDEX_MAX_POINTS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Indicator 1
// ---------------------------------------------------------------------------------------------

describe("indicator 1: a group is valid with at least 3 women and 3 men", () => {
  const ROWS = [-1, 0, 1].flatMap((d) => [
    { label: `${PAY_GROUP_MIN_WOMEN + d} women, ${PAY_GROUP_MIN_MEN} men`, women: PAY_GROUP_MIN_WOMEN + d, men: PAY_GROUP_MIN_MEN },
    { label: `${PAY_GROUP_MIN_WOMEN} women, ${PAY_GROUP_MIN_MEN + d} men`, women: PAY_GROUP_MIN_WOMEN, men: PAY_GROUP_MIN_MEN + d },
  ]);
  it.each(ROWS)("$label", ({ women, men }) => {
    const valid = women >= PAY_GROUP_MIN_WOMEN && men >= PAY_GROUP_MIN_MEN;
    const { pay } = run({ cells: [{ women, men }], raisesAndPromotions: null });
    expect(pay.calculable).toBe(valid);
    expect(pay.validHeadcount).toBe(valid ? women + men : 0);
    expect(pay.totalHeadcount).toBe(women + men);
    expect(pay.reason).toBe(valid ? null : "valid-groups-below-40pct");
    expect(pay.points).toBe(valid ? PAY_MAX_POINTS : null);
  });
});

describe("indicator 1: the 40 % rule is inclusive", () => {
  const threshold = Math.round(VALID_HEADCOUNT_MIN_SHARE * 100);
  const ROWS = [threshold - 1, threshold, threshold + 1].map((share) => ({
    label: `valid groups hold ${share} of 100 employees`,
    share,
  }));
  it.each(ROWS)("$label", ({ share }) => {
    const { pay } = run({
      cells: [
        { ageBand: "<30", women: 20, men: share - 20 },
        { ageBand: "30-39", women: PAY_GROUP_MIN_WOMEN - 1, men: 100 - share - (PAY_GROUP_MIN_WOMEN - 1) },
      ],
    });
    expect(pay.validHeadcount).toBe(share);
    expect(pay.totalHeadcount).toBe(100);
    expect(pay.calculable).toBe(share >= threshold);
    expect(pay.reason).toBe(share >= threshold ? null : "valid-groups-below-40pct");
    if (!pay.calculable) {
      expect(pay.explanation).toBe(
        `Moins de 40\u00a0% de l'effectif (ici ${share}\u00a0%) est dans des groupes comptant au moins 3 femmes et 3 hommes\u00a0: l'indicateur ne peut pas être calculé.`,
      );
    }
  });

  it("an empty workforce is not calculable", () => {
    const { pay } = run({ cells: [], raisesAndPromotions: null });
    expect(pay.calculable).toBe(false);
    expect(pay.totalHeadcount).toBe(0);
  });
});

describe("indicator 1: pertinence threshold (5 points for CSP, 2 for other classifications)", () => {
  const ROWS = (
    [
      ["csp", PAY_PERTINENCE_THRESHOLD_CSP],
      ["other", PAY_PERTINENCE_THRESHOLD_OTHER],
    ] as const
  ).flatMap(([mode, t]) =>
    [t - 1, t, t + 1].flatMap((gap) =>
      [1, -1].map((sign) => ({
        label: `${mode}: group gap ${sign * gap} % → ${Math.max(gap - t, 0)}`,
        mode,
        signedGap: sign * gap,
        expectedValue: Math.max(gap - t, 0),
        expectedFavours: (gap > t ? (sign > 0 ? "men" : "women") : null) as Favours,
      })),
    ),
  );
  it.each(ROWS)("$label", ({ mode, signedGap, expectedValue, expectedFavours }) => {
    const [payWomen, payMen] = payForGap(signedGap);
    const scenario: Scenario =
      mode === "csp"
        ? { cells: payCells(payWomen, payMen) }
        : {
            cells: [{ women: 10, men: 10 }],
            otherGroups: [
              { category: "Coefficient 170", ageBand: "<30", women: 10, men: 10, avgPayWomen: payWomen, avgPayMen: payMen },
            ],
          };
    const { pay } = run(scenario);
    expect(pay.pertinenceThreshold).toBe(mode === "csp" ? PAY_PERTINENCE_THRESHOLD_CSP : PAY_PERTINENCE_THRESHOLD_OTHER);
    expect(pay.value).toBe(expectedValue);
    expect(pay.favours).toBe(expectedFavours);
    expect(pay.points).toBe(PAY_POINTS_TABLE[Math.ceil(expectedValue)]);
  });
});

describe("indicator 1: every band edge of the points table", () => {
  const edges: { r: number; points: number }[] = [{ r: 0, points: PAY_POINTS_TABLE[0] }];
  for (let k = 0; k < PAY_POINTS_TABLE.length - 1; k++) {
    if (k > 0) edges.push({ r: k, points: PAY_POINTS_TABLE[k] });
    edges.push({ r: k + 0.1, points: PAY_POINTS_TABLE[k + 1] });
  }
  edges.push({ r: 25, points: 0 }, { r: 60, points: 0 });
  const ROWS = edges.map((e) => ({ label: `r = ${e.r.toFixed(1)} → ${e.points} points`, ...e }));

  it.each(ROWS)("$label (table lookup)", ({ r, points }) => {
    expect(pointsFromTable(PAY_POINTS_TABLE, r)).toBe(points);
  });

  it.each(ROWS)("$label (full computation)", ({ r, points }) => {
    const [payWomen, payMen] = payForGap(r + PAY_PERTINENCE_THRESHOLD_CSP);
    const { pay } = run({ cells: payCells(payWomen, payMen) });
    expect(pay.value).toBe(r);
    expect(pay.points).toBe(points);
  });
});

describe("indicator 1: the simulator's floating-point rounding", () => {
  const ROWS = [
    { label: "CSP 1699 vs 2000: raw 10.05 lands on 10.0 → 27 points (exact rounding would give 25)", payWomen: 1699, payMen: 2000, value: 10, points: 27 },
    { label: "CSP 1799 vs 2000: raw 5.05 lands on 5.1 → 34 points", payWomen: 1799, payMen: 2000, value: 5.1, points: 34 },
    { label: "CSP 89 960 vs 100 000: raw 5.04 → 5.0 → 35 points", payWomen: 89_960, payMen: 100_000, value: 5, points: 35 },
    { label: "CSP 89 950 vs 100 000: raw 5.05 → 5.1 → 34 points", payWomen: 89_950, payMen: 100_000, value: 5.1, points: 34 },
  ];
  it.each(ROWS)("$label", ({ payWomen, payMen, value, points }) => {
    const { pay } = run({ cells: payCells(payWomen, payMen) });
    expect(pay.value).toBe(value);
    expect(pay.points).toBe(points);
    expect(pay.favours).toBe("men");
  });

  it("rounds once, on the absolute value, like Math.round(|x| × 10) / 10", () => {
    expect(roundResult(-5.04)).toBe(5);
    expect(roundResult(0.049)).toBe(0);
    expect(roundResult(2.25)).toBe(2.3);
    expect(roundResult(10.049999999999999)).toBe(10);
  });
});

// ---------------------------------------------------------------------------------------------
// Indicator "2 et 3" (50–250)
// ---------------------------------------------------------------------------------------------

describe("indicator 2 et 3: at least 5 women and 5 men", () => {
  const ROWS = [-1, 0, 1].flatMap((d) => [
    { label: `${RAISES_AND_PROMOTIONS_MIN_WOMEN + d} women, 50 men`, women: RAISES_AND_PROMOTIONS_MIN_WOMEN + d, men: 50 },
    { label: `50 women, ${RAISES_AND_PROMOTIONS_MIN_MEN + d} men`, women: 50, men: RAISES_AND_PROMOTIONS_MIN_MEN + d },
  ]);
  it.each(ROWS)("$label", ({ women, men }) => {
    const ok = women >= RAISES_AND_PROMOTIONS_MIN_WOMEN && men >= RAISES_AND_PROMOTIONS_MIN_MEN;
    const { raisesAndPromotions: rp } = run({
      cells: [{ women, men }],
      raisesAndPromotions: { happened: true, raisedWomen: 1, raisedMen: 1 },
    });
    expect(rp!.calculable).toBe(ok);
    expect(rp!.reason).toBe(ok ? null : "fewer-than-5-women-or-5-men");
  });
});

describe("indicator 2 et 3: points bands 2 / 5 / 10", () => {
  const edges = [2, 5, 10].flatMap((b) => [b, b + 0.1]);
  const ROWS_TABLE = [0, ...edges, 40].map((r) => ({
    label: `r = ${r.toFixed(1)} → ${RAISES_AND_PROMOTIONS_POINTS_TABLE[Math.ceil(r)] ?? 0} points`,
    r,
    points: RAISES_AND_PROMOTIONS_POINTS_TABLE[Math.ceil(r)] ?? 0,
  }));
  it.each(ROWS_TABLE)("$label (table lookup)", ({ r, points }) => {
    expect(pointsFromTable(RAISES_AND_PROMOTIONS_POINTS_TABLE, r)).toBe(points);
  });

  // 1000 women and 1000 men: the % gap is d / 10, the employee gap d (so the % score decides).
  const ROWS_PCT = edges.map((r) => ({ label: `gap ${r.toFixed(1)} points of %`, r, d: Math.round(r * 10) }));
  it.each(ROWS_PCT)("$label", ({ r, d }) => {
    const { raisesAndPromotions: rp } = run({
      cells: [{ women: 1000, men: 1000 }],
      raisesAndPromotions: { happened: true, raisedWomen: 100, raisedMen: 100 + d },
    });
    expect(rp!.value).toBe(r);
    expect(rp!.employeeGap).toBe(d);
    expect(rp!.pointsFromPct).toBe(RAISES_AND_PROMOTIONS_POINTS_TABLE[Math.ceil(r)]);
    expect(rp!.pointsBeforeCorrection).toBe(Math.max(rp!.pointsFromPct!, rp!.pointsFromEmployees!));
    expect(rp!.points).toBe(rp!.pointsFromPct);
  });

  // 20 women (none raised) and 200 men (b raised): employee gap b / 10.
  const ROWS_EMP = edges.map((r) => ({ label: `gap ${r.toFixed(1)} equivalent employees`, r, b: Math.round(r * 10) }));
  it.each(ROWS_EMP)("$label", ({ r, b }) => {
    const { raisesAndPromotions: rp } = run({
      cells: [{ women: 20, men: 200 }],
      raisesAndPromotions: { happened: true, raisedWomen: 0, raisedMen: b },
    });
    expect(rp!.employeeGap).toBe(r);
    expect(rp!.pointsFromEmployees).toBe(RAISES_AND_PROMOTIONS_POINTS_TABLE[Math.ceil(r)]);
  });
});

describe("indicator 2 et 3: the best of the two scores is kept", () => {
  const ROWS = [
    { label: "10 women / 135 men: 15.2 points of % (0) but 1.5 employees (35) → 35", women: 10, men: 135, a: 1, b: 34, value: 15.2, employeeGap: 1.5, pct: 0, emp: 35 },
    { label: "1000 / 1000: 2.1 points of % (25) but 21 employees (0) → 25", women: 1000, men: 1000, a: 100, b: 121, value: 2.1, employeeGap: 21, pct: 25, emp: 0 },
    { label: "50 / 50: 20 points of % (0) and 10 employees (15) → 15", women: 50, men: 50, a: 10, b: 20, value: 20, employeeGap: 10, pct: 0, emp: 15 },
    { label: "13 women 1 raised / 40 men 34 raised: employee gap 10.05 lands on 10.0 → 15 (exact rounding: 0)", women: 13, men: 40, a: 1, b: 34, value: 77.3, employeeGap: 10, pct: 0, emp: 15 },
  ];
  it.each(ROWS)("$label", ({ women, men, a, b, value, employeeGap, pct, emp }) => {
    const { raisesAndPromotions: rp } = run({
      cells: [{ women, men }],
      raisesAndPromotions: { happened: true, raisedWomen: a, raisedMen: b },
    });
    expect(rp!.value).toBe(value);
    expect(rp!.employeeGap).toBe(employeeGap);
    expect(rp!.pointsFromPct).toBe(pct);
    expect(rp!.pointsFromEmployees).toBe(emp);
    expect(rp!.pointsBeforeCorrection).toBe(Math.max(pct, emp));
    expect(rp!.favours).toBe("men");
  });

  it("has no 0.05 dead band: a tiny gap rounding to 0.0 still favours someone", () => {
    const { raisesAndPromotions: rp } = run({
      cells: [{ women: 1000, men: 999 }],
      raisesAndPromotions: { happened: true, raisedWomen: 500, raisedMen: 500 },
    });
    expect(rp!.value).toBe(0.1);
    expect(rp!.employeeGap).toBe(0.5);
    const { raisesAndPromotions: tiny } = run({
      cells: [{ women: 100_000, men: 99_999 }],
      raisesAndPromotions: { happened: true, raisedWomen: 50_000, raisedMen: 50_000 },
    });
    expect(tiny!.value).toBe(0);
    expect(tiny!.favours).toBe("men");
    expect(tiny!.points).toBe(RAISES_AND_PROMOTIONS_MAX_POINTS);
  });
});

// ---------------------------------------------------------------------------------------------
// Corrective rule
// ---------------------------------------------------------------------------------------------

describe("corrective rule, indicator 2 et 3", () => {
  const RAISES_WOMEN = { happened: true, raisedWomen: 40, raisedMen: 10 }; // 60 points of %, 30 employees → 0
  const RAISES_MEN = { happened: true, raisedWomen: 10, raisedMen: 40 };
  const RAISES_EQUAL = { happened: true, raisedWomen: 10, raisedMen: 10 };
  const ROWS = [
    { label: "pay favours men, raises favour women → maximum", cells: PAY_MEN, rp: RAISES_WOMEN, corrected: true, before: 0, points: 35 },
    { label: "pay favours women, raises favour men → maximum", cells: PAY_WOMEN, rp: RAISES_MEN, corrected: true, before: 0, points: 35 },
    { label: "pay and raises both favour men → no correction", cells: PAY_MEN, rp: RAISES_MEN, corrected: false, before: 0, points: 0 },
    { label: "pay and raises both favour women → no correction", cells: PAY_WOMEN, rp: RAISES_WOMEN, corrected: false, before: 0, points: 0 },
    { label: "indicator 1 at 40 (gap within threshold) → no correction", cells: PAY_WITHIN_THRESHOLD, rp: RAISES_WOMEN, corrected: false, before: 0, points: 0 },
    {
      label: "indicator 1 not calculable → no correction",
      cells: [
        { ageBand: "<30", women: 12, men: 0 },
        { ageBand: "30-39", women: 0, men: 50 },
      ] as CellSpec[],
      rp: { happened: true, raisedWomen: 12, raisedMen: 0 },
      corrected: false,
      before: 0,
      points: 0,
    },
    { label: "raises exactly equal, pay favours men → flag set, points already 35 (simulator quirk)", cells: PAY_MEN, rp: RAISES_EQUAL, corrected: true, before: 35, points: 35 },
  ];
  it.each(ROWS)("$label", ({ cells, rp, corrected, before, points }) => {
    const r = run({ cells, raisesAndPromotions: rp });
    expect(r.raisesAndPromotions!.correctionApplied).toBe(corrected);
    expect(r.raisesAndPromotions!.pointsBeforeCorrection).toBe(before);
    expect(r.raisesAndPromotions!.points).toBe(points);
  });
});

describe("corrective rule, indicators 2 and 3 (251+)", () => {
  const WOMEN: RatesSpec = { rates: { ouvriers: [30, 10] } }; // −20 points → 0
  const MEN: RatesSpec = { rates: { ouvriers: [10, 30] } };
  const EQUAL: RatesSpec = { rates: { ouvriers: [10, 10] } };
  const ROWS = (["raises", "promotions"] as const).flatMap((kind) => {
    const max = kind === "raises" ? RAISES_MAX_POINTS : PROMOTIONS_MAX_POINTS;
    return [
      { label: `${kind}: pay favours men, ${kind} favour women → ${max}`, kind, cells: PAY_MEN, spec: WOMEN, corrected: true, before: 0, points: max },
      { label: `${kind}: pay favours women, ${kind} favour men → ${max}`, kind, cells: PAY_WOMEN, spec: MEN, corrected: true, before: 0, points: max },
      { label: `${kind}: both favour men → no correction`, kind, cells: PAY_MEN, spec: MEN, corrected: false, before: 0, points: 0 },
      { label: `${kind}: indicator 1 at 40 → no correction`, kind, cells: PAY_WITHIN_THRESHOLD, spec: WOMEN, corrected: false, before: 0, points: 0 },
      { label: `${kind}: indicator 1 not calculable → no correction`, kind, cells: PAY_NOT_CALCULABLE, spec: WOMEN, corrected: false, before: 0, points: 0 },
      { label: `${kind}: equality, pay favours men → flag set, already at maximum`, kind, cells: PAY_MEN, spec: EQUAL, corrected: true, before: max, points: max },
    ];
  });
  it.each(ROWS)("$label", ({ kind, cells, spec, corrected, before, points }) => {
    const r = run({ sizeBand: "251+", cells, ...withRates(kind, spec) });
    const indicator = r[kind]!;
    expect(indicator.calculable).toBe(true);
    expect(indicator.correctionApplied).toBe(corrected);
    expect(indicator.pointsBeforeCorrection).toBe(before);
    expect(indicator.points).toBe(points);
  });
});

// ---------------------------------------------------------------------------------------------
// Indicators 2 and 3 (251+)
// ---------------------------------------------------------------------------------------------

describe("indicators 2 and 3: a CSP is valid with at least 10 women and 10 men", () => {
  const ROWS = [-1, 0, 1].flatMap((d) => [
    { label: `ouvriers ${RATE_GROUP_MIN_WOMEN + d} women, ${RATE_GROUP_MIN_MEN} men`, women: RATE_GROUP_MIN_WOMEN + d, men: RATE_GROUP_MIN_MEN },
    { label: `ouvriers ${RATE_GROUP_MIN_WOMEN} women, ${RATE_GROUP_MIN_MEN + d} men`, women: RATE_GROUP_MIN_WOMEN, men: RATE_GROUP_MIN_MEN + d },
  ]);
  it.each(ROWS)("$label", ({ women, men }) => {
    const valid = women >= RATE_GROUP_MIN_WOMEN && men >= RATE_GROUP_MIN_MEN;
    const r = run({ sizeBand: "251+", cells: [{ women, men }] });
    for (const indicator of [r.raises!, r.promotions!]) {
      expect(indicator.calculable).toBe(valid);
      expect(indicator.validHeadcount).toBe(valid ? women + men : 0);
      expect(indicator.reason).toBe(valid ? null : "valid-groups-below-40pct");
    }
    expect(r.raisesAndPromotions).toBeNull();
  });
});

describe("indicators 2 and 3: the 40 % rule on CSP headcounts", () => {
  const threshold = Math.round(VALID_HEADCOUNT_MIN_SHARE * 100);
  const ROWS = [threshold - 1, threshold, threshold + 1].map((share) => ({ label: `valid CSPs hold ${share} %`, share }));
  it.each(ROWS)("$label", ({ share }) => {
    const r = run({
      sizeBand: "251+",
      cells: [
        { csp: "ouvriers", women: 20, men: share - 20 },
        { csp: "employes", women: RATE_GROUP_MIN_WOMEN - 1, men: 100 - share - (RATE_GROUP_MIN_WOMEN - 1) },
      ],
    });
    expect(r.raises!.validHeadcount).toBe(share);
    expect(r.raises!.totalHeadcount).toBe(100);
    expect(r.raises!.calculable).toBe(share >= threshold);
    expect(r.promotions!.calculable).toBe(share >= threshold);
  });
});

describe("indicators 2 and 3: bands 2 / 5 / 10 and the simulator's rounding", () => {
  const ROWS = (["raises", "promotions"] as const).flatMap((kind) => {
    const table = kind === "raises" ? RAISES_POINTS_TABLE : PROMOTIONS_POINTS_TABLE;
    return [
      ...[0, 2, 2.1, 5, 5.1, 10, 10.1, 30].map((gap) => ({
        label: `${kind}: gap ${gap.toFixed(1)} → ${table[Math.ceil(gap)] ?? 0}`,
        kind,
        women: 20,
        men: 20 + gap,
        value: gap,
        points: table[Math.ceil(gap)] ?? 0,
      })),
      { label: `${kind}: 30 % vs 32.05 % → 2.0 (exact rounding: 2.1)`, kind, women: 30, men: 32.05, value: 2, points: table[2] },
      { label: `${kind}: 30 % vs 40.05 % → 10.0 (exact rounding: 10.1)`, kind, women: 30, men: 40.05, value: 10, points: table[10] },
      { label: `${kind}: 10 % vs 12.05 % → 2.1 (the double lands above)`, kind, women: 10, men: 12.05, value: 2.1, points: table[3] },
    ];
  });
  it.each(ROWS)("$label", ({ kind, women, men, value, points }) => {
    const r = run({ sizeBand: "251+", ...withRates(kind, { rates: { ouvriers: [women, men] } }) });
    expect(r[kind]!.value).toBe(value);
    expect(r[kind]!.pointsBeforeCorrection).toBe(points);
    expect(r[kind]!.favours).toBe(value === 0 ? null : "men");
  });

  it("weights each valid CSP by headcount, multiplying before dividing", () => {
    const r = run({
      sizeBand: "251+",
      cells: [
        { csp: "ouvriers", women: 30, men: 30 },
        { csp: "employes", women: 10, men: 30 },
        { csp: "ingenieurs_cadres", women: 2, men: 8 },
      ],
      raises: { rates: { ouvriers: [10, 16], employes: [10, 4], ingenieurs_cadres: [0, 100] } },
    });
    // (6 × 60) / 100 + (−6 × 40) / 100 = 1.2; ingénieurs et cadres (2 women) is not a valid CSP.
    expect(r.raises!.validHeadcount).toBe(100);
    expect(r.raises!.totalHeadcount).toBe(110);
    expect(r.raises!.signedGapRaw).toBeCloseTo(1.2, 12);
    expect(r.raises!.value).toBe(1.2);
  });
});

// ---------------------------------------------------------------------------------------------
// Reason ordering
// ---------------------------------------------------------------------------------------------

describe("reasons: the structural reason comes before « no raises »", () => {
  const ROWS = [
    { label: "2 et 3: 4 women and no raises → fewer than 5", sizeBand: "50-250" as const, women: 4, men: 50, key: "raisesAndPromotions" as const, reason: "fewer-than-5-women-or-5-men" },
    { label: "2 et 3: 5 women and no raises → no raises", sizeBand: "50-250" as const, women: 5, men: 50, key: "raisesAndPromotions" as const, reason: "no-raises" },
    { label: "2: CSP below 10 women and no raises → 40 %", sizeBand: "251+" as const, women: 9, men: 50, key: "raises" as const, reason: "valid-groups-below-40pct" },
    { label: "2: valid CSP and no raises → no raises", sizeBand: "251+" as const, women: 10, men: 50, key: "raises" as const, reason: "no-raises" },
    { label: "3: CSP below 10 women and no promotions → 40 %", sizeBand: "251+" as const, women: 9, men: 50, key: "promotions" as const, reason: "valid-groups-below-40pct" },
    { label: "3: valid CSP and no promotions → no promotions", sizeBand: "251+" as const, women: 10, men: 50, key: "promotions" as const, reason: "no-promotions" },
  ];
  it.each(ROWS)("$label", ({ sizeBand, women, men, key, reason }) => {
    const r = run({
      sizeBand,
      cells: [{ women, men }],
      raisesAndPromotions: { happened: false, raisedWomen: null, raisedMen: null },
      raises: { happened: false },
      promotions: { happened: false },
    });
    expect(r[key]!.calculable).toBe(false);
    expect(r[key]!.reason).toBe(reason);
    expect(r[key]!.points).toBeNull();
  });

  it("a missing 2 et 3 section counts as « no raises »", () => {
    expect(run({ raisesAndPromotions: null }).raisesAndPromotions!.reason).toBe("no-raises");
  });
});

// ---------------------------------------------------------------------------------------------
// Indicators 4 and 5
// ---------------------------------------------------------------------------------------------

describe("indicator 4: 15 points only at 100 %", () => {
  const ROWS = [
    { label: "100 of 100 → 15", maternity: { returned: 100, raisedOnReturn: 100 }, calculable: true, declared: 100, points: MATERNITY_MAX_POINTS, reason: null },
    { label: "99 of 100 → 0", maternity: { returned: 100, raisedOnReturn: 99 }, calculable: true, declared: 99, points: 0, reason: null },
    { label: "2 of 3 → 66 % → 0", maternity: { returned: 3, raisedOnReturn: 2 }, calculable: true, declared: 66, points: 0, reason: null },
    { label: "0 of 1 → 0", maternity: { returned: 1, raisedOnReturn: 0 }, calculable: true, declared: 0, points: 0, reason: null },
    { label: "returns but no raises during the leaves", maternity: { returned: 0, raisedOnReturn: 0 }, calculable: false, declared: null, points: null, reason: "no-raises-during-leave" },
    { label: "no returns", maternity: null, calculable: false, declared: null, points: null, reason: "no-returns" },
  ];
  it.each(ROWS)("$label", ({ maternity, calculable, declared, points, reason }) => {
    const { maternity: m } = run({ maternity });
    expect(m.calculable).toBe(calculable);
    expect(m.ratePctDeclared).toBe(declared);
    expect(m.points).toBe(points);
    expect(m.reason).toBe(reason);
  });
});

describe("indicator 5: under-represented sex among the 10 highest pays", () => {
  const ROWS = Array.from({ length: TOP_PAY_COUNT + 1 }, (_, women) => {
    const men = TOP_PAY_COUNT - women;
    const under = Math.min(women, men);
    return {
      label: `${women} women, ${men} men → ${TOP10_POINTS_TABLE[under]} points`,
      women,
      men,
      under,
      points: TOP10_POINTS_TABLE[under],
      favours: (women > men ? "women" : men > women ? "men" : null) as Favours,
    };
  });
  it.each(ROWS)("$label", ({ women, men, under, points, favours }) => {
    const { top10 } = run({ top10: { women, men } });
    expect(top10.calculable).toBe(true);
    expect(top10.underRepresentedCount).toBe(under);
    expect(top10.points).toBe(points);
    expect(top10.favours).toBe(favours);
  });

  it("a sum other than 10 (unvalidated input) drops the indicator, as the simulator does", () => {
    const r = run({ top10: { women: 4, men: 5 } });
    expect(r.top10.calculable).toBe(false);
    expect(r.top10.reason).toBe("top10-not-ten");
    expect(r.index.maxPoints).toBe(90);
  });
});

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

describe("index: calculable iff the calculable indicators are worth at least 75", () => {
  const ROWS = [
    { label: "50-250, all calculable → 100", s: {}, max: 100, calculable: true },
    { label: "50-250, maternity NC → 85", s: { maternity: null }, max: 85, calculable: true },
    { label: "50-250, indicator 1 NC → 60", s: { cells: PAY_NOT_CALCULABLE }, max: 60, calculable: false },
    { label: "50-250, 2 et 3 NC → 65", s: { raisesAndPromotions: { happened: false, raisedWomen: null, raisedMen: null } }, max: 65, calculable: false },
    { label: "50-250, indicator 1 and maternity NC → 45", s: { cells: PAY_NOT_CALCULABLE, maternity: null }, max: 45, calculable: false },
    { label: "251+, all calculable → 100", s: { sizeBand: "251+" as const }, max: 100, calculable: true },
    { label: "251+, promotions NC → 85", s: { sizeBand: "251+" as const, promotions: { happened: false } }, max: 85, calculable: true },
    { label: "251+, maternity NC → 85", s: { sizeBand: "251+" as const, maternity: null }, max: 85, calculable: true },
    { label: "251+, raises NC → 80", s: { sizeBand: "251+" as const, raises: { happened: false } }, max: 80, calculable: true },
    { label: "251+, raises and promotions NC → 65", s: { sizeBand: "251+" as const, raises: { happened: false }, promotions: { happened: false } }, max: 65, calculable: false },
    { label: "251+, indicator 1 NC → 60", s: { sizeBand: "251+" as const, cells: PAY_NOT_CALCULABLE }, max: 60, calculable: false },
    { label: "251+, raises and maternity NC → 65", s: { sizeBand: "251+" as const, raises: { happened: false }, maternity: null }, max: 65, calculable: false },
    { label: "251+, promotions and maternity NC → 70", s: { sizeBand: "251+" as const, promotions: { happened: false }, maternity: null }, max: 70, calculable: false },
  ];
  it.each(ROWS)("$label", ({ s, max, calculable }) => {
    const { index } = run(s as Scenario);
    expect(index.maxPoints).toBe(max);
    expect(index.calculable).toBe(calculable);
    expect(index.value).toBe(calculable ? Math.round((index.totalPoints * 100) / max) : null);
    expect(index.unrounded).toBe((index.totalPoints * 100) / max);
  });
});

describe("index: rounding of points × 100 / max", () => {
  const ROWS = [
    { label: "46 / 80 = 57.5 → 58 (simulator; the declaration path gives 57)", points: 46, max: 80, value: 58, calculable: true },
    { label: "58 / 80 = 72.5 → 73", points: 58, max: 80, value: 73, calculable: true },
    { label: "79 / 85 → 93", points: 79, max: 85, value: 93, calculable: true },
    { label: "100 / 100 → 100", points: 100, max: 100, value: 100, calculable: true },
    ...[-1, 0, 1].map((d) => ({
      label: `maximum ${INDEX_MIN_CALCULABLE_POINTS + d} points`,
      points: INDEX_MIN_CALCULABLE_POINTS + d,
      max: INDEX_MIN_CALCULABLE_POINTS + d,
      value: d >= 0 ? 100 : null,
      calculable: d >= 0,
    })),
    { label: "nothing calculable", points: 0, max: 0, value: null, calculable: false },
  ];
  it.each(ROWS)("$label", ({ points, max, value, calculable }) => {
    const r = indexFromPoints(points, max);
    expect(r.calculable).toBe(calculable);
    expect(r.value).toBe(value);
    expect(r.unrounded).toBe(max > 0 ? (points * 100) / max : null);
  });
});

describe("structures under 50: 50–250 rules, indicative", () => {
  it.each([
    { label: "declared 50-250 with belowFifty", sizeBand: "50-250" as const },
    { label: "declared 251+ with belowFifty: the 50-250 rules still apply", sizeBand: "251+" as const },
  ])("$label", ({ sizeBand }) => {
    const r = run({ sizeBand, raisesAndPromotions: { happened: true, raisedWomen: 10, raisedMen: 10 } }, true);
    expect(r.indicative).toBe(true);
    expect(r.sizeBand).toBe("50-250");
    expect(r.raises).toBeNull();
    expect(r.promotions).toBeNull();
    expect(r.raisesAndPromotions!.calculable).toBe(sizeBand === "50-250");
    expect(r.index.explanation).toContain("estimation indicative");
  });

  it("is not indicative without the option", () => {
    expect(run().indicative).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Obligations
// ---------------------------------------------------------------------------------------------

describe("obligations by index value", () => {
  const ROWS = [
    { value: INDEX_CORRECTIVE_THRESHOLD - 1, level: "corrective" },
    { value: INDEX_CORRECTIVE_THRESHOLD, level: "objectives" },
    { value: INDEX_CORRECTIVE_THRESHOLD + 1, level: "objectives" },
    { value: INDEX_OBJECTIVES_THRESHOLD - 1, level: "objectives" },
    { value: INDEX_OBJECTIVES_THRESHOLD, level: "none" },
    { value: INDEX_OBJECTIVES_THRESHOLD + 1, level: "none" },
    { value: 0, level: "corrective" },
    { value: 100, level: "none" },
  ].map((r) => ({ label: `index ${r.value} → ${r.level}`, ...r }));
  it.each(ROWS)("$label", ({ value, level }) => {
    const o = indexObligation(value, true);
    expect(o.level).toBe(level);
    expect(o.label.length).toBeGreaterThan(0);
    expect(o.text).toContain(`${value} sur 100`);
    if (level === "corrective") {
      expect(o.text).toContain("mesures de correction et de rattrapage");
      expect(o.text).toContain(`${CORRECTIVE_DEADLINE_YEARS} ans`);
      expect(o.text).toContain("publier");
    }
    if (level === "objectives") expect(o.text).toContain("objectifs de progression");
  });

  it.each([
    { label: "under 50 employees → not applicable", value: 60, is50Plus: false },
    { label: "index not calculable → not applicable", value: null, is50Plus: true },
  ])("$label", ({ value, is50Plus }) => {
    expect(indexObligation(value, is50Plus).level).toBe("not-applicable");
  });
});

// ---------------------------------------------------------------------------------------------
// French typography of every explanation produced above
// ---------------------------------------------------------------------------------------------

describe("explanations", () => {
  it("are French sentences with no-break spaces and decimal commas", () => {
    const texts = ALL_RESULTS.flatMap((r) =>
      [r.pay, r.raisesAndPromotions, r.raises, r.promotions, r.maternity, r.top10, r.index]
        .filter((x) => x !== null)
        .map((x) => x.explanation),
    );
    const obligations = [0, 74, 75, 84, 85, null].flatMap((v) => {
      const o = indexObligation(v, true);
      return [o.label, o.text];
    });
    expect(texts.length).toBeGreaterThan(300);
    for (const text of [...texts, ...obligations, indexObligation(50, false).text]) {
      expect(text).not.toMatch(/[ \u202f][:;!?%€]/u);
      expect(text).not.toMatch(/\S[:;!?%€]/u);
      expect(text).not.toMatch(/\d\.\d/u);
    }
  });

  it("say why an indicator is not calculable", () => {
    const r = run({ cells: [{ women: 80, men: 0 }], top10: { women: 10, men: 0 } });
    expect(r.pay.explanation).toContain("au moins 3 femmes et 3 hommes");
    expect(r.raisesAndPromotions!.explanation).toBe(
      "Il faut au moins 5 femmes et 5 hommes dans l'effectif (ici 80 femmes et 0 homme)\u00a0: l'indicateur ne peut pas être calculé.",
    );
  });

  it("use a decimal comma", () => {
    const [payWomen, payMen] = payForGap(10.5 + PAY_PERTINENCE_THRESHOLD_CSP);
    expect(run({ cells: payCells(payWomen, payMen) }).pay.explanation).toContain("10,5\u00a0% en faveur des hommes");
  });
});
