import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/diagnostics-list";
import { getDb } from "../../db/client.ts";
import { listDiagnostics } from "../../db/queries/diagnostics.ts";
import { diagnosticProgress, ProfileSchema } from "../../diagnostics/profile.ts";
import { requireOrgAccess } from "../auth/permissions.server.ts";
import { createDiagnostic } from "../diagnostic/create.server.ts";
import { diagnosticPath } from "../diagnostic/steps.ts";
import { ErrorSummary, Field } from "../ui/form.tsx";
import { formatDate } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = () => [{ title: "Diagnostics · Boussole Égalité" }];

/** Reference years offered: from 2019 (first Index) to next year. */
const FIRST_YEAR = 2019;

function currentYear() {
  return new Date().getFullYear();
}

const CreateSchema = z.object({
  year: z
    .number({ error: "Indiquez l'année de référence en chiffres, par exemple 2026." })
    .int({ error: "L'année est un nombre entier." })
    .min(FIRST_YEAR, { error: `Choisissez une année à partir de ${FIRST_YEAR}.` })
    .max(currentYear() + 1, { error: `Choisissez une année jusqu'à ${currentYear() + 1}.` }),
  copyPrevious: z.boolean().optional(),
});

export async function loader({ request, params }: Route.LoaderArgs) {
  const { org, role } = await requireOrgAccess(request, params.orgId, "view", ["structure"], { advisors: true });
  const rows = await listDiagnostics(await getDb(), org.id);
  return {
    org: { id: org.id, name: org.name },
    canEdit: role !== "viewer",
    defaultYear: currentYear() - 1,
    diagnostics: rows.map((r) => {
      const parsed = r.profile ? ProfileSchema.safeParse(r.profile) : null;
      const profile = parsed?.success ? parsed.data : null;
      const progress = diagnosticProgress({ profile, jobsCount: r.jobs.length, answers: r.answers, indexDone: r.indexSource !== null });
      return {
        id: r.id,
        year: r.year,
        status: r.status,
        percent: progress.percent,
        updatedAt: r.updatedAt.toISOString(),
        updatedByName: r.updatedByName,
      };
    }),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { org, user } = await requireOrgAccess(request, params.orgId, "edit", ["structure"], { advisors: true });
  const submission = parseWithZod(await request.formData(), { schema: CreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createDiagnostic(org.id, user.id, submission.value.year, submission.value.copyPrevious === true);
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) }, { status: 409 });
  throw redirect(`${diagnosticPath(org.id, outcome.id)}/profil`);
}

export default function DiagnosticsList({ loaderData, actionData }: Route.ComponentProps) {
  const { org, diagnostics, canEdit, defaultYear } = loaderData;
  const [form, fields] = useSchemaForm(CreateSchema, { id: "nouveau-diagnostic", lastResult: actionData?.result ?? null, defaultValue: { year: String(defaultYear) } });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> › Diagnostics
      </p>
      <h1>Diagnostics de « {org.name} »</h1>
      <p className="lead">
        Un diagnostic fait le point sur une année de référence : qui travaille sur quels métiers, ce que vous faites déjà dans les
        neuf domaines de l'égalité professionnelle et, à partir de 50 salariés, l'Index de l'égalité. Tout est enregistré au fur et à
        mesure : vous pouvez vous arrêter et reprendre plus tard.
      </p>
      {diagnostics.length === 0 ? (
        <p>Aucun diagnostic pour l'instant.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Vos diagnostics, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Année</th>
                <th scope="col">État</th>
                <th scope="col">Avancement</th>
                <th scope="col">Dernière modification</th>
                <th scope="col">
                  <span className="visually-hidden">Ouvrir</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {diagnostics.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.year}</th>
                  <td>
                    <span className={`badge badge-${d.status}`}>{d.status === "termine" ? "Terminé" : "Brouillon"}</span>
                  </td>
                  <td>{d.percent}&nbsp;%</td>
                  <td>
                    {formatDate(d.updatedAt)}
                    {d.updatedByName ? `, par ${d.updatedByName}` : ""}
                  </td>
                  <td>
                    <Link to={diagnosticPath(org.id, d.id)}>
                      {d.status === "termine" ? "Voir" : "Reprendre"}
                      <span className="visually-hidden"> le diagnostic {d.year}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <section aria-labelledby="nouveau-titre">
          <h2 id="nouveau-titre">Commencer un diagnostic</h2>
          <Form method="post" {...getFormProps(form)} className="stack narrow">
            <ErrorSummary form={form} fields={fields} labels={{ year: "Année de référence" }} />
            <Field field={fields.year} label="Année de référence" help="L'année civile sur laquelle portent les chiffres (souvent l'année dernière).">
              {(p) => <input {...getInputProps(fields.year, { type: "number" })} {...p} inputMode="numeric" />}
            </Field>
            {diagnostics.length > 0 ? (
              <div className="field checkbox">
                <input type="checkbox" id="copyPrevious" name="copyPrevious" value="on" defaultChecked />
                <label htmlFor="copyPrevious">Reprendre le profil, les emplois et les catégories d'emplois de valeur égale du diagnostic précédent (vous pourrez les modifier)</label>
              </div>
            ) : null}
            <button type="submit" className="button">
              Créer le diagnostic
            </button>
          </Form>
        </section>
      ) : (
        <p className="small">Votre rôle (lecture seule) ne permet pas de créer un diagnostic.</p>
      )}
    </>
  );
}
