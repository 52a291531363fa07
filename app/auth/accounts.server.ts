import { getDb } from "../../db/client.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import {
  findInvitation,
  insertInvitation,
  markInvitationAccepted,
} from "../../db/queries/invitations.ts";
import { linkCampaignInvitations } from "../../db/queries/ddets.ts";
import { insertOrganization, siretExists, upsertMembership } from "../../db/queries/organizations.ts";
import { consumePasswordReset, findPasswordReset, insertPasswordReset } from "../../db/queries/password-resets.ts";
import { consumeSignupRequests, findSignupRequest, insertSignupRequest } from "../../db/queries/signup-requests.ts";
import { findUserByEmail, findUserById, insertUser, updatePassword } from "../../db/queries/users.ts";
import type { Role } from "../../db/schema.ts";
import { newId } from "../../db/ids.ts";
import { publicUrl, sendMail } from "../mail/mailer.server.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server.ts";
import { checkRateLimits, clientIp, resetRateLimit } from "./rate-limit.server.ts";
import { createSession } from "./session.server.ts";
import { runInBackground } from "./background.server.ts";
import { SIGNUP_REQUEST_TTL_HOURS, SIGNUP_REQUEST_TTL_MS } from "./signup-rules.ts";
import { newIdSecretToken, secretMatches, splitIdSecretToken } from "./tokens.server.ts";

/** Password-reset links expire after one hour. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Invitations expire after 14 days. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type FieldErrors = Record<string, string[]>;
type Result<T> = { ok: true; value: T } | { ok: false; formErrors?: string[]; fieldErrors?: FieldErrors; status?: number };

export interface SignupInput {
  name: string;
  email: string;
  password: string;
  structureName: string;
  siret: string;
  structureType: string;
  departement: string;
  commune: string;
  /** The DDETS campaign invitation the sign-up link carried (?campagne=…), if any. */
  campaignId?: string | null;
}

const NBSP = "\u00a0";

const SIRET_TAKEN =
  "Cette structure a déjà un espace. Demandez à la personne qui l'a créé de vous inviter (rubrique « Membres »).";

/**
 * Sign-up, step one. Answers the same way whether the email has an account or not, so that nobody
 * learns who has one: the password is hashed in both cases, and the rest happens after the answer
 * (runInBackground): for a new email a pending request is stored and a confirmation link mailed; for a
 * known email nothing is stored and the address is told it already has an account.
 * The SIRET check runs here, before the email is looked at: it tells about a structure, whatever the
 * email, and the person can correct the form at once instead of learning it after the mail.
 */
export async function signUp(request: Request, input: SignupInput): Promise<Result<{ email: string }>> {
  if (!(await checkRateLimits([["signupPerIp", clientIp(request)]])))
    return { ok: false, formErrors: ["Trop de comptes créés depuis cette adresse. Réessayez dans une heure."], status: 429 };
  const db = await getDb();
  if (await siretExists(db, input.siret)) return { ok: false, fieldErrors: { siret: [SIRET_TAKEN] } };
  const passwordHash = await hashPassword(input.password);
  // Counted for every email, known or not; over the limit the answer stays the same and nothing is mailed.
  const mailAllowed = await checkRateLimits([["signupPerEmail", input.email]]);
  const user = await findUserByEmail(db, input.email);
  const base = publicUrl(request);
  if (!mailAllowed) return { ok: true, value: { email: input.email } };
  if (user) runInBackground("courriel « compte existant »", () => sendMail(alreadyRegisteredMail(base, user)));
  else
    runInBackground("demande d'inscription", async () => {
      const id = newId();
      const { token, secretHash } = newIdSecretToken(id);
      await insertSignupRequest(await getDb(), {
        id,
        email: input.email,
        name: input.name.trim(),
        passwordHash,
        structureName: input.structureName,
        siret: input.siret,
        structureType: input.structureType,
        departement: input.departement,
        commune: input.commune,
        campaignId: input.campaignId ?? null,
        tokenHash: secretHash,
        expiresAt: new Date(Date.now() + SIGNUP_REQUEST_TTL_MS),
      });
      await sendMail(confirmationMail(base, token, input));
    });
  return { ok: true, value: { email: input.email } };
}

