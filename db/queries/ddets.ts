import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { actionPlans, campaignInvitations, diagnostics, memberships, organizations, planActions, users } from "../schema.ts";
import { BAND_KEY_SEPARATOR } from "../../diagnostics/ddets.ts";
import { DIAGNOSTIC_SUMMARY_VERSION } from "../../diagnostics/ddets-summary-version.ts";
import { STRUCTURE_TYPES } from "../../diagnostics/types.ts";

/**
 * DDETS statistics and campaigns. Every function takes the DDETS organisation's id and scopes its
 * rows in SQL to that organisation's départements (structures.departement in its `departements`),
 * so that a structure outside the scope is never read, whatever a request carries. Functions return
 * counts and summaries, and per structure only its name, type, commune and status: never answers,
 * comments, staff files, pay or plans' content.
 */

/** Structures of the DDETS's départements (the one place the scope is written). */
function inScope(ddetsOrgId: string): SQL {
  return sql`(${organizations.kind} = 'structure' and ${organizations.departement} in (select unnest(scope_org.departements) from organizations scope_org where scope_org.id = ${ddetsOrgId} and scope_org.kind = 'ddets'))`;
}

export interface StructureFilters {
  /** A département code (it must also be in the scope: the scope condition still applies). */
  departement: string | null;
  structureType: string | null;
}

function filtered(ddetsOrgId: string, filters: StructureFilters): SQL {
  return and(
    inScope(ddetsOrgId),
    filters.departement ? eq(organizations.departement, filters.departement) : undefined,
    // The engine counts a missing or unknown type as « autre »: the list does the same.
    filters.structureType === "autre"
      ? notInArray(sql`coalesce(${organizations.structureType}, 'autre')`, STRUCTURE_TYPES.filter((t) => t !== "autre"))
      : filters.structureType
        ? eq(organizations.structureType, filters.structureType)
        : undefined,
  )!;
}

// ---------------------------------------------------------------------------------------------
// Summaries (the cache of diagnostics/ddets-summary.ts)

/** Finished diagnostics of the scope whose summary is missing, stale (the diagnostic changed since) or of another version. */
export async function findStaleSummaries(db: DbOrTx, ddetsOrgId: string, limit: number) {
  return db
    .select({
      id: diagnostics.id,
      organizationId: diagnostics.organizationId,
      departement: organizations.departement,
      structureType: organizations.structureType,
      /** updated_at as text: compared back exactly (microseconds) when the summary is saved. */
      stamp: sql<string>`${diagnostics.updatedAt}::text`,
      profile: diagnostics.profile,
      jobs: diagnostics.jobs,
      indexSource: diagnostics.indexSource,
      indexData: diagnostics.indexData,
      answers: sql<Record<string, number | string | string[]>>`(select coalesce(jsonb_object_agg(a.question_id, a.value), '{}'::jsonb) from diagnostic_answers a where a.diagnostic_id = ${diagnostics.id})`,
    })
    .from(diagnostics)
    .innerJoin(organizations, eq(organizations.id, diagnostics.organizationId))
    .where(
      and(
        inScope(ddetsOrgId),
        eq(diagnostics.status, "termine"),
        // The generated column (and its partial index, usually empty): finished, summary missing, stale or of another version.
        sql`${diagnostics.summaryStale}`,
      ),
    )
    .limit(limit);
}

/**
 * Stores summaries computed from the diagnostic as it was at `stamp` (its updated_at as text); a
 * diagnostic saved in between keeps its stale mark and is summarised again next time. Returns how
 * many were stored.
 */
export async function saveSummaries(db: DbOrTx, rows: readonly { id: string; stamp: string; summary: object; bands: string[] }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = JSON.stringify(rows);
  const updated = await db
    .update(diagnostics)
    .set({ summary: sql`v.summary`, summaryBands: sql`v.bands`, summaryOf: sql`v.stamp`, summaryVersion: DIAGNOSTIC_SUMMARY_VERSION })
    .from(sql`jsonb_to_recordset(${payload}::jsonb) as v(id text, stamp timestamptz, summary jsonb, bands text[])`)
    .where(and(sql`${diagnostics.id} = v.id`, sql`${diagnostics.updatedAt} = v.stamp`))
    .returning({ id: diagnostics.id });
  return updated.length;
}

// ---------------------------------------------------------------------------------------------
// Counts and rows of the dashboard

/** Structures of the scope per département, type and calendar year of sign-up (Paris time). */
export async function registrationCounts(db: DbOrTx, ddetsOrgId: string) {
  const registeredYear = sql<number>`extract(year from ${organizations.createdAt} at time zone 'Europe/Paris')::int`;
  return db
    .select({ departement: sql<string>`${organizations.departement}`, structureType: organizations.structureType, registeredYear, structures: sql<number>`count(*)::int` })
    .from(organizations)
    .where(inScope(ddetsOrgId))
    .groupBy(organizations.departement, organizations.structureType, registeredYear);
}

