import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/diagnostic-index";
import { getDb } from "../../db/client.ts";
import { findStaffRows, saveIndexStep } from "../../db/queries/diagnostics.ts";
import {
  INDEX_AGE_BANDS,
  INDEX_AGE_BAND_LABELS,
  INDEX_CSPS,
  INDEX_CSP_LABELS,
  computeIndex,
  parseIndexInput,
  type IndexInput,
  type IndexSizeBand,
} from "../../diagnostics/index/index.ts";
import { populationWording } from "../../diagnostics/mixity.ts";
import { StaffRowSchema } from "../../diagnostics/staff-file/index.ts";
import { maySeeStaffFile, notFound } from "../auth/permissions.server.ts";
import {
  SKIP_REASONS,
  SkipFormSchema,
  indexErrorSummary,
  indexFormSchema,
  indexInputFromForm,
  indexInputToCells,
  skipReasonOf,
  indexSizeBandOf,
} from "../diagnostic/index-form.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { readFormWithLimit, staffPreview } from "../diagnostic/staff-import.server.ts";
import { stepPath } from "../diagnostic/steps.ts";
import { ConflictNotice } from "../ui/conflict.tsx";
import { ErrorList, IndexEstimate, IndexInputView, formatCount, useSubmittedErrors } from "../ui/diagnostic-steps.tsx";
import { Notice } from "../ui/form.tsx";
import { formatDate, formatTime } from "../ui/format.ts";
import { useSchemaForm } from "../ui/use-form.ts";
import { useUnsavedChangesWarning } from "../ui/unsaved.ts";
import cssHref from "../ui/diagnostic-steps.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: cssHref }];

export const meta: Route.MetaFunction = () => [{ title: "Index de l'égalité · Diagnostic · Boussole Égalité" }];

const NBSP = "\u00a0";
const CHOICES = ["saisie", "fichier", "ignorer"] as const;
type Choice = (typeof CHOICES)[number];
const SOURCE_OF_CHOICE = { saisie: "saisie", fichier: "fichier", ignorer: "ignore" } as const;

/** The index data derived from the imported staff file (null without a file, or when its rows no longer pass the engine schema). */
async function indexFromStaffFile(orgId: string, diagId: string, options: { sizeBand: IndexSizeBand; structureType: Parameters<typeof staffPreview>[1]["structureType"] }) {
  const rows = await findStaffRows(await getDb(), orgId, diagId);
  if (!rows) return null;
  const parsed = z.array(StaffRowSchema).safeParse(rows);
  if (!parsed.success) return null;
  const preview = staffPreview(parsed.data, options);
  const check = parseIndexInput(preview.index.input);
  return { ...preview.index, notes: check.ok ? [] : [...new Set(check.errors.map((e) => e.message))] };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, diagnostic, profile, structureType, canEdit } = await requireDiagnostic(request, params, "view");
  const orgId = access.org.id;
  const url = new URL(request.url);
  // An advisor with a read grant gets nothing derived from the staff file (only the estimate, as with entered data).
  const staffFileVisible = maySeeStaffFile(access);
  const base = {
    orgId,
    diagId: diagnostic.id,
    year: diagnostic.year,
    canEdit,
    version: diagnostic.indexVersion,
    source: diagnostic.indexSource,
    skipReason: diagnostic.indexSkipReason,
    updatedAt: diagnostic.updatedAt.toISOString(),
    saved: url.searchParams.get("enregistre"),
    staffFileVisible,
    staffFile: staffFileVisible && diagnostic.staffFile ? { fileName: diagnostic.staffFile.fileName, rowCount: diagnostic.staffFile.rowCount, importedAt: diagnostic.staffFile.importedAt.toISOString() } : null,
    parcoursLabel: populationWording("parcours", structureType).label,
  };
  if (!profile) return { ...base, band: null, entered: null, fromFile: null, estimate: null, choice: "saisie" as Choice };
  const band = indexSizeBandOf(profile.headcountBand);
  const fromFile = diagnostic.staffFile ? await indexFromStaffFile(orgId, diagnostic.id, { sizeBand: band.sizeBand, structureType }) : null;
  const stored = diagnostic.indexSource === "saisie" && diagnostic.indexData ? parseIndexInput(diagnostic.indexData) : null;
  const entered = stored?.ok ? stored.value : null;
  const estimateInput = diagnostic.indexSource === "saisie" ? entered : diagnostic.indexSource === "fichier" ? (fromFile?.input ?? null) : null;
  const asked = url.searchParams.get("choix");
  const choice: Choice = (CHOICES as readonly string[]).includes(asked ?? "")
    ? (asked as Choice)
    : diagnostic.indexSource === "ignore"
      ? "ignorer"
      : diagnostic.indexSource === "fichier" || (diagnostic.indexSource === null && fromFile)
        ? "fichier"
        : "saisie";
  return {
    ...base,
    band,
    entered,
    fromFile: staffFileVisible ? fromFile : null,
    estimate: estimateInput ? computeIndex(estimateInput, { belowFifty: band.belowFifty }) : null,
    choice: choice === "fichier" && !fromFile ? ("saisie" as Choice) : choice,
  };
}

