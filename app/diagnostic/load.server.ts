import { getDb } from "../../db/client.ts";
import { findDiagnostic, findDiagnosticProfile } from "../../db/queries/diagnostics.ts";
import { diagnosticProgress, ProfileSchema } from "../../diagnostics/profile.ts";
import type { Answers } from "../../diagnostics/questionnaire.ts";
import type { Profile, StructureType } from "../../diagnostics/types.ts";
import { notFound, requireOrgAccess, type OrgAccess, type OrgAction } from "../auth/permissions.server.ts";
import { looksLikeId } from "../auth/ids.ts";

/**
 * Every loader and action of a diagnostic starts here: the permission check on the structure (404
 * for anyone who may not know it exists), then the diagnostic read through the organisation id.
 */
export function requireDiagnostic(request: Request, params: { orgId?: string; diagId?: string }, action: OrgAction) {
  // A page's loaders (the diagnostic layout and its step) run in parallel on the same GET request:
  // they share one read. Writes never share (their loaders must see what the action stored), and a
  // refusal is not shared either (each loader gets its own thrown response).
  if (request.method !== "GET") return loadDiagnostic(request, params, action);
  let byKey = sharedLoads.get(request);
  if (!byKey) sharedLoads.set(request, (byKey = new Map()));
  const key = `${params.orgId}|${params.diagId}|${action}`;
  let shared = byKey.get(key);
  if (!shared) byKey.set(key, (shared = loadDiagnostic(request, params, action)));
  return shared.catch(() => loadDiagnostic(request, params, action));
}

const sharedLoads = new WeakMap<Request, Map<string, ReturnType<typeof loadDiagnostic>>>();

async function loadDiagnostic(request: Request, params: { orgId?: string; diagId?: string }, action: OrgAction) {
  const access = await requireOrgAccess(request, params.orgId, action, ["structure"], { advisors: true });
  if (!looksLikeId(params.diagId)) notFound();
  const diagnostic = await findDiagnostic(await getDb(), access.org.id, params.diagId);
  if (!diagnostic) notFound();
  const profile = profileOf(diagnostic.profile, access);
  const answers: Answers = Object.fromEntries(diagnostic.answers.map((a) => [a.questionId, a.value]));
  return {
    access,
    diagnostic,
    profile,
    answers,
    /** The type chosen in the profile, else the structure's type at sign-up. */
    structureType: (profile?.structureType ?? access.org.structureType ?? "autre") as StructureType,
    canEdit: access.role !== "viewer",
  };
}

export type LoadedDiagnostic = Awaited<ReturnType<typeof loadDiagnostic>>;

function profileOf(stored: unknown, access: OrgAccess): Profile | null {
  const parsed = stored ? ProfileSchema.safeParse(stored) : null;
  return parsed?.success ? { ...parsed.data, departement: access.org.departement ?? undefined } : null;
}

/**
 * The same checks as requireDiagnostic for a request that needs only the diagnostic's profile (the
 * autosave of one answer, the most frequent request): no answers or staff-file summary are read.
 */
export async function requireDiagnosticProfile(request: Request, params: { orgId?: string; diagId?: string }, action: OrgAction) {
  const access = await requireOrgAccess(request, params.orgId, action, ["structure"], { advisors: true });
  if (!looksLikeId(params.diagId)) notFound();
  const diagnostic = await findDiagnosticProfile(await getDb(), access.org.id, params.diagId);
  if (!diagnostic) notFound();
  return { access, diagnosticId: diagnostic.id, profile: profileOf(diagnostic.profile, access) };
}

/** Progress of the guided path of a loaded diagnostic. */
export function progressOf({ diagnostic, profile, answers }: LoadedDiagnostic) {
  return diagnosticProgress({ profile, jobsCount: diagnostic.jobs.length, answers, indexDone: diagnostic.indexSource !== null });
}