function confirmationMail(base: string, token: string, input: SignupInput) {
  return {
    to: input.email,
    subject: `Boussole Égalité${NBSP}: activez votre compte`,
    text: `Bonjour ${input.name.trim()},

Vous avez demandé à créer l'espace de «${NBSP}${input.structureName}${NBSP}» sur Boussole Égalité. Pour activer votre compte, ouvrez ce lien puis cliquez sur «${NBSP}Activer mon compte${NBSP}»${NBSP}:
${base}/inscription/confirmer/${encodeURIComponent(token)}

Ce lien est valable ${SIGNUP_REQUEST_TTL_HOURS}${NBSP}heures et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message${NBSP}: aucun compte ne sera créé.

L'équipe Boussole Égalité`,
  };
}

function alreadyRegisteredMail(base: string, user: { email: string; name: string }) {
  return {
    to: user.email,
    subject: `Boussole Égalité${NBSP}: vous avez déjà un compte`,
    text: `Bonjour ${user.name},

Quelqu'un, sans doute vous, a demandé à créer un compte Boussole Égalité avec cette adresse. Vous avez déjà un compte${NBSP}: aucun nouveau compte n'a été créé et rien n'a changé.

Pour vous connecter${NBSP}:
${base}/connexion

Si vous avez oublié votre mot de passe, choisissez-en un nouveau${NBSP}:
${base}/mot-de-passe-oublie

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.

L'équipe Boussole Égalité`,
  };
}

/** The pending sign-up a confirmation link points to; null when unknown, forged or expired. */
export async function loadValidSignupRequest(token: string) {
  const parts = splitIdSecretToken(token);
  if (!parts) return null;
  const row = await findSignupRequest(await getDb(), parts.id);
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  if (!secretMatches(parts.secret, row.tokenHash)) return null;
  return row;
}

export type ConfirmSignUpResult =
  | { ok: true; value: { token: string; expiresAt: Date; organizationId: string } }
  | { ok: false; reason: "invalid" | "activated" | "siret" };

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === "23505") return true;
  return false;
}

/**
 * Sign-up, step two (the link's button), in one transaction: consumes the request and every other
 * pending one of the same email, creates the user, the structure with its owner and the audit entry,
 * links the DDETS campaign invitations, and opens a session. When the email got an account or the
 * SIRET a structure in the meantime, the request is spent and nothing else is written.
 */
export async function confirmSignUp(token: string): Promise<ConfirmSignUpResult> {
  const request = await loadValidSignupRequest(token);
  if (!request) return { ok: false, reason: "invalid" };
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<ConfirmSignUpResult> => {
      if (!(await consumeSignupRequests(tx, request.id, request.email))) return { ok: false, reason: "invalid" };
      if (await findUserByEmail(tx, request.email)) return { ok: false, reason: "activated" };
      if (await siretExists(tx, request.siret)) return { ok: false, reason: "siret" };
      const user = await insertUser(tx, { email: request.email, name: request.name, passwordHash: request.passwordHash });
      const org = await insertOrganization(
        tx,
        {
          kind: "structure",
          name: request.structureName,
          siret: request.siret,
          structureType: request.structureType,
          departement: request.departement,
          commune: request.commune,
        },
        user.id,
      );
      await insertAudit(tx, { organizationId: org.id, actorUserId: user.id, action: "organization.created" });
      await linkCampaignInvitations(tx, { email: request.email, campaignId: request.campaignId, structureId: org.id });
      const session = await createSession(tx, user.id);
      return { ok: true, value: { ...session, organizationId: org.id } };
    });
  } catch (error) {
    // Another confirmation won a race on the email or the SIRET: this one wrote nothing.
    if (!isUniqueViolation(error)) throw error;
    const again = await getDb();
    if (await findUserByEmail(again, request.email)) return { ok: false, reason: "activated" };
    if (await siretExists(again, request.siret)) return { ok: false, reason: "siret" };
    return { ok: false, reason: "invalid" };
  }
}

