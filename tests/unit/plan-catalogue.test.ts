import { describe, expect, it } from "vitest";
import {
  ACTION_CATALOGUE,
  APPLICATIONS_WOMEN_SHARE_TARGET_PCT,
  COST_LEVELS,
  COST_LEVEL_LABELS,
  INDEX_CORRECTIVE_MEASURES_BELOW,
  INDEX_INDICATOR_IDS,
  INDEX_INDICATOR_MAX_POINTS,
  INDEX_PROGRESS_OBJECTIVES_BELOW,
  INVOLUNTARY_PART_TIME_ALERT_PCT,
  MAX_JOB_EXAMPLES,
  MAX_SUGGESTED_DEADLINE_MONTHS,
  MIN_ACTIONS_PER_DOMAIN,
  MIXITY_LOWER_PCT,
  MIXITY_UPPER_PCT,
  PAID_SICK_CHILD_DAYS_TARGET,
  PlanActionSchema,
  SCHEDULE_NOTICE_TARGET_DAYS,
  SUPERVISORS_WOMEN_SHARE_TARGET_PCT,
  TOP10_BALANCED_MAX_WOMEN,
  TOP10_BALANCED_MIN_WOMEN,
  actionCountsByDomain,
  actionsForAnswer,
  actionsForDomain,
  actionsForQuestion,
  addMonths,
  addYears,
  answerTriggersOf,
  draftPlanAction,
  formatFrenchDate,
  getAction,
  inclusiveDays,
  isActionId,
  lastDayOfTerm,
  matchesAnswerTrigger,
  suggestedDeadline,
  type AnswerTrigger,
  type CatalogueAction,
} from "../../diagnostics/plan/index.ts";
import { DONT_KNOW, QUESTIONS, type AnswerValue, type Question, type QuestionId } from "../../diagnostics/questionnaire.ts";
import { getSupportOrganization } from "../../diagnostics/support/directory.ts";
import { BARRIERS, DOMAIN_IDS } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";

/** Breaches of French typography: ordinary space before « ? : ; ! % € » », after « «, doubled spaces. */
function typographyErrors(text: string): string[] {
  const errors: string[] = [];
  if (/ [?:;!%€»]/.test(text)) errors.push("ordinary space before ? : ; ! % € »");
  if (/[^\s\u00a0][?:;!»€]/.test(text.replace(/https?:\S+/g, ""))) errors.push("no space before ? : ; ! » €");
  if (/\d%/.test(text)) errors.push("no space before %");
  if (/«[^\u00a0]/.test(text)) errors.push("missing no-break space after «");
  if (/ {2}/.test(text)) errors.push("double space");
  if (/^\s|\s$/.test(text)) errors.push("leading or trailing space");
  return errors;
}

function userStrings(a: CatalogueAction): { where: string; text: string }[] {
  const out = [
    { where: `${a.id} title`, text: a.title },
    { where: `${a.id} description`, text: a.description },
    { where: `${a.id} objective`, text: a.objective },
    { where: `${a.id} indicator`, text: a.indicator.label },
    { where: `${a.id} unit`, text: a.indicator.unit },
  ];
  if (a.baseline.kind === "to_measure") out.push({ where: `${a.id} baseline`, text: a.baseline.how });
  if (a.legalReference) out.push({ where: `${a.id} legalReference`, text: a.legalReference });
  return out;
}

/** The worst answer of a question: « Non », the option scoring lowest, or the numeric point scoring lowest. */
function worstAnswer(q: Question): AnswerValue {
  switch (q.kind) {
    case "ynp":
      return "non";
    case "single": {
      const scored = q.options.filter((o) => o.score !== null);
      return scored.reduce((a, b) => ((b.score ?? 1) < (a.score ?? 1) ? b : a)).value;
    }
    case "multiple": {
      const zero = q.options.find((o) => o.score === 0);
      return [zero ? zero.value : q.options[0].value];
    }
    case "number":
    case "percentage": {
      const points = q.scoring.points;
      return points.reduce((a, b) => (b[1] < a[1] ? b : a))[0];
    }
  }
}

/**
 * Questions whose « Non » calls for no action. Empty: every ynp question of the bank calls for at
 * least one action. A question added later without an action must be listed here with its reason.
 */
