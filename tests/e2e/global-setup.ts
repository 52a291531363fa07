import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../helpers/prod-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    outboxDir: string;
    dataDir: string;
  }
}

let child: ChildProcess | null = null;

/**
 * Starts the production server once for the e2e files (`npm start` path: build when stale, migrate,
 * seed the demo) on a free port with a fresh embedded database and outbox.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "boussole-e2e-"));
  const outboxDir = path.join(dataDir, "outbox");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PGLITE_DIR: path.join(dataDir, "pglite"),
    OUTBOX_DIR: outboxDir,
    NODE_ENV: "production",
    SESSION_SECURE: "false",
  };
  delete env.DATABASE_URL;
  child = spawn(process.execPath, ["--import", "tsx", "app/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Le serveur s'est arrêté :\n${log}`);
    try {
      const res = await fetch(`${baseURL}/healthz`);
      if (res.ok && log.includes("est prête")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Le serveur n'a pas démarré à temps :\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide("baseURL", baseURL);
  project.provide("outboxDir", outboxDir);
  project.provide("dataDir", dataDir);
  return async () => {
    child?.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
