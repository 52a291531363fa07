import type { Db } from "../../db/client.ts";
import { listDiagnostics } from "../../db/queries/diagnostics.ts";
import { findPlanByDiagnostic } from "../../db/queries/plans.ts";
import { checkPlan, PLAN_KINDS, PlanActionSchema, parseIsoDate, type Plan, type PlanAction } from "../../diagnostics/plan/index.ts";
import type { PlanCheckSummary, ReportStructure } from "../../diagnostics/report.ts";
import type { Results } from "../../diagnostics/results.ts";
import type { TenderDiagnosticInput } from "../../diagnostics/tender-sheet.ts";
import { TENDER_TREND_YEARS } from "../../diagnostics/tender-sheet.ts";
import type { TransparencyView } from "../../diagnostics/transparency/index.ts";
import type { Profile } from "../../diagnostics/types.ts";
import type { LoadedDiagnostic } from "../diagnostic/load.server.ts";
import { loadTransparencyView } from "../diagnostic/pay-categories.server.ts";
import { loadStaffRows } from "../diagnostic/results.server.ts";

const NBSP = "\u00a0";

export interface ReportPlan {
  plan: Plan | null;
  /** checkPlan's answer, with an error for every stored action that could not be read; null without plan. */
  check: PlanCheckSummary | null;
}

/**
 * The diagnostic's plan as the engine's Plan, and its legal check. A stored action that no longer
 * validates (an older shape, a hand edit) is left out of the plan and reported as a blocking error,
 * so that the final report is never exported with an action it cannot show. Without a profile the
 * rules cannot be checked (the number of domains depends on the headcount): a blocking error says so.
 */
export async function loadReportPlan(db: Db, orgId: string, diagnosticId: string, profile: Profile | null): Promise<ReportPlan> {
  const stored = await findPlanByDiagnostic(db, orgId, diagnosticId);
  if (!stored) return { plan: null, check: null };
  const actions: PlanAction[] = [];
  const unreadable: { message: string }[] = [];
  stored.actions.forEach((row, i) => {
    const parsed = PlanActionSchema.safeParse({ ...row.data, id: row.id });
    if (parsed.success) actions.push(parsed.data);
    else {
      const title = typeof row.data.title === "string" && row.data.title.trim() ? `«${NBSP}${row.data.title.trim()}${NBSP}»` : `n°${NBSP}${i + 1}`;
      unreadable.push({ message: `L'action ${title} n'a pas pu être lue (${parsed.error.issues[0]?.message ?? "données incomplètes"}). Ouvrez-la dans le plan d'action et enregistrez-la de nouveau.` });
    }
  });
  const kind = (PLAN_KINDS as readonly string[]).includes(stored.kind) ? stored.kind : "plan_action";
  if (!parseIsoDate(stored.periodStart) || !parseIsoDate(stored.periodEnd)) {
    unreadable.push({ message: "La période du plan n'est pas lisible. Indiquez ses dates de début et de fin dans le plan d'action." });
  }
  const plan: Plan = { kind, periodStart: stored.periodStart, periodEnd: stored.periodEnd, actions };
  if (!profile) {
    return {
      plan,
      check: {
        errors: [...unreadable, { message: "Le profil de la structure n'est pas rempli : les règles du plan (nombre de domaines, rémunération effective) dépendent de l'effectif. Remplissez l'étape « Profil de la structure »." }],
        warnings: [],
      },
    };
  }
  const check = checkPlan(plan, profile);
  return { plan, check: { errors: [...unreadable, ...check.errors], warnings: check.warnings } };
}

/** The structure as the PDFs name it (the type chosen in the profile, else the one given at sign-up). */
export function reportStructure(loaded: LoadedDiagnostic): ReportStructure {
  const { org } = loaded.access;
  return { name: org.name, siret: org.siret, type: loaded.structureType, commune: org.commune, departement: org.departement };
}

/**
 * May the staff file's aggregates be used for this user: members of the structure, and advisors
 * through an edit grant; a read grant never shows what comes from the staff file (ARCHITECTURE.md:
 * the staff file never leaves the structure's members unless an edit grant says otherwise).
 */
export function staffFileAllowed(loaded: LoadedDiagnostic): boolean {
  const via = loaded.access.via;
  return via.kind === "member" || via.grantLevel === "edit";
}

/**
 * The tender sheet's diagnostics: this one (with the results page's Index, its plan and check) and
 * up to TENDER_TREND_YEARS − 1 earlier ones of the same structure (jobs, and staff rows when allowed).
 */
export async function loadTenderDiagnostics(db: Db, loaded: LoadedDiagnostic, results: Results, plan: ReportPlan): Promise<TenderDiagnosticInput[]> {
  const orgId = loaded.access.org.id;
  const current = loaded.diagnostic;
  const withStaff = staffFileAllowed(loaded);
  const earlier = (await listDiagnostics(db, orgId)).filter((d) => d.year < current.year).slice(0, TENDER_TREND_YEARS - 1);
  const staffOf = (id: string) => (withStaff ? loadStaffRows(db, orgId, id) : Promise.resolve(null));
  const [currentRows, ...earlierRows] = await Promise.all([staffOf(current.id), ...earlier.map((d) => staffOf(d.id))]);
  return [
    {
      year: current.year,
      jobs: current.jobs,
      staffRows: currentRows,
      indexResult: results.status === "ready" ? results.index : null,
      plan: plan.plan,
      planCheck: plan.check,
    },
    ...earlier.map((d, i) => ({ year: d.year, jobs: d.jobs, staffRows: earlierRows[i] })),
  ];
}

/**
 * The pay-transparency view of the diagnostic's staff file for the report: undefined when the user
 * may not see what comes from the staff file (no section), null when there is no usable file.
 */
export async function loadReportTransparency(db: Db, loaded: LoadedDiagnostic): Promise<TransparencyView | null | undefined> {
  if (!staffFileAllowed(loaded)) return undefined;
  // The same categories as the tab: the editor's when saved, else the staff file's column.
  return loadTransparencyView(db, loaded.access.org.id, loaded.diagnostic.id, loaded.structureType);
}
