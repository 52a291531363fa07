import { parseArgs } from "node:util";
import { z } from "zod";
import { getDb } from "../../db/client.ts";
import { countExpired, deleteExpired, keepIndexAsAggregates, listExpiredStaffFiles, type RetentionCutoffs } from "../../db/queries/data-rights.ts";
import { ProfileSchema } from "../../diagnostics/profile.ts";
import { indexInputFromStaffRows, StaffRowSchema } from "../../diagnostics/staff-file/index.ts";
import type { StructureType } from "../../diagnostics/types.ts";
import { indexSizeBandOf } from "../diagnostic/index-form.ts";
import { AUDIT_RETENTION_YEARS, RATE_LIMIT_RETENTION_MS, STAFF_FILE_RETENTION_YEARS } from "../orgs/retention-rules.ts";
import type { CliIo } from "./io.ts";

/**
 * The retention rule (README « Données personnelles et conservation », privacy page), applied by
 * `npm run cli -- retention [--dry-run] [--now 2027-01-01T00:00:00Z]`:
 * - sessions, password-reset links, invitations and unconfirmed sign-up requests: deleted once
 *   expired (a used reset link too);
 * - rate-limit counters: deleted one day after their window started (the longest window is an hour);
 * - audit entries: kept AUDIT_RETENTION_YEARS years;
 * - staff files (one anonymised row per employee): kept until the end of the third calendar year
 *   after the diagnostic's reference year, then deleted; the Index computed from them stays, as
 *   aggregated data.
 * Accounts and structures are never deleted by this command (see README). The thresholds and their
 * reasons are in app/orgs/retention-rules.ts.
 */

/** The year of `date` in France (the rule turns on 1 January, Paris time). */
export function parisYear(date: Date): number {
  return Number(new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric" }).format(date));
}

/** The thresholds of the rule at instant `now`. */
export function retentionCutoffs(now: Date): RetentionCutoffs {
  const auditBefore = new Date(now);
  auditBefore.setUTCFullYear(auditBefore.getUTCFullYear() - AUDIT_RETENTION_YEARS);
  return {
    now,
    rateLimitsBefore: new Date(now.getTime() - RATE_LIMIT_RETENTION_MS),
    auditBefore,
    staffFileYearBefore: parisYear(now) - STAFF_FILE_RETENTION_YEARS,
  };
}

const TABLE_LABELS: Record<keyof Awaited<ReturnType<typeof deleteExpired>>, string> = {
  sessions: "sessions de connexion expirées",
  passwordResetTokens: "liens de réinitialisation expirés ou utilisés",
  invitations: "invitations expirées",
  signupRequests: "demandes d'inscription non confirmées expirées",
  rateLimits: "compteurs de tentatives de plus d'un jour",
  auditLog: `entrées du journal de plus de ${AUDIT_RETENTION_YEARS}\u00a0ans`,
  staffFiles: "fichiers du personnel (lignes par personne) échus",
};

const NBSP = "\u00a0";

export async function retentionCommand(args: string[], io: CliIo): Promise<number> {
  let values: { "dry-run"?: boolean; now?: string };
  try {
    ({ values } = parseArgs({ args, options: { "dry-run": { type: "boolean" }, now: { type: "string" } } }));
  } catch {
    io.stderr(`Options possibles${NBSP}: --dry-run, --now AAAA-MM-JJTHH:MM:SSZ.\n`);
    return 2;
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    io.stderr(`Date non valide pour --now${NBSP}: ${values.now}. Exemple${NBSP}: --now 2027-01-01T00:00:00Z.\n`);
    return 2;
  }
  const cutoffs = retentionCutoffs(now);
  const db = await getDb();
  const dryRun = values["dry-run"] === true;
  const { counts, indexesKept } = dryRun
    ? { counts: await countExpired(db, cutoffs), indexesKept: 0 }
    : await db.transaction(async (tx) => {
        let kept = 0;
        for (const file of await listExpiredStaffFiles(tx, cutoffs.staffFileYearBefore)) {
          if (file.indexSource !== "fichier") continue;
          const indexData = staffIndexData(file);
          if (!indexData) continue;
          await keepIndexAsAggregates(tx, file.organizationId, file.diagnosticId, indexData, now);
          kept += 1;
        }
        return { counts: await deleteExpired(tx, cutoffs), indexesKept: kept };
      });
  const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(now);
  const lines = [
    dryRun ? `Conservation des données, simulation au ${date} (rien n'est supprimé)${NBSP}:` : `Conservation des données, au ${date}${NBSP}:`,
    ...Object.entries(TABLE_LABELS).map(([key, label]) => `  ${label}${NBSP}: ${counts[key as keyof typeof counts]}${dryRun ? " à supprimer" : " supprimé(s)"}`),
  ];
  if (indexesKept > 0) lines.push(`  Index conservés sous forme agrégée${NBSP}: ${indexesKept}`);
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

/** The Index input aggregated from a staff file's rows, or null when they no longer validate. */
function staffIndexData(file: { rows: unknown; profile: unknown; structureType: string | null }): Record<string, unknown> | null {
  const rows = z.array(StaffRowSchema).safeParse(file.rows);
  const profile = ProfileSchema.safeParse(file.profile);
  if (!rows.success || rows.data.length === 0 || !profile.success) return null;
  const structureType = (profile.data.structureType ?? file.structureType ?? "autre") as StructureType;
  return indexInputFromStaffRows(rows.data, { sizeBand: indexSizeBandOf(profile.data.headcountBand).sizeBand, structureType }) as unknown as Record<string, unknown>;
}
