import { getFormProps, getInputProps, getSelectProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Fragment, useEffect, useRef } from "react";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/diagnostic-jobs";
import { getDb } from "../../db/client.ts";
import { replaceStaffFile, saveJobs } from "../../db/queries/diagnostics.ts";
import { MixityJobInputSchema, computeMixity, mixitySummary, populationWording, type MixityJobInput } from "../../diagnostics/mixity.ts";
import { jobsVsProfile } from "../../diagnostics/profile.ts";
import {
  REQUIRED_STAFF_COLUMNS,
  STAFF_COLUMN_HEADERS,
  STAFF_FILE_MAX_BYTES,
  STAFF_FILE_MESSAGES,
  TEMPLATE_COLUMNS,
  TRANSPARENCY_COLUMNS,
  formatFileSize,
  jobsFromStaffRows,
} from "../../diagnostics/staff-file/index.ts";
import { maySeeStaffFile, notFound } from "../auth/permissions.server.ts";
import { EMPTY_JOB_ROW, JOB_COLUMNS, JOB_COLUMN_LABELS, JobsFormSchema, jobsFromForm, jobsToFormValues, type JobColumn } from "../diagnostic/jobs-form.ts";
import { indexSizeBandOf } from "../diagnostic/index-form.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { checkStaffFile, decodeStaffRows, readFormWithLimit, staffPreview, type StaffFileErrors, type StaffPreview } from "../diagnostic/staff-import.server.ts";
import { nextStep, stepPath } from "../diagnostic/steps.ts";
import { ConflictNotice } from "../ui/conflict.tsx";
import { ErrorList, IndexInputView, JobsReadTable, MismatchNotice, capitalize, formatCount, useSubmittedErrors, type PopulationWordings } from "../ui/diagnostic-steps.tsx";
import { Notice } from "../ui/form.tsx";
import { formatDate, formatTime } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";
import { useUnsavedChangesWarning } from "../ui/unsaved.ts";
import cssHref from "../ui/diagnostic-steps.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: cssHref }];

export const meta: Route.MetaFunction = () => [{ title: "Emplois et effectifs · Diagnostic · Boussole Égalité" }];

const NBSP = "\u00a0";

/** Stored jobs, read through the engine schema (rows that do not pass are left out rather than shown wrong). */
function storedJobs(value: unknown): MixityJobInput[] {
  const parsed = z.array(MixityJobInputSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, diagnostic, profile, structureType, canEdit } = await requireDiagnostic(request, params, "view");
  const jobs = storedJobs(diagnostic.jobs);
  const url = new URL(request.url);
  const next = nextStep("emplois");
  // An advisor with a read grant sees nothing of the staff file, not even that there is one.
  const staffFileVisible = maySeeStaffFile(access);
  return {
    orgId: access.org.id,
    diagId: diagnostic.id,
    year: diagnostic.year,
    canEdit,
    jobs,
    jobsVersion: diagnostic.jobsVersion,
    wording: { permanent: populationWording("permanent", structureType), parcours: populationWording("parcours", structureType) },
    hasProfile: profile !== null,
    mismatches: profile && jobs.length > 0 ? jobsVsProfile(jobs, profile) : [],
    mixity: jobs.length > 0 ? mixitySummary(computeMixity(jobs)) : null,
    staffFileVisible,
    staffFile: staffFileVisible && diagnostic.staffFile
      ? { fileName: diagnostic.staffFile.fileName, rowCount: diagnostic.staffFile.rowCount, importedAt: diagnostic.staffFile.importedAt.toISOString() }
      : null,
    indexFromFile: staffFileVisible && diagnostic.indexSource === "fichier",
    saved: url.searchParams.get("enregistre"),
    imported: url.searchParams.get("importe"),
    nextPath: next ? stepPath(access.org.id, diagnostic.id, next) : null,
  };
}

interface JobsConflict {
  version: number;
  updatedByName: string | null;
  updatedAt: string | null;
  jobs: MixityJobInput[];
}

