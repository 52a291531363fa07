import { z } from "zod";
import { DOMAINS } from "../../diagnostics/domains.ts";
import { STRUCTURE_TYPES } from "../../diagnostics/types.ts";
import { SiretSchema, StructureFieldsSchema } from "../auth/schemas.ts";

/**
 * Accompaniment: what a structure grants to an accompanying association, what the association asks
 * for, and how the access journal reads in French. Shared by the browser (forms) and the server.
 */

const NBSP = "\u00a0";
/** « texte » with no-break spaces inside the guillemets. */
export const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

export const GRANT_LEVELS = ["read", "edit"] as const;
export type GrantLevelValue = (typeof GRANT_LEVELS)[number];

export const GRANT_LEVEL_LABELS: Record<GrantLevelValue, string> = {
  read: "Lecture seule",
  edit: "Lecture et modification",
};

export const GRANT_LEVEL_HELP: Record<GrantLevelValue, string> = {
  read: "l'association consulte vos diagnostics, vos résultats et votre plan, et peut laisser des commentaires. Elle ne voit jamais le fichier du personnel",
  edit: "l'association peut aussi remplir le diagnostic et le plan avec vous. Elle voit les tableaux calculés à partir du fichier du personnel, jamais ses lignes. Elle ne gère ni les membres ni les accès",
};

export const GRANT_STATUS_LABELS = {
  requested: "Demande en attente",
  active: "Accès en cours",
  refused: "Demande refusée",
  revoked: "Accès retiré",
} as const;

const LevelSchema = z.enum(GRANT_LEVELS, { error: "Choisissez le niveau d'accès." });
const Id = z.string().trim().min(1).max(64);

/** The owner gives an association access. */
export const GrantFormSchema = z.object({
  intent: z.literal("grant"),
  advisorOrgId: z
    .string({ error: "Choisissez une association d'accompagnement dans la liste." })
    .trim()
    .min(1, "Choisissez une association d'accompagnement dans la liste.")
    .max(64),
  level: LevelSchema,
});

/** The owner's other decisions on one grant. */
export const GrantDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("level"), grantId: Id, level: LevelSchema }),
  z.object({ intent: z.literal("revoke"), grantId: Id }),
  z.object({ intent: z.literal("accept"), grantId: Id, level: LevelSchema }),
  z.object({ intent: z.literal("refuse"), grantId: Id }),
]);
export type GrantDecision = z.infer<typeof GrantDecisionSchema>;

/** An association asks a structure for access, by its SIRET. */
export const AccessRequestSchema = z.object({
  intent: z.literal("request"),
  siret: SiretSchema,
  level: LevelSchema,
});

const DirectorEmailSchema = z
  .string({ error: "Indiquez l'adresse électronique de la directrice ou du directeur." })
  .trim()
  .min(1, "Indiquez l'adresse électronique de la directrice ou du directeur.")
  .max(254, "Cette adresse est trop longue.")
  .regex(z.regexes.unicodeEmail, `Cette adresse électronique n'est pas valide${NBSP}: elle doit ressembler à prenom.nom@exemple.fr.`)
  .transform((v) => v.toLowerCase());

/** What an association reads after asking for access, whether or not a structure has this SIRET. */
export const REQUEST_SENT_MESSAGE = `Demande envoyée si une structure correspond à ce SIRET${NBSP}: ses responsables la recevront par courriel et la verront dans leur espace. La structure apparaîtra dans votre liste dès qu'elle aura accepté.`;

/** Workshop onboarding: an association creates a structure's space and invites its director as owner. */
export const NewClientSchema = StructureFieldsSchema.extend({ directorEmail: DirectorEmailSchema });
export type NewClientInput = z.infer<typeof NewClientSchema>;

export const NEW_CLIENT_LABELS: Record<keyof NewClientInput, string> = {
  structureName: "Nom de la structure",
  siret: "SIRET de la structure",
  structureType: "Type de structure",
  departement: "Département",
  commune: "Commune",
  directorEmail: "Adresse électronique de la directrice ou du directeur",
};

/** Filters and sorting of the clients list, read from the query string (anything unknown is ignored). */
export const CLIENT_SORTS = ["nom", "activite", "avancement"] as const;
export const CLIENT_SORT_LABELS: Record<(typeof CLIENT_SORTS)[number], string> = {
  nom: "Nom de la structure (A à Z)",
  activite: "Dernière activité (la plus récente d'abord)",
  avancement: "Avancement (le moins avancé d'abord)",
};
/** The same order, as the end of the table's caption (« Structures accompagnées, … »). */
export const CLIENT_SORT_CAPTIONS: Record<(typeof CLIENT_SORTS)[number], string> = {
  nom: "par ordre alphabétique",
  activite: "de la dernière activité la plus récente à la plus ancienne",
  avancement: "de la moins avancée à la plus avancée",
};
export const CLIENT_STATES = ["brouillon", "termine", "aucun"] as const;
export const CLIENT_STATE_LABELS: Record<(typeof CLIENT_STATES)[number], string> = {
  brouillon: "Diagnostic en cours",
  termine: "Diagnostic terminé",
  aucun: "Aucun diagnostic",
};

