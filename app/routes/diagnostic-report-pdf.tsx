import type { Route } from "./+types/diagnostic-report-pdf";
import { getDb } from "../../db/client.ts";
import { buildReportModel } from "../../diagnostics/report.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { loadResults } from "../diagnostic/results.server.ts";
import { diagnosticPath } from "../diagnostic/steps.ts";
import { loadReportPlan, loadReportTransparency, reportStructure } from "../report/load.server.ts";
import { renderReportPdf } from "../report/render.server.ts";
import { exportRefusedResponse, pdfResponse } from "../report/response.server.ts";

/**
 * The diagnostic report as a PDF download (resource route). `?brouillon=1` gives the draft, with
 * « BROUILLON » across every page, whatever the state of the plan. The final version needs a plan
 * that checkPlan accepts; otherwise 409 with the blocking points and links to the plan and the draft.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const loaded = await requireDiagnostic(request, params, "view");
  const { access, diagnostic, profile } = loaded;
  const draft = new URL(request.url).searchParams.get("brouillon") === "1";
  const db = await getDb();
  const [results, plan, transparency] = await Promise.all([
    loadResults(loaded),
    loadReportPlan(db, access.org.id, diagnostic.id, profile),
    loadReportTransparency(db, loaded),
  ]);

  if (!draft) {
    const reasons = !plan.plan
      ? ["Aucun plan d'action n'est encore saisi pour ce diagnostic : la version finale du rapport présente le plan retenu par la structure."]
      : plan.check!.errors.map((e) => e.message);
    if (reasons.length > 0) {
      const base = diagnosticPath(access.org.id, diagnostic.id);
      return exportRefusedResponse({
        title: "La version finale du rapport n'est pas encore prête",
        intro: `Avant l'export final, le plan d'action doit respecter les règles de la loi (domaines, rémunération effective, indicateurs chiffrés, échéances, responsables, coûts). ${reasons.length > 1 ? `${reasons.length} points bloquent` : "Un point bloque"} l'export :`,
        reasons,
        links: [
          { href: `${base}/plan`, text: plan.plan ? "Compléter le plan d'action" : "Préparer le plan d'action" },
          { href: `${base}/rapport.pdf?brouillon=1`, text: "Télécharger le brouillon du rapport", note: "(marqué « BROUILLON » sur chaque page)" },
        ],
      });
    }
  }

  const model = buildReportModel({
    results,
    plan: plan.plan,
    planCheck: plan.check,
    structure: reportStructure(loaded),
    year: diagnostic.year,
    generatedAt: new Date(),
    draft,
    diagnosticStatus: diagnostic.status,
    finishedAt: diagnostic.finishedAt,
    headcountBand: profile?.headcountBand ?? null,
    transparency,
  });
  return pdfResponse(renderReportPdf(model), model.fileName);
}