interface ImportPreview extends StaffPreview {
  fileName: string;
  payload: string;
  warnings: string[];
  /** The jobs version the preview was made from: confirming is refused if the table changed since. */
  version: number;
  mismatches: ReturnType<typeof jobsVsProfile>;
  sizeBand: "50-250" | "251+";
}

interface JobsActionData {
  result: SubmissionResult<string[]> | null;
  conflict: JobsConflict | null;
  preview: ImportPreview | null;
  importErrors: (StaffFileErrors & { fileName: string }) | null;
  uploadError: string | null;
  importConflict: JobsConflict | null;
}

const NO_DATA: JobsActionData = { result: null, conflict: null, preview: null, importErrors: null, uploadError: null, importConflict: null };

function reply(part: Partial<JobsActionData>, status = 200) {
  return data<JobsActionData>({ ...NO_DATA, ...part }, { status });
}

function conflictView(saved: { version: number; updatedByName: string | null; updatedAt: Date | null; current: unknown }): JobsConflict {
  return { version: saved.version, updatedByName: saved.updatedByName, updatedAt: saved.updatedAt?.toISOString() ?? null, jobs: storedJobs(saved.current) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const loaded = await requireDiagnostic(request, params, "edit");
  const { access, diagnostic, profile, structureType } = loaded;
  const orgId = access.org.id;
  const form = await readFormWithLimit(request);
  if (!form.ok) return reply({ uploadError: STAFF_FILE_MESSAGES.tooLarge(form.bytes, STAFF_FILE_MAX_BYTES) }, 413);
  const formData = form.formData;
  const intent = formData.get("intent");
  const version = Number(formData.get("version"));
  const here = stepPath(orgId, diagnostic.id, "emplois");
  const { sizeBand } = indexSizeBandOf(profile?.headcountBand ?? "moins_50");

  const toPreview = (fileName: string, payload: string, warnings: string[], p: StaffPreview, previewVersion: number): ImportPreview => ({
    ...p,
    fileName,
    payload,
    warnings,
    version: previewVersion,
    mismatches: profile ? jobsVsProfile(p.jobs, profile) : [],
    sizeBand,
  });

  if (intent === "preview") {
    const file = formData.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
      return reply({ uploadError: "Choisissez le fichier du personnel à importer (CSV ou Excel .xlsx)." }, 400);
    }
    const checked = await checkStaffFile(file, { year: diagnostic.year, sizeBand, structureType });
    if (!checked.ok) return reply({ importErrors: { ...checked.errors, fileName: checked.fileName } }, 400);
    const previewVersion = Number.isInteger(version) ? version : diagnostic.jobsVersion;
    return reply({ preview: toPreview(checked.fileName, checked.payload, checked.warnings, checked.preview, previewVersion) });
  }

  if (intent === "confirm") {
    // The rows come back from the page: validated again, and the jobs recomputed here.
    const payload = formData.get("payload");
    const rows = decodeStaffRows(payload);
    const fileName = z.string().trim().min(1).max(200).safeParse(formData.get("fileName"));
    if (!rows || !fileName.success || !Number.isInteger(version)) {
      return reply(
        { uploadError: `L'aperçu n'a pas pu être relu (données incomplètes ou modifiées). Rien n'a été enregistré${NBSP}: importez le fichier de nouveau.` },
        400,
      );
    }
    const jobs = jobsFromStaffRows(rows);
    const db = await getDb();
    const saved = await db.transaction((tx) =>
      replaceStaffFile(tx, orgId, diagnostic.id, { fileName: fileName.data, rows, jobs, expectedJobsVersion: version }, access.user.id),
    );
    if (!saved) notFound();
    if (!saved.ok) {
      const preview = toPreview(fileName.data, payload as string, [], staffPreview(rows, { sizeBand, structureType }), version);
      return reply({ importConflict: conflictView(saved), preview }, 409);
    }
    throw redirect(`${here}?importe=${encodeURIComponent(saved.updatedAt.toISOString())}`);
  }

  // The table: saved, or a row added / removed by a no-JavaScript browser (Conform's list intents).
  const submission = parseWithZod(formData, { schema: JobsFormSchema });
  if (submission.status === undefined) return reply({ result: submission.reply() });
  if (submission.status !== "success") return reply({ result: submission.reply() }, 400);
  if (!Number.isInteger(version)) return reply({ result: submission.reply({ formErrors: [`La page est incomplète${NBSP}: rechargez-la puis recommencez.`] }) }, 400);
  const saved = await saveJobs(await getDb(), orgId, diagnostic.id, version, jobsFromForm(submission.value), access.user.id);
  if (!saved) notFound();
  if (!saved.ok) return reply({ result: submission.reply(), conflict: conflictView(saved) }, 409);
  const next = nextStep("emplois");
  if (intent === "save-next" && next) throw redirect(stepPath(orgId, diagnostic.id, next));
  throw redirect(`${here}?enregistre=${encodeURIComponent(saved.updatedAt.toISOString())}#tableau`);
}

