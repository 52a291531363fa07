import { redirect } from "react-router";
import { getDb } from "../../db/client.ts";
import { findAdvisorAccess, recordAdvisorExport, recordAdvisorVisit, type GrantLevel } from "../../db/queries/grants.ts";
import { findOrganizationForMember } from "../../db/queries/organizations.ts";
import type { OrgKind, Role } from "../../db/schema.ts";
import { getSession, type SessionUser } from "./session.server.ts";
import { looksLikeId } from "./ids.ts";

/**
 * The one permission module. Every private loader and action calls one of these first.
 * A user asking for an organisation they do not belong to gets a 404 (we do not confirm it exists);
 * a member whose role is too low gets a 403.
 */

export type OrgAction =
  /** Read the organisation's space and data. */
  | "view"
  /** Change the organisation's data (diagnostics, answers…). */
  | "edit"
  /** Members, invitations, access grants, deletion. */
  | "manage";

const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };
const ACTION_MIN_ROLE: Record<OrgAction, Role> = { view: "viewer", edit: "editor", manage: "owner" };

/** Pure rule: may a member with `role` do `action`? */
export function roleAllows(role: Role, action: OrgAction): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[ACTION_MIN_ROLE[action]];
}

export function notFound(): never {
  throw new Response("Page introuvable", { status: 404, statusText: "Not Found" });
}

export function forbidden(): never {
  throw new Response("Accès refusé", { status: 403, statusText: "Forbidden" });
}

/** The signed-in user, or null. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

/** The signed-in user; otherwise a redirect to the sign-in page that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await getSession(request);
  if (session) return session.user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/connexion?redirectTo=${encodeURIComponent(back)}`);
}

export async function requireSessionId(request: Request): Promise<{ user: SessionUser; sessionId: string }> {
  const session = await getSession(request);
  if (!session) throw redirect("/connexion");
  return { user: session.user, sessionId: session.sessionId };
}

/** Signed-out pages (sign-in, sign-up): a signed-in user goes to their space. */
export async function requireAnonymous(request: Request) {
  if (await getSession(request)) throw redirect("/espace");
}

/** How the user reaches the organisation: as one of its members, or as an advisor through a grant. */
export type AccessVia = { kind: "member" } | { kind: "advisor"; advisorOrgId: string; grantLevel: GrantLevel };

export interface OrgAccess {
  user: SessionUser;
  /** The member's role; for an advisor, the role the grant stands for (read → viewer, edit → editor). */
  role: Role;
  org: Omit<NonNullable<Awaited<ReturnType<typeof findOrganizationForMember>>>, "role">;
  via: AccessVia;
}

/**
 * Requires that the signed-in user may do `action` on organisation `organizationId` (optionally only
 * for some kinds of organisation). Members pass by role. With `advisors: true` (diagnostic pages),
 * an accompaniment organisation's member also passes through an active grant of the structure: a
 * read grant as a viewer, an edit grant as an editor, never to manage; each advisor visit is
 * written to the structure's audit log. 404 for anyone else and for wrong kinds, 403 for a role too low.
 */
export async function requireOrgAccess(
  request: Request,
  organizationId: string | undefined,
  action: OrgAction,
  kinds?: OrgKind[],
  options: { advisors?: boolean } = {},
): Promise<OrgAccess> {
  const user = await requireUser(request);
  if (!looksLikeId(organizationId)) notFound();
  const db = await getDb();
  const member = await findOrganizationForMember(db, organizationId, user.id);
  if (member) {
    if (kinds && !kinds.includes(member.kind)) notFound();
    if (!roleAllows(member.role, action)) forbidden();
    const { role, ...org } = member;
    return { user, role, org, via: { kind: "member" } };
  }
  if (!options.advisors || (kinds && !kinds.includes("structure"))) notFound();
  const advisor = await findAdvisorAccess(db, organizationId, user.id);
  if (!advisor) notFound();
  if (action === "manage" || !roleAllows(advisor.role, action)) forbidden();
  if (request.method === "GET") {
    const path = new URL(request.url).pathname;
    const details = { path, advisorOrgId: advisor.advisorOrgId };
    if (isExportPath(path)) await recordAdvisorExport(db, organizationId, user.id, details);
    else await recordAdvisorVisit(db, organizationId, user.id, details);
  }
  return { user, role: advisor.role, org: advisor.org, via: { kind: "advisor", advisorOrgId: advisor.advisorOrgId, grantLevel: advisor.grantLevel } };
}

/** A download of the structure's data (PDF report, tender sheet…): each one is written to the audit log. */
export function isExportPath(pathname: string): boolean {
  return /\.(pdf|csv|xlsx)$/i.test(pathname);
}

/** Requires membership of an accompaniment organisation, for its own pages (clients, new client space). */
export async function requireAdvisorOrg(request: Request, organizationId: string | undefined, action: OrgAction = "view"): Promise<OrgAccess> {
  return requireOrgAccess(request, organizationId, action, ["accompagnement"]);
}

type ViaOnly = Pick<OrgAccess, "role" | "via">;

/** May leave review comments: an advisor reaching the structure through an active grant, read or edit. */
export function mayComment(access: ViaOnly): boolean {
  return access.via.kind === "advisor";
}

/** May mark review comments resolved or open again: a member of the structure who may edit (owner, editor). */
export function mayResolveComments(access: ViaOnly): boolean {
  return access.via.kind === "member" && roleAllows(access.role, "edit");
}

/** 403 unless the user may do this with review comments (the structure itself is already checked). */
export function requireCommentRight(access: ViaOnly, right: "add" | "resolve"): void {
  if (!(right === "add" ? mayComment(access) : mayResolveComments(access))) forbidden();
}

/**
 * May see what comes from the staff file (the file's name and size, the Index data derived from it):
 * members, and advisors through an edit grant (aggregates only). A read grant never shows it.
 */
export function maySeeStaffFile(access: ViaOnly): boolean {
  return access.via.kind === "member" || access.via.grantLevel === "edit";
}

export interface DdetsAccess extends OrgAccess {
  /** The départements the DDETS follows (INSEE codes): every DDETS query is scoped to them in SQL. */
  scope: string[];
}

/**
 * Requires a member of the DDETS organisation `organizationId` (an organisation of kind `ddets`; 404
 * for anyone else, advisors included). Returns the access and the DDETS's scope. A DDETS agent is
 * a member of no structure and holds no grant, so every structure page answers them 404.
 */
export async function requireDdets(request: Request, organizationId: string | undefined, action: OrgAction = "view"): Promise<DdetsAccess> {
  const access = await requireOrgAccess(request, organizationId, action, ["ddets"]);
  return { ...access, scope: [...access.org.departements] };
}
