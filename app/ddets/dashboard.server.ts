import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.ts";
import { findStaffRows } from "../../db/queries/diagnostics.ts";
import {
  bandCounts,
  campaignCounts,
  countScopeStructures,
  diagnosticCounts,
  findStaleSummaries,
  diagnosticYears,
  listScopeStructures,
  planChoiceCounts,
  registrationCounts,
  saveSummaries,
  type StructureFilters,
} from "../../db/queries/ddets.ts";
import { buildDdetsDashboard, defaultReferenceYear, STRUCTURE_STATUS_LABELS, structureStatus, summaryBandKeys, suppress, type Cell, type DdetsDashboard } from "../../diagnostics/ddets.ts";
import { summarizeDiagnostic, summaryNeedsStaffFile } from "../../diagnostics/ddets-summary.ts";
import { departementLabel } from "../../diagnostics/departements.ts";
import { ProfileSchema } from "../../diagnostics/profile.ts";
import { indexInputFromStaffRows, StaffRowSchema } from "../../diagnostics/staff-file/index.ts";
import { STRUCTURE_TYPE_LABELS, STRUCTURE_TYPES, type StructureType } from "../../diagnostics/types.ts";
import { indexSizeBandOf } from "../diagnostic/index-form.ts";
import { DDETS_PAGE_SIZE, type DashboardQuery } from "./filters.ts";

/** Stale summaries computed per batch (one query for their answers, one update). */
const SUMMARY_BATCH = 500;
/** Batches per request at most: a first visit over a very large scope stops there and goes on next time. */
const SUMMARY_MAX_BATCHES = 200;

function typeOf(value: string | null): StructureType {
  return (STRUCTURE_TYPES as readonly string[]).includes(value ?? "") ? (value as StructureType) : "autre";
}

type StaleRow = Awaited<ReturnType<typeof findStaleSummaries>>[number];

/** The staff file's Index input of a diagnostic whose Index comes from the file (as the results page computes it); null when unusable. */
async function staffIndexInput(db: Db, d: StaleRow) {
  const profile = ProfileSchema.safeParse(d.profile);
  if (!profile.success) return null;
  const stored = await findStaffRows(db, d.organizationId, d.id);
  const rows = z.array(StaffRowSchema).safeParse(stored ?? []);
  if (!rows.success || rows.data.length === 0) return null;
  return indexInputFromStaffRows(rows.data, {
    sizeBand: indexSizeBandOf(profile.data.headcountBand).sizeBand,
    structureType: profile.data.structureType ?? typeOf(d.structureType),
  });
}

/**
 * Brings the DDETS summaries of the scope's finished diagnostics up to date (a cache: a diagnostic
 * saved since its summary, or a summary of an older version, is summarised again with the engine).
 * Returns how many were stored.
 */
export async function refreshSummaries(db: Db, ddetsOrgId: string): Promise<number> {
  let stored = 0;
  for (let batch = 0; batch < SUMMARY_MAX_BATCHES; batch++) {
    const stale = await findStaleSummaries(db, ddetsOrgId, SUMMARY_BATCH);
    if (stale.length === 0) break;
    const rows: { id: string; stamp: string; summary: object; bands: string[] }[] = [];
    for (const d of stale) {
      const index = { source: d.indexSource, data: d.indexData };
      let summary;
      try {
        const staff = summaryNeedsStaffFile({ profile: d.profile, index }) ? await staffIndexInput(db, d) : null;
        summary = summarizeDiagnostic({ profile: d.profile, departement: d.departement, jobs: d.jobs, answers: d.answers ?? {}, index, staffIndexInput: staff });
      } catch (error) {
        // One diagnostic the engine cannot read must not take the dashboard down: it counts as « no data ».
        console.error(`[ddets] résumé impossible pour le diagnostic ${d.id}`, error);
        summary = summarizeDiagnostic({ profile: null, departement: null, jobs: [], answers: {}, index: { source: null, data: null }, staffIndexInput: null });
      }
      rows.push({ id: d.id, stamp: d.stamp, summary, bands: summaryBandKeys(summary) });
    }
    const saved = await saveSummaries(db, rows);
    stored += saved;
    // Nothing stored: every row changed in between; they will be summarised on the next visit.
    if (saved === 0 || stale.length < SUMMARY_BATCH) break;
  }
  return stored;
}

export interface StructureListRow {
  name: string;
  type: string;
  commune: string;
  departement: string;
  status: string;
}

export interface CampaignFigures {
  /** The DDETS's own invitations: not a figure about structures. */
  invited: number;
  registered: Cell;
  started: Cell;
  finished: Cell;
}

export interface DdetsData {
  dashboard: DdetsDashboard;
  structures: { rows: StructureListRow[]; total: number; page: number; pageCount: number };
  campaign: CampaignFigures;
}

const READ_ONLY = { isolationLevel: "repeatable read", accessMode: "read only" } as const;

