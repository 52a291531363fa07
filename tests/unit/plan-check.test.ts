import { describe, expect, it } from "vitest";
import {
  ACCORD_MAX_YEARS,
  ANNUAL_NEGOTIATION_YEARS,
  FOUR_DOMAINS_HEADCOUNT,
  MANDATORY_PLAN_HEADCOUNT,
  MIN_DOMAINS_FROM_300,
  MIN_DOMAINS_UNDER_300,
  PLAN_ACTION_MAX_YEARS,
  PLAN_ISSUE_CODES,
  PLAN_MESSAGES,
  PlanActionSchema,
  PlanSchema,
  activeActions,
  addDays,
  checkPlan,
  coveredDomains,
  isPlanMandatory,
  latestPeriodEnd,
  lastDayOfTerm,
  maxYearsFor,
  minDomainsFor,
  type Plan,
  type PlanAction,
  type PlanIssue,
  type PlanKind,
} from "../../diagnostics/plan/index.ts";
import { DOMAIN_IDS, HEADCOUNT_BANDS, type DomainId, type HeadcountBand, type Profile } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";
const START = "2026-01-01";
const END = "2026-12-31";

function profile(headcountBand: HeadcountBand = "moins_50"): Profile {
  return {
    structureType: "ACI",
    headcountBand,
    permanentWomen: 3,
    permanentMen: 3,
    parcoursWomen: 10,
    parcoursMen: 10,
    hasCse: false,
    hasDelegueSyndical: false,
    existingAgreement: "aucun",
  };
}

function action(domain: DomainId, overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    id: `${domain}-1`,
    domain,
    title: `Action ${domain}`,
    objective: "Atteindre 40 % de femmes parmi les candidatures.",
    indicator: { label: "part de femmes parmi les candidatures", unit: "%", baseline: 10, target: 40 },
    deadline: "2026-06-30",
    owner: "Direction",
    costEuros: 500,
    costDays: null,
    barriers: [],
    supportOrganizationId: null,
    status: "prevue",
    followUpNote: "",
    measuredValue: null,
    ...overrides,
  };
}

/** The first `n` domains, rémunération effective always included. */
function domains(n: number): DomainId[] {
  const order: DomainId[] = ["remuneration", ...DOMAIN_IDS.filter((d) => d !== "remuneration")];
  return order.slice(0, n);
}

function plan(actions: PlanAction[], overrides: Partial<Plan> = {}): Plan {
  return { kind: "plan_action", periodStart: START, periodEnd: END, actions, ...overrides };
}

function validPlan(n = 3, overrides: Partial<Plan> = {}): Plan {
  return plan(domains(n).map((d) => action(d)), overrides);
}

function codes(issues: readonly PlanIssue[]): string[] {
  return issues.map((i) => i.code);
}

describe("constants", () => {
  it("pins the legal values", () => {
    expect(MIN_DOMAINS_UNDER_300).toBe(3);
    expect(MIN_DOMAINS_FROM_300).toBe(4);
    expect(FOUR_DOMAINS_HEADCOUNT).toBe(300);
    expect(MANDATORY_PLAN_HEADCOUNT).toBe(50);
    expect(PLAN_ACTION_MAX_YEARS).toBe(1);
    expect(ACCORD_MAX_YEARS).toBe(4);
    expect(ANNUAL_NEGOTIATION_YEARS).toBe(1);
  });

  it.each([
    { band: "moins_50", min: 3, mandatory: false },
    { band: "50_250", min: 3, mandatory: true },
    { band: "251_299", min: 3, mandatory: true },
    { band: "300_plus", min: 4, mandatory: true },
  ] as const)("$band: $min domains, mandatory $mandatory", ({ band, min, mandatory }) => {
    expect(minDomainsFor(band)).toBe(min);
    expect(isPlanMandatory(band)).toBe(mandatory);
  });

  it.each([
    { kind: "plan_action", years: 1 },
    { kind: "accord", years: 4 },
  ] as const)("$kind lasts $years year(s) at most", ({ kind, years }) => {
    expect(maxYearsFor(kind)).toBe(years);
  });
});

describe("a complete plan", () => {
  it.each(HEADCOUNT_BANDS.map((band) => ({ band })))("has no issue ($band, 4 domains)", ({ band }) => {
    expect(checkPlan(validPlan(4), profile(band))).toEqual({ errors: [], warnings: [] });
  });

  it("parses with the schema", () => {
    expect(PlanSchema.safeParse(validPlan(4)).success).toBe(true);
  });
});

