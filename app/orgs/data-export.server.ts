import { strToU8, Zip, ZipDeflate } from "fflate";
import { getDb } from "../../db/client.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import { loadStructureData, type StructureData } from "../../db/queries/data-rights.ts";
import { StoredCategoryMappingSchema } from "../../diagnostics/transparency/category-editor.ts";
import { CSV_BOM, CSV_EOL, CSV_SEPARATOR, csvCell } from "../ddets/csv.ts";
import type { SessionUser } from "../auth/session.server.ts";

/**
 * The owner's export of everything the structure holds (GDPR right of access and portability): a zip
 * with a README.txt in French, one JSON file of everything and one CSV file per table for French
 * Excel (UTF-8 with BOM, « ; », formulas neutralised).
 */

export interface ExportFile {
  name: string;
  content: string;
}

type Scalar = string | number | boolean | null | undefined | Date;

/** A cell of the export: numbers in full with a decimal comma, booleans oui/non, dates ISO, objects as JSON; text neutralised by csvCell. */
export function exportCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return csvCell(value);
  return csvCell(JSON.stringify(value));
}

/** A CSV file: BOM, a header line, one line per row, « ; » and CRLF. */
export function exportCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return CSV_BOM + [header.map(exportCell), ...rows.map((r) => r.map(exportCell))].map((r) => r.join(CSV_SEPARATOR)).join(CSV_EOL) + CSV_EOL;
}

/** Rows of free-form documents (jobs, staff rows, actions): fixed columns then the union of their keys, in order of appearance. */
function documentCsv(fixed: readonly string[], docs: readonly { fixed: Scalar[]; doc: Record<string, unknown> }[]): string {
  const keys: string[] = [];
  for (const { doc } of docs) for (const k of Object.keys(doc)) if (!keys.includes(k)) keys.push(k);
  return exportCsv([...fixed, ...keys], docs.map(({ fixed: f, doc }) => [...f, ...keys.map((k) => doc[k])]));
}

const asRecords = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null) : [];

const README = (data: StructureData, exportedAt: Date) => `Boussole Égalité — export des données de la structure
================================================================

Structure : ${data.organization.name} (SIRET ${data.organization.siret ?? "non renseigné"})
Exporté le : ${exportedAt.toISOString()} (heure UTC)

Ce dossier contient toutes les données que Boussole Égalité conserve pour votre structure, au
moment de l'export. Les mots de passe, les sessions de connexion et les liens d'invitation ne sont
jamais exportés.

donnees.json
  Toutes les données dans un seul fichier, pour les reprendre dans un autre outil. Les champs
  portent les mêmes noms que les colonnes des fichiers CSV ci-dessous ; les dates sont en UTC.

Fichiers CSV (à ouvrir avec Excel ou LibreOffice : séparateur « ; », encodage UTF-8). Une
cellule de texte qui commence par = + - ou @ est précédée d'une apostrophe, pour qu'un tableur ne
l'exécute jamais comme une formule. Les nombres ont une virgule décimale ; « oui » / « non »
pour les cases à cocher.

structure.csv        la fiche de la structure : nom, SIRET, type, département, commune.
membres.csv          les personnes membres : nom, adresse électronique, rôle, date d'arrivée.
invitations.csv      les invitations envoyées (adresse, rôle, dates ; jamais le lien lui-même).
diagnostics.csv      un diagnostic par année : état, profil, source de l'Index et données de l'Index.
emplois.csv          le tableau des emplois de chaque diagnostic (femmes et hommes par emploi).
reponses.csv         les réponses aux questions des neuf domaines, par diagnostic.
personnel.csv        le fichier du personnel anonymisé importé, une ligne par personne
                     (sexe, tranche d'âge, catégorie, emploi, temps de travail, rémunération…).
categories.csv       les catégories d'emplois de valeur égale définies dans l'onglet « Transparence
                     salariale 2027 » : nom, critères confirmés et postes de chaque catégorie.
plans.csv            les plans d'action ou accords (type, période).
actions.csv          les actions de chaque plan (domaine, objectif, indicateur, échéance, coût, état…).
acces.csv            les accès donnés aux associations d'accompagnement, et leur état.
commentaires.csv     les commentaires des associations d'accompagnement et leur suivi.
journal.csv          le journal de la structure : accès, exports, invitations, changements de rôle.

Les colonnes « ...Id » ou « id » sont les identifiants internes qui relient les fichiers entre eux
(par exemple diagnosticId dans reponses.csv renvoie à id dans diagnostics.csv).
`;