interface IndexConflict {
  version: number;
  updatedByName: string | null;
  updatedAt: string | null;
  theirs: string;
  theirsInput: IndexInput | null;
}

interface IndexActionData {
  result: SubmissionResult<string[]> | null;
  skipResult: SubmissionResult<string[]> | null;
  conflict: IndexConflict | null;
  message: string | null;
}

const NO_DATA: IndexActionData = { result: null, skipResult: null, conflict: null, message: null };

function reply(part: Partial<IndexActionData>, status = 200) {
  return data<IndexActionData>({ ...NO_DATA, ...part }, { status });
}

/** One sentence saying what another person saved. */
function describeStored(current: { source?: string | null; skipReason?: string | null }): string {
  if (current.source === "saisie") return "Des données saisies à la main.";
  if (current.source === "fichier") return "Les données du fichier du personnel.";
  if (current.source === "ignore") return `L'étape passée, pour cette raison${NBSP}: «${NBSP}${current.skipReason ?? ""}${NBSP}».`;
  return "Aucun choix.";
}

/** Enough for the three small forms of this page. */
const MAX_INDEX_FORM_BYTES = 256 * 1024;

export async function action({ request, params }: Route.ActionArgs) {
  const { access, diagnostic, profile, structureType } = await requireDiagnostic(request, params, "edit");
  const orgId = access.org.id;
  const form = await readFormWithLimit(request, MAX_INDEX_FORM_BYTES);
  if (!form.ok) return reply({ message: "Envoi trop volumineux pour ce formulaire." }, 413);
  const formData = form.formData;
  if (!profile) return reply({ message: `Remplissez d'abord le profil de la structure${NBSP}: la tranche d'effectif décide des règles de l'index.` }, 400);
  const { sizeBand } = indexSizeBandOf(profile.headcountBand);
  const intent = formData.get("intent");
  const version = Number(formData.get("version"));
  if (!Number.isInteger(version)) return reply({ message: `La page est incomplète${NBSP}: rechargez-la puis recommencez.` }, 400);

  let input: { source: "saisie" | "fichier" | "ignore"; data: Record<string, unknown> | null; skipReason: string | null };
  let submitted: { reply: () => SubmissionResult<string[]> } | null = null;
  let resultKey: "result" | "skipResult" = "result";
  if (intent === "saisie") {
    const submission = parseWithZod(formData, { schema: indexFormSchema(sizeBand) });
    if (submission.status !== "success") return reply({ result: submission.reply() }, 400);
    submitted = submission;
    input = { source: "saisie", data: indexInputFromForm(submission.value, sizeBand) as unknown as Record<string, unknown>, skipReason: null };
  } else if (intent === "fichier") {
    const file = await indexFromStaffFile(orgId, diagnostic.id, { sizeBand, structureType });
    if (!file) return reply({ message: `Aucun fichier du personnel n'a été importé${NBSP}: importez-le à l'étape «${NBSP}Emplois et effectifs${NBSP}», ou saisissez les données.` }, 400);
    input = { source: "fichier", data: null, skipReason: null };
  } else if (intent === "ignorer") {
    const submission = parseWithZod(formData, { schema: SkipFormSchema });
    if (submission.status !== "success") return reply({ skipResult: submission.reply() }, 400);
    submitted = submission;
    resultKey = "skipResult";
    input = { source: "ignore", data: null, skipReason: skipReasonOf(submission.value) };
  } else {
    return reply({ message: "Demande incorrecte." }, 400);
  }

  const saved = await saveIndexStep(await getDb(), orgId, diagnostic.id, version, input, access.user.id);
  if (!saved) notFound();
  if (!saved.ok) {
    const current = (saved.current ?? {}) as { source?: string | null; skipReason?: string | null; data?: unknown };
    const theirs = current.source === "saisie" && current.data ? parseIndexInput(current.data) : null;
    return reply(
      {
        [resultKey]: submitted?.reply() ?? null,
        conflict: {
          version: saved.version,
          updatedByName: saved.updatedByName,
          updatedAt: saved.updatedAt?.toISOString() ?? null,
          theirs: describeStored(current),
          theirsInput: theirs?.ok ? theirs.value : null,
        },
      },
      409,
    );
  }
  const choice = intent === "ignorer" ? "ignorer" : intent;
  throw redirect(`${stepPath(orgId, diagnostic.id, "index")}?choix=${choice}&enregistre=${encodeURIComponent(saved.updatedAt.toISOString())}`);
}