describe("number of domains (R2242-2)", () => {
  const rows = HEADCOUNT_BANDS.flatMap((band) => {
    const min = minDomainsFor(band);
    return [min - 1, min, min + 1].map((n) => ({ band, n, error: n < min }));
  });
  const fixed = [2, 3, 4].flatMap((n) =>
    HEADCOUNT_BANDS.map((band) => ({ band, n, error: n < (band === "300_plus" ? MIN_DOMAINS_FROM_300 : MIN_DOMAINS_UNDER_300) })),
  );

  it.each([...rows, ...fixed])("$n domains, $band → error: $error", ({ band, n, error }) => {
    const result = checkPlan(validPlan(n), profile(band));
    expect(codes(result.errors).includes("domains_too_few")).toBe(error);
  });

  it("words the rule for each size", () => {
    const under = checkPlan(validPlan(2), profile("50_250")).errors.find((e) => e.code === "domains_too_few");
    expect(under?.message).toBe(
      `Le plan couvre 2${NBSP}domaines${NBSP}; il en faut au moins 3 pour une structure de moins de 300 salariés (Code du travail, art. R2242-2). Ajoutez une action dans un autre domaine.`,
    );
    expect(under?.field).toBe("actions");
    const over = checkPlan(validPlan(3), profile("300_plus")).errors.find((e) => e.code === "domains_too_few");
    expect(over?.message).toContain("au moins 4 pour une structure de 300 salariés ou plus");
  });

  it("counts a domain once, whatever its number of actions", () => {
    const p = plan([action("remuneration"), action("remuneration", { id: "r2" }), action("embauche")]);
    expect(coveredDomains(p)).toEqual(["remuneration", "embauche"]);
    expect(codes(checkPlan(p, profile()).errors)).toContain("domains_too_few");
  });

  it("does not count abandoned actions", () => {
    const p = plan([
      action("remuneration"),
      action("embauche"),
      action("formation", { status: "abandonnee", followUpNote: "Pas de budget cette année." }),
    ]);
    expect(activeActions(p)).toHaveLength(2);
    const result = checkPlan(p, profile());
    expect(codes(result.errors)).toEqual(["domains_too_few"]);
    expect(result.errors[0].message).toContain("Les actions abandonnées ne comptent pas.");
  });

  it.each(["prevue", "en_cours", "realisee"] as const)("counts a « %s » action", (status) => {
    const p = plan([action("remuneration"), action("embauche"), action("formation", { status, measuredValue: 20 })]);
    expect(codes(checkPlan(p, profile()).errors)).not.toContain("domains_too_few");
  });
});

describe("rémunération effective", () => {
  it.each(HEADCOUNT_BANDS.map((band) => ({ band, severity: band === "moins_50" ? "warning" : "error" })))(
    "missing, $band → $severity",
    ({ band, severity }) => {
      const p = plan(["embauche", "formation", "promotion", "articulation"].map((d) => action(d as DomainId)));
      const result = checkPlan(p, profile(band));
      expect(codes(result.errors).includes("remuneration_missing")).toBe(severity === "error");
      expect(codes(result.warnings).includes("remuneration_missing")).toBe(severity === "warning");
    },
  );

  it("is missing when its only action is abandoned", () => {
    const p = plan([
      action("remuneration", { status: "abandonnee", followUpNote: "Reportée." }),
      action("embauche"),
      action("formation"),
      action("promotion"),
    ]);
    expect(codes(checkPlan(p, profile("50_250")).errors)).toEqual(["remuneration_missing"]);
  });

  it("cites the rule and the threshold", () => {
    const p = plan(["embauche", "formation", "promotion"].map((d) => action(d as DomainId)));
    const error = checkPlan(p, profile("50_250")).errors[0];
    expect(error.message).toBe(
      `Le domaine «${NBSP}Rémunération effective${NBSP}» est obligatoire dans tout accord ou plan d'action à partir de 50 salariés (Code du travail, art. R2242-2). Ajoutez au moins une action sur les salaires.`,
    );
  });
});

