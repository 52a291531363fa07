/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded database. */
import { closeDb, getDbHandle } from "./client.ts";

const handle = await getDbHandle();
console.log(handle.driver === "postgres" ? "Migrations appliquées (PostgreSQL)." : "Migrations appliquées (base intégrée ./data/pglite).");
await closeDb();