const YNP_EXCEPTIONS: readonly { id: string; why: string }[] = [];

describe("constants", () => {
  it("pins the thresholds and limits", () => {
    expect(MIN_ACTIONS_PER_DOMAIN).toBe(5);
    expect(MAX_SUGGESTED_DEADLINE_MONTHS).toBe(12);
    expect(APPLICATIONS_WOMEN_SHARE_TARGET_PCT).toBe(40);
    expect(SUPERVISORS_WOMEN_SHARE_TARGET_PCT).toBe(40);
    expect(INVOLUNTARY_PART_TIME_ALERT_PCT).toBe(20);
    expect(SCHEDULE_NOTICE_TARGET_DAYS).toBe(14);
    expect(PAID_SICK_CHILD_DAYS_TARGET).toBe(2);
    expect(TOP10_BALANCED_MIN_WOMEN).toBe(4);
    expect(TOP10_BALANCED_MAX_WOMEN).toBe(6);
    expect(MIXITY_LOWER_PCT).toBe(40);
    expect(MIXITY_UPPER_PCT).toBe(60);
    expect(INDEX_PROGRESS_OBJECTIVES_BELOW).toBe(85);
    expect(INDEX_CORRECTIVE_MEASURES_BELOW).toBe(75);
    expect(MAX_JOB_EXAMPLES).toBe(2);
    expect(INDEX_INDICATOR_MAX_POINTS).toEqual({
      pay: 40,
      raisesAndPromotions: 35,
      raises: 20,
      promotions: 15,
      maternity: 15,
      top10: 10,
    });
  });

  it("keeps both Index size bands at 100 points", () => {
    const m = INDEX_INDICATOR_MAX_POINTS;
    expect(m.pay + m.raisesAndPromotions + m.maternity + m.top10).toBe(100);
    expect(m.pay + m.raises + m.promotions + m.maternity + m.top10).toBe(100);
  });
});