type RowFields = ReturnType<FieldMetadata<{ label?: string; population?: string; women?: string; men?: string; womenFte?: string; menFte?: string }>["getFieldset"]>;

function CellError({ field }: { field: { errorId: string; errors?: string[] } }) {
  if (!field.errors?.length) return null;
  return (
    <p className="cell-error" id={field.errorId}>
      <span aria-hidden="true">⚠ </span>
      {field.errors[0]}
    </p>
  );
}

function cellLabel(line: number, column: JobColumn): string {
  return `Ligne ${line}${NBSP}: ${JOB_COLUMN_LABELS[column]}`;
}

function JobsTableForm({
  loaderData,
  actionData,
}: {
  loaderData: Route.ComponentProps["loaderData"];
  actionData: JobsActionData | undefined;
}) {
  const { orgId, diagId, jobs, wording } = loaderData;
  const conflict = actionData?.conflict ?? null;
  const lastResult = actionData?.result ?? null;
  const initialRows = jobs.length > 0 ? jobsToFormValues(jobs) : [EMPTY_JOB_ROW, EMPTY_JOB_ROW, EMPTY_JOB_ROW];
  const [form, fields] = useSchemaForm(JobsFormSchema, { id: "emplois", lastResult, defaultValue: { jobs: initialRows } });
  const { formRef } = useUnsavedChangesWarning(true);
  const rows = fields.jobs.getFieldList();
  // The version the typed values are based on; after a conflict, the other person's (saving again overwrites theirs).
  const submittedVersion = Number((lastResult?.initialValue as { version?: string } | undefined)?.version);
  const version = conflict?.version ?? (Number.isInteger(submittedVersion) ? submittedVersion : loaderData.jobsVersion);
  const here = stepPath(orgId, diagId, "emplois");
  const errorItems = [
    ...(form.errors ?? []).map((message) => ({ message })),
    ...rows.flatMap((row) => {
      const f = row.getFieldset() as RowFields;
      return JOB_COLUMNS.filter((c) => f[c].errors?.length)
        .map((c) => ({ href: `#${f[c].id}`, message: f[c].errors![0] }));
    }),
  ];
  const shownErrors = useSubmittedErrors(form.status, errorItems);
  const text = (field: RowFields[JobColumn], line: number, column: JobColumn, extra: { inputMode?: "numeric" | "decimal"; className?: string } = {}) => {
    const { key, ...props } = getInputProps(field, { type: "text" });
    return (
      <>
        <label htmlFor={field.id} className="jobs-cell-label">
          {cellLabel(line, column)}
        </label>
        <input key={key} {...props} inputMode={extra.inputMode} className={extra.className} autoComplete="off" />
      </>
    );
  };
  return (
    <Form method="post" action={`${here}#tableau`} {...getFormProps(form)} ref={formRef} className="jobs-form">
      {/* First submit button of the form: pressing Enter in a cell saves instead of removing row 1. */}
      <button type="submit" name="intent" value="save-stay" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        Enregistrer
      </button>
      <ErrorList id="emplois-erreurs" items={shownErrors} />
      <input type="hidden" name="version" value={version} />
      <div className="table-wrap jobs-table-wrap">
        <table className="jobs-table">
          <caption>Métiers de la structure et personnes qui les occupent</caption>
          <thead>
            <tr>
              <th scope="col">Métier</th>
              <th scope="col">Population</th>
              <th scope="col">Femmes</th>
              <th scope="col">Hommes</th>
              <th scope="col">
                ETP des femmes <span className="small">(facultatif)</span>
              </th>
              <th scope="col">
                ETP des hommes <span className="small">(facultatif)</span>
              </th>
              <th scope="col">
                <span className="visually-hidden">Retirer la ligne</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const f = row.getFieldset() as RowFields;
              const line = index + 1;
              const { key: selectKey, ...selectProps } = getSelectProps(f.population);
              const invalid = JOB_COLUMNS.filter((c) => f[c].errors?.length);
              return (
                <Fragment key={row.key}>
                <tr className={invalid.length ? "jobs-row-invalid" : undefined}>
                  <td className={f.label.errors?.length ? "cell-invalid" : undefined}>{text(f.label, line, "label", { className: "jobs-label-input" })}</td>
                  <td className={f.population.errors?.length ? "cell-invalid" : undefined}>
                    <label htmlFor={f.population.id} className="jobs-cell-label">
                      {cellLabel(line, "population")}
                    </label>
                    <select key={selectKey} {...selectProps}>
                      <option value="">Choisissez…</option>
                      <option value="permanent">{capitalize(wording.permanent.label)}</option>
                      <option value="parcours">{capitalize(wording.parcours.label)}</option>
                    </select>
                  </td>
                  <td className={f.women.errors?.length ? "cell-invalid" : undefined}>{text(f.women, line, "women", { inputMode: "numeric", className: "input-count" })}</td>
                  <td className={f.men.errors?.length ? "cell-invalid" : undefined}>{text(f.men, line, "men", { inputMode: "numeric", className: "input-count" })}</td>
                  <td className={f.womenFte.errors?.length ? "cell-invalid" : undefined}>{text(f.womenFte, line, "womenFte", { inputMode: "decimal", className: "input-count" })}</td>
                  <td className={f.menFte.errors?.length ? "cell-invalid" : undefined}>{text(f.menFte, line, "menFte", { inputMode: "decimal", className: "input-count" })}</td>
                  <td>
                    <button {...form.remove.getButtonProps({ name: fields.jobs.name, index })} className="button button-small button-secondary">
                      Retirer<span className="visually-hidden"> la ligne {line}</span>
                    </button>
                  </td>
                </tr>
                {invalid.length ? (
                  <tr className="jobs-row-errors">
                    <td colSpan={7}>
                      {invalid.map((c) => (
                        <CellError key={c} field={f[c]} />
                      ))}
                    </td>
                  </tr>
                ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button {...form.insert.getButtonProps({ name: fields.jobs.name, defaultValue: EMPTY_JOB_ROW })} className="button button-secondary">
          Ajouter une ligne
        </button>
      </p>
      <p className="small">
        ETP{NBSP}: équivalent temps plein sur l'année (une personne à mi-temps toute l'année compte pour 0,5). Les décimales s'écrivent avec une virgule. Une ligne
        laissée entièrement vide est ignorée.
      </p>
      <div className="actions">
        <button type="submit" name="intent" value="save-next" className="button">
          {conflict ? "Enregistrer mon tableau à la place et continuer" : "Enregistrer et continuer"}
        </button>
        <button type="submit" name="intent" value="save-stay" className="button button-secondary">
          {conflict ? "Enregistrer mon tableau à la place" : "Enregistrer"}
        </button>
      </div>
    </Form>
  );
}

function ImportPreviewSection({ preview, wording, hasJobs, staffFile, conflict, profilePath, here }: {
  preview: ImportPreview;
  here: string;
  wording: PopulationWordings;
  hasJobs: number;
  staffFile: { fileName: string; rowCount: number; importedAt: string } | null;
  conflict: JobsConflict | null;
  profilePath: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [preview.payload]);
  const { index } = preview;
  return (
    <section className="import-preview" aria-labelledby="apercu">
      <h2 id="apercu" tabIndex={-1} ref={ref}>
        Aperçu de l'import du fichier «{NBSP}{preview.fileName}{NBSP}»
      </h2>
      <p>
        <strong>Rien n'est encore enregistré.</strong> Le fichier compte {formatCount(preview.rowCount)} personne{preview.rowCount > 1 ? "s" : ""} (
        {formatCount(preview.women)} femme{preview.women > 1 ? "s" : ""} et {formatCount(preview.men)} homme{preview.men > 1 ? "s" : ""}) réparties dans{" "}
        {formatCount(preview.jobs.length)} ligne{preview.jobs.length > 1 ? "s" : ""} de métier. Vérifiez ce qui sera enregistré, puis confirmez.
      </p>
      {preview.warnings.length > 0 ? (
        <div className="notice notice-info">
          <p>À savoir sur ce fichier{NBSP}:</p>
          <ul>
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <MismatchNotice mismatches={preview.mismatches} wording={wording} profilePath={profilePath} intro="Les effectifs du fichier diffèrent de ceux du profil." subject="Le fichier" />
      <JobsReadTable jobs={preview.jobs} wording={wording} caption="Tableau des emplois qui sera enregistré (personnes et ETP sur l'année)" />
      <h3>Données de l'Index de l'égalité qui en découlent</h3>
      <p>
        {formatCount(index.counted)} personne{index.counted > 1 ? "s" : ""} comptent dans l'index (présentes au moins 6 mois sur l'année)
        {index.excludedShortPresence > 0 ? `${NBSP}; ${formatCount(index.excludedShortPresence)} présente${index.excludedShortPresence > 1 ? "s" : ""} moins de 6 mois n'y comptent pas` : ""}
        {index.excludedNotEmployees > 0 ? `${NBSP}; ${formatCount(index.excludedNotEmployees)} ${wording.parcours.label} n'y comptent pas` : ""}. Vous pourrez
        choisir d'utiliser ces données à l'étape «{NBSP}Index de l'égalité{NBSP}».
      </p>
      <IndexInputView input={index.input} headingLevel={4} />
      <Form method="post" className="stack import-confirm">
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="payload" value={preview.payload} />
        <input type="hidden" name="fileName" value={preview.fileName} />
        <input type="hidden" name="version" value={conflict?.version ?? preview.version} />
        {hasJobs > 0 || staffFile ? (
          <p>
            L'import remplacera le tableau des emplois actuel ({formatCount(hasJobs)} ligne{hasJobs > 1 ? "s" : ""})
            {staffFile ? ` et le fichier importé le ${formatDate(staffFile.importedAt)} (${staffFile.fileName})` : ""}.
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button">
            {conflict ? "Confirmer l'import quand même" : "Confirmer l'import"}
          </button>
          <a href={`${here}#import`}>Annuler et choisir un autre fichier</a>
        </div>
      </Form>
    </section>
  );
}

function ImportErrorsSection({ errors }: { errors: StaffFileErrors & { fileName: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  return (
    <div className="error-summary import-errors" role="alert" tabIndex={-1} ref={ref} id="import-erreurs">
      <h2 className="error-summary-title">
        Le fichier «{NBSP}{errors.fileName}{NBSP}» n'a pas été importé
      </h2>
      <p>{errors.summary}</p>
      {errors.errors.length > 0 ? (
        <ul>
          {errors.errors.map((e, i) => (
            <li key={`${i}-${e.message}`}>{e.message}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href="#fichier">Choisir le fichier corrigé</a>
      </p>
    </div>
  );
}

function theirCaption(conflict: JobsConflict): string {
  return conflict.updatedByName ? `Le tableau enregistré par ${conflict.updatedByName}` : "Le tableau enregistré entre-temps";
}

export default function JobsStep({ loaderData, actionData }: Route.ComponentProps) {
  const { orgId, diagId, year, canEdit, jobs, wording, staffFile } = loaderData;
  const ad = actionData as JobsActionData | undefined;
  const here = stepPath(orgId, diagId, "emplois");
  const profilePath = stepPath(orgId, diagId, "profil");
  const uploadErrorId = "fichier-error";
  return (
    <>
      <p className="step-counter">Étape 2 sur 5</p>
      <h1>Emplois et effectifs</h1>
      <p className="lead">
        Pour chaque métier de la structure, combien de femmes et d'hommes l'ont occupé en {year}{NBSP}? C'est la base du diagnostic de mixité{NBSP}: un
        métier est dit mixte quand il compte entre 40{NBSP}% et 60{NBSP}% de femmes.
      </p>
      {loaderData.saved ? <Notice>Tableau enregistré à {formatTime(loaderData.saved)}.</Notice> : null}
      {loaderData.imported && staffFile ? (
        <Notice>
          Fichier «{NBSP}{staffFile.fileName}{NBSP}» importé à {formatTime(loaderData.imported)}{NBSP}: {formatCount(staffFile.rowCount)} personne
          {staffFile.rowCount > 1 ? "s" : ""}. Le tableau ci-dessous a été calculé à partir du fichier.
          {loaderData.indexFromFile ? " L'estimation de l'index, qui utilise ce fichier, a été mise à jour." : ""}
        </Notice>
      ) : null}
      {!canEdit ? <p className="notice notice-info">Vous consultez ce diagnostic en lecture seule.</p> : null}

      {ad?.importErrors ? <ImportErrorsSection errors={ad.importErrors} /> : null}
      {ad?.importConflict ? (
        <ConflictNotice conflict={ad.importConflict} reloadHref={here}>
          <JobsReadTable jobs={ad.importConflict.jobs} wording={wording} caption={theirCaption(ad.importConflict)} />
        </ConflictNotice>
      ) : null}
      {ad?.preview && canEdit ? (
        <ImportPreviewSection
          preview={ad.preview}
          wording={wording}
          hasJobs={jobs.length}
          staffFile={staffFile}
          conflict={ad.importConflict}
          profilePath={profilePath}
          here={here}
        />
      ) : null}

      <section aria-labelledby="tableau">
        <h2 id="tableau">Le tableau des emplois</h2>
        {!loaderData.hasProfile ? (
          <p className="notice notice-info">
            Le <Link to={profilePath}>profil de la structure</Link> n'est pas encore rempli{NBSP}: les totaux du tableau ne peuvent pas être comparés à ses effectifs.
          </p>
        ) : null}
        <MismatchNotice
          mismatches={loaderData.mismatches}
          wording={wording}
          profilePath={profilePath}
          intro="Les totaux du tableau enregistré diffèrent des effectifs du profil."
        />
        {loaderData.mixity ? <p>{loaderData.mixity}</p> : null}
        {ad?.conflict ? (
          <ConflictNotice conflict={ad.conflict} reloadHref={here}>
            <JobsReadTable jobs={ad.conflict.jobs} wording={wording} caption={theirCaption(ad.conflict)} />
          </ConflictNotice>
        ) : null}
        {canEdit ? (
          <>
            <p>
              Une ligne par métier et par population{NBSP}: si un métier est tenu à la fois par des {wording.permanent.label} et des {wording.parcours.label},
              faites deux lignes. Vous pouvez aussi <a href="#import">importer le fichier du personnel</a>{NBSP}: le tableau sera calculé pour vous.
            </p>
            <JobsTableForm key={loaderData.jobsVersion} loaderData={loaderData} actionData={ad} />
          </>
        ) : jobs.length > 0 ? (
          <JobsReadTable jobs={jobs} wording={wording} caption="Métiers de la structure et personnes qui les occupent" />
        ) : (
          <p>Le tableau des emplois n'a pas encore été rempli.</p>
        )}
      </section>

      {loaderData.staffFileVisible ? (
      <section aria-labelledby="import">
        <h2 id="import">{canEdit ? "Importer le fichier du personnel" : "Le fichier du personnel"}</h2>
        <p>
          Le fichier du personnel est un tableau avec <strong>une ligne par personne</strong> ayant travaillé dans la structure en {year}, anonyme{NBSP}:{" "}
          <strong>sans nom, sans date de naissance, sans numéro de sécurité sociale</strong>. Pour chaque personne{NBSP}: le sexe, l'emploi, la population
          (permanente ou en parcours), la catégorie socioprofessionnelle (CSP), la tranche d'âge, le temps de travail, les mois de présence et la
          rémunération annuelle brute. Votre logiciel de paie peut souvent le produire{NBSP}; sinon, partez du modèle.
        </p>
        <p>
          Il sert à remplir pour vous le tableau des emplois (personnes et ETP par métier) et, si vous le choisissez, à calculer l'Index de l'égalité à
          l'étape 4 sans autre saisie. Les lignes restent dans le diagnostic de votre structure, visibles seulement par ses membres.
        </p>
        <ul className="template-links">
          <li>
            <a href={`${here}/modele/xlsx`} download>
              Télécharger le modèle Excel (.xlsx)
            </a>
          </li>
          <li>
            <a href={`${here}/modele/csv`} download>
              Télécharger le modèle CSV (séparateur point-virgule)
            </a>
          </li>
        </ul>
        <details className="help-block">
          <summary>Les colonnes du fichier</summary>
          <p>
            La première ligne porte les intitulés des colonnes. Colonnes obligatoires{NBSP}:{" "}
            {REQUIRED_STAFF_COLUMNS.map((c) => `«${NBSP}${STAFF_COLUMN_HEADERS[c]}${NBSP}»`).join(", ")} et «{NBSP}{STAFF_COLUMN_HEADERS.age}{NBSP}». Les autres
            ({TEMPLATE_COLUMNS.filter((c) => !REQUIRED_STAFF_COLUMNS.includes(c) && c !== "age" && !(TRANSPARENCY_COLUMNS as readonly string[]).includes(c))
              .map((c) => `«${NBSP}${STAFF_COLUMN_HEADERS[c]}${NBSP}»`)
              .join(", ")}
            ) permettent d'estimer plus d'indicateurs de l'index. Les colonnes{" "}
            {TRANSPARENCY_COLUMNS.map((c) => `«${NBSP}${STAFF_COLUMN_HEADERS[c]}${NBSP}»`).join(", ")}, facultatives elles aussi, servent aux indicateurs
            de transparence salariale 2027 (onglet des résultats). Les nombres peuvent s'écrire avec une virgule, le temps de travail en pourcentage (80{NBSP}%)
            ou en heures par semaine (28{NBSP}h).
          </p>
        </details>
        {staffFile ? (
          <p>
            Dernier import{NBSP}: «{NBSP}{staffFile.fileName}{NBSP}», {formatCount(staffFile.rowCount)} personne{staffFile.rowCount > 1 ? "s" : ""}, le{" "}
            {formatDate(staffFile.importedAt)}. Un nouvel import remplace le précédent et le tableau des emplois.
          </p>
        ) : null}
        {canEdit ? (
          <Form method="post" encType="multipart/form-data" action={`${here}#apercu`} className="stack narrow">
            <input type="hidden" name="intent" value="preview" />
            <input type="hidden" name="version" value={loaderData.jobsVersion} />
            {ad?.uploadError ? <ErrorList id="import-envoi-erreur" items={[{ href: "#fichier", message: ad.uploadError }]} /> : null}
            <div className={`field${ad?.uploadError ? " field-error" : ""}`}>
              <label htmlFor="fichier">Fichier du personnel</label>
              <p className="field-help" id="fichier-help">
                CSV ou Excel (.xlsx), {formatFileSize(STAFF_FILE_MAX_BYTES)} au plus. Rien n'est enregistré avant votre confirmation.
              </p>
              {ad?.uploadError ? (
                <p className="field-error-message" id={uploadErrorId}>
                  <span aria-hidden="true">⚠ </span>
                  {ad.uploadError}
                </p>
              ) : null}
              <input
                type="file"
                id="fichier"
                name="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={ad?.uploadError ? `fichier-help ${uploadErrorId}` : "fichier-help"}
                aria-invalid={ad?.uploadError ? true : undefined}
              />
            </div>
            <button type="submit" className="button button-secondary">
              Voir l'aperçu avant import
            </button>
          </Form>
        ) : null}
      </section>
      ) : null}

      {loaderData.nextPath && (!canEdit || jobs.length > 0) ? (
        <p className="next-step">
          <Link to={loaderData.nextPath}>Étape suivante{NBSP}: les neuf domaines</Link>
        </p>
      ) : null}
    </>
  );
}