/** Reference years of the scope's diagnostics, newest first, with how many are finished. */
export async function diagnosticYears(db: DbOrTx, ddetsOrgId: string) {
  return db
    .select({ year: diagnostics.year, finished: sql<number>`(count(*) filter (where ${diagnostics.status} = 'termine'))::int` })
    .from(diagnostics)
    .innerJoin(organizations, eq(organizations.id, diagnostics.organizationId))
    .where(inScope(ddetsOrgId))
    .groupBy(diagnostics.year)
    .orderBy(desc(diagnostics.year));
}

/** Diagnostics of the scope per département, type and reference year: started, finished, with an action plan. */
export async function diagnosticCounts(db: DbOrTx, ddetsOrgId: string) {
  return db
    .select({
      departement: sql<string>`${organizations.departement}`,
      structureType: organizations.structureType,
      year: diagnostics.year,
      started: sql<number>`count(*)::int`,
      finished: sql<number>`(count(*) filter (where ${diagnostics.status} = 'termine'))::int`,
      plans: sql<number>`count(${actionPlans.id})::int`,
    })
    .from(diagnostics)
    .innerJoin(organizations, eq(organizations.id, diagnostics.organizationId))
    .leftJoin(actionPlans, eq(actionPlans.diagnosticId, diagnostics.id))
    .where(inScope(ddetsOrgId))
    .groupBy(organizations.departement, organizations.structureType, diagnostics.year);
}

/**
 * The selected year's finished diagnostics of the scope counted per département, type and band of
 * each family, from the band keys their current summary stores (« level:embauche=en_cours »):
 * grouped in SQL, one row per band, never one per structure.
 */
export async function bandCounts(db: DbOrTx, ddetsOrgId: string, year: number) {
  const key = sql<string>`b.key`;
  const rows = await db
    .select({ departement: sql<string>`${organizations.departement}`, structureType: organizations.structureType, key, structures: sql<number>`count(*)::int` })
    .from(diagnostics)
    .innerJoin(organizations, eq(organizations.id, diagnostics.organizationId))
    .innerJoin(sql`unnest(${diagnostics.summaryBands}) as b(key)`, sql`true`)
    .where(and(inScope(ddetsOrgId), eq(diagnostics.year, year), eq(diagnostics.status, "termine"), eq(diagnostics.summaryVersion, DIAGNOSTIC_SUMMARY_VERSION)))
    .groupBy(organizations.departement, organizations.structureType, key);
  return rows.map((r) => {
    const at = r.key.lastIndexOf(BAND_KEY_SEPARATOR);
    return { departement: r.departement, structureType: r.structureType, family: r.key.slice(0, at), band: r.key.slice(at + 1), structures: r.structures };
  });
}

/**
 * The selected year's action plans of the scope counted per département, type and domain, and per
 * catalogue action, that they hold (abandoned actions left out: plan_actions' generated stats
 * columns). Counts only: never a plan's content.
 */
export async function planChoiceCounts(db: DbOrTx, ddetsOrgId: string, year: number) {
  const kind = sql<"domain" | "action">`x.kind`;
  const id = sql<string>`x.id`;
  return db
    .select({ departement: sql<string>`${organizations.departement}`, structureType: organizations.structureType, kind, id, plans: sql<number>`count(distinct ${actionPlans.id})::int` })
    .from(actionPlans)
    .innerJoin(diagnostics, eq(diagnostics.id, actionPlans.diagnosticId))
    .innerJoin(organizations, eq(organizations.id, diagnostics.organizationId))
    .innerJoin(planActions, eq(planActions.planId, actionPlans.id))
    .innerJoin(sql`lateral (values ('domain', ${planActions.statsDomain}), ('action', ${planActions.statsAction})) as x(kind, id)`, sql`x.id is not null`)
    .where(and(inScope(ddetsOrgId), eq(diagnostics.year, year)))
    .groupBy(organizations.departement, organizations.structureType, kind, id);
}

/**
 * Structures of the scope matching the filters, by name: name, type, commune, département and status
 * in `year` only. The page is chosen first, then its diagnostics and plans are joined.
 */
export async function listScopeStructures(db: DbOrTx, ddetsOrgId: string, filters: StructureFilters, year: number, page?: { limit: number; offset: number }) {
  const base = db
    .select({
      id: organizations.id,
      name: organizations.name,
      structureType: organizations.structureType,
      commune: organizations.commune,
      departement: organizations.departement,
    })
    .from(organizations)
    .where(filtered(ddetsOrgId, filters))
    .orderBy(asc(organizations.name), asc(organizations.id));
  const chosen = (page ? base.limit(page.limit).offset(page.offset) : base).as("chosen");
  return db
    .select({
      name: chosen.name,
      structureType: chosen.structureType,
      commune: chosen.commune,
      departement: sql<string>`${chosen.departement}`,
      diagnosticStatus: diagnostics.status,
      hasPlan: sql<boolean>`${actionPlans.id} is not null`,
    })
    .from(chosen)
    .leftJoin(diagnostics, and(eq(diagnostics.organizationId, chosen.id), eq(diagnostics.year, year)))
    .leftJoin(actionPlans, eq(actionPlans.diagnosticId, diagnostics.id))
    .orderBy(asc(chosen.name), asc(chosen.id));
}