type LoaderData = Route.ComponentProps["loaderData"];

function submittedVersion(result: SubmissionResult<string[]> | null): number | null {
  const v = Number((result?.initialValue as { version?: string } | undefined)?.version);
  return Number.isInteger(v) ? v : null;
}

/** Errors about a group of fields (a whole table, a yes / no question), shown at the top of its fieldset. */
function FieldsetErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id}>
      {errors.map((e) => (
        <p key={e} className="fieldset-error">
          <span aria-hidden="true">⚠ </span>
          {e}
        </p>
      ))}
    </div>
  );
}

interface CellField {
  id: string;
  name: string;
  errorId: string;
  errors?: string[];
  initialValue?: unknown;
  key?: string;
}

/** A cell of a table of inputs; its label is hidden beside the table's headers, and shortened on a narrow screen where the row becomes a card. */
function NumberCell({ field, label, short, decimal }: { field: CellField; label: string; short: string; decimal?: boolean }) {
  const { key, ...props } = getInputProps(field as never, { type: "text" });
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={invalid ? "index-cell-invalid" : undefined}>
      <label htmlFor={field.id} className="index-cell-label">
        <span className="index-label-short" aria-hidden="true">
          {short}
        </span>
        <span className="index-label-long">{label}</span>
      </label>
      <input key={key} {...props} inputMode={decimal ? "decimal" : "numeric"} autoComplete="off" />
      {invalid ? (
        <p className="cell-error" id={field.errorId}>
          <span aria-hidden="true">⚠ </span>
          {field.errors![0]}
        </p>
      ) : null}
    </div>
  );
}

