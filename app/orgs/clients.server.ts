import { getDb } from "../../db/client.ts";
import { listAdvisorClients } from "../../db/queries/clients.ts";
import { listSentAccessRequests } from "../../db/queries/grants.ts";
import { departementLabel } from "../../diagnostics/departements.ts";
import { PlanSchema, checkPlan } from "../../diagnostics/plan/index.ts";
import { ProfileSchema, diagnosticProgress } from "../../diagnostics/profile.ts";
import { STRUCTURE_TYPE_LABELS, type Profile, type StructureType } from "../../diagnostics/types.ts";
import type { ClientQuery, GrantLevelValue } from "./accompaniment.ts";

const NBSP = "\u00a0";

/** How far a diagnostic's action plan is: none yet, created (not checkable without a profile), a draft with blocking points, or ready. */
export type PlanStatus = { code: "aucun" | "cree" | "brouillon" | "pret"; label: string };

type ClientRow = Awaited<ReturnType<typeof listAdvisorClients>>[number];
type DiagnosticRow = ClientRow["diagnostics"][number];

/** The plan's status through the engine's legal check (checkPlan): blocking errors make a draft. */
export function planStatusOf(plan: DiagnosticRow["plan"], profile: Profile | null): PlanStatus {
  if (!plan) return { code: "aucun", label: "Pas encore de plan" };
  if (!profile) return { code: "cree", label: "Plan créé" };
  const parsed = PlanSchema.safeParse({
    kind: plan.kind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    actions: plan.actions.map((a) => ({ ...a.data, id: a.id })),
  });
  if (!parsed.success) return { code: "brouillon", label: `Brouillon${NBSP}: actions à compléter` };
  const errors = checkPlan(parsed.data, profile).errors.length;
  if (errors > 0) return { code: "brouillon", label: `Brouillon${NBSP}: ${errors} point${errors > 1 ? "s" : ""} bloquant${errors > 1 ? "s" : ""}` };
  return { code: "pret", label: "Prêt (conforme aux règles légales)" };
}

function diagnosticView(d: DiagnosticRow) {
  const parsed = d.profile ? ProfileSchema.safeParse(d.profile) : null;
  const profile = parsed?.success ? parsed.data : null;
  const progress = diagnosticProgress({ profile, jobsCount: d.jobsCount, answers: d.answers, indexDone: d.indexSource !== null });
  const lastActivity = d.plan && d.plan.lastEditAt > d.updatedAt ? d.plan.lastEditAt : d.updatedAt;
  return {
    id: d.id,
    year: d.year,
    status: d.status,
    percent: progress.percent,
    plan: planStatusOf(d.plan, profile),
    openComments: d.openComments,
    lastActivity,
  };
}

export interface ClientView {
  id: string;
  name: string;
  structureType: string | null;
  typeLabel: string | null;
  departement: string | null;
  departementLabel: string | null;
  commune: string | null;
  level: GrantLevelValue;
  /** ISO date of the last change in any of its diagnostics or plans; null without any. */
  lastActivity: string | null;
  diagnostics: Array<Omit<ReturnType<typeof diagnosticView>, "lastActivity"> & { lastActivity: string }>;
}

function clientView(row: ClientRow): ClientView {
  const diagnostics = row.diagnostics.map(diagnosticView);
  const last = diagnostics.reduce<Date | null>((acc, d) => (acc === null || d.lastActivity > acc ? d.lastActivity : acc), null);
  return {
    id: row.id,
    name: row.name,
    structureType: row.structureType,
    typeLabel: row.structureType ? (STRUCTURE_TYPE_LABELS[row.structureType as StructureType] ?? row.structureType) : null,
    departement: row.departement,
    departementLabel: row.departement ? departementLabel(row.departement) : null,
    commune: row.commune,
    level: row.level,
    lastActivity: last?.toISOString() ?? null,
    diagnostics: diagnostics.map((d) => ({ ...d, lastActivity: d.lastActivity.toISOString() })),
  };
}

/** The clients that pass the filters (on the structure, and on the state of its latest diagnostic), sorted. */
export function filterAndSortClients(clients: ClientView[], query: ClientQuery): ClientView[] {
  const kept = clients.filter((c) => {
    if (query.departement && c.departement !== query.departement) return false;
    if (query.type && c.structureType !== query.type) return false;
    if (query.etat) {
      const latest = c.diagnostics[0];
      if (query.etat === "aucun" ? latest !== undefined : latest?.status !== query.etat) return false;
    }
    return true;
  });
  const byName = (a: ClientView, b: ClientView) => a.name.localeCompare(b.name, "fr", { sensitivity: "base" });
  const percent = (c: ClientView) => c.diagnostics[0]?.percent ?? 0;
  const sorters: Record<ClientQuery["tri"], (a: ClientView, b: ClientView) => number> = {
    nom: byName,
    activite: (a, b) => (b.lastActivity ?? "").localeCompare(a.lastActivity ?? "") || byName(a, b),
    avancement: (a, b) => percent(a) - percent(b) || byName(a, b),
  };
  return [...kept].sort(sorters[query.tri]);
}

/** How long an access request stays listed on the association's page. */
const SENT_REQUESTS_DAYS = 90;

/** « 732 829 320 00074 » (SIREN groups, then NIC), with no-break spaces. */
export function formatSiret(siret: string): string {
  return siret.length === 14 ? `${siret.slice(0, 3)}${NBSP}${siret.slice(3, 6)}${NBSP}${siret.slice(6, 9)}${NBSP}${siret.slice(9)}` : siret;
}

/**
 * The association's clients page: its client structures (filtered and sorted), the filter options,
 * and the access requests it sent that are not (yet) among its clients.
 */
export async function loadClientsPage(advisorOrgId: string, query: ClientQuery, now = new Date()) {
  const db = await getDb();
  const [rows, sent] = await Promise.all([
    listAdvisorClients(db, advisorOrgId),
    listSentAccessRequests(db, advisorOrgId, new Date(now.getTime() - SENT_REQUESTS_DAYS * 24 * 60 * 60 * 1000)),
  ]);
  const all = rows.map(clientView);
  const clientSirets = new Set(rows.map((r) => r.siret));
  const seen = new Set<string>();
  const pending = sent.flatMap((s) => {
    const siret = typeof s.details.siret === "string" ? s.details.siret : null;
    if (!siret || clientSirets.has(siret) || seen.has(siret)) return [];
    seen.add(siret);
    return [{ id: s.id, siret: formatSiret(siret), level: (s.details.level === "edit" ? "edit" : "read") as GrantLevelValue, at: s.createdAt.toISOString(), byName: s.actorName }];
  });
  const departements = [...new Set(all.map((c) => c.departement).filter((d): d is string => Boolean(d)))].sort();
  return {
    total: all.length,
    clients: filterAndSortClients(all, query),
    departementOptions: departements.map((code) => ({ code, label: departementLabel(code) })),
    pending,
  };
}
