import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/diagnostic-profile";
import { getDb } from "../../db/client.ts";
import { saveProfile } from "../../db/queries/diagnostics.ts";
import { profileWarnings } from "../../diagnostics/profile.ts";
import { PARCOURS_WORDING } from "../../diagnostics/questionnaire.ts";
import { HEADCOUNT_BAND_LABELS, HEADCOUNT_BANDS, STRUCTURE_TYPE_LABELS, STRUCTURE_TYPES, type Profile } from "../../diagnostics/types.ts";
import { notFound } from "../auth/permissions.server.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { ProfileFormSchema, profileToFormValues } from "../diagnostic/profile-form.ts";
import { stepPath } from "../diagnostic/steps.ts";
import { ConflictNotice } from "../ui/conflict.tsx";
import { ErrorSummary, Field, Notice } from "../ui/form.tsx";
import { formatTime } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";
import { useUnsavedChangesWarning } from "../ui/unsaved.ts";

export const meta: Route.MetaFunction = () => [{ title: "Profil de la structure · Diagnostic · Boussole Égalité" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, diagnostic, profile, structureType, canEdit } = await requireDiagnostic(request, params, "view");
  return {
    orgId: access.org.id,
    diagId: diagnostic.id,
    year: diagnostic.year,
    version: diagnostic.profileVersion,
    values: diagnostic.profile ? profileToFormValues(diagnostic.profile) : { structureType },
    warnings: profile ? profileWarnings(profile) : [],
    saved: new URL(request.url).searchParams.get("enregistre"),
    canEdit,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, diagnostic } = await requireDiagnostic(request, params, "edit");
  const formData = await request.formData();
  const expectedVersion = Number(formData.get("version"));
  const submission = parseWithZod(formData, { schema: ProfileFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const saved = await saveProfile(await getDb(), access.org.id, diagnostic.id, expectedVersion, submission.value, access.user.id);
  if (!saved) notFound();
  if (!saved.ok) {
    return data(
      {
        result: submission.reply(),
        conflict: {
          version: saved.version,
          updatedByName: saved.updatedByName,
          updatedAt: saved.updatedAt?.toISOString() ?? null,
          theirs: saved.current ? profileSummary(saved.current as unknown as Profile) : null,
        },
      },
      { status: 409 },
    );
  }
  const next = formData.get("intent") === "stay" ? `${stepPath(access.org.id, diagnostic.id, "profil")}?enregistre=${encodeURIComponent(saved.updatedAt.toISOString())}` : stepPath(access.org.id, diagnostic.id, "emplois");
  throw redirect(next);
}

/** One line of what another person saved, to compare with one's own values. */
function profileSummary(p: Profile): string {
  const type = STRUCTURE_TYPE_LABELS[p.structureType] ?? p.structureType;
  const band = HEADCOUNT_BAND_LABELS[p.headcountBand] ?? p.headcountBand;
  return `${type}, ${band.toLowerCase()} ; équipe permanente : ${p.permanentWomen} femmes et ${p.permanentMen} hommes ; en parcours : ${p.parcoursWomen} femmes et ${p.parcoursMen} hommes.`;
}

const LABELS = {
  structureType: "Type de structure",
  headcountBand: "Tranche d'effectif",
  permanentWomen: "Femmes de l'équipe permanente",
  permanentMen: "Hommes de l'équipe permanente",
  parcoursWomen: "Femmes en parcours",
  parcoursMen: "Hommes en parcours",
  permanentFte: "ETP de l'équipe permanente",
  parcoursFte: "ETP des personnes en parcours",
  hasCse: "CSE",
  hasDelegueSyndical: "Délégué syndical",
  existingAgreement: "Accord ou plan existant",
  boardWomen: "Femmes au conseil d'administration",
  boardMen: "Hommes au conseil d'administration",
  directionWomen: "Femmes à la direction",
  directionMen: "Hommes à la direction",
  activities: "Activités",
} as const;

function YesNo({ field, legend, help, disabled }: { field: { id: string; name: string; errors?: string[]; initialValue?: unknown }; legend: string; help: string; disabled: boolean }) {
  const errorId = `${field.id}-error`;
  return (
    <fieldset className={`field choice-group${field.errors?.length ? " field-error" : ""}`} id={field.id} aria-describedby={field.errors?.length ? errorId : undefined}>
      <legend>{legend}</legend>
      <p className="field-help">{help}</p>
      {field.errors?.length ? (
        <p className="field-error-message" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {field.errors[0]}
        </p>
      ) : null}
      {(["oui", "non"] as const).map((v) => (
        <label key={v} className="choice">
          <input type="radio" name={field.name} value={v} defaultChecked={field.initialValue === v} disabled={disabled} /> {v === "oui" ? "Oui" : "Non"}
        </label>
      ))}
    </fieldset>
  );
}

export default function ProfileStep({ loaderData, actionData }: Route.ComponentProps) {
  const { orgId, diagId, values, canEdit, warnings } = loaderData;
  const conflict = actionData?.conflict ?? null;
  const version = conflict?.version ?? loaderData.version;
  const [form, fields] = useSchemaForm(ProfileFormSchema, { id: "profil", lastResult: actionData?.result ?? null, defaultValue: values });
  const { formRef } = useUnsavedChangesWarning(canEdit);
  const parcours = PARCOURS_WORDING[(values.structureType as keyof typeof PARCOURS_WORDING) ?? "autre"] ?? PARCOURS_WORDING.autre;
  const disabled = !canEdit;
  const number = (
    name: "permanentWomen" | "permanentMen" | "parcoursWomen" | "parcoursMen" | "permanentFte" | "parcoursFte" | "boardWomen" | "boardMen" | "directionWomen" | "directionMen",
    help?: string,
  ) => {
    const f = fields[name] as (typeof fields)["permanentWomen"];
    return (
      <Field field={f} label={LABELS[name]} help={help}>
        {(p) => <input {...getInputProps(f, { type: "text" })} {...p} inputMode="numeric" className="input-short" disabled={disabled} />}
      </Field>
    );
  };
  return (
    <>
      <p className="step-counter">Étape 1 sur 5</p>
      <h1>Profil de la structure</h1>
      <p className="lead">
        Ces informations décident de ce que la loi vous demande (à partir de 50 salariés : Index de l'égalité et plan d'action) et des
        questions qui vous seront posées. Comptez les personnes présentes au 31 décembre de l'année de référence.
      </p>
      {loaderData.saved ? <Notice>Profil enregistré à {formatTime(loaderData.saved)}.</Notice> : null}
      {conflict ? (
        <ConflictNotice conflict={conflict} reloadHref={stepPath(orgId, diagId, "profil")}>
          {conflict.theirs ? <p>Ses valeurs : {conflict.theirs}</p> : null}
        </ConflictNotice>
      ) : null}
      {warnings.map((w) => (
        <div key={w} className="notice notice-warning">
          {w}
        </div>
      ))}
      {!canEdit ? <p className="notice notice-info">Vous consultez ce diagnostic en lecture seule.</p> : null}
      <Form method="post" {...getFormProps(form)} ref={formRef} className="stack">
        <ErrorSummary form={form} fields={fields} labels={LABELS} />
        <input type="hidden" name="version" value={version} />
        <fieldset>
          <legend>La structure</legend>
          <Field field={fields.structureType} label={LABELS.structureType}>
            {(p) => (
              <select {...getSelectProps(fields.structureType)} {...p} disabled={disabled}>
                <option value="">Choisissez…</option>
                {STRUCTURE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {STRUCTURE_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className={`field choice-group${fields.headcountBand.errors?.length ? " field-error" : ""}`} id={fields.headcountBand.id}>
            <legend>{LABELS.headcountBand}</legend>
            <p className="field-help">
              L'effectif légal, celui de vos déclarations (DSN). Il décide de vos obligations : Index et plan d'action à partir de 50
              salariés, 4 domaines d'action au lieu de 3 à partir de 300.
            </p>
            {fields.headcountBand.errors?.length ? <p className="field-error-message">⚠ {fields.headcountBand.errors[0]}</p> : null}
            {HEADCOUNT_BANDS.map((b) => (
              <label key={b} className="choice">
                <input type="radio" name={fields.headcountBand.name} value={b} defaultChecked={fields.headcountBand.initialValue === b} disabled={disabled} />{" "}
                {HEADCOUNT_BAND_LABELS[b]}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>L'équipe permanente</legend>
          <p className="field-help">Direction, encadrantes et encadrants techniques, CIP, administration, commerciaux…</p>
          <div className="field-row">
            {number("permanentWomen")}
            {number("permanentMen")}
          </div>
          {number("permanentFte", "ETP : équivalent temps plein. Une personne à mi-temps compte pour 0,5. Facultatif.")}
        </fieldset>
        <fieldset>
          <legend>Les {parcours.masculine}</legend>
          <p className="field-help">Les personnes pour qui la structure existe : contrats d'insertion, salariés en situation de handicap, travailleurs accompagnés.</p>
          <div className="field-row">
            {number("parcoursWomen")}
            {number("parcoursMen")}
          </div>
          {number("parcoursFte", "Facultatif.")}
        </fieldset>
        <fieldset>
          <legend>Dialogue social</legend>
          <YesNo
            field={fields.hasCse}
            legend="Votre structure a-t-elle un CSE ?"
            help="Le comité social et économique, obligatoire à partir de 11 salariés. Il est consulté sur l'égalité professionnelle."
            disabled={disabled}
          />
          <YesNo
            field={fields.hasDelegueSyndical}
            legend="Un délégué syndical est-il désigné ?"
            help="Avec un délégué syndical, l'égalité professionnelle se négocie : un accord est recherché avant un plan d'action."
            disabled={disabled}
          />
          <Field field={fields.existingAgreement} label="Avez-vous déjà un accord ou un plan d'action sur l'égalité professionnelle ?">
            {(p) => (
              <select {...getSelectProps(fields.existingAgreement)} {...p} disabled={disabled}>
                <option value="">Choisissez…</option>
                <option value="aucun">Ni accord ni plan d'action</option>
                <option value="plan">Un plan d'action</option>
                <option value="accord">Un accord signé avec les syndicats</option>
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Gouvernance (facultatif)</legend>
          <p className="field-help">Le conseil d'administration (ou le bureau) et l'équipe de direction, par sexe.</p>
          <div className="field-row">
            {number("boardWomen")}
            {number("boardMen")}
          </div>
          <div className="field-row">
            {number("directionWomen")}
            {number("directionMen")}
          </div>
        </fieldset>
        <Field field={fields.activities} label="Activités de la structure (facultatif)" help="Une par ligne, par exemple « espaces verts », « maraîchage », « couture ».">
          {(p) => <textarea {...getTextareaProps(fields.activities)} {...p} rows={3} disabled={disabled} />}
        </Field>
        {canEdit ? (
          <div className="actions">
            <button type="submit" className="button">
              Enregistrer et continuer
            </button>
            <button type="submit" name="intent" value="stay" className="button button-secondary">
              Enregistrer
            </button>
          </div>
        ) : (
          <p>
            <Link to={stepPath(orgId, diagId, "emplois")}>Étape suivante : emplois et effectifs</Link>
          </p>
        )}
      </Form>
    </>
  );
}
