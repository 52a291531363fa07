import { z } from "zod";
import {
  dayNumber,
  formatFrenchDate,
  getAction,
  latestPeriodEnd,
  parseIsoDate,
  PLAN_ACTION_STATUSES,
  PLAN_KINDS,
  PLAN_MESSAGES,
  PlanActionSchema,
  type PlanAction,
  type PlanKind,
} from "../../diagnostics/plan/index.ts";
import { parseFrenchNumber } from "../../diagnostics/questionnaire.ts";
import { BARRIERS, DOMAIN_IDS, type DomainId } from "../../diagnostics/types.ts";

/**
 * The forms of the plan editor, shared by the browser (Conform) and the server. Each form sends
 * text; these schemas read it the French way (decimal comma, « 1 200 € », empty = not filled) and
 * hand the result to the engine's PlanActionSchema, whose French messages are shown beside the fields.
 */

const NBSP = "\u00a0";

/** Conform id of the action form: its fields are « action-<name> » (« action-indicator.baseline »). */
export const ACTION_FORM_ID = "action";

/** Id of an action field on the action page, for links from the plan's list of problems. */
export function actionFieldId(field: string): string {
  return `${ACTION_FORM_ID}-${field}`;
}

/** An action's fields as stored in plan_actions.data: the engine's PlanAction without id, plus the catalogue action it came from. */
export type StoredActionData = Omit<PlanAction, "id"> & { catalogueId?: string | null };

/** A new action with only a domain and a title: everything else is to be written. */
export function blankPlanAction(domain: DomainId, title: string): Omit<PlanAction, "id"> {
  return {
    domain,
    title,
    objective: "",
    indicator: { label: "", unit: "", baseline: null, target: null },
    deadline: null,
    owner: "",
    costEuros: null,
    costDays: null,
    barriers: [],
    supportOrganizationId: null,
    status: "prevue",
    followUpNote: "",
    measuredValue: null,
  };
}

const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);
const numOrNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * A stored action read back as the engine's PlanAction. Stored data is JSON written by this editor;
 * a field of the wrong type (an older shape, a hand edit) becomes empty instead of breaking the page,
 * and checkPlan then says what is missing.
 */
export function storedAction(id: string, data: Record<string, unknown>): { action: PlanAction; catalogueId: string | null } {
  const parsed = PlanActionSchema.safeParse({ ...data, id });
  const catalogueId = typeof data.catalogueId === "string" ? data.catalogueId : null;
  if (parsed.success) return { action: parsed.data, catalogueId };
  const indicator = (data.indicator && typeof data.indicator === "object" ? data.indicator : {}) as Record<string, unknown>;
  const domain = (DOMAIN_IDS as readonly string[]).includes(str(data.domain)) ? (data.domain as DomainId) : "embauche";
  const status = (PLAN_ACTION_STATUSES as readonly string[]).includes(str(data.status)) ? (data.status as PlanAction["status"]) : "prevue";
  const deadline = parseIsoDate(str(data.deadline)) ? str(data.deadline) : null;
  const barriers = Array.isArray(data.barriers) ? [...new Set(data.barriers.filter((b): b is (typeof BARRIERS)[number] => (BARRIERS as readonly unknown[]).includes(b)))] : [];
  const nonNegative = (v: unknown) => {
    const n = numOrNull(v);
    return n !== null && n >= 0 ? n : null;
  };
  return {
    catalogueId,
    action: {
      id,
      domain,
      title: str(data.title).trim() || "Action sans titre",
      objective: str(data.objective),
      indicator: { label: str(indicator.label), unit: str(indicator.unit), baseline: numOrNull(indicator.baseline), target: numOrNull(indicator.target) },
      deadline,
      owner: str(data.owner),
      costEuros: nonNegative(data.costEuros),
      costDays: nonNegative(data.costDays),
      barriers,
      supportOrganizationId: typeof data.supportOrganizationId === "string" ? data.supportOrganizationId : null,
      status,
      followUpNote: str(data.followUpNote),
      measuredValue: numOrNull(data.measuredValue),
    },
  };
}

/** The fields to store for an action (its id is the row's). */
export function actionData(action: Omit<PlanAction, "id"> & { id?: string }, catalogueId: string | null): StoredActionData {
  const { id: _id, ...rest } = action;
  return catalogueId ? { ...rest, catalogueId } : rest;
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates typed the French way

const FORM_NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2, useGrouping: false });

/** A number shown in a text field: « 12,5 », empty for null. */
export function numberToField(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : FORM_NUMBER.format(value);
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.replace(/[\s\u00a0\u202f]/g, "") === "";
}

/** Null when empty; NaN when it is not a number (« douze »). Accepts « 12,5 », « 1 200 € », « 40 % », « 3 jours ». */
export function readFrenchNumber(value: string | undefined, unit?: string): number | null {
  if (isBlank(value)) return null;
  const n = parseFrenchNumber(value!, unit);
  return n === null ? Number.NaN : n;
}

