import type { Db } from "../../db/client.ts";
import { findPayCategoryMap } from "../../db/queries/pay-categories.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import {
  applyCategoryMapping,
  computeTransparency,
  editorJobs,
  mappingForJobs,
  transparencyView,
  type TransparencyView,
} from "../../diagnostics/transparency/index.ts";
import type { StructureType } from "../../diagnostics/types.ts";
import { loadStaffRows } from "./results.server.ts";

/**
 * The one place that reads a diagnostic's staff rows for the pay-transparency figures: the tab, the
 * category editor and the report PDF all go through here, so that they group people in the same
 * categories (the editor's when saved, else the file's column).
 */
export async function loadCategorizedStaff(db: Db, orgId: string, diagnosticId: string, structureType: StructureType) {
  const rows = await loadStaffRows(db, orgId, diagnosticId);
  if (!rows) return null;
  const stored = await findPayCategoryMap(db, orgId, diagnosticId);
  const jobs = editorJobs(rows, { structureType });
  const read = stored ? mappingForJobs(stored.mapping, jobs) : null;
  return {
    rows,
    jobs,
    stored: stored && read ? { ...read, version: stored.version, updatedAt: stored.updatedAt, updatedByName: stored.updatedByName } : null,
    /** The rows the indicators read: the editor's categories in place of the file's column when a mapping is saved. */
    categorized: read ? applyCategoryMapping(rows, read.mapping, { structureType }) : rows,
  };
}

/** The pay-transparency view model of a diagnostic's staff file; null without a usable file. */
export async function loadTransparencyView(db: Db, orgId: string, diagnosticId: string, structureType: StructureType): Promise<TransparencyView | null> {
  const staff = await loadCategorizedStaff(db, orgId, diagnosticId, structureType);
  return staff ? transparencyViewOf(staff.categorized, structureType, staff.stored !== null) : null;
}

/** The view model of categorized rows (`fromEditor`: the categories are the editor's). */
export function transparencyViewOf(rows: readonly StaffRow[], structureType: StructureType, fromEditor: boolean): TransparencyView {
  return transparencyView(computeTransparency(rows, { structureType }), { categoriesFrom: fromEditor ? "editeur" : "fichier" });
}
