import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

import { ORG_KINDS, ROLES } from "./schema-enums.ts";
import { DIAGNOSTIC_SUMMARY_VERSION } from "../diagnostics/ddets-summary-version.ts";
export { ORG_KINDS, ROLES, type OrgKind, type Role } from "./schema-enums.ts";

export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    /** Stored lower-cased and trimmed. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    createdAt: createdAt(),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/** Lucia-guide sessions: the cookie holds `<id>.<secret>`; only SHA-256(secret) is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    secretHash: bytea().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const organizations = pgTable(
  "organizations",
  {
    id: text().primaryKey(),
    kind: text({ enum: ORG_KINDS }).notNull(),
    name: text().notNull(),
    /** 14 digits, structures only. */
    siret: text(),
    structureType: text(),
    departement: text(),
    commune: text(),
    /** DDETS scope: département codes. */
    departements: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("organizations_siret_key").on(t.siret),
    index("organizations_kind_departement_idx").on(t.kind, t.departement),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    tokenHash: bytea().notNull(),
    invitedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("invitations_org_idx").on(t.organizationId)],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: bytea().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("password_reset_user_idx").on(t.userId)],
);

/** Fixed-window attempt counters, shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: text().primaryKey(),
    organizationId: text(),
    actorUserId: text(),
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_org_idx").on(t.organizationId, t.createdAt)],
);


/**
 * A structure's diagnostic for one reference year. The profile, the jobs table and the index data are
 * edited as whole documents, each with its own version (optimistic concurrency: a save based on a
 * stale version is refused). Answers are versioned one by one in `diagnostic_answers`.
 */
export const diagnostics = pgTable(
  "diagnostics",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    status: text({ enum: ["brouillon", "termine"] }).notNull().default("brouillon"),
    profile: jsonb().$type<Record<string, unknown>>(),
    profileVersion: integer().notNull().default(0),
    jobs: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    jobsVersion: integer().notNull().default(0),
    /** Aggregated index data (IndexInput) entered by hand, or null when taken from the staff file / skipped. */
    indexData: jsonb().$type<Record<string, unknown>>(),
    /** "saisie" (entered), "fichier" (from the staff file), "ignore" (skipped, with a reason), or null (not done). */
    indexSource: text({ enum: ["saisie", "fichier", "ignore"] }),
    indexSkipReason: text(),
    indexVersion: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
    finishedAt: timestamp({ withTimezone: true }),
    /**
     * DDETS statistics: the small summary of the results (diagnostics/ddets-summary.ts: women and men
     * in pathways, jobs and mixed jobs, domain levels, Index value), a cache recomputed when stale.
     * Never answers, staff rows or pay.
     */
    summary: jsonb().$type<Record<string, unknown>>(),
    /** The summary's band in each family (« size=under_fifty », « level:embauche=en_cours »…), counted by SQL for the dashboard. */
    summaryBands: text().array(),
    /** The `updated_at` the summary was computed from: any other value means the summary is stale. */
    summaryOf: timestamp({ withTimezone: true }),
    /** DIAGNOSTIC_SUMMARY_VERSION of the stored summary (another version is recomputed). */
    summaryVersion: integer(),
    /**
     * A finished diagnostic whose summary is missing, stale or of another version. Computed by
     * PostgreSQL on every write (no application code has to remember it), so that the check before
     * each DDETS dashboard reads a partial index that is usually empty.
     */
    summaryStale: boolean().generatedAlwaysAs(
      sql`status = 'termine' and (summary_of is distinct from updated_at or summary_version is distinct from ${sql.raw(String(DIAGNOSTIC_SUMMARY_VERSION))})`,
    ),
  },
  (t) => [
    uniqueIndex("diagnostics_org_year_key").on(t.organizationId, t.year),
    index("diagnostics_summary_stale_idx").on(t.organizationId).where(sql`${t.summaryStale}`),
    /**
     * DDETS counts and bands read this index alone (index-only scans): the rows themselves, with
     * their profile, jobs and Index documents, are wide.
     */
    index("diagnostics_ddets_idx").on(t.year, t.status, t.organizationId, t.id, t.summaryVersion, t.summaryBands),
  ],
);

export const diagnosticAnswers = pgTable(
  "diagnostic_answers",
  {
    diagnosticId: text()
      .notNull()
      .references(() => diagnostics.id, { onDelete: "cascade" }),
    questionId: text().notNull(),
    value: jsonb().$type<number | string | string[]>().notNull(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.diagnosticId, t.questionId] })],
);

/** The anonymised staff file of a diagnostic (validated rows only; never names, birth dates or NIR). */
export const staffFiles = pgTable("staff_files", {
  diagnosticId: text()
    .primaryKey()
    .references(() => diagnostics.id, { onDelete: "cascade" }),
  fileName: text().notNull(),
  rowCount: integer().notNull(),
  rows: jsonb().$type<Record<string, unknown>[]>().notNull(),
  importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  importedBy: text().references(() => users.id, { onDelete: "set null" }),
});

