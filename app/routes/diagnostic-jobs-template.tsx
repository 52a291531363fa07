import type { Route } from "./+types/diagnostic-jobs-template";
import { notFound } from "../auth/permissions.server.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { staffFileTemplateCsv, staffFileTemplateXlsx } from "../../diagnostics/staff-file/index.ts";

const TEMPLATE_FILE_NAME = "modele-fichier-du-personnel";

/** The blank staff-file template (CSV or XLSX), to download from the jobs step. */
export async function loader({ request, params }: Route.LoaderArgs) {
  await requireDiagnostic(request, params, "view");
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (params.format === "csv") {
    return new Response(staffFileTemplateCsv(), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${TEMPLATE_FILE_NAME}.csv"`,
      },
    });
  }
  if (params.format === "xlsx") {
    const bytes = staffFileTemplateXlsx();
    return new Response(new Uint8Array(bytes), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${TEMPLATE_FILE_NAME}.xlsx"`,
        "Content-Length": String(bytes.byteLength),
      },
    });
  }
  notFound();
}