/** A handful of short queries over indexes: parallel workers would cost more than they save. */
async function noParallelWorkers(tx: Tx) {
  await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
}

/**
 * Runs groups of reads that must see the same data: on PostgreSQL, concurrently, one connection per
 * group, all sharing one snapshot (pg_export_snapshot / SET TRANSACTION SNAPSHOT); on PGlite (one
 * connection), one after the other in one repeatable-read transaction.
 */
async function consistentReads<T extends unknown[]>(db: Db, concurrent: boolean, groups: { [K in keyof T]: (tx: Tx) => Promise<T[K]> }): Promise<T> {
  const readers = groups as unknown as ((tx: Tx) => Promise<unknown>)[];
  if (!concurrent || readers.length < 2) {
    return db.transaction(async (tx) => {
      await noParallelWorkers(tx);
      const results: unknown[] = [];
      for (const read of readers) results.push(await read(tx));
      return results as T;
    }, READ_ONLY);
  }
  return db.transaction(async (tx) => {
    const [{ snapshot }] = (await tx.execute(sql`select pg_export_snapshot() as snapshot`)) as unknown as { snapshot: string }[];
    const others = readers.slice(1).map((read) =>
      db.transaction(async (other) => {
        // Must be the transaction's first statement.
        await other.execute(sql.raw(`set transaction snapshot '${snapshot.replace(/[^0-9A-F-]/gi, "")}'`));
        await noParallelWorkers(other);
        return read(other);
      }, READ_ONLY),
    );
    await noParallelWorkers(tx);
    return (await Promise.all([readers[0](tx), ...others])) as T;
  }, READ_ONLY);
}

/** Registrations, the page of structures and the campaign's counts: the reads that are neither per year nor per band. */
async function readUptake(tx: Tx, ddetsId: string, filters: StructureFilters, year: number, page: { requested: number; all: boolean }) {
  const registrations = await registrationCounts(tx, ddetsId);
  const total = await countScopeStructures(tx, ddetsId, filters);
  const pageCount = Math.max(1, Math.ceil(total / DDETS_PAGE_SIZE));
  const current = Math.min(page.requested, pageCount);
  const structures = await listScopeStructures(tx, ddetsId, filters, year, page.all ? undefined : { limit: DDETS_PAGE_SIZE, offset: (current - 1) * DDETS_PAGE_SIZE });
  const campaign = await campaignCounts(tx, ddetsId);
  return { registrations, total, page: current, pageCount, structures, campaign };
}

/**
 * Everything the DDETS dashboard and its CSV show: summaries refreshed, then counts, the selected
 * year's bands and plan choices, the structures (one page, or all with `allStructures`) and the
 * campaign's counts, all read from one snapshot (consistent figures: the suppression relies on
 * totals that add up), then aggregated and suppressed by the engine. `concurrent` (PostgreSQL
 * only) spreads the reads over two connections.
 */
export async function loadDdetsData(
  db: Db,
  ddets: { id: string; scope: readonly string[] },
  query: DashboardQuery,
  options: { allStructures?: boolean; concurrent?: boolean } = {},
): Promise<DdetsData> {
  await refreshSummaries(db, ddets.id);
  const filters = { departement: query.departement, structureType: query.structureType };
  // The default year only chooses what to show; it is read before the snapshot.
  const year = query.year ?? defaultReferenceYear(await diagnosticYears(db, ddets.id));
  const page = { requested: query.page, all: options.allStructures ?? false };
  const [uptake, counts, bands, planChoices] = await consistentReads(db, options.concurrent ?? false, [
    (tx: Tx) => readUptake(tx, ddets.id, filters, year, page),
    (tx: Tx) => diagnosticCounts(tx, ddets.id),
    (tx: Tx) => bandCounts(tx, ddets.id, year),
    (tx: Tx) => planChoiceCounts(tx, ddets.id, year),
  ]);
  const read = { ...uptake, diagnostics: counts, bands, planChoices, year };
  const dashboard = buildDdetsDashboard({
    scope: ddets.scope,
    filters: { departement: query.departement, structureType: query.structureType, year: read.year },
    registrations: read.registrations,
    diagnostics: read.diagnostics,
    bands: read.bands,
    planChoices: read.planChoices,
  });
  return {
    dashboard,
    structures: {
      rows: read.structures.map((s) => ({
        name: s.name,
        type: STRUCTURE_TYPE_LABELS[typeOf(s.structureType)],
        commune: s.commune ?? "",
        departement: departementLabel(s.departement),
        status: STRUCTURE_STATUS_LABELS[structureStatus(s.diagnosticStatus, s.hasPlan)],
      })),
      total: read.total,
      page: read.page,
      pageCount: read.pageCount,
    },
    campaign: {
      invited: read.campaign.invited,
      registered: suppress(read.campaign.registered),
      started: suppress(read.campaign.started),
      finished: suppress(read.campaign.finished),
    },
  };
}