describe("catalogue shape", () => {
  it("has at least 45 actions with unique ids", () => {
    expect(ACTION_CATALOGUE.length).toBeGreaterThanOrEqual(DOMAIN_IDS.length * MIN_ACTIONS_PER_DOMAIN);
    expect(new Set(ACTION_CATALOGUE.map((a) => a.id)).size).toBe(ACTION_CATALOGUE.length);
  });

  it.each(DOMAIN_IDS.map((domain) => ({ domain })))("$domain has at least MIN_ACTIONS_PER_DOMAIN actions", ({ domain }) => {
    expect(actionsForDomain(domain).length).toBeGreaterThanOrEqual(MIN_ACTIONS_PER_DOMAIN);
    expect(actionCountsByDomain()[domain]).toBe(actionsForDomain(domain).length);
  });

  it("is in legal domain order", () => {
    const order = ACTION_CATALOGUE.map((a) => DOMAIN_IDS.indexOf(a.domain));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("looks actions up by id", () => {
    expect(getAction("embauche.offres_mixtes")?.domain).toBe("embauche");
    expect(getAction("nope")).toBeUndefined();
    expect(isActionId("remuneration.retour_maternite")).toBe(true);
    expect(isActionId("remuneration.nope")).toBe(false);
  });

  describe.each(ACTION_CATALOGUE.map((action) => ({ id: action.id, action })))("$id", ({ action }) => {
    it("has an id « <domain>.<snake_case> »", () => {
      expect(action.id).toMatch(new RegExp(`^${action.domain}\\.[a-z0-9_]+$`));
    });

    it("has a title, a description, an objective and a numeric indicator with unit", () => {
      expect(action.title.length).toBeGreaterThan(10);
      expect(action.description.length).toBeGreaterThan(60);
      expect(action.objective.length).toBeGreaterThan(10);
      expect(action.indicator.label.length).toBeGreaterThan(5);
      expect(action.indicator.unit.length).toBeGreaterThan(0);
    });

    it("suggests a deadline that fits an annual plan d'action", () => {
      expect(Number.isInteger(action.deadlineMonths)).toBe(true);
      expect(action.deadlineMonths).toBeGreaterThanOrEqual(1);
      expect(action.deadlineMonths).toBeLessThanOrEqual(MAX_SUGGESTED_DEADLINE_MONTHS);
    });

    it("has a known cost level, barriers and support organisations", () => {
      expect(COST_LEVELS).toContain(action.cost);
      for (const b of action.barriers) expect(BARRIERS).toContain(b);
      expect(new Set(action.barriers).size).toBe(action.barriers.length);
      expect(action.supportOrganizationIds.length).toBeGreaterThan(0);
      for (const id of action.supportOrganizationIds) expect(getSupportOrganization(id), id).toBeDefined();
    });

    it("is called for by at least one trigger", () => {
      const t = action.triggers;
      const count = (t.answers?.length ?? 0) + (t.mixity?.length ?? 0) + (t.index?.length ?? 0) + (t.profile?.length ?? 0);
      expect(count).toBeGreaterThan(0);
    });

    it("has answer triggers on existing questions of the right kind", () => {
      for (const trigger of action.triggers.answers ?? []) {
        const q = QUESTIONS.find((x) => x.id === trigger.question);
        expect(q, trigger.question).toBeDefined();
        if ("below" in trigger || "atLeast" in trigger || "above" in trigger) {
          expect(["number", "percentage"]).toContain(q?.kind);
        }
        if ("lacks" in trigger) expect(q?.kind).toBe("multiple");
      }
    });

    it("takes its baseline from a figure in the indicator's unit", () => {
      const b = action.baseline;
      if (b.kind === "answer") {
        const q = QUESTIONS.find((x) => x.id === b.question);
        if (q?.kind === "percentage") expect(action.indicator.unit).toBe("%");
        if (q?.kind === "number") expect(action.indicator.unit).toBe(q.unit);
      }
      if (b.kind === "mixity" || b.kind === "profile") expect(action.indicator.unit).toBe("%");
      if (b.kind === "index" && b.figure !== "index_value") expect(action.indicator.unit).toBe("%");
    });

    it("follows French typography in every string", () => {
      for (const { where, text } of userStrings(action)) expect(typographyErrors(text), where).toEqual([]);
    });

    it("uses no pink or blue stereotype words", () => {
      for (const { text } of userStrings(action)) expect(text.toLowerCase()).not.toMatch(/\b(rose|bleu)\b/);
    });
  });

  it("labels the cost levels in French", () => {
    for (const level of COST_LEVELS) expect(typographyErrors(COST_LEVEL_LABELS[level])).toEqual([]);
  });

  it("covers the themes of the brief", () => {
    const ids = ACTION_CATALOGUE.map((a) => a.id);
    for (const id of [
      "embauche.offres_mixtes",
      "embauche.prescripteurs_mixite",
      "embauche.immersions_aller_vers",
      "embauche.jury_mixte_grille",
      "embauche.encadrantes_techniques",
      "formation.horaires_ecole",
      "formation.permis_caces",
      "qualification.vae_metiers_feminises",
      "classification.valeur_egale",
      "conditions_travail.vestiaires_sanitaires",
      "conditions_travail.epi_outils_adaptes",
      "conditions_travail.procedure_sexisme",
      "conditions_travail.referent_harcelement",
      "sante_securite.duerp_genre",
      "remuneration.retour_maternite",
      "remuneration.primes",
      "remuneration.analyse_ecarts",
      "articulation.garde_enfants",
      "articulation.temps_partiel_choisi",
      "promotion.gouvernance_mixte",
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe("which actions an answer calls for", () => {
  const ynp = QUESTIONS.filter((q) => q.kind === "ynp");

  it("lists no exception that is not needed", () => {
    for (const { id } of YNP_EXCEPTIONS) expect(actionsForAnswer(id as QuestionId, "non")).toEqual([]);
  });

  it.each(ynp.filter((q) => !YNP_EXCEPTIONS.some((e) => e.id === q.id)).map((q) => ({ id: q.id as QuestionId })))(
    "« Non » to $id calls for at least one action",
    ({ id }) => {
      expect(actionsForAnswer(id, "non").length).toBeGreaterThan(0);
      expect(actionsForQuestion(id).length).toBeGreaterThan(0);
    },
  );

  it.each(QUESTIONS.map((q) => ({ id: q.id as QuestionId, q })))("the worst answer to $id calls for an action", ({ id, q }) => {
    expect(actionsForAnswer(id, worstAnswer(q)).length).toBeGreaterThan(0);
  });

  it.each(ynp.map((q) => ({ id: q.id as QuestionId })))("« Oui » to $id calls for nothing", ({ id }) => {
    expect(actionsForAnswer(id, "oui")).toEqual([]);
  });

  it("derives the actions of a question from the catalogue", () => {
    const ids = actionsForQuestion("embauche.offres_redaction_neutre").map((a) => a.id);
    expect(ids).toEqual(["embauche.offres_mixtes"]);
    expect(actionsForAnswer("embauche.offres_redaction_neutre", "en_partie").map((a) => a.id)).toEqual(["embauche.offres_mixtes"]);
    expect(actionsForAnswer("embauche.offres_redaction_neutre", DONT_KNOW).map((a) => a.id)).toEqual(["embauche.offres_mixtes"]);
    expect(actionsForAnswer("embauche.offres_redaction_neutre", undefined)).toEqual([]);
  });
});

describe("matchesAnswerTrigger", () => {
  type Row = { label: string; trigger: AnswerTrigger; value: number; expected: boolean };
  const numericTriggers: AnswerTrigger[] = ACTION_CATALOGUE.flatMap((a) => a.triggers.answers ?? []).filter(
    (t) => "below" in t || "atLeast" in t || "above" in t,
  );
  const rows: Row[] = numericTriggers.flatMap((trigger): Row[] => {
    if ("below" in trigger) {
      const t = trigger.below;
      return [
        { label: `${trigger.question} ${t - 1} < ${t}`, trigger, value: t - 1, expected: true },
        { label: `${trigger.question} ${t} < ${t}`, trigger, value: t, expected: false },
        { label: `${trigger.question} ${t + 1} < ${t}`, trigger, value: t + 1, expected: false },
      ];
    }
    if ("atLeast" in trigger) {
      const t = trigger.atLeast;
      return [
        { label: `${trigger.question} ${t - 1} ≥ ${t}`, trigger, value: t - 1, expected: false },
        { label: `${trigger.question} ${t} ≥ ${t}`, trigger, value: t, expected: true },
        { label: `${trigger.question} ${t + 1} ≥ ${t}`, trigger, value: t + 1, expected: true },
      ];
    }
    if ("above" in trigger) {
      const t = trigger.above;
      return [
        { label: `${trigger.question} ${t - 1} > ${t}`, trigger, value: t - 1, expected: false },
        { label: `${trigger.question} ${t} > ${t}`, trigger, value: t, expected: false },
        { label: `${trigger.question} ${t + 1} > ${t}`, trigger, value: t + 1, expected: true },
      ];
    }
    return [];
  });

  it("has numeric triggers to test", () => {
    expect(rows.length).toBeGreaterThanOrEqual(3 * 7);
  });

  it.each(rows)("$label → $expected", ({ trigger, value, expected }) => {
    expect(matchesAnswerTrigger(trigger, value)).toBe(expected);
  });

  it.each([
    { label: "ynp listed", value: "non", expected: true },
    { label: "ynp not listed", value: "oui", expected: false },
    { label: "number against an is-trigger", value: 3, expected: false },
  ])("is: $label", ({ value, expected }) => {
    expect(matchesAnswerTrigger({ question: "embauche.grille_entretien", is: ["non", "en_partie"] }, value)).toBe(expected);
  });

  it.each([
    { label: "option ticked", value: ["aucune"], expected: true },
    { label: "other option", value: ["permis"], expected: false },
  ])("is on multiple choice: $label", ({ value, expected }) => {
    expect(matchesAnswerTrigger({ question: "articulation.aides_mobilite", is: ["aucune"] }, value)).toBe(expected);
  });

  it.each([
    { label: "option missing", value: ["portes_ouvertes"], expected: true },
    { label: "option ticked", value: ["portes_ouvertes", "immersions_pmsmp"], expected: false },
    { label: "« Je ne sais pas »", value: DONT_KNOW, expected: false },
    { label: "empty list", value: [], expected: false },
  ])("lacks: $label", ({ value, expected }) => {
    const trigger: AnswerTrigger = { question: "embauche.sourcing_metiers_non_traditionnels", lacks: "immersions_pmsmp" };
    expect(matchesAnswerTrigger(trigger, value)).toBe(expected);
  });

  it("never matches a text against a numeric trigger", () => {
    expect(matchesAnswerTrigger({ question: "articulation.delai_plannings", below: 14 }, DONT_KNOW)).toBe(false);
    expect(matchesAnswerTrigger({ question: "articulation.delai_plannings", below: 14 }, undefined)).toBe(false);
  });

  it("finds the triggers of an action on a question", () => {
    const action = getAction("conditions_travail.temps_partiel_subi")!;
    expect(answerTriggersOf(action, "conditions_travail.part_temps_partiel_subi")).toHaveLength(2);
    expect(answerTriggersOf(action, "embauche.grille_entretien")).toHaveLength(0);
  });

  it("references the Index indicators by their ids", () => {
    const used = ACTION_CATALOGUE.flatMap((a) => a.triggers.index ?? []).flatMap((t) =>
      t.kind === "indicator_below_max" ? [t.indicator] : [],
    );
    for (const id of used) expect(INDEX_INDICATOR_IDS).toContain(id);
    for (const id of INDEX_INDICATOR_IDS.filter((i) => i !== "raises")) expect(used).toContain(id);
  });
});

describe("dates", () => {
  it.each([
    { start: "2026-01-01", years: 1, end: "2026-12-31", days: 365 },
    { start: "2028-01-01", years: 1, end: "2028-12-31", days: 366 },
    { start: "2028-02-29", years: 1, end: "2029-02-28", days: 366 },
    { start: "2027-03-01", years: 1, end: "2028-02-29", days: 366 },
    { start: "2026-01-01", years: 4, end: "2029-12-31", days: 1461 },
    { start: "2026-07-15", years: 4, end: "2030-07-14", days: 1461 },
  ])("a $years-year term from $start ends on $end ($days days)", ({ start, years, end, days }) => {
    expect(lastDayOfTerm(start, years)).toBe(end);
    expect(inclusiveDays(start, end)).toBe(days);
  });

  it.each([
    { from: "2028-02-29", years: 1, to: "2029-03-01" },
    { from: "2028-02-29", years: 4, to: "2032-02-29" },
    { from: "2026-05-10", years: 2, to: "2028-05-10" },
  ])("addYears($from, $years) = $to", ({ from, years, to }) => {
    expect(addYears(from, years)).toBe(to);
  });

  it.each([
    { from: "2026-01-31", months: 1, to: "2026-02-28" },
    { from: "2028-01-31", months: 1, to: "2028-02-29" },
    { from: "2026-11-15", months: 3, to: "2027-02-15" },
    { from: "2026-01-01", months: 12, to: "2027-01-01" },
  ])("addMonths($from, $months) = $to", ({ from, months, to }) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it.each([
    { date: "2026-01-01", text: `1er${NBSP}janvier 2026` },
    { date: "2026-11-22", text: `22${NBSP}novembre 2026` },
    { date: "2028-02-29", text: `29${NBSP}février 2028` },
  ])("formats $date as « $text »", ({ date, text }) => {
    expect(formatFrenchDate(date)).toBe(text);
  });
});

describe("plan action drafts", () => {
  it.each([
    { months: 1, end: "2026-12-31", deadline: "2026-01-31" },
    { months: 3, end: "2026-12-31", deadline: "2026-03-31" },
    { months: 12, end: "2026-12-31", deadline: "2026-12-31" },
    { months: 12, end: "2026-06-30", deadline: "2026-06-30" },
  ])("deadline after $months months, period ending $end → $deadline", ({ months, end, deadline }) => {
    expect(suggestedDeadline("2026-01-01", end, months)).toBe(deadline);
  });

  it.each(ACTION_CATALOGUE.map((action) => ({ id: action.id, action })))("$id drafts a valid plan action inside an annual period", ({ action }) => {
    const draft = draftPlanAction(action, { periodStart: "2026-01-01", periodEnd: "2026-12-31", baseline: 12 });
    expect(PlanActionSchema.safeParse(draft).success).toBe(true);
    expect(draft.deadline! >= "2026-01-01" && draft.deadline! <= "2026-12-31").toBe(true);
    expect(draft.indicator.baseline).toBe(12);
    expect(draft.status).toBe("prevue");
  });
});