/**
 * The categories of work of equal value of a diagnostic (directive 2023/970, art. 4), edited in the
 * pay-transparency tab: the categories with the criteria confirmed, and the job of the staff file in
 * each (CategoryMapping of diagnostics/transparency/category-editor.ts). No row: the staff file's
 * category column is used. Versioned as a whole (a save based on a stale version is refused).
 */
export const payCategoryMaps = pgTable(
  "pay_category_maps",
  {
    diagnosticId: text()
      .primaryKey()
      .references(() => diagnostics.id, { onDelete: "cascade" }),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    mapping: jsonb().$type<Record<string, unknown>>().notNull(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("pay_category_maps_org_idx").on(t.organizationId)],
);

/** The action plan (or accord) built from a diagnostic: one per diagnostic, for a period. */
export const actionPlans = pgTable(
  "action_plans",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    diagnosticId: text()
      .notNull()
      .references(() => diagnostics.id, { onDelete: "cascade" }),
    kind: text({ enum: ["plan_action", "accord"] }).notNull(),
    /** ISO dates (YYYY-MM-DD), both ends included. */
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("action_plans_diagnostic_key").on(t.diagnosticId), index("action_plans_org_idx").on(t.organizationId)],
);

/** One action of a plan, versioned on its own so that two people can edit two actions at once. */
export const planActions = pgTable(
  "plan_actions",
  {
    id: text().primaryKey(),
    planId: text()
      .notNull()
      .references(() => actionPlans.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    /** The action's fields (PlanAction of the engine, without its id). */
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
    /** DDETS statistics: the action's domain unless abandoned, computed by PostgreSQL from `data` (never written by the application). */
    statsDomain: text().generatedAlwaysAs(sql`case when coalesce(data->>'status', '') <> 'abandonnee' then data->>'domain' end`),
    /** DDETS statistics: the catalogue action it comes from unless abandoned, computed from `data`. */
    statsAction: text().generatedAlwaysAs(sql`case when coalesce(data->>'status', '') <> 'abandonnee' then data->>'catalogueId' end`),
  },
  (t) => [
    index("plan_actions_plan_idx").on(t.planId, t.position),
    /** DDETS counts of chosen domains and actions read this index alone. */
    index("plan_actions_stats_idx").on(t.planId, t.statsDomain, t.statsAction),
  ],
);

/**
 * Access of an accompaniment organisation to a structure's diagnostics, granted by the structure's
 * owner (or asked by the advisor and accepted by the owner). Only an `active` grant gives access.
 */
export const accessGrants = pgTable(
  "access_grants",
  {
    id: text().primaryKey(),
    structureId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    advisorOrgId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** "read": read only; "edit": read and edit diagnostics and plans (never members, grants or deletion). */
    level: text({ enum: ["read", "edit"] }).notNull(),
    status: text({ enum: ["requested", "active", "refused", "revoked"] }).notNull(),
    requestedBy: text().references(() => users.id, { onDelete: "set null" }),
    decidedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("access_grants_pair_key").on(t.structureId, t.advisorOrgId),
    index("access_grants_advisor_idx").on(t.advisorOrgId, t.status),
  ],
);

/** A review comment of an advisor on a domain or on the plan of a diagnostic; the structure marks it resolved. */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: text().primaryKey(),
    structureId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    diagnosticId: text()
      .notNull()
      .references(() => diagnostics.id, { onDelete: "cascade" }),
    /** A domain id, or "plan". */
    target: text().notNull(),
    authorUserId: text().references(() => users.id, { onDelete: "set null" }),
    authorOrgId: text().references(() => organizations.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: text().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("review_comments_diagnostic_idx").on(t.diagnosticId, t.target)],
);

/** A DDETS uptake campaign invitation sent to a structure's email. */
export const campaignInvitations = pgTable(
  "campaign_invitations",
  {
    id: text().primaryKey(),
    ddetsOrgId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Stored lower-cased and trimmed. */
    email: text().notNull(),
    invitedBy: text().references(() => users.id, { onDelete: "set null" }),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The structure created by signing up from the invitation (or later with the same email). */
    structureId: text().references(() => organizations.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("campaign_invitations_pair_key").on(t.ddetsOrgId, t.email),
    index("campaign_invitations_email_idx").on(t.email),
    index("campaign_invitations_structure_idx").on(t.structureId),
  ],
);

/**
 * A sign-up waiting for its email to be confirmed: nothing of it is an account yet. The password is
 * stored as its argon2id hash, the link's secret as its SHA-256 (like password-reset links).
 */
export const signupRequests = pgTable(
  "signup_requests",
  {
    id: text().primaryKey(),
    /** Stored lower-cased and trimmed. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    structureName: text().notNull(),
    siret: text().notNull(),
    structureType: text().notNull(),
    departement: text().notNull(),
    commune: text().notNull(),
    /** The DDETS campaign invitation the sign-up link carried (?campagne=…), unchecked until linked. */
    campaignId: text(),
    tokenHash: bytea().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("signup_requests_email_idx").on(t.email), index("signup_requests_expires_idx").on(t.expiresAt)],
);