/** Sign-up through an invitation: the user joins the inviting organisation, no structure is created. */
export async function signUpWithInvitation(
  request: Request,
  input: { name: string; email: string; password: string; invitation: string },
): Promise<Result<{ token: string; expiresAt: Date; organizationId: string }>> {
  if (!(await checkRateLimits([["signupPerIp", clientIp(request)]])))
    return { ok: false, formErrors: ["Trop de comptes créés depuis cette adresse. Réessayez dans une heure."], status: 429 };
  const invitation = await loadValidInvitation(input.invitation);
  if (!invitation) return { ok: false, formErrors: [INVITATION_INVALID] };
  // The link proves only that its holder reads the invited mailbox: the account is created for that
  // address alone (another one would be unverified), so what follows says nothing of anyone else's.
  if (input.email !== invitation.email)
    return { ok: false, fieldErrors: { email: [`Cette invitation a été envoyée à ${invitation.email}\u00a0: le compte se crée avec cette adresse.`] } };
  const db = await getDb();
  if (await findUserByEmail(db, invitation.email))
    return {
      ok: false,
      fieldErrors: { email: ["Un compte utilise déjà cette adresse. Connectez-vous pour accepter l'invitation."] },
    };
  const passwordHash = await hashPassword(input.password);
  const result = await db.transaction(async (tx) => {
    if (!(await markInvitationAccepted(tx, invitation.id, new Date()))) return null;
    const user = await insertUser(tx, { email: invitation.email, name: input.name, passwordHash });
    await upsertMembership(tx, invitation.organizationId, user.id, invitation.role);
    await insertAudit(tx, { organizationId: invitation.organizationId, actorUserId: user.id, action: "invitation.accepted", details: { role: invitation.role } });
    const session = await createSession(tx, user.id);
    return { ...session, organizationId: invitation.organizationId };
  });
  if (!result) return { ok: false, formErrors: [INVITATION_INVALID] };
  return { ok: true, value: result };
}

const LOGIN_FAILED = "Adresse électronique ou mot de passe incorrect.";

/** Verifies the credentials under the rate limits; the message never tells whether the email exists. */
export async function logIn(request: Request, email: string, password: string): Promise<Result<{ token: string; expiresAt: Date; userId: string }>> {
  const ip = clientIp(request);
  const allowed = await checkRateLimits([
    ["loginPerEmail", email],
    ["loginPerIp", ip],
  ]);
  if (!allowed) return { ok: false, formErrors: ["Trop de tentatives de connexion. Patientez 15 minutes avant de réessayer, ou réinitialisez votre mot de passe."], status: 429 };
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user) {
    await verifyAgainstDummy(password);
    return { ok: false, formErrors: [LOGIN_FAILED], status: 400 };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, formErrors: [LOGIN_FAILED], status: 400 };
  await resetRateLimit("loginPerEmail", email);
  const session = await createSession(db, user.id);
  return { ok: true, value: { ...session, userId: user.id } };
}

/**
 * Sends a reset link when the account exists. Answers the same way in every case (no enumeration),
 * in the same time (the token and the mail are written in the background); over the limit, silently
 * sends nothing.
 */
export async function requestPasswordReset(request: Request, email: string): Promise<void> {
  const allowed = await checkRateLimits([
    ["resetPerEmail", email],
    ["resetPerIp", clientIp(request)],
  ]);
  if (!allowed) return;
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user) return;
  // The token and the mail are written after the answer, so a known email is not slower to answer.
  const base = publicUrl(request);
  runInBackground("lien de réinitialisation", async () => {
    const id = newId();
    const { token, secretHash } = newIdSecretToken(id);
    const db = await getDb();
    await db.transaction((tx) =>
      insertPasswordReset(tx, { id, userId: user.id, tokenHash: secretHash, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) }),
    );
    const link = `${base}/reinitialiser?token=${encodeURIComponent(token)}`;
    await sendMail({
      to: user.email,
      subject: "Boussole Égalité : réinitialiser votre mot de passe",
      text: `Bonjour ${user.name},

Vous avez demandé à réinitialiser votre mot de passe. Ouvrez ce lien pour en choisir un nouveau :
${link}

Ce lien ne sert qu'une fois et expire dans une heure. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste le même.

L'équipe Boussole Égalité`,
    });
  });
}

const RESET_INVALID =
  "Ce lien de réinitialisation n'est plus valable : il a déjà servi ou il a expiré (il dure une heure). Demandez-en un nouveau.";

/** Checks a reset token without consuming it (to show the form). */
export async function checkResetToken(token: string): Promise<boolean> {
  return (await loadValidReset(token)) !== null;
}

