import path from "node:path";
import fs from "node:fs";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { PGlite } from "@electric-sql/pglite";
import * as schema from "./schema.ts";

/**
 * One query API for both drivers. The two drizzle flavours share the pg-core query builder; we type
 * the handle as the postgres.js one and keep to the builder (no driver-specific `execute` results).
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: query functions accept both. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  driver: "postgres" | "pglite";
  /** PostgreSQL only: the connection URL (for the migration lock). */
  url?: string;
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname ?? ".", "migrations");

function migrationsFolder() {
  // In the built server bundle import.meta.dirname points into build/; fall back to the repo folder.
  if (fs.existsSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"))) return MIGRATIONS_FOLDER;
  return path.resolve(process.cwd(), "db", "migrations");
}

/** Opens a postgres.js connection pool on `url`. */
export function openPostgres(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
    idle_timeout: 30,
  });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" });
  return { db, driver: "postgres", url, close: () => client.end({ timeout: 5 }) };
}

/** Opens PGlite in `dataDir` (persisted) or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<DbHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? { dataDir, loadDataDir } : { loadDataDir });
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

/** Key of the PostgreSQL advisory lock held while migrating (any fixed 64-bit number of ours). */
export const MIGRATION_LOCK_KEY = 7_316_640_215_001;

/**
 * Applies the committed SQL migrations; re-running is a no-op. On PostgreSQL, instances starting
 * together take turns through an advisory lock, so that each migration runs exactly once.
 */
export async function migrate(handle: DbHandle) {
  const migrationsConfig = { migrationsFolder: migrationsFolder() };
  if (handle.driver !== "postgres") {
    await migratePglite(handle.db as never, migrationsConfig);
    return;
  }
  const url = handle.url;
  if (!url) {
    await migratePostgres(handle.db, migrationsConfig);
    return;
  }
  // A session-level lock on a connection of its own: the migrations run on the pool meanwhile.
  const lock = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(handle.db, migrationsConfig);
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await lock.end({ timeout: 5 });
  }
}

// The server bundle and the start-up script may both load this module: keep one handle per process.
const GLOBAL_KEY = Symbol.for("boussole.db");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DbHandle> };
const g = globalThis as GlobalWithDb;

/**
 * The process-wide database: postgres.js when DATABASE_URL is set, else PGlite under ./data/pglite.
 * When opening fails (PostgreSQL down at that moment) the next call tries again.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!g[GLOBAL_KEY]) {
    const opening = (async () => {
      const url = process.env.DATABASE_URL;
      const handle = url
        ? openPostgres(url)
        : await openPglite(process.env.PGLITE_DIR ?? path.resolve(process.cwd(), "data", "pglite"));
      try {
        await migrate(handle);
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
      return handle;
    })();
    g[GLOBAL_KEY] = opening;
    opening.catch(() => {
      if (g[GLOBAL_KEY] === opening) g[GLOBAL_KEY] = undefined;
    });
  }
  return g[GLOBAL_KEY];
}

/** Readiness: the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseReady(timeoutMs = 3_000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = (async () => {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests: install an already-open handle as the process database. */
export function setDbHandle(handle: DbHandle) {
  g[GLOBAL_KEY] = Promise.resolve(handle);
}

export async function closeDb() {
  const current = g[GLOBAL_KEY];
  g[GLOBAL_KEY] = undefined;
  if (current) await (await current).close();
}