describe("period", () => {
  const periodRows: { label: string; kind: PlanKind; start: string; end: string; error: boolean }[] = [
    { label: "plan, 365 days (2027)", kind: "plan_action", start: "2027-01-01", end: "2027-12-31", error: false },
    { label: "plan, 366 days (2027 + 1 day)", kind: "plan_action", start: "2027-01-01", end: "2028-01-01", error: true },
    { label: "plan, 366 days in a leap year (2028)", kind: "plan_action", start: "2028-01-01", end: "2028-12-31", error: false },
    { label: "plan, 367 days (2028 + 1 day)", kind: "plan_action", start: "2028-01-01", end: "2029-01-01", error: true },
    { label: "plan, from 29 February", kind: "plan_action", start: "2028-02-29", end: "2029-02-28", error: false },
    { label: "plan, from 29 February + 1 day", kind: "plan_action", start: "2028-02-29", end: "2029-03-01", error: true },
    { label: "plan, across 29 February", kind: "plan_action", start: "2027-03-01", end: "2028-02-29", error: false },
    { label: "plan, one day", kind: "plan_action", start: "2026-05-01", end: "2026-05-01", error: false },
    { label: "accord, 4 years", kind: "accord", start: "2026-01-01", end: "2029-12-31", error: false },
    { label: "accord, 4 years + 1 day", kind: "accord", start: "2026-01-01", end: "2030-01-01", error: true },
    { label: "accord, 4 years from 29 February", kind: "accord", start: "2028-02-29", end: "2032-02-28", error: false },
    { label: "accord, 4 years from 29 February + 1 day", kind: "accord", start: "2028-02-29", end: "2032-02-29", error: true },
    { label: "accord, 1 year", kind: "accord", start: "2026-01-01", end: "2026-12-31", error: false },
  ];

  it.each(periodRows)("$label → error: $error", ({ kind, start, end, error }) => {
    const p = plan(domains(3).map((d) => action(d, { deadline: start })), { kind, periodStart: start, periodEnd: end });
    const result = checkPlan(p, profile());
    expect(codes(result.errors).includes("period_too_long")).toBe(error);
    expect(codes(result.errors).filter((c) => c !== "period_too_long")).toEqual([]);
  });

  it.each(
    (["plan_action", "accord"] as const).flatMap((kind) => {
      const latest = lastDayOfTerm(START, maxYearsFor(kind));
      return [-1, 0, 1].map((shift) => ({ kind, end: addDays(latest, shift), error: shift > 0 }));
    }),
  )("$kind ending $end → error: $error", ({ kind, end, error }) => {
    expect(latestPeriodEnd(kind, START)).toBe(lastDayOfTerm(START, maxYearsFor(kind)));
    const result = checkPlan(validPlan(3, { kind, periodEnd: end }), profile());
    expect(codes(result.errors).includes("period_too_long")).toBe(error);
  });

  it("says how to fix a period too long", () => {
    const error = checkPlan(validPlan(3, { periodEnd: "2027-01-01" }), profile()).errors[0];
    expect(error).toMatchObject({ code: "period_too_long", field: "periodEnd" });
    expect(error.message).toBe(
      `Un plan d'action dure un an au plus (Code du travail, art. L2242-3). Avec un début le 1er${NBSP}janvier 2026, la période doit se terminer au plus tard le 31${NBSP}décembre 2026, et non le 1er${NBSP}janvier 2027.`,
    );
  });

  it("refuses an end before the start", () => {
    const result = checkPlan(validPlan(3, { periodStart: "2026-06-01", periodEnd: "2026-05-31" }), profile());
    expect(codes(result.errors)).toEqual(["period_order"]);
  });

  it.each([
    { end: lastDayOfTerm(START, ANNUAL_NEGOTIATION_YEARS), warning: false },
    { end: addDays(lastDayOfTerm(START, ANNUAL_NEGOTIATION_YEARS), 1), warning: true },
    { end: lastDayOfTerm(START, ACCORD_MAX_YEARS), warning: true },
  ])("accord ending $end → accord de méthode warning: $warning", ({ end, warning }) => {
    const result = checkPlan(validPlan(3, { kind: "accord", periodEnd: end }), profile());
    expect(codes(result.warnings).includes("accord_without_method_agreement")).toBe(warning);
  });
});

describe("deadlines", () => {
  it.each([
    { label: "start − 1 day", deadline: addDays(START, -1), error: true },
    { label: "start", deadline: START, error: false },
    { label: "middle", deadline: "2026-07-14", error: false },
    { label: "end", deadline: END, error: false },
    { label: "end + 1 day", deadline: addDays(END, 1), error: true },
  ])("deadline at $label → error: $error", ({ deadline, error }) => {
    const p = plan([action("remuneration", { deadline }), action("embauche"), action("formation")]);
    const result = checkPlan(p, profile());
    expect(codes(result.errors).includes("deadline_outside_period")).toBe(error);
    if (error) {
      expect(result.errors[0]).toMatchObject({ actionId: "remuneration-1", field: "deadline" });
      expect(result.errors[0].message).toContain(`«${NBSP}Action remuneration${NBSP}»`);
      expect(result.errors[0].message).toContain(`du 1er${NBSP}janvier 2026 au 31${NBSP}décembre 2026`);
    }
  });

  it("requires a deadline", () => {
    const p = plan([action("remuneration", { deadline: null }), action("embauche"), action("formation")]);
    const error = checkPlan(p, profile()).errors[0];
    expect(error).toMatchObject({ code: "deadline_missing", actionId: "remuneration-1", field: "deadline" });
    expect(error.message).toBe(
      `L'action «${NBSP}Action remuneration${NBSP}» n'a pas d'échéance. Choisissez une date du 1er${NBSP}janvier 2026 au 31${NBSP}décembre 2026.`,
    );
  });
});