const Text = z.string().optional();

type Issue = { path: (string | number)[]; message: string };

/** The first problem of each field, in order. */
function firstPerPath(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = i.path.join(".");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pushAll(ctx: z.RefinementCtx, issues: readonly Issue[]) {
  for (const i of firstPerPath(issues)) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
}

// ---------------------------------------------------------------------------------------------
// Period (creation and the period form)

export const PERIOD_MESSAGES = {
  order: (start: string, end: string) =>
    `La fin de la période (${formatFrenchDate(end)}) est avant son début (${formatFrenchDate(start)}). Corrigez l'une des deux dates.`,
  tooLong: (kind: PlanKind, start: string, latest: string) =>
    kind === "plan_action"
      ? `Un plan d'action dure un an au plus${NBSP}: avec un début le ${formatFrenchDate(start)}, choisissez une fin au plus tard le ${formatFrenchDate(latest)}.`
      : `Un accord couvre quatre ans au plus${NBSP}: avec un début le ${formatFrenchDate(start)}, choisissez une fin au plus tard le ${formatFrenchDate(latest)}.`,
} as const;

const PeriodFields = z.object({
  kind: z.enum(PLAN_KINDS, { error: PLAN_MESSAGES.kind }),
  periodStart: z.iso.date({ error: PLAN_MESSAGES.date }),
  periodEnd: z.iso.date({ error: PLAN_MESSAGES.date }),
});

function checkPeriod(value: { kind: PlanKind; periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) {
  const { kind, periodStart: start, periodEnd: end } = value;
  // An unreadable date or kind is reported by its own field.
  if (!parseIsoDate(start) || !parseIsoDate(end) || !(PLAN_KINDS as readonly string[]).includes(kind)) return;
  if (dayNumber(end) < dayNumber(start)) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: PERIOD_MESSAGES.order(start, end) });
    return;
  }
  const latest = latestPeriodEnd(kind, start);
  if (dayNumber(end) > dayNumber(latest)) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: PERIOD_MESSAGES.tooLong(kind, start, latest) });
}

/** The plan's kind and period (a version travels with it: the period is saved only over the version shown). */
export const PeriodFormSchema = PeriodFields.extend({ version: z.coerce.number().int().min(0).optional() }).superRefine(checkPeriod);

export const CREATE_MESSAGES = {
  unknownAction: "Une des actions cochées n'existe plus dans la liste. Rechargez la page et recommencez.",
} as const;

/** Creation: kind, period and the ticked catalogue actions (none ticked is allowed: actions can be added later). */
export const CreatePlanFormSchema = PeriodFields.extend({
  actions: z
    .array(z.string())
    .optional()
    .transform((ids) => [...new Set(ids ?? [])])
    .refine((ids) => ids.every((id) => getAction(id) !== undefined), { error: CREATE_MESSAGES.unknownAction }),
}).superRefine(checkPeriod);

// ---------------------------------------------------------------------------------------------
// Adding an action

export const ADD_MESSAGES = {
  catalogue: "Choisissez une action dans la liste.",
  domain: PLAN_MESSAGES.domain,
  title: PLAN_MESSAGES.title,
} as const;

export const AddCatalogueActionSchema = z.object({
  catalogueId: z
    .string({ error: ADD_MESSAGES.catalogue })
    .refine((id) => getAction(id) !== undefined, { error: ADD_MESSAGES.catalogue }),
});

export const AddBlankActionSchema = z.object({
  domain: z.enum(DOMAIN_IDS, { error: ADD_MESSAGES.domain }),
  title: z.string({ error: ADD_MESSAGES.title }).trim().min(1, { error: ADD_MESSAGES.title }),
});

// ---------------------------------------------------------------------------------------------
// The action form

/** What the action form sends: text named after the engine's paths (« indicator.baseline »). */
const ActionFormFields = z.object({
  domain: Text,
  title: Text,
  objective: Text,
  indicator: z.object({ label: Text, unit: Text, baseline: Text, target: Text }).optional(),
  deadline: Text,
  owner: Text,
  costEuros: Text,
  costDays: Text,
  barriers: z.array(z.string()).optional(),
  supportOrganizationId: Text,
  status: Text,
  followUpNote: Text,
  measuredValue: Text,
});
export type ActionFormFields = z.infer<typeof ActionFormFields>;

export const ACTION_FORM_MESSAGES = {
  number: PLAN_MESSAGES.number,
  deadlineOutside: (start: string, end: string) =>
    `Choisissez une échéance entre le ${formatFrenchDate(start)} et le ${formatFrenchDate(end)}${NBSP}: c'est la période du plan.`,
} as const;

