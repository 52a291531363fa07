import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";

/** Tables a read may legitimately write to: sessions (sliding expiry), rate limits, the audit log of visits. */
export const VOLATILE_TABLES = new Set(["sessions", "rate_limits", "audit_log", "__drizzle_migrations"]);

/** Rows of a raw query on either driver (postgres.js gives an array, PGlite an object with rows). */
export async function queryRows(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const result = (await db.execute(query)) as unknown;
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * Every row of every table except the volatile ones, as text per table: two equal snapshots mean
 * that nothing was written in between.
 */
export async function snapshotTables(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (VOLATILE_TABLES.has(String(name))) continue;
    const [row] = await queryRows(db, sql.raw(`select coalesce(string_agg(t::text, E'\\n' order by t::text), '') as dump from "${name}" t`));
    out[String(name)] = String(row.dump);
  }
  return out;
}