describe("each action", () => {
  type Row = { label: string; change: Partial<PlanAction>; code: string; field: string };
  const rows: Row[] = [
    { label: "empty objective", change: { objective: "  " }, code: "objective_missing", field: "objective" },
    {
      label: "no indicator",
      change: { indicator: { label: "", unit: "%", baseline: 1, target: 2 } },
      code: "indicator_missing",
      field: "indicator.label",
    },
    {
      label: "no unit",
      change: { indicator: { label: "part de femmes", unit: "", baseline: 1, target: 2 } },
      code: "indicator_unit_missing",
      field: "indicator.unit",
    },
    {
      label: "no baseline",
      change: { indicator: { label: "part de femmes", unit: "%", baseline: null, target: 2 } },
      code: "baseline_missing",
      field: "indicator.baseline",
    },
    {
      label: "no target",
      change: { indicator: { label: "part de femmes", unit: "%", baseline: 1, target: null } },
      code: "target_missing",
      field: "indicator.target",
    },
    { label: "no owner", change: { owner: "" }, code: "owner_missing", field: "owner" },
    { label: "no cost", change: { costEuros: null, costDays: null }, code: "cost_missing", field: "costEuros" },
  ];

  it.each(rows)("$label → $code", ({ change, code, field }) => {
    const p = plan([action("remuneration", { title: "Analyser les salaires", ...change }), action("embauche"), action("formation")]);
    const result = checkPlan(p, profile());
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code, field, actionId: "remuneration-1" });
    expect(result.errors[0].message).toMatch(new RegExp(`^L'action «${NBSP}Analyser les salaires${NBSP}» `));
  });

  it.each([
    { label: "euros only", costEuros: 1200, costDays: null, kind: "plan_action" as const, issue: null },
    { label: "days only", costEuros: null, costDays: 3, kind: "plan_action" as const, issue: null },
    { label: "zero euros", costEuros: 0, costDays: null, kind: "plan_action" as const, issue: null },
    { label: "none, plan d'action", costEuros: null, costDays: null, kind: "plan_action" as const, issue: "error" },
    { label: "none, accord", costEuros: null, costDays: null, kind: "accord" as const, issue: "warning" },
  ])("cost: $label → $issue", ({ costEuros, costDays, kind, issue }) => {
    const p = plan([action("remuneration", { costEuros, costDays }), action("embauche"), action("formation")], { kind });
    const result = checkPlan(p, profile());
    expect(codes(result.errors).includes("cost_missing")).toBe(issue === "error");
    expect(codes(result.warnings).includes("cost_missing")).toBe(issue === "warning");
  });

  it("warns when the target equals the baseline", () => {
    const p = plan([
      action("remuneration", { indicator: { label: "écart", unit: "%", baseline: 5, target: 5 } }),
      action("embauche"),
      action("formation"),
    ]);
    expect(codes(checkPlan(p, profile()).warnings)).toEqual(["target_equals_baseline"]);
  });

  it("accepts zero as a baseline or a target", () => {
    const p = plan([
      action("remuneration", { indicator: { label: "écart", unit: "%", baseline: 8, target: 0 } }),
      action("embauche", { indicator: { label: "femmes", unit: "personnes", baseline: 0, target: 3 } }),
      action("formation"),
    ]);
    expect(checkPlan(p, profile())).toEqual({ errors: [], warnings: [] });
  });

  it("does not check the content of abandoned actions, but asks why", () => {
    const abandoned = action("articulation", { status: "abandonnee", objective: "", owner: "", deadline: null, costEuros: null });
    const result = checkPlan(plan([...validPlan(3).actions, abandoned]), profile());
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual(["abandoned_without_note"]);
  });

  it("asks for the measured value of a completed action", () => {
    const p = plan([action("remuneration", { status: "realisee" }), action("embauche"), action("formation")]);
    expect(codes(checkPlan(p, profile()).warnings)).toEqual(["measured_value_missing"]);
  });

  it("warns about an unknown support organisation and accepts a known one", () => {
    const p = plan([action("remuneration", { supportOrganizationId: "nope" }), action("embauche", { supportOrganizationId: "corif" }), action("formation")]);
    const result = checkPlan(p, profile());
    expect(result.warnings).toEqual([expect.objectContaining({ code: "support_unknown", actionId: "remuneration-1" })]);
  });

  it("refuses two actions with the same id", () => {
    const p = plan([action("remuneration"), action("embauche", { id: "remuneration-1" }), action("formation")]);
    expect(codes(checkPlan(p, profile()).errors)).toEqual(["duplicate_action_id"]);
  });

  it("names an untitled action", () => {
    const p = plan([action("remuneration", { title: " ", owner: "" }), action("embauche"), action("formation")]);
    expect(checkPlan(p, profile()).errors[0].message).toContain(`«${NBSP}sans titre${NBSP}»`);
  });
});

