import type { Route } from "./+types/diagnostic-tender-pdf";
import { getDb } from "../../db/client.ts";
import { buildTenderSheetModel } from "../../diagnostics/tender-sheet.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { loadResults } from "../diagnostic/results.server.ts";
import { loadReportPlan, loadTenderDiagnostics, reportStructure } from "../report/load.server.ts";
import { renderTenderSheetPdf } from "../report/render.server.ts";
import { pdfResponse } from "../report/response.server.ts";

/**
 * « Fiche égalité pour répondre à un marché public » as a PDF download (resource route): the women's
 * share of the people in pathways per job (persons and hours), the last years, the plan's
 * commitments and actions on peripheral barriers, the Index and plan status. No plan is required:
 * the sheet says when there is none.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const { access, diagnostic, profile } = loaded;
  const db = await getDb();
  const [results, plan] = await Promise.all([loadResults(loaded), loadReportPlan(db, access.org.id, diagnostic.id, profile)]);
  const model = buildTenderSheetModel({
    structure: reportStructure(loaded),
    year: diagnostic.year,
    generatedAt: new Date(),
    diagnostics: await loadTenderDiagnostics(db, loaded, results, plan),
    headcountBand: profile?.headcountBand ?? null,
  });
  return pdfResponse(renderTenderSheetPdf(model), model.fileName);
}
