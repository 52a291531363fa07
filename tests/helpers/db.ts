import postgres from "postgres";
import { migrate, openPglite, openPostgres, setDbHandle, type DbHandle } from "../../db/client.ts";

/** Which driver this test run uses: the `db` project runs PGlite, `db-pg` a real PostgreSQL server. */
export function testDriver(): "pglite" | "postgres" {
  return process.env.TEST_DRIVER === "postgres" ? "postgres" : "pglite";
}

/**
 * A throwaway, migrated database for one test file, installed as the process database so that
 * loaders and actions use it. PGlite: a new in-memory instance. PostgreSQL: a new database on the
 * server of TEST_DATABASE_URL, dropped by `dispose`.
 */
export async function createTestDb(): Promise<DbHandle & { dispose: () => Promise<void>; url?: string }> {
  if (testDriver() === "pglite") {
    const handle = await openPglite();
    await migrate(handle);
    setDbHandle(handle);
    return { ...handle, dispose: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
  const name = `test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 5 });
  await migrate(handle);
  setDbHandle(handle);
  return {
    ...handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