describe("messages", () => {
  it("use known codes and French typography", () => {
    const broken = plan(
      [
        action("remuneration", {
          objective: "",
          owner: "",
          deadline: null,
          costEuros: null,
          indicator: { label: "", unit: "", baseline: null, target: null },
        }),
        action("embauche", { status: "abandonnee" }),
        action("formation", { status: "realisee", supportOrganizationId: "x", indicator: { label: "a", unit: "%", baseline: 1, target: 1 } }),
      ],
      { periodEnd: "2028-01-01", kind: "plan_action" },
    );
    const { errors, warnings } = checkPlan(broken, profile("300_plus"));
    expect(errors.length + warnings.length).toBeGreaterThan(8);
    for (const issue of [...errors, ...warnings]) {
      expect(PLAN_ISSUE_CODES).toContain(issue.code);
      expect(issue.message, issue.message).not.toMatch(/ [?:;!%»]/);
      expect(issue.message, issue.message).not.toMatch(/«[^\u00a0]/);
      expect(issue.message, issue.message).not.toMatch(/ {2}/);
    }
  });
});

describe("schemas", () => {
  it.each([
    { label: "a non-existing date", change: { deadline: "2027-02-29" }, message: PLAN_MESSAGES.date },
    { label: "a date in French order", change: { deadline: "31/12/2026" }, message: PLAN_MESSAGES.date },
    { label: "an unknown domain", change: { domain: "salaires" }, message: PLAN_MESSAGES.domain },
    { label: "an empty title", change: { title: "  " }, message: PLAN_MESSAGES.title },
    { label: "a negative cost", change: { costEuros: -5 }, message: PLAN_MESSAGES.nonNegative },
    { label: "a cost as text", change: { costDays: "3" }, message: PLAN_MESSAGES.number },
    { label: "an unknown status", change: { status: "finie" }, message: PLAN_MESSAGES.status },
    { label: "an unknown barrier", change: { barriers: ["fatigue"] }, message: PLAN_MESSAGES.barrier },
    { label: "a barrier twice", change: { barriers: ["mobilite", "mobilite"] }, message: PLAN_MESSAGES.barrierDuplicate },
  ])("refuses $label with a French message", ({ change, message }) => {
    const result = PlanActionSchema.safeParse({ ...action("embauche"), ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });

  it("accepts 29 February of a leap year and an incomplete draft", () => {
    const draft = action("embauche", {
      deadline: "2028-02-29",
      objective: "",
      owner: "",
      indicator: { label: "", unit: "", baseline: null, target: null },
      costEuros: null,
    });
    expect(PlanActionSchema.safeParse(draft).success).toBe(true);
  });

  it("trims texts", () => {
    const parsed = PlanActionSchema.parse({ ...action("embauche"), title: "  Offres mixtes  ", owner: " CIP " });
    expect(parsed.title).toBe("Offres mixtes");
    expect(parsed.owner).toBe("CIP");
  });

  it.each([
    { change: { kind: "charte" }, message: PLAN_MESSAGES.kind },
    { change: { periodStart: "2026-13-01" }, message: PLAN_MESSAGES.date },
  ])("refuses a plan with $change", ({ change, message }) => {
    const result = PlanSchema.safeParse({ ...validPlan(3), ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });

  it("has French messages with French typography", () => {
    for (const message of Object.values(PLAN_MESSAGES)) {
      expect(message).not.toMatch(/ [?:;!%»]/);
      expect(message).not.toMatch(/«[^\u00a0]/);
    }
  });
});
