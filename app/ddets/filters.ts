import { STRUCTURE_TYPES, type StructureType } from "../../diagnostics/types.ts";

/** Structures listed per page of the DDETS dashboard. */
export const DDETS_PAGE_SIZE = 50;

/** The dashboard's GET parameters once checked: anything invalid or outside the scope is ignored. */
export interface DashboardQuery {
  departement: string | null;
  structureType: StructureType | null;
  /** Reference year asked for; null → the latest year with diagnostics. */
  year: number | null;
  page: number;
}

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

/** Reads `departement`, `type`, `annee` and `page` (plain GET form, works without JavaScript). */
export function parseDashboardQuery(params: URLSearchParams, scope: readonly string[]): DashboardQuery {
  const dep = params.get("departement");
  const type = params.get("type");
  const year = Number(params.get("annee"));
  const page = Number(params.get("page"));
  return {
    departement: dep && scope.includes(dep) ? dep : null,
    structureType: type && (STRUCTURE_TYPES as readonly string[]).includes(type) ? (type as StructureType) : null,
    year: Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX ? year : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string of a dashboard selection (for links: pages, CSV export). */
export function dashboardSearch(query: { departement: string | null; structureType: string | null; year: number | null; page?: number }): string {
  const params = new URLSearchParams();
  if (query.departement) params.set("departement", query.departement);
  if (query.structureType) params.set("type", query.structureType);
  if (query.year) params.set("annee", String(query.year));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
