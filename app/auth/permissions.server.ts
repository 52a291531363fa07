import { redirect } from "react-router";
import { getDb } from "../../db/client.ts";
import { findOrganizationForMember } from "../../db/queries/organizations.ts";
import type { OrgKind, Role } from "../../db/schema.ts";
import { getSession, type SessionUser } from "./session.server.ts";

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

export interface OrgAccess {
  user: SessionUser;
  role: Role;
  org: NonNullable<Awaited<ReturnType<typeof findOrganizationForMember>>>;
}

/**
 * Requires that the signed-in user may do `action` on organisation `organizationId`
 * (optionally only for some kinds of organisation). 404 for non-members and wrong kinds, 403 for a
 * role too low.
 */
export async function requireOrgAccess(
  request: Request,
  organizationId: string | undefined,
  action: OrgAction,
  kinds?: OrgKind[],
): Promise<OrgAccess> {
  const user = await requireUser(request);
  if (!organizationId) notFound();
  const org = await findOrganizationForMember(await getDb(), organizationId, user.id);
  if (!org) notFound();
  if (kinds && !kinds.includes(org.kind)) notFound();
  if (!roleAllows(org.role, action)) forbidden();
  return { user, role: org.role, org };
}