/** The files of the export, README first. Pure: the same data and instant give the same files. */
export function structureExportFiles(data: StructureData, exportedAt: Date): ExportFile[] {
  const yearOf = new Map(data.diagnostics.map((d) => [d.id, d.year]));
  const o = data.organization;
  return [
    { name: "README.txt", content: README(data, exportedAt).replace(/\n/g, "\r\n") },
    { name: "donnees.json", content: `${JSON.stringify({ exportedAt, ...data }, null, 2)}\n` },
    {
      name: "structure.csv",
      content: exportCsv(["id", "nom", "siret", "type", "département", "commune", "créée le"], [[o.id, o.name, o.siret, o.structureType, o.departement, o.commune, o.createdAt]]),
    },
    {
      name: "membres.csv",
      content: exportCsv(
        ["userId", "nom", "adresse électronique", "rôle", "membre depuis"],
        data.members.map((m) => [m.userId, m.name, m.email, m.role, m.memberSince]),
      ),
    },
    {
      name: "invitations.csv",
      content: exportCsv(
        ["id", "adresse électronique", "rôle", "envoyée le", "expire le", "acceptée le", "annulée le"],
        data.invitations.map((i) => [i.id, i.email, i.role, i.createdAt, i.expiresAt, i.acceptedAt, i.revokedAt]),
      ),
    },
    {
      name: "diagnostics.csv",
      content: exportCsv(
        ["id", "année", "état", "profil", "source de l'Index", "données de l'Index", "raison sans Index", "créé le", "modifié le", "modifié par (userId)", "terminé le"],
        data.diagnostics.map((d) => [d.id, d.year, d.status, d.profile, d.indexSource, d.indexData, d.indexSkipReason, d.createdAt, d.updatedAt, d.updatedBy, d.finishedAt]),
      ),
    },
    {
      name: "emplois.csv",
      content: documentCsv(
        ["diagnosticId", "année"],
        data.diagnostics.flatMap((d) => asRecords(d.jobs).map((doc) => ({ fixed: [d.id, d.year], doc }))),
      ),
    },
    {
      name: "reponses.csv",
      content: exportCsv(
        ["diagnosticId", "année", "question", "réponse", "modifiée le", "modifiée par (userId)"],
        data.answers.map((a) => [a.diagnosticId, yearOf.get(a.diagnosticId), a.questionId, a.value, a.updatedAt, a.updatedBy]),
      ),
    },
    {
      name: "personnel.csv",
      content: documentCsv(
        ["diagnosticId", "année", "fichier importé"],
        data.staffFiles.flatMap((f) => asRecords(f.rows).map((doc) => ({ fixed: [f.diagnosticId, yearOf.get(f.diagnosticId), f.fileName], doc }))),
      ),
    },
    {
      name: "categories.csv",
      content: exportCsv(
        ["diagnosticId", "année", "catégorie", "critères confirmés", "postes", "version", "modifiée le", "modifiée par (userId)"],
        data.payCategories.flatMap((m) => {
          const parsed = StoredCategoryMappingSchema.safeParse(m.mapping);
          if (!parsed.success) return [[m.diagnosticId, yearOf.get(m.diagnosticId), null, null, JSON.stringify(m.mapping), m.version, m.updatedAt, m.updatedBy]];
          return parsed.data.categories.map((c) => [
            m.diagnosticId,
            yearOf.get(m.diagnosticId),
            c.name,
            c.criteria.join(", "),
            parsed.data.assignments.filter((a) => a.category === c.key).map((a) => a.job).join(" | "),
            m.version,
            m.updatedAt,
            m.updatedBy,
          ]);
        }),
      ),
    },
    {
      name: "plans.csv",
      content: exportCsv(
        ["id", "diagnosticId", "type", "début", "fin", "créé le", "modifié le"],
        data.plans.map((p) => [p.id, p.diagnosticId, p.kind, p.periodStart, p.periodEnd, p.createdAt, p.updatedAt]),
      ),
    },
    {
      name: "actions.csv",
      content: documentCsv(
        ["id", "planId", "position"],
        data.actions.map((a) => ({ fixed: [a.id, a.planId, a.position], doc: a.data })),
      ),
    },
    {
      name: "acces.csv",
      content: exportCsv(
        ["id", "association", "niveau", "état", "demandé ou donné le", "modifié le"],
        data.grants.map((g) => [g.id, g.advisorOrgName, g.level, g.status, g.createdAt, g.updatedAt]),
      ),
    },
    {
      name: "commentaires.csv",
      content: exportCsv(
        ["id", "diagnosticId", "sujet", "auteur ou autrice", "association", "commentaire", "écrit le", "résolu le"],
        data.comments.map((c) => [c.id, c.diagnosticId, c.target, c.authorName, c.authorOrgName, c.body, c.createdAt, c.resolvedAt]),
      ),
    },
    {
      name: "journal.csv",
      content: exportCsv(
        ["id", "date", "action", "personne (userId)", "personne", "détails"],
        data.audit.map((e) => [e.id, e.createdAt, e.action, e.actorUserId, e.actorName, e.details]),
      ),
    },
  ];
}

/** The zip of `files`, produced file by file as the reader pulls (deflated, UTF-8 names). */
export function zipStream(files: readonly ExportFile[], mtime: Date): ReadableStream<Uint8Array> {
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    pull() {
      if (next < files.length) {
        const file = files[next++];
        const entry = new ZipDeflate(file.name, { level: 6 });
        entry.mtime = mtime;
        zip.add(entry);
        entry.push(strToU8(file.content), true);
      }
      if (next === files.length) {
        next += 1;
        zip.end();
      }
    },
  });
}

/** A file-name-safe form of the structure's name (ASCII letters, digits and dashes). */
function slug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "structure"
  );
}

/**
 * The export download of structure `organizationId` for `user` (the route has checked that they own
 * it): writes the audit entry, then answers the zip as a stream.
 */
export async function exportStructureResponse(organizationId: string, user: SessionUser): Promise<Response> {
  const db = await getDb();
  // One snapshot: a diagnostic deleted or saved meanwhile is either wholly in the export or not at all.
  const data = await db.transaction((tx) => loadStructureData(tx, organizationId), { isolationLevel: "repeatable read", accessMode: "read only" });
  if (!data) throw new Response("Page introuvable", { status: 404 });
  const now = new Date();
  const files = structureExportFiles(data, now);
  await insertAudit(db, { organizationId, actorUserId: user.id, action: "data.exported", details: { files: files.length, diagnostics: data.diagnostics.length } });
  const fileName = `boussole-donnees-${slug(data.organization.name)}-${now.toISOString().slice(0, 10)}.zip`;
  return new Response(zipStream(files, now), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
