import type { Route } from "./+types/structure-data-export";
import { requireOrgAccess } from "../auth/permissions.server.ts";
import { exportStructureResponse } from "../orgs/data-export.server.ts";

/** GET: the zip of every data of the structure, owner only (written to the audit log). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, user } = await requireOrgAccess(request, params.orgId, "manage", ["structure"]);
  return exportStructureResponse(org.id, user);
}
