import { getFormProps, getSelectProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/diagnostic-pay-categories";
import { getDb } from "../../db/client.ts";
import { savePayCategoryMap } from "../../db/queries/pay-categories.ts";
import {
  EQUAL_VALUE_CRITERIA,
  MIN_PEOPLE_PER_SEX,
  StoredCategoryMappingSchema,
  categoryKey,
  categoryMappingSchema,
  mappingOfForm,
  mappingStatus,
  nextCategoryKey,
  prefillMapping,
  type CategoryMapping,
  type EditorJob,
} from "../../diagnostics/transparency/index.ts";
import { maySeeStaffFile, notFound } from "../auth/permissions.server.ts";
import { requireDiagnostic } from "../diagnostic/load.server.ts";
import { loadCategorizedStaff, transparencyViewOf } from "../diagnostic/pay-categories.server.ts";
import { payCategoriesPath, stepPath, transparencyPath } from "../diagnostic/steps.ts";
import { DataTable } from "../ui/charts/DataTable.tsx";
import { ConflictNotice } from "../ui/conflict.tsx";
import { ErrorList, useSubmittedErrors } from "../ui/diagnostic-steps.tsx";
import { Notice } from "../ui/form.tsx";
import { formatTime } from "../ui/format.ts";
import { ResultsTabs } from "../ui/ResultsTabs.tsx";
import { useSchemaForm } from "../ui/use-form.ts";
import { useUnsavedChangesWarning } from "../ui/unsaved.ts";
import resultsCss from "../ui/results.css?url";
import tabsCss from "../ui/results-tabs.css?url";
import editorCss from "../ui/pay-categories.css?url";

const NBSP = "\u00a0";
const quote = (s: string) => `«${NBSP}${s}${NBSP}»`;

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: resultsCss },
  { rel: "stylesheet", href: tabsCss },
  { rel: "stylesheet", href: editorCss },
];

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Catégories d'emplois de valeur égale${data ? ` · diagnostic ${data.diagnostic.year}` : ""} · Boussole Égalité` }];

/** The form's values of a mapping: every job of the file, with its category key or "" (« non classé »). */
function formValues(mapping: CategoryMapping, jobs: readonly EditorJob[]) {
  const categoryOf = new Map(mapping.assignments.map((a) => [categoryKey(a.job), a.category]));
  return {
    categories: mapping.categories.map((c) => ({ key: c.key, name: c.name, criteria: c.criteria })),
    jobs: jobs.map((j) => ({ job: j.label, category: categoryOf.get(j.key) ?? "" })),
  };
}