function LabelledNumber({ field, label, help }: { field: CellField; label: string; help?: string }) {
  const { key, ...props } = getInputProps(field as never, { type: "text" });
  const invalid = Boolean(field.errors?.length);
  const helpId = `${field.id}-help`;
  return (
    <div className={`field${invalid ? " field-error" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
      {invalid ? (
        <p className="field-error-message" id={field.errorId}>
          <span aria-hidden="true">⚠ </span>
          {field.errors![0]}
        </p>
      ) : null}
      <input
        key={key}
        {...props}
        aria-describedby={[help ? helpId : null, invalid ? field.errorId : null].filter(Boolean).join(" ") || undefined}
        inputMode="numeric"
        className="index-number"
        autoComplete="off"
      />
    </div>
  );
}

function YesNoRadios({ field, yes, no }: { field: CellField; yes: string; no: string }) {
  return (
    <>
      {(["oui", "non"] as const).map((v) => (
        <label key={v} className="choice">
          <input type="radio" name={field.name} value={v} defaultChecked={field.initialValue === v} id={v === "oui" ? field.id : undefined} />{" "}
          {v === "oui" ? yes : no}
        </label>
      ))}
    </>
  );
}

function RatesFieldset({ fields, kind, legend, help, yes, no }: { fields: any; kind: "raises" | "promotions"; legend: string; help: string; yes: string; no: string }) {
  const set = fields[kind].getFieldset();
  const groups = set.groups.getFieldList();
  const word = kind === "raises" ? ["augmentées", "augmentés"] : ["promues", "promus"];
  return (
    <fieldset id={fields[kind].id}>
      <legend>{legend}</legend>
      <p className="field-help">{help}</p>
      <FieldsetErrors id={fields[kind].errorId} errors={[...(fields[kind].errors ?? []), ...(set.groups.errors ?? []), ...(set.happened.errors ?? [])]} />
      <YesNoRadios field={set.happened} yes={yes} no={no} />
      <div className="table-wrap index-table-wrap index-rates">
        <table className="index-cells">
          <caption>Si oui{NBSP}: pourcentage de salariés {kind === "raises" ? "augmentés" : "promus"} dans chaque catégorie</caption>
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col">% de femmes {word[0]}</th>
              <th scope="col">% d'hommes {word[1]}</th>
            </tr>
          </thead>
          <tbody>
            {INDEX_CSPS.map((csp, i) => {
              const g = groups[i].getFieldset();
              return (
                <tr key={csp}>
                  <th scope="row">{INDEX_CSP_LABELS[csp]}</th>
                  <td>
                    <NumberCell field={g.ratePctWomen} label={`${legend}, ${INDEX_CSP_LABELS[csp]}, pourcentage de femmes ${word[0]}`} short={`% de femmes ${word[0]}`} decimal />
                  </td>
                  <td>
                    <NumberCell field={g.ratePctMen} label={`${legend}, ${INDEX_CSP_LABELS[csp]}, pourcentage d'hommes ${word[1]}`} short={`% d'hommes ${word[1]}`} decimal />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function EntryForm({ loaderData, actionData, version }: { loaderData: LoaderData; actionData: IndexActionData | undefined; version: number }) {
  const band = loaderData.band!;
  const schema = useMemo(() => indexFormSchema(band.sizeBand), [band.sizeBand]);
  const [form, fields] = useSchemaForm(schema, {
    id: "index-saisie",
    lastResult: actionData?.result ?? null,
    defaultValue: indexInputToCells(loaderData.entered) as Record<string, unknown>,
  });
  const { formRef } = useUnsavedChangesWarning(true);
  const f = fields as any;
  const workforce = f.workforce.getFieldList();
  const payGroups = f.pay.getFieldset().groups.getFieldList();
  const rp = f.raisesAndPromotions.getFieldset();
  const maternity = f.maternity.getFieldset();
  const top10 = f.top10.getFieldset();
  const errorItems = indexErrorSummary((form.allErrors ?? {}) as Record<string, string[]>, band.sizeBand, form.id);
  const shownErrors = useSubmittedErrors(form.status, errorItems);
  return (
    <Form method="post" {...getFormProps(form)} ref={formRef} className="stack">
      <ErrorList id="index-saisie-erreurs" items={shownErrors} />
      <input type="hidden" name="intent" value="saisie" />
      <input type="hidden" name="version" value={version} />
      <fieldset className="index-groups" id={f.workforce.id}>
        <legend>Effectifs et rémunérations, par catégorie et tranche d'âge</legend>
        <p className="field-help">
          Comptez les salariés présents au moins 6 mois pendant la période de référence de 12 mois (en général l'année {loaderData.year}), selon leur âge
          à la fin de la période. Laissez vide une case sans personne. La rémunération est la rémunération annuelle brute moyenne{" "}
          <strong>en équivalent temps plein</strong> (ETP){NBSP}: pour une personne à mi-temps payée 10{NBSP}000{NBSP}€, comptez 20{NBSP}000{NBSP}€.
        </p>
        <FieldsetErrors id={f.workforce.errorId} errors={[...(f.workforce.errors ?? []), ...(f.pay.getFieldset().groups.errors ?? [])]} />
        {INDEX_CSPS.map((csp, c) => (
          <div className="table-wrap index-table-wrap" key={csp}>
            <table className="index-cells">
              <caption>{INDEX_CSP_LABELS[csp]}</caption>
              <thead>
                <tr>
                  <th scope="col">Tranche d'âge</th>
                  <th scope="col">Femmes</th>
                  <th scope="col">Hommes</th>
                  <th scope="col">Rémunération moyenne des femmes (€)</th>
                  <th scope="col">Rémunération moyenne des hommes (€)</th>
                </tr>
              </thead>
              <tbody>
                {INDEX_AGE_BANDS.map((ageBand, a) => {
                  const i = c * INDEX_AGE_BANDS.length + a;
                  const w = workforce[i].getFieldset();
                  const p = payGroups[i].getFieldset();
                  const group = `${INDEX_CSP_LABELS[csp]}, ${INDEX_AGE_BAND_LABELS[ageBand]}`;
                  return (
                    <tr key={ageBand}>
                      <th scope="row">{INDEX_AGE_BAND_LABELS[ageBand]}</th>
                      <td>
                        <NumberCell field={w.women} label={`${group}, femmes`} short="Femmes" />
                      </td>
                      <td>
                        <NumberCell field={w.men} label={`${group}, hommes`} short="Hommes" />
                      </td>
                      <td>
                        <NumberCell field={p.avgPayWomen} label={`${group}, rémunération moyenne des femmes`} short="Rémunération moyenne des femmes (€)" decimal />
                      </td>
                      <td>
                        <NumberCell field={p.avgPayMen} label={`${group}, rémunération moyenne des hommes`} short="Rémunération moyenne des hommes (€)" decimal />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
        <p className="small">
          Catégories socioprofessionnelles (CSP) comme dans le simulateur officiel. Le regroupement par niveau ou coefficient de branche n'est pas proposé
          ici{NBSP}: si votre structure l'utilise, saisissez votre index sur le simulateur officiel et choisissez «{NBSP}passer cette étape{NBSP}».
        </p>
      </fieldset>

      {band.sizeBand === "50-250" ? (
        <fieldset id={f.raisesAndPromotions.id}>
          <legend>Augmentations individuelles (promotions comprises)</legend>
          <p className="field-help">Pendant la période de référence, des salariés ont-ils eu une augmentation individuelle ou une promotion{NBSP}?</p>
          <FieldsetErrors id={f.raisesAndPromotions.errorId} errors={[...(f.raisesAndPromotions.errors ?? []), ...(rp.happened.errors ?? [])]} />
          <YesNoRadios field={rp.happened} yes="Oui" no="Non, aucune augmentation pendant la période" />
          <div className="field-row">
            <LabelledNumber field={rp.raisedWomen} label="Si oui, nombre de femmes augmentées" />
            <LabelledNumber field={rp.raisedMen} label="Si oui, nombre d'hommes augmentés" />
          </div>
        </fieldset>
      ) : (
        <>
          <RatesFieldset
            fields={f}
            kind="raises"
            legend="Augmentations individuelles (hors promotions)"
            help={`Pendant la période de référence, des salariés ont-ils eu une augmentation individuelle, hors promotion${NBSP}?`}
            yes="Oui"
            no="Non, aucune augmentation pendant la période"
          />
          <RatesFieldset
            fields={f}
            kind="promotions"
            legend="Promotions"
            help={`Pendant la période de référence, des salariés ont-ils été promus (passage à un niveau ou coefficient supérieur)${NBSP}?`}
            yes="Oui"
            no="Non, aucune promotion pendant la période"
          />
        </>
      )}

      <fieldset id={f.maternity.id}>
        <legend>Retours de congé maternité ou d'adoption</legend>
        <p className="field-help">
          La loi impose d'augmenter au retour de congé les salariées qui n'ont pas eu les augmentations accordées pendant leur absence.
        </p>
        <FieldsetErrors id={maternity.status.errorId} errors={[...(f.maternity.errors ?? []), ...(maternity.status.errors ?? [])]} />
        <label className="choice">
          <input type="radio" name={maternity.status.name} value="aucun" id={maternity.status.id} defaultChecked={maternity.status.initialValue === "aucun"} /> Aucune
          salariée n'est revenue de congé maternité ou d'adoption pendant la période
        </label>
        <label className="choice">
          <input type="radio" name={maternity.status.name} value="retours" defaultChecked={maternity.status.initialValue === "retours"} /> Des salariées sont revenues
          de congé pendant la période
        </label>
        <div className="field-row">
          <LabelledNumber
            field={maternity.returned}
            label="Nombre de salariées revenues"
            help="Seulement celles pendant le congé desquelles des augmentations ont eu lieu dans la structure."
          />
          <LabelledNumber field={maternity.raisedOnReturn} label="Parmi elles, nombre augmentées à leur retour" />
        </div>
      </fieldset>

      <fieldset id={f.top10.id}>
        <legend>Les 10 plus hautes rémunérations</legend>
        <p className="field-help">Parmi les 10 salariés les mieux payés de la période, combien de femmes et combien d'hommes{NBSP}? Le total fait 10.</p>
        <FieldsetErrors id={f.top10.errorId} errors={f.top10.errors} />
        <div className="field-row">
          <LabelledNumber field={top10.women} label="Femmes" />
          <LabelledNumber field={top10.men} label="Hommes" />
        </div>
      </fieldset>

      <button type="submit" className="button">
        {actionData?.conflict ? "Enregistrer mes données à la place" : "Enregistrer et calculer l'estimation"}
      </button>
    </Form>
  );
}

function SkipForm({ loaderData, actionData, version }: { loaderData: LoaderData; actionData: IndexActionData | undefined; version: number }) {
  const previous = loaderData.source === "ignore" ? loaderData.skipReason : null;
  const known = (Object.entries(SKIP_REASONS) as [keyof typeof SKIP_REASONS, string][]).find(([, text]) => text === previous)?.[0];
  const [form, fields] = useSchemaForm(SkipFormSchema, {
    id: "index-ignorer",
    lastResult: actionData?.skipResult ?? null,
    defaultValue: previous ? (known ? { reason: known } : { reason: "autre", otherReason: previous }) : undefined,
  });
  const reasons = (Object.keys(SKIP_REASONS) as (keyof typeof SKIP_REASONS)[]).filter((k) => k !== "moins_50" || loaderData.band?.belowFifty);
  const errorItems = [
    ...(fields.reason.errors ?? []).map((m) => ({ href: `#${fields.reason.id}`, message: m })),
    ...(fields.otherReason.errors ?? []).map((m) => ({ href: `#${fields.otherReason.id}`, message: m })),
  ];
  const shownErrors = useSubmittedErrors(form.status, errorItems);
  const { key, ...otherProps } = getInputProps(fields.otherReason, { type: "text" });
  return (
    <Form method="post" {...getFormProps(form)} className="stack narrow">
      <ErrorList id="index-ignorer-erreurs" items={shownErrors} />
      <input type="hidden" name="intent" value="ignorer" />
      <input type="hidden" name="version" value={version} />
      <fieldset
        className={`choice-group${fields.reason.errors?.length ? " field-error" : ""}`}
        aria-describedby={fields.reason.errors?.length ? fields.reason.errorId : undefined}
      >
        <legend>Pourquoi passez-vous cette étape{NBSP}?</legend>
        {fields.reason.errors?.length ? (
          <p className="field-error-message" id={fields.reason.errorId}>
            <span aria-hidden="true">⚠ </span>
            {fields.reason.errors[0]}
          </p>
        ) : null}
        {reasons.map((r, i) => (
          <label key={r} className="choice">
            <input type="radio" name={fields.reason.name} value={r} id={i === 0 ? fields.reason.id : undefined} defaultChecked={fields.reason.initialValue === r} />{" "}
            {SKIP_REASONS[r]}
          </label>
        ))}
        <label className="choice">
          <input type="radio" name={fields.reason.name} value="autre" id={reasons.length === 0 ? fields.reason.id : undefined} defaultChecked={fields.reason.initialValue === "autre"} />{" "}
          Une autre raison
        </label>
      </fieldset>
      <div className={`field${fields.otherReason.errors?.length ? " field-error" : ""}`}>
        <label htmlFor={fields.otherReason.id}>Si autre raison, laquelle{NBSP}?</label>
        {fields.otherReason.errors?.length ? (
          <p className="field-error-message" id={fields.otherReason.errorId}>
            <span aria-hidden="true">⚠ </span>
            {fields.otherReason.errors[0]}
          </p>
        ) : null}
        <input key={key} {...otherProps} />
      </div>
      <button type="submit" className="button button-secondary">
        Passer cette étape
      </button>
    </Form>
  );
}

const CHOICE_LABELS: Record<Choice, string> = {
  saisie: "Saisir les données agrégées",
  fichier: "Utiliser le fichier du personnel",
  ignorer: "Passer cette étape",
};

function CurrentChoice({ loaderData }: { loaderData: LoaderData }) {
  const { source, skipReason } = loaderData;
  if (!source) return <p className="current-choice">Cette étape n'est pas encore faite.</p>;
  const text =
    source === "saisie"
      ? "l'index est estimé à partir des données agrégées saisies."
      : source === "fichier"
        ? "l'index est estimé à partir du fichier du personnel importé."
        : `cette étape a été passée (${skipReason ?? "sans raison indiquée"}).`;
  return <p className="current-choice">Choix enregistré{NBSP}: {text}</p>;
}

export default function IndexStep({ loaderData, actionData }: Route.ComponentProps) {
  const { orgId, diagId, canEdit, band, fromFile, estimate, choice, staffFile } = loaderData;
  const ad = actionData as IndexActionData | undefined;
  const here = stepPath(orgId, diagId, "index");
  const conflict = ad?.conflict ?? null;
  const version = conflict?.version ?? submittedVersion(ad?.result ?? ad?.skipResult ?? null) ?? loaderData.version;
  const choices = CHOICES.filter((c) => c !== "fichier" || fromFile);
  return (
    <>
      <p className="step-counter">Étape 4 sur 5</p>
      <h1>Index de l'égalité professionnelle</h1>
      <p className="lead">
        L'Index de l'égalité professionnelle est une note sur 100 calculée à partir de 4 ou 5 indicateurs{NBSP}: écart de rémunération entre femmes et
        hommes, écarts d'augmentations et de promotions, augmentations au retour de congé maternité, femmes parmi les 10 plus hautes rémunérations. Vous
        pouvez l'estimer ici avec les mêmes règles que le simulateur officiel.
      </p>
      {!band ? (
        <div className="notice notice-info">
          <p>
            Remplissez d'abord le <Link to={stepPath(orgId, diagId, "profil")}>profil de la structure</Link>{NBSP}: sa tranche d'effectif décide si l'index
            est obligatoire et quelles règles s'appliquent.
          </p>
        </div>
      ) : band.belowFifty ? (
        <div className="notice notice-info">
          <p>
            <strong>Votre structure compte moins de 50 salariés{NBSP}: l'index n'est pas obligatoire.</strong> Vous pouvez l'estimer à titre indicatif (avec
            les règles des structures de 50 à 250 salariés) pour repérer des écarts, ou passer cette étape.
          </p>
        </div>
      ) : (
        <div className="notice notice-warning">
          <p>
            <strong>Votre structure compte 50 salariés ou plus{NBSP}: l'index est une obligation.</strong> Il se calcule chaque année sur une période de 12 mois
            et se publie avant le 1<sup>er</sup> mars, avec ses indicateurs, sur votre site et auprès de l'administration. L'estimation faite ici vous
            aide à le préparer{NBSP}; la déclaration officielle reste à faire sur le site du ministère du Travail.
          </p>
        </div>
      )}
      {loaderData.saved ? <Notice>Enregistré à {formatTime(loaderData.saved)}.</Notice> : null}
      {!canEdit ? <p className="notice notice-info">Vous consultez ce diagnostic en lecture seule.</p> : null}
      {ad?.message ? (
        <div className="notice notice-warning" role="alert">
          {ad.message}
        </div>
      ) : null}
      {conflict ? (
        <ConflictNotice conflict={conflict} reloadHref={here}>
          <p>Son choix{NBSP}: {conflict.theirs}</p>
          {conflict.theirsInput ? <IndexInputView input={conflict.theirsInput} headingLevel={3} /> : null}
        </ConflictNotice>
      ) : null}
      {band ? <CurrentChoice loaderData={loaderData} /> : null}
      {estimate && band ? (
        <>
          <IndexEstimate result={estimate} fiftyPlus={!band.belowFifty} headingId="estimation" />
          <p className="next-step">
            <Link to={stepPath(orgId, diagId, "resultats")}>Étape suivante{NBSP}: les résultats du diagnostic</Link>
          </p>
        </>
      ) : loaderData.source === "ignore" ? (
        <p className="next-step">
          <Link to={stepPath(orgId, diagId, "resultats")}>Étape suivante{NBSP}: les résultats du diagnostic</Link>
        </p>
      ) : null}

      {band && canEdit ? (
        <section aria-labelledby="choix">
          <h2 id="choix">{loaderData.source ? "Changer de choix" : "Comment renseigner l'index\u00a0?"}</h2>
          <ul className="choice-nav">
            {choices.map((c) => (
              <li key={c}>
                <Link to={`${here}?choix=${c}#choix`} aria-current={c === choice ? "true" : undefined} preventScrollReset>
                  {CHOICE_LABELS[c]}
                </Link>
              </li>
            ))}
          </ul>
          {!fromFile ? (
            <p className="small">
              Pour calculer l'index sans rien saisir, importez le fichier du personnel à l'étape{" "}
              <Link to={`${stepPath(orgId, diagId, "emplois")}#import`}>Emplois et effectifs</Link>.
            </p>
          ) : null}

          {choice === "saisie" ? (
            <section aria-labelledby="choix-saisie">
              <h3 id="choix-saisie">{CHOICE_LABELS.saisie}</h3>
              <p>Les mêmes données que le simulateur officiel, calculées à partir de votre logiciel de paie. Tous les champs se remplissent en chiffres.</p>
              <EntryForm key={`${loaderData.version}`} loaderData={loaderData} actionData={ad} version={version} />
            </section>
          ) : null}
          {choice === "fichier" && fromFile && staffFile ? (
            <section aria-labelledby="choix-fichier">
              <h3 id="choix-fichier">{CHOICE_LABELS.fichier}</h3>
              <p>
                Données calculées à partir du fichier «{NBSP}{staffFile.fileName}{NBSP}» importé le {formatDate(staffFile.importedAt)}{NBSP}:{" "}
                {formatCount(fromFile.counted)} personne{fromFile.counted > 1 ? "s" : ""} comptent dans l'index (présentes au moins 6 mois)
                {fromFile.excludedShortPresence > 0 ? `, ${formatCount(fromFile.excludedShortPresence)} présente${fromFile.excludedShortPresence > 1 ? "s" : ""} moins de 6 mois n'y comptent pas` : ""}
                {fromFile.excludedNotEmployees > 0 ? `, ${formatCount(fromFile.excludedNotEmployees)} ${loaderData.parcoursLabel} n'y comptent pas` : ""}. Si vous
                importez un nouveau fichier, l'estimation suivra.
              </p>
              {fromFile.notes.length > 0 ? (
                <div className="notice notice-info">
                  <p>À savoir{NBSP}:</p>
                  <ul>
                    {fromFile.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <IndexInputView input={fromFile.input} headingLevel={4} />
              <Form method="post">
                <input type="hidden" name="intent" value="fichier" />
                <input type="hidden" name="version" value={version} />
                <button type="submit" className="button">
                  {conflict ? "Utiliser ces données à la place" : "Utiliser ces données et calculer l'estimation"}
                </button>
              </Form>
            </section>
          ) : null}
          {choice === "ignorer" ? (
            <section aria-labelledby="choix-ignorer">
              <h3 id="choix-ignorer">{CHOICE_LABELS.ignorer}</h3>
              <p>Vous pourrez revenir à cette étape plus tard. Indiquez pourquoi, pour vous en souvenir et pour les personnes qui liront le diagnostic.</p>
              <SkipForm loaderData={loaderData} actionData={ad} version={version} />
            </section>
          ) : null}
        </section>
      ) : null}

      {band && !canEdit && (loaderData.source === "saisie" || loaderData.source === "fichier") ? (
        <section aria-labelledby="donnees">
          <h2 id="donnees">Données utilisées</h2>
          {loaderData.source === "saisie" && loaderData.entered ? <IndexInputView input={loaderData.entered} /> : null}
          {loaderData.source === "fichier" && fromFile ? <IndexInputView input={fromFile.input} /> : null}
          {loaderData.source === "fichier" && !loaderData.staffFileVisible ? (
            <p>Les données viennent du fichier du personnel de la structure{NBSP}: seuls ses membres les voient.</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