export const ClientQuerySchema = z.object({
  departement: z.string().max(3).optional().catch(undefined),
  type: z.enum(STRUCTURE_TYPES).optional().catch(undefined),
  etat: z.enum(CLIENT_STATES).optional().catch(undefined),
  tri: z.enum(CLIENT_SORTS).catch("nom"),
});
export type ClientQuery = z.infer<typeof ClientQuerySchema>;

/** Reads the clients list's query string; empty values mean « all ». */
export function parseClientQuery(params: URLSearchParams): ClientQuery {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  return ClientQuerySchema.parse(raw);
}

/** The page of a structure's space an advisor opened, in words (from the path written to the journal). */
export function visitedPageLabel(path: string): string {
  const domain = path.match(/\/domaines\/([^/]+)$/);
  if (domain) {
    const label = DOMAINS.find((d) => d.id === domain[1])?.label;
    return label ? `le domaine ${quoted(label)}` : "un domaine du diagnostic";
  }
  if (path.endsWith("/rapport.pdf")) return "le rapport du diagnostic (PDF)";
  if (path.endsWith("/fiche-marche-public.pdf")) return "la fiche pour les marchés publics (PDF)";
  if (/\.(pdf|csv|xlsx)$/i.test(path)) return "un document";
  if (path.endsWith("/diagnostics")) return "la liste des diagnostics";
  if (path.endsWith("/profil")) return "le profil d'un diagnostic";
  if (path.endsWith("/emplois")) return "les emplois et effectifs";
  if (path.endsWith("/index")) return "l'Index de l'égalité";
  if (path.endsWith("/resultats")) return "les résultats";
  if (/\/plan(\/|$)/.test(path)) return "le plan d'action";
  if (/\/d\/[^/]+$/.test(path)) return "un diagnostic";
  return "l'accueil de l'espace";
}

export interface AccessAuditEntry {
  action: string;
  details: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === "string" ? v : null);
const levelWords = (v: unknown) => (v === "edit" ? "lecture et modification" : "lecture seule");

/**
 * One line of the access journal in French: what happened, with the association's name (taken from
 * the entry, or from `orgNames` for visits that only store its id).
 */
export function describeAccessAudit(entry: AccessAuditEntry, orgNames: ReadonlyMap<string, string>): string {
  const d = entry.details ?? {};
  const orgId = str(d.advisorOrgId);
  const orgName = str(d.advisorOrgName) ?? (orgId ? orgNames.get(orgId) : undefined) ?? "une association d'accompagnement";
  const org = quoted(orgName);
  switch (entry.action) {
    case "grant.created":
      return `A donné accès à ${org} (${levelWords(d.level)}).`;
    case "grant.level_changed":
      return `A changé l'accès de ${org}${NBSP}: ${levelWords(d.level)} au lieu de ${levelWords(d.previousLevel)}.`;
    case "grant.revoked":
      return `A retiré l'accès de ${org}.`;
    case "grant.requested":
      return `A demandé l'accès pour ${org} (${levelWords(d.level)}).`;
    case "grant.accepted":
      return `A accepté la demande de ${org} (${levelWords(d.level)}).`;
    case "grant.refused":
      return `A refusé la demande de ${org}.`;
    case "grant.onboarding":
      return `A donné accès à ${org} en créant l'espace (lecture et modification, jusqu'à ce que la personne propriétaire le change).`;
    case "organization.created":
      return d.via === "accompagnement" ? `A créé l'espace de la structure pour ${org}.` : "A créé l'espace de la structure.";
    case "advisor.visit":
      // Visits are written once per half hour: the path is the first page of the visit.
      return `A consulté l'espace (première page ouverte${NBSP}: ${visitedPageLabel(str(d.path) ?? "")}).`;
    case "advisor.export":
      return `A téléchargé ${visitedPageLabel(str(d.path) ?? "")}.`;
    default:
      return entry.action;
  }
}

/** The association the actor of a journal entry acted for, when it was an advisor. */
export function actingOrgId(entry: AccessAuditEntry): string | null {
  return entry.action.startsWith("advisor.") || entry.action === "grant.requested" || entry.action === "grant.onboarding" || entry.details?.via === "accompagnement"
    ? str(entry.details?.advisorOrgId)
    : null;
}