/**
 * Members and advisors with an edit grant read the jobs of the staff file with their women and men
 * (aggregates only, never a row); an advisor with a read grant gets nothing from the staff file
 * (maySeeStaffFile), as on the transparency tab.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, diagnostic, structureType, canEdit } = await requireDiagnostic(request, params, "view");
  const base = {
    org: { id: access.org.id },
    diagnostic: { id: diagnostic.id, year: diagnostic.year },
    canEdit,
    saved: new URL(request.url).searchParams.get("enregistre"),
  };
  if (!maySeeStaffFile(access)) return { ...base, state: "masque" as const, editor: null };
  const staff = await loadCategorizedStaff(await getDb(), access.org.id, diagnostic.id, structureType);
  if (!staff) return { ...base, state: "sans_fichier" as const, editor: null };
  const prefill = staff.stored ? null : prefillMapping(staff.jobs);
  const mapping = staff.stored?.mapping ?? prefill!.mapping;
  const status = mappingStatus(mapping, staff.jobs);
  // The gaps of the categories as the tab shows them: the saved mapping's, else the file column's.
  const gaps = new Map(transparencyViewOf(staff.categorized, structureType, staff.stored !== null).categories.map((c) => [categoryKey(c.label), c.hourlyTotal.display]));
  return {
    ...base,
    state: "calcule" as const,
    editor: {
      jobs: staff.jobs.map(({ key, label, women, men }) => ({ key, label, women, men })),
      values: formValues(mapping, staff.jobs),
      version: staff.stored?.version ?? 0,
      savedBy: staff.stored ? { name: staff.stored.updatedByName, at: staff.stored.updatedAt.toISOString() } : null,
      droppedJobs: staff.stored?.droppedJobs ?? [],
      prefill: prefill ? { fromFile: prefill.mapping.categories.length > 0, notes: prefill.notes } : null,
      status: {
        ...status,
        categories: status.categories.map((c) => ({ ...c, gap: c.publishable ? (gaps.get(categoryKey(c.name)) ?? null) : null })),
      },
    },
  };
}

interface EditorConflict {
  version: number;
  updatedByName: string | null;
  updatedAt: string | null;
  categories: string[];
}

interface EditorActionData {
  result: SubmissionResult<string[]> | null;
  conflict: EditorConflict | null;
}

function reply(part: Partial<EditorActionData>, status = 200) {
  return data<EditorActionData>({ result: null, conflict: null, ...part }, { status });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, diagnostic, structureType } = await requireDiagnostic(request, params, "edit");
  if (!maySeeStaffFile(access)) notFound();
  const formData = await request.formData();
  const db = await getDb();
  const staff = await loadCategorizedStaff(db, access.org.id, diagnostic.id, structureType);
  if (!staff) {
    return reply(
      { result: { status: "error", error: { "": [`Ce diagnostic n'a pas de fichier du personnel${NBSP}: importez-le d'abord à l'étape «${NBSP}Emplois et effectifs${NBSP}».`] } } },
      400,
    );
  }
  let submission;
  try {
    submission = parseWithZod(formData, { schema: categoryMappingSchema(staff.jobs) });
  } catch {
    // A list intent (« Ajouter », « Supprimer ») that Conform cannot read: a hand-made request.
    return reply({ result: { status: "error", error: { "": [`La demande n'a pas pu être lue${NBSP}: rechargez la page puis recommencez.`] } } }, 400);
  }
  // « Ajouter » / « Supprimer » without JavaScript: the form comes back with one category more or less.
  if (submission.status === undefined) return reply({ result: submission.reply() });
  if (submission.status !== "success") return reply({ result: submission.reply() }, 400);
  const version = Number(formData.get("version"));
  if (!Number.isInteger(version) || version < 0) {
    return reply({ result: submission.reply({ formErrors: [`La page est incomplète${NBSP}: rechargez-la puis recommencez.`] }) }, 400);
  }
  const saved = await savePayCategoryMap(db, access.org.id, diagnostic.id, version, { ...mappingOfForm(submission.value, staff.jobs) }, access.user.id);
  if (!saved) notFound();
  if (!saved.ok) {
    const theirs = StoredCategoryMappingSchema.safeParse(saved.current);
    return reply(
      {
        result: submission.reply(),
        conflict: {
          version: saved.version,
          updatedByName: saved.updatedByName,
          updatedAt: saved.updatedAt?.toISOString() ?? null,
          categories: theirs.success ? theirs.data.categories.map((c) => c.name) : [],
        },
      },
      409,
    );
  }
  throw redirect(`${payCategoriesPath(access.org.id, diagnostic.id)}?enregistre=${encodeURIComponent(saved.updatedAt.toISOString())}`);
}

type LoaderData = Route.ComponentProps["loaderData"];
type Editor = NonNullable<LoaderData["editor"]>;

function CriteriaExplained() {
  return (
    <section aria-labelledby="criteres-titre">
      <h2 id="criteres-titre">Ce qu'est un travail de valeur égale</h2>
      <p className="prose">
        Deux postes différents peuvent avoir la même valeur pour la structure{NBSP}: par exemple un poste d'agent de tri et un poste de chauffeur-livreur. La directive européenne
        (article 4) demande de les comparer sur quatre critères neutres, qui ne dépendent pas de qui occupe le poste. Des postes de même valeur vont dans la même catégorie, et
        leurs salaires doivent pouvoir être comparés.
      </p>
      <ul className="reasons">
        {EQUAL_VALUE_CRITERIA.map((c) => (
          <li key={c.id}>
            <strong>{c.label}</strong>
            {NBSP}: {c.help}.
          </li>
        ))}
      </ul>
      <p className="prose">
        Les compétences relationnelles (écoute, accueil, soin, médiation), souvent demandées dans les postes occupés par des femmes, comptent autant que la force physique ou la
        technique. Une catégorie dont l'écart de salaire moyen atteint 5{NBSP}% peut entraîner une évaluation conjointe avec les représentants du personnel.
      </p>
    </section>
  );
}

function StatusSection({ status }: { status: Editor["status"] }) {
  return (
    <section aria-labelledby="etat-titre">
      <h2 id="etat-titre">Où en sont vos catégories</h2>
      {status.categories.length === 0 ? (
        <p>Aucune catégorie n'est encore définie{NBSP}: les catégories sont remplacées par les CSP dans les indicateurs.</p>
      ) : (
        <DataTable id="etat-tableau" title="État de chaque catégorie">
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col">Postes</th>
              <th scope="col" className="num">
                Femmes / hommes
              </th>
              <th scope="col">Publiable{NBSP}?</th>
              <th scope="col">Écart horaire moyen</th>
              <th scope="col">Quatre critères vérifiés{NBSP}?</th>
            </tr>
          </thead>
          <tbody>
            {status.categories.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.name}</th>
                <td>{c.jobs.length > 0 ? c.jobs.join(", ") : "aucun"}</td>
                <td className="num">
                  {c.women} / {c.men}
                </td>
                <td className={c.publishable ? undefined : "flag-cell"}>
                  {c.publishable ? "oui" : `non (moins de ${MIN_PEOPLE_PER_SEX}${NBSP}femmes ou ${MIN_PEOPLE_PER_SEX}${NBSP}hommes)`}
                </td>
                <td>{c.gap ?? "—"}</td>
                <td className={c.confirmed ? undefined : "flag-cell"}>
                  {c.confirmed ? "oui" : `à confirmer (${c.missingCriteria.map((id) => EQUAL_VALUE_CRITERIA.find((k) => k.id === id)!.label.toLowerCase()).join(", ")})`}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {status.unconfirmed.length > 0 ? (
        <div className="notice notice-warning">
          <p>
            {status.unconfirmed.length === 1 ? "Catégorie à confirmer" : `${status.unconfirmed.length} catégories à confirmer`}
            {NBSP}: {status.unconfirmed.map(quote).join(", ")}. Cochez les quatre critères une fois vérifié que leurs postes sont comparables.
          </p>
        </div>
      ) : null}
      {status.categories.some((c) => c.warnings.length > 0) ? (
        <ul className="reasons">
          {status.categories
            .flatMap((c) => c.warnings)
            .map((w) => (
              <li key={w}>{w}</li>
            ))}
        </ul>
      ) : null}
      {status.unclassified.length > 0 ? (
        <p>
          Postes non classés{NBSP}: {status.unclassified.map((j) => quote(j.label)).join(", ")}. Pour les personnes qui les occupent, la CSP tient lieu de catégorie.
        </p>
      ) : null}
    </section>
  );
}

function EditorForm({ editor, actionData, here }: { editor: Editor; actionData: EditorActionData | undefined; here: string }) {
  const conflict = actionData?.conflict ?? null;
  const lastResult = actionData?.result ?? null;
  const [form, fields] = useSchemaForm(categoryMappingSchema(editor.jobs), { id: "categories", lastResult, defaultValue: editor.values });
  const { formRef } = useUnsavedChangesWarning(true);
  const categoryFields = fields.categories.getFieldList().map((c) => c.getFieldset());
  const jobFields = fields.jobs.getFieldList().map((j) => j.getFieldset());
  // The version the typed values are based on; after a conflict, the other person's (saving again replaces theirs).
  const submittedVersion = Number((lastResult?.initialValue as { version?: string } | undefined)?.version);
  const version = conflict?.version ?? (Number.isInteger(submittedVersion) ? submittedVersion : editor.version);
  const options = categoryFields
    .map((c, i) => ({ key: String(c.key.value ?? c.key.initialValue ?? ""), name: String(c.name.value ?? "").trim() || `Catégorie ${i + 1} (sans nom)` }))
    .filter((o) => o.key !== "");
  // A new category never takes the key of a removed one that a job may still point to.
  const newKey = nextCategoryKey([...categoryFields.map((c) => String(c.key.initialValue ?? "")), ...jobFields.map((j) => String(j.category.initialValue ?? ""))]);
  const errorItems = [
    ...(form.errors ?? []).map((message) => ({ message })),
    ...categoryFields.flatMap((c) => [c.name, c.key, c.criteria].filter((f) => f.errors?.length).map((f) => ({ href: `#${f.id}`, message: f.errors![0] }))),
    ...jobFields.flatMap((j) => [j.category, j.job].filter((f) => f.errors?.length).map((f) => ({ href: `#${j.category.id}`, message: f.errors![0] }))),
    ...[fields.categories, fields.jobs].filter((f) => f.errors?.length).map((f) => ({ message: f.errors![0] })),
  ];
  const shownErrors = useSubmittedErrors(form.status, errorItems);
  const nameOf = useMemo(() => new Map(editor.jobs.map((j) => [categoryKey(j.label), j])), [editor.jobs]);
  return (
    <Form method="post" action={here} {...getFormProps(form)} ref={formRef} className="categories-form">
      {/* First submit button: Enter in a name field saves instead of removing a category. */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        Enregistrer
      </button>
      <ErrorList id="categories-erreurs" items={shownErrors} />
      <input type="hidden" name="version" value={version} />

      <h2 id="liste-titre">1. Vos catégories</h2>
      <p className="prose">Donnez un nom à chaque catégorie, puis cochez chacun des quatre critères une fois vérifié que ses postes sont comparables sur ce critère.</p>
      {categoryFields.length === 0 ? <p>Aucune catégorie pour l'instant.</p> : null}
      {categoryFields.map((c, index) => {
        const ticked = new Set([c.criteria.initialValue ?? []].flat().map(String));
        const label = String(c.name.value ?? "").trim();
        return (
          <fieldset key={c.key.key ?? index} className="category-card">
            <legend>Catégorie {index + 1}</legend>
            <input type="hidden" name={c.key.name} value={String(c.key.initialValue ?? "")} />
            <div className={`field${c.name.errors?.length ? " field-error" : ""}`}>
              <label htmlFor={c.name.id}>Nom de la catégorie</label>
              <input
                id={c.name.id}
                name={c.name.name}
                key={c.name.key}
                defaultValue={String(c.name.initialValue ?? "")}
                type="text"
                autoComplete="off"
                maxLength={120}
                aria-invalid={c.name.errors?.length ? true : undefined}
                aria-describedby={c.name.errors?.length ? c.name.errorId : undefined}
              />
              {c.name.errors?.length ? (
                <p className="field-error-message" id={c.name.errorId}>
                  {c.name.errors[0]}
                </p>
              ) : null}
            </div>
            <fieldset className="choice-group criteria" aria-describedby={c.criteria.errors?.length ? c.criteria.errorId : undefined} id={c.criteria.id}>
              <legend>Les postes de cette catégorie sont comparables sur{NBSP}:</legend>
              {EQUAL_VALUE_CRITERIA.map((k) => (
                <label key={k.id} className="checkbox">
                  <input type="checkbox" name={c.criteria.name} value={k.id} defaultChecked={ticked.has(k.id)} key={`${c.criteria.key ?? ""}-${k.id}`} />
                  <span>
                    <strong>{k.label}</strong> <span className="small">— {k.help}</span>
                  </span>
                </label>
              ))}
              {c.criteria.errors?.length ? (
                <p className="field-error-message" id={c.criteria.errorId}>
                  {c.criteria.errors[0]}
                </p>
              ) : null}
            </fieldset>
            <button {...form.remove.getButtonProps({ name: fields.categories.name, index })} className="button button-small button-secondary">
              Supprimer la catégorie{label ? ` ${quote(label)}` : ` ${index + 1}`}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button {...form.insert.getButtonProps({ name: fields.categories.name, defaultValue: { key: newKey, name: "", criteria: [] } })} className="button button-secondary">
          Ajouter une catégorie
        </button>
      </p>

      <h2 id="postes-titre">2. Les postes de chaque catégorie</h2>
      <p className="prose">
        Chaque poste va dans une seule catégorie. Un poste laissé «{NBSP}Non classé{NBSP}» garde sa CSP comme catégorie dans les indicateurs. Sans JavaScript, enregistrez d'abord
        une nouvelle catégorie pour pouvoir la choisir ici.
      </p>
      <DataTable id="postes-tableau" title={JOBS_TABLE_TITLE} className="jobs-categories">
        <JobsHead />
        <tbody>
          {jobFields.map((j, index) => {
            const title = String(j.job.initialValue ?? "");
            const job = nameOf.get(categoryKey(title));
            const { key: selectKey, ...selectProps } = getSelectProps(j.category);
            const error = j.category.errors?.[0] ?? j.job.errors?.[0];
            return (
              <tr key={j.job.key ?? index} className={error ? "jobs-row-invalid" : undefined}>
                <th scope="row">
                  {title}
                  <input type="hidden" name={j.job.name} value={title} />
                </th>
                <td className="num">{job ? `${job.women} / ${job.men}` : "—"}</td>
                <td>
                  <label htmlFor={j.category.id} className="visually-hidden">
                    Catégorie du poste {quote(title)}
                  </label>
                  <select key={selectKey} {...selectProps} aria-invalid={error ? true : undefined} aria-describedby={error ? j.category.errorId : undefined}>
                    <option value="">Non classé</option>
                    {options.map((o) => (
                      <option key={o.key} value={o.key}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                  {error ? (
                    <p className="field-error-message" id={j.category.errorId}>
                      {error}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button">
          {conflict ? "Enregistrer mes catégories à la place" : "Enregistrer les catégories"}
        </button>
        <Link to={here.replace(/\/categories$/, "")}>Revenir aux indicateurs sans enregistrer</Link>
      </div>
    </Form>
  );
}

const JOBS_TABLE_TITLE = "Postes du fichier du personnel et leur catégorie";

function JobsHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Poste</th>
        <th scope="col" className="num">
          Femmes / hommes
        </th>
        <th scope="col">Catégorie</th>
      </tr>
    </thead>
  );
}

function ReadOnlyMapping({ editor }: { editor: Editor }) {
  const names = new Map(editor.values.categories.map((c) => [c.key, c.name]));
  return (
    <DataTable id="postes-lecture" title={JOBS_TABLE_TITLE}>
      <JobsHead />
      <tbody>
        {editor.values.jobs.map((j, i) => (
          <tr key={j.job}>
            <th scope="row">{j.job}</th>
            <td className="num">{editor.jobs[i] ? `${editor.jobs[i].women} / ${editor.jobs[i].men}` : "—"}</td>
            <td>{names.get(j.category) ?? "Non classé"}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export default function DiagnosticPayCategories({ loaderData, actionData }: Route.ComponentProps) {
  const { org, diagnostic, state, editor, canEdit, saved } = loaderData;
  const tab = transparencyPath(org.id, diagnostic.id);
  const here = `${tab}/categories`;
  const conflict = (actionData as EditorActionData | undefined)?.conflict ?? null;
  return (
    <>
      <p className="step-counter">Étape 5 sur 5</p>
      <ResultsTabs orgId={org.id} diagId={diagnostic.id} current="transparence" />
      <p>
        <Link to={tab}>← Retour aux indicateurs de transparence salariale</Link>
      </p>
      <h1>Catégories d'emplois de valeur égale — diagnostic {diagnostic.year}</h1>
      <p className="lead">
        Regroupez les postes de votre fichier du personnel en catégories de même valeur. L'écart de salaire entre femmes et hommes est ensuite calculé dans chaque catégorie
        (indicateur g de la directive), dans l'onglet «{NBSP}Transparence salariale 2027{NBSP}» et dans le rapport. Un poste que vous ne classez pas garde sa CSP (catégorie
        socioprofessionnelle{NBSP}: ouvriers, employés, techniciens et agents de maîtrise, ingénieurs et cadres) comme catégorie.
      </p>
      {saved && editor ? <Notice>Enregistré à {formatTime(saved)}. Les indicateurs utilisent maintenant ces catégories.</Notice> : null}
      {/* At the top, where the person who saved looks first; their values stay in the form below. */}
      {conflict ? (
        <ConflictNotice conflict={conflict} reloadHref={here}>
          <p>{`Ses catégories${NBSP}: ${conflict.categories.length > 0 ? conflict.categories.map(quote).join(", ") : "aucune"}.`}</p>
        </ConflictNotice>
      ) : null}
      <CriteriaExplained />
      {state === "masque" ? (
        <div className="notice notice-info">
          <p>Les catégories sont établies à partir du fichier du personnel, que la structure ne partage pas avec un accès en lecture seule.</p>
        </div>
      ) : null}
      {state === "sans_fichier" ? (
        <div className="notice notice-info">
          <p>
            Pour classer les postes, importez d'abord le fichier du personnel (une ligne par personne, sans nom) à l'étape{" "}
            <Link to={stepPath(org.id, diagnostic.id, "emplois")}>
              «{NBSP}Emplois et effectifs{NBSP}»
            </Link>
            .
          </p>
        </div>
      ) : null}
      {editor ? (
        <>
          {editor.prefill ? (
            <div className="notice notice-info">
              <p>
                {editor.prefill.fromFile
                  ? `Les catégories ci-dessous reprennent la colonne «${NBSP}Catégorie d'emploi de valeur égale${NBSP}» de votre fichier. Elles remplaceront cette colonne dans les indicateurs une fois enregistrées.`
                  : `Aucune catégorie n'est encore définie. Tant que rien n'est enregistré ici, les indicateurs utilisent la colonne «${NBSP}Catégorie d'emploi de valeur égale${NBSP}» du fichier, ou à défaut la CSP.`}
              </p>
              {editor.prefill.notes.length > 0 ? (
                <ul>
                  {editor.prefill.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : editor.savedBy ? (
            <p className="small">
              Catégories enregistrées par {editor.savedBy.name ?? "une personne qui n'est plus membre"} à {formatTime(editor.savedBy.at)}.
            </p>
          ) : null}
          {editor.droppedJobs.length > 0 ? (
            <div className="notice notice-warning">
              <p>
                Ces postes enregistrés ne figurent plus dans le fichier du personnel importé depuis{NBSP}: {editor.droppedJobs.map(quote).join(", ")}. Classez les postes du nouveau
                fichier puis enregistrez.
              </p>
            </div>
          ) : null}
          <StatusSection status={editor.status} />
          {canEdit ? (
            <EditorForm editor={editor} actionData={actionData as EditorActionData | undefined} here={here} />
          ) : (
            <>
              <h2>Les postes de chaque catégorie</h2>
              <p>Votre accès permet de lire les catégories, pas de les modifier.</p>
              <ReadOnlyMapping editor={editor} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