function candidateOf(raw: ActionFormFields) {
  const issues: Issue[] = [];
  const number = (path: (string | number)[], text: string | undefined, unit?: string) => {
    const n = readFrenchNumber(text, unit);
    if (Number.isNaN(n)) issues.push({ path, message: ACTION_FORM_MESSAGES.number });
    return n;
  };
  const indicator = raw.indicator ?? {};
  const unit = indicator.unit?.trim() || undefined;
  const candidate = {
    id: "form",
    domain: raw.domain ?? "",
    title: raw.title ?? "",
    objective: raw.objective ?? "",
    indicator: {
      label: indicator.label ?? "",
      unit: indicator.unit ?? "",
      baseline: number(["indicator", "baseline"], indicator.baseline, unit),
      target: number(["indicator", "target"], indicator.target, unit),
    },
    deadline: isBlank(raw.deadline) ? null : raw.deadline!.trim(),
    owner: raw.owner ?? "",
    costEuros: number(["costEuros"], raw.costEuros, "€"),
    costDays: number(["costDays"], raw.costDays, "jours"),
    barriers: raw.barriers ?? [],
    supportOrganizationId: isBlank(raw.supportOrganizationId) ? null : raw.supportOrganizationId!,
    status: raw.status ?? "",
    followUpNote: raw.followUpNote ?? "",
    measuredValue: number(["measuredValue"], raw.measuredValue, unit),
  };
  return { candidate, issues };
}

/**
 * The action form for a plan of this period: the fields read the French way, then checked by the
 * engine's PlanActionSchema; the deadline must fall within the period (both days included). The
 * schema stays a plain object (Conform derives the fields' constraints from it); actionFromForm
 * turns its valid value into the engine's action.
 */
export function actionFormSchema(period: { periodStart: string; periodEnd: string }) {
  return ActionFormFields.superRefine((raw, ctx) => {
    const { candidate, issues } = candidateOf(raw);
    const parsed = PlanActionSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        // Unreadable numbers were reported above with a plainer message.
        const key = i.path.join(".");
        if (issues.some((x) => x.path.join(".") === key)) continue;
        issues.push({ path: i.path as (string | number)[], message: i.message });
      }
    }
    const deadline = candidate.deadline;
    if (deadline && parseIsoDate(deadline) && parseIsoDate(period.periodStart) && parseIsoDate(period.periodEnd)) {
      if (dayNumber(deadline) < dayNumber(period.periodStart) || dayNumber(deadline) > dayNumber(period.periodEnd)) {
        issues.push({ path: ["deadline"], message: ACTION_FORM_MESSAGES.deadlineOutside(period.periodStart, period.periodEnd) });
      }
    }
    pushAll(ctx, issues);
  });
}

/** The engine's action (without id) from a value that passed actionFormSchema. */
export function actionFromForm(raw: ActionFormFields): Omit<PlanAction, "id"> {
  const { id: _id, ...action } = PlanActionSchema.parse(candidateOf(raw).candidate);
  return action;
}

/** An action shown in the form's fields. */
export function actionToFormValues(action: Omit<PlanAction, "id">): Record<string, unknown> {
  return {
    domain: action.domain,
    title: action.title,
    objective: action.objective,
    indicator: {
      label: action.indicator.label,
      unit: action.indicator.unit,
      baseline: numberToField(action.indicator.baseline),
      target: numberToField(action.indicator.target),
    },
    deadline: action.deadline ?? "",
    owner: action.owner,
    costEuros: numberToField(action.costEuros),
    costDays: numberToField(action.costDays),
    barriers: [...action.barriers],
    supportOrganizationId: action.supportOrganizationId ?? "",
    status: action.status,
    followUpNote: action.followUpNote,
    measuredValue: numberToField(action.measuredValue),
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluation of last year's actions (status, measured value, follow-up note)

export const EvaluationFormSchema = z
  .object({
    actionId: z.string({ error: PLAN_MESSAGES.id }).min(1, { error: PLAN_MESSAGES.id }),
    version: z.coerce.number().int().min(0),
    status: z.enum(PLAN_ACTION_STATUSES, { error: PLAN_MESSAGES.status }),
    measuredValue: Text,
    followUpNote: Text,
    unit: Text,
  })
  .superRefine((raw, ctx) => {
    if (Number.isNaN(readFrenchNumber(raw.measuredValue, raw.unit?.trim() || undefined))) {
      ctx.addIssue({ code: "custom", path: ["measuredValue"], message: PLAN_MESSAGES.number });
    }
  });

/** The evaluation fields to store, from a value that passed EvaluationFormSchema. */
export function evaluationFromForm(raw: z.infer<typeof EvaluationFormSchema>) {
  return {
    actionId: raw.actionId,
    version: raw.version,
    status: raw.status,
    measuredValue: readFrenchNumber(raw.measuredValue, raw.unit?.trim() || undefined),
    followUpNote: (raw.followUpNote ?? "").trim(),
  };
}