async function loadValidReset(token: string) {
  const parts = splitIdSecretToken(token);
  if (!parts) return null;
  const row = await findPasswordReset(await getDb(), parts.id);
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (!secretMatches(parts.secret, row.tokenHash)) return null;
  return row;
}

/** Consumes the token (single use), sets the password, signs out every other session, opens a new one. */
export async function resetPassword(token: string, password: string): Promise<Result<{ token: string; expiresAt: Date }>> {
  const row = await loadValidReset(token);
  if (!row) return { ok: false, formErrors: [RESET_INVALID] };
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const session = await db.transaction(async (tx) => {
    if (!(await consumePasswordReset(tx, row.id, new Date()))) return null;
    await updatePassword(tx, row.userId, passwordHash, null);
    return createSession(tx, row.userId);
  });
  if (!session) return { ok: false, formErrors: [RESET_INVALID] };
  return { ok: true, value: session };
}

/** Changes the password of a signed-in user after checking the current one; other sessions end. */
export async function changePassword(userId: string, sessionId: string, current: string, next: string): Promise<Result<null>> {
  const db = await getDb();
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, current)))
    return { ok: false, fieldErrors: { current: ["Le mot de passe actuel est incorrect."] } };
  await db.transaction(async (tx) => updatePassword(tx, userId, await hashPassword(next), sessionId));
  return { ok: true, value: null };
}

const INVITATION_INVALID =
  "Cette invitation n'est plus valable : elle a déjà été acceptée, retirée, ou elle a expiré. Demandez une nouvelle invitation.";

/** Loads an invitation from its link token; null when unknown, forged, used, revoked or expired. */
export async function loadValidInvitation(token: string) {
  const parts = splitIdSecretToken(token);
  if (!parts) return null;
  const row = await findInvitation(await getDb(), parts.id);
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (!secretMatches(parts.secret, row.tokenHash)) return null;
  return row;
}

/** A signed-in user accepts an invitation addressed to their email. */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<Result<{ organizationId: string }>> {
  const invitation = await loadValidInvitation(token);
  if (!invitation) return { ok: false, formErrors: [INVITATION_INVALID] };
  if (invitation.email !== user.email)
    return {
      ok: false,
      formErrors: [
        `Cette invitation a été envoyée à une autre adresse. Connectez-vous avec le compte de cette adresse, ou demandez une invitation pour ${user.email}.`,
      ],
    };
  const db = await getDb();
  const accepted = await db.transaction(async (tx) => {
    if (!(await markInvitationAccepted(tx, invitation.id, new Date()))) return false;
    await upsertMembership(tx, invitation.organizationId, user.id, invitation.role);
    await insertAudit(tx, { organizationId: invitation.organizationId, actorUserId: user.id, action: "invitation.accepted", details: { role: invitation.role } });
    return true;
  });
  if (!accepted) return { ok: false, formErrors: [INVITATION_INVALID] };
  return { ok: true, value: { organizationId: invitation.organizationId } };
}

/** Creates an invitation and mails its link. */
export async function inviteMember(
  request: Request,
  input: { organizationId: string; organizationName: string; email: string; role: Role; invitedBy: { id: string; name: string } },
) {
  const id = newId();
  const { token, secretHash } = newIdSecretToken(id);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await insertInvitation(tx, {
      id,
      organizationId: input.organizationId,
      email: input.email,
      role: input.role,
      tokenHash: secretHash,
      invitedBy: input.invitedBy.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await insertAudit(tx, { organizationId: input.organizationId, actorUserId: input.invitedBy.id, action: "invitation.sent", details: { role: input.role } });
  });
  const link = `${publicUrl(request)}/invitation/${encodeURIComponent(token)}`;
  await sendMail({
    to: input.email,
    subject: `Invitation à rejoindre « ${input.organizationName} » sur Boussole Égalité`,
    text: `Bonjour,

${input.invitedBy.name} vous invite à rejoindre l'espace « ${input.organizationName} » sur Boussole Égalité, l'outil d'autodiagnostic de l'égalité professionnelle des structures inclusives.

Pour accepter, ouvrez ce lien (valable 14 jours) : créez votre compte ou connectez-vous avec cette adresse.
${link}

L'équipe Boussole Égalité`,
  });
  return { id, link };
}
