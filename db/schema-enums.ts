/** Enumerations of the schema that the browser bundle may import (no drizzle code here). */
export const ORG_KINDS = ["structure", "accompagnement", "ddets"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];