export async function countScopeStructures(db: DbOrTx, ddetsOrgId: string, filters: StructureFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations).where(filtered(ddetsOrgId, filters));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Campaigns

/**
 * Records invitations of `emails` (lower-cased, trimmed) for the DDETS; an email already invited by
 * this DDETS is skipped. Links at once an invitation whose email is the owner's of a structure of
 * the scope. Returns the new invitations (id, email).
 */
export async function insertCampaignInvitations(db: DbOrTx, ddetsOrgId: string, emails: readonly string[], invitedBy: string) {
  if (emails.length === 0) return [];
  // Invitations and their structure links together.
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(campaignInvitations)
      .values(emails.map((email) => ({ id: newId(), ddetsOrgId, email, invitedBy })))
      .onConflictDoNothing({ target: [campaignInvitations.ddetsOrgId, campaignInvitations.email] })
      .returning({ id: campaignInvitations.id, email: campaignInvitations.email });
    if (inserted.length > 0) {
      await tx
        .update(campaignInvitations)
        .set({
          structureId: sql`(select ${memberships.organizationId} from ${memberships}
            join ${users} on ${users.id} = ${memberships.userId}
            join ${organizations} on ${organizations.id} = ${memberships.organizationId}
            where ${users.email} = ${campaignInvitations.email} and ${memberships.role} = 'owner' and ${inScope(ddetsOrgId)}
            order by ${organizations.createdAt} limit 1)`,
        })
        .where(inArray(campaignInvitations.id, inserted.map((i) => i.id)));
    }
    return inserted;
  });
}

/** The DDETS's invitations, newest first: email, date and who sent it (its own data). */
export async function listCampaignInvitations(db: DbOrTx, ddetsOrgId: string) {
  return db
    .select({ email: campaignInvitations.email, invitedAt: campaignInvitations.invitedAt, invitedByName: users.name })
    .from(campaignInvitations)
    .leftJoin(users, eq(users.id, campaignInvitations.invitedBy))
    .where(eq(campaignInvitations.ddetsOrgId, ddetsOrgId))
    .orderBy(desc(campaignInvitations.invitedAt), asc(campaignInvitations.email));
}

/**
 * Counts of the DDETS's campaign: invitations, and distinct structures of the scope that signed up
 * from one, started a diagnostic (any year), finished one. Raw counts: the caller suppresses them.
 */
export async function campaignCounts(db: DbOrTx, ddetsOrgId: string) {
  const [row] = await db
    .select({
      invited: sql<number>`count(*)::int`,
      registered: sql<number>`count(distinct ${organizations.id})::int`,
      started: sql<number>`(count(distinct ${organizations.id}) filter (where exists (select 1 from diagnostics dd where dd.organization_id = ${organizations.id})))::int`,
      finished: sql<number>`(count(distinct ${organizations.id}) filter (where exists (select 1 from diagnostics dd where dd.organization_id = ${organizations.id} and dd.status = 'termine')))::int`,
    })
    .from(campaignInvitations)
    .leftJoin(organizations, and(eq(organizations.id, campaignInvitations.structureId), inScope(ddetsOrgId)))
    .where(eq(campaignInvitations.ddetsOrgId, ddetsOrgId));
  return row ?? { invited: 0, registered: 0, started: 0, finished: 0 };
}

/** A campaign invitation by the id its link carries, with the inviting DDETS's name; null when unknown. */
export async function findCampaignInvitation(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: campaignInvitations.id, ddetsName: organizations.name, structureId: campaignInvitations.structureId })
    .from(campaignInvitations)
    .innerJoin(organizations, eq(organizations.id, campaignInvitations.ddetsOrgId))
    .where(eq(campaignInvitations.id, id));
  return row ?? null;
}

/**
 * Links a structure that just signed up to the campaign invitations not yet linked that name its
 * email (any DDETS) or whose link it came through. Run in the sign-up transaction.
 */
export async function linkCampaignInvitations(db: DbOrTx, input: { email: string; campaignId: string | null; structureId: string }) {
  await db
    .update(campaignInvitations)
    .set({ structureId: input.structureId })
    .where(
      and(
        isNull(campaignInvitations.structureId),
        input.campaignId ? or(eq(campaignInvitations.email, input.email), eq(campaignInvitations.id, input.campaignId)) : eq(campaignInvitations.email, input.email),
      ),
    );
}
