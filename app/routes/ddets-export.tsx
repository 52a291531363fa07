import type { Route } from "./+types/ddets-export";
import { getDbHandle } from "../../db/client.ts";
import { requireDdets } from "../auth/permissions.server.ts";
import { dashboardCsvRows, toCsv } from "../ddets/csv.ts";
import { loadDdetsData } from "../ddets/dashboard.server.ts";
import { parseDashboardQuery } from "../ddets/filters.ts";
import { formatDate } from "../ui/format.ts";

/**
 * Resource route: the dashboard's figures for the same selection, with the same suppression, and the
 * structures of the selection (name, type, commune, status), as a CSV file for French Excel.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, scope } = await requireDdets(request, params.orgId);
  const query = parseDashboardQuery(new URL(request.url).searchParams, scope);
  const handle = await getDbHandle();
  const data = await loadDdetsData(handle.db, { id: org.id, scope }, query, { allStructures: true, concurrent: handle.driver === "postgres" });
  const now = new Date();
  const body = toCsv(dashboardCsvRows(data, { ddetsName: org.name, exportedOn: formatDate(now) }));
  const stamp = now.toISOString().slice(0, 10);
  const name = `suivi-structures-${data.dashboard.filters.year}-${stamp}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
