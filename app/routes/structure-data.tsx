import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/structure-data";
import { getDb } from "../../db/client.ts";
import { listDiagnosticYears } from "../../db/queries/data-rights.ts";
import { requireOrgAccess } from "../auth/permissions.server.ts";
import { confirmationMatches, deleteDiagnostic, deleteStructure, MESSAGES } from "../orgs/data-deletion.server.ts";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { useSchemaForm } from "../ui/use-form.ts";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Données de la structure · ${data?.org.name ?? "Espace"} · Boussole Égalité` }];

const NBSP = "\u00a0";

const DeleteDiagnosticSchema = z.object({
  intent: z.literal("delete-diagnostic"),
  diagnosticId: z.string().min(1),
  confirmation: z.string({ error: "Saisissez l'année du diagnostic pour confirmer la suppression." }).trim(),
});

const DeleteStructureSchema = z.object({
  intent: z.literal("delete-structure"),
  confirmation: z.string({ error: "Saisissez le nom de la structure pour confirmer la suppression." }).trim(),
});

/** Owner only: the export, the deletion of a diagnostic and of the whole structure. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { org } = await requireOrgAccess(request, params.orgId, "manage", ["structure"]);
  const url = new URL(request.url);
  const diagnostics = await listDiagnosticYears(await getDb(), org.id);
  const selected = diagnostics.find((d) => d.id === url.searchParams.get("supprimer")) ?? null;
  const deletedYear = Number(url.searchParams.get("supprime"));
  return {
    org: { id: org.id, name: org.name },
    diagnostics,
    selected,
    deletedYear: Number.isInteger(deletedYear) && deletedYear > 0 ? deletedYear : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { org, user } = await requireOrgAccess(request, params.orgId, "manage", ["structure"]);
  const formData = await request.formData();
  if (formData.get("intent") === "delete-structure") {
    const submission = parseWithZod(formData, { schema: DeleteStructureSchema });
    if (submission.status !== "success") return data({ intent: "delete-structure" as const, result: submission.reply() }, { status: 400 });
    if (!confirmationMatches(submission.value.confirmation, org.name))
      return data({ intent: "delete-structure" as const, result: submission.reply({ fieldErrors: { confirmation: [MESSAGES.nameMismatch(org.name)] } }) }, { status: 400 });
    await deleteStructure(org.id, user.id);
    throw redirect("/espace");
  }
  const submission = parseWithZod(formData, { schema: DeleteDiagnosticSchema });
  if (submission.status !== "success") return data({ intent: "delete-diagnostic" as const, result: submission.reply() }, { status: 400 });
  const diagnostics = await listDiagnosticYears(await getDb(), org.id);
  const target = diagnostics.find((d) => d.id === submission.value.diagnosticId);
  if (!target) return data({ intent: "delete-diagnostic" as const, result: submission.reply({ formErrors: [MESSAGES.diagnosticGone] }) }, { status: 404 });
  if (!confirmationMatches(submission.value.confirmation, String(target.year)))
    return data(
      { intent: "delete-diagnostic" as const, result: submission.reply({ fieldErrors: { confirmation: [MESSAGES.yearMismatch(target.year)] } }) },
      { status: 400 },
    );
  const deleted = await deleteDiagnostic(org.id, user.id, target.id);
  if (!deleted) return data({ intent: "delete-diagnostic" as const, result: submission.reply({ formErrors: [MESSAGES.diagnosticGone] }) }, { status: 404 });
  throw redirect(`/o/${org.id}/donnees?supprime=${deleted.year}`);
}

const STATUS_LABELS = { brouillon: "en cours", termine: "terminé" } as const;

export default function StructureData({ loaderData, actionData }: Route.ComponentProps) {
  const { org, diagnostics, selected } = loaderData;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/espace">Mon espace</Link> › <Link to={`/o/${org.id}`}>{org.name}</Link> › Données de la structure
      </p>
      <h1>Données de la structure</h1>
      {loaderData.deletedYear ? <Notice>Le diagnostic {loaderData.deletedYear} est supprimé, avec ses réponses, son fichier du personnel, son plan et ses commentaires.</Notice> : null}
      <p>
        Cette page est réservée aux personnes propriétaires. Vous y exercez les droits prévus par le RGPD (règlement général sur la protection des
        données){NBSP}: obtenir une copie de toutes les données de la structure, et les supprimer. Les règles de conservation sont expliquées sur la
        page <Link to="/confidentialite">Données personnelles</Link>.
      </p>

      <section aria-labelledby="exporter">
        <h2 id="exporter">Exporter toutes les données</h2>
        <p>
          Un fichier zip avec la fiche de la structure, les membres (noms, adresses, rôles), les diagnostics (profil, emplois, réponses, Index),
          les fichiers du personnel, les plans d'action, les accès des associations, leurs commentaires et le journal. Chaque tableau est fourni
          en CSV pour Excel et l'ensemble en JSON{NBSP}; un fichier README.txt décrit chaque fichier. L'export est inscrit au journal.
        </p>
        <a className="button" href={`/o/${org.id}/donnees/export.zip`} download>
          Exporter toutes les données
        </a>
      </section>

      <section aria-labelledby="supprimer-diagnostic">
        <h2 id="supprimer-diagnostic">Supprimer un diagnostic</h2>
        {diagnostics.length === 0 ? (
          <p>La structure n'a aucun diagnostic.</p>
        ) : (
          <>
            <p>La suppression d'un diagnostic efface ses réponses, son fichier du personnel, son plan d'action et les commentaires reçus. Elle est définitive.</p>
            <ul>
              {diagnostics.map((d) => (
                <li key={d.id}>
                  {d.year} ({STATUS_LABELS[d.status]}){NBSP}— <Link to={`?supprimer=${d.id}#confirmer-diagnostic`}>Supprimer le diagnostic {d.year}…</Link>
                </li>
              ))}
            </ul>
            {selected ? (
              <DeleteDiagnosticForm
                key={selected.id}
                diagnostic={selected}
                lastResult={actionData?.intent === "delete-diagnostic" ? actionData.result : null}
              />
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="supprimer-structure">
        <h2 id="supprimer-structure">Supprimer la structure</h2>
        <p>
          Toutes les données de «{NBSP}{org.name}{NBSP}» sont effacées{NBSP}: diagnostics, fichiers du personnel, plans, accès des associations,
          commentaires et journal. Les membres perdent l'accès à l'espace mais gardent leur compte. Seule reste une trace de la suppression, sans
          nom ni adresse (la date et le nombre d'éléments supprimés). La suppression est définitive{NBSP}: exportez d'abord les données si vous
          voulez les garder.
        </p>
        <DeleteStructureForm name={org.name} lastResult={actionData?.intent === "delete-structure" ? actionData.result : null} />
      </section>
    </>
  );
}

type LastResult = Parameters<typeof useSchemaForm>[1]["lastResult"];

function DeleteDiagnosticForm({ diagnostic, lastResult }: { diagnostic: { id: string; year: number }; lastResult: LastResult }) {
  const [form, fields] = useSchemaForm(DeleteDiagnosticSchema, { id: "supprimer-diagnostic-form", lastResult });
  const labels = { confirmation: `Année du diagnostic à supprimer` };
  return (
    <Form method="post" {...getFormProps(form)} className="stack" aria-labelledby="confirmer-diagnostic">
      <h3 id="confirmer-diagnostic">Confirmer la suppression du diagnostic {diagnostic.year}</h3>
      <ErrorSummary form={form} fields={fields} labels={labels} />
      <input type="hidden" name="intent" value="delete-diagnostic" />
      <input type="hidden" name="diagnosticId" value={diagnostic.id} />
      <Field field={fields.confirmation} label={labels.confirmation} help={`Pour confirmer, saisissez ${diagnostic.year}.`}>
        {(p) => <input {...getInputProps(fields.confirmation, { type: "text" })} {...p} inputMode="numeric" autoComplete="off" />}
      </Field>
      <p className="actions">
        <button type="submit" className="button button-danger">
          Supprimer le diagnostic {diagnostic.year}
        </button>{" "}
        <Link to="?" className="button button-secondary">
          Annuler
        </Link>
      </p>
    </Form>
  );
}

function DeleteStructureForm({ name, lastResult }: { name: string; lastResult: LastResult }) {
  const [form, fields] = useSchemaForm(DeleteStructureSchema, { id: "supprimer-structure-form", lastResult });
  const labels = { confirmation: "Nom de la structure" };
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} fields={fields} labels={labels} />
      <input type="hidden" name="intent" value="delete-structure" />
      <Field field={fields.confirmation} label={labels.confirmation} help={`Pour confirmer, saisissez le nom de la structure${NBSP}: ${name}`}>
        {(p) => <input {...getInputProps(fields.confirmation, { type: "text" })} {...p} autoComplete="off" />}
      </Field>
      <button type="submit" className="button button-danger">
        Supprimer définitivement la structure
      </button>
    </Form>
  );
}
