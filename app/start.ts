/**
 * `npm start`: builds when needed, migrates, seeds a demo when the database is empty, then serves.
 * Uses PostgreSQL when DATABASE_URL is set, else the embedded PGlite under ./data/.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Before React and React Router load: they pick their production or development build on import.
process.env.NODE_ENV ??= "production";
const root = process.cwd();
const buildDir = path.join(root, "build");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const serverBuild = path.join(buildDir, "server", "index.js");
  if (!fs.existsSync(serverBuild)) return true;
  const built = fs.statSync(serverBuild).mtimeMs;
  return ["app", "db", "diagnostics", "public"].some((d) => fs.existsSync(d) && newestMtime(path.join(root, d)) > built);
}

if (buildIsStale()) {
  console.log("Construction de l'application (une minute environ la première fois)…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "@react-router", "dev", "bin.js"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

const { closeDb, getDbHandle } = await import("../db/client.ts");
const { seedDemoIfEmpty } = await import("../db/seed.ts");
const { hashPassword } = await import("./auth/password.server.ts");
const { serve } = await import("./server.ts");

const { isDatabaseUnavailable } = await import("../db/errors.ts");

/** PostgreSQL may come up after the app (containers started together): wait for it a minute. */
async function openDatabase() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await getDbHandle();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > deadline) throw error;
      console.log("Base de données injoignable, nouvel essai dans 2\u00a0s…");
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

const handle = await openDatabase();
console.log(handle.driver === "postgres" ? "Base de données : PostgreSQL (DATABASE_URL)." : "Base de données intégrée (PGlite) dans ./data/pglite.");
/** Several instances may start together on an empty database: one seeds, the others find it done. */
async function seedDemo() {
  if (process.env.SEED_DEMO === "false" || process.env.SEED_DEMO === "0") return null;
  try {
    return await seedDemoIfEmpty(handle.db, { hashPassword });
  } catch (error) {
    if (isUniqueViolation(error)) {
      console.log("Démonstration déjà créée par une autre instance.");
      return null;
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === "23505") return true;
  return false;
}

const demo = await seedDemo();
const port = Number(process.env.PORT ?? 3000);
await serve(buildDir, port, closeDb);
console.log(`\nBoussole Égalité est prête : http://localhost:${port}\n`);
if (demo) {
  console.log("Comptes de démonstration (mot de passe pour tous : " + demo.password + ") :");
  for (const account of demo.accounts) console.log(`  ${account.email.padEnd(36)} ${account.description}`);
  console.log("Les courriels (invitations, réinitialisations) sont écrits dans ./data/outbox/ quand SMTP_URL n'est pas défini.\n");
}
