import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./prod-server.ts";

const run = promisify(execFile);

function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")) && fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

function postgresUserIds(): { uid: number; gid: number } | null {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

const isRoot = () => process.getuid?.() === 0;

/** Why a private PostgreSQL cluster cannot be started here, or null when it can. */
export function privateClusterUnavailableReason(): string | null {
  if (process.platform !== "linux") return "cluster PostgreSQL privé : Linux seulement";
  if (!postgresBinDir()) return "cluster PostgreSQL privé : initdb/pg_ctl introuvables sous /usr/lib/postgresql/*/bin";
  if (isRoot() && (!postgresUserIds() || !fs.existsSync("/usr/sbin/runuser"))) return "cluster PostgreSQL privé : en root, il faut l'utilisateur postgres et runuser";
  return null;
}

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: the server ends every connection and stops. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it if running and deletes its files. */
  destroy: () => Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster in a temporary folder on a free port (trust authentication, no
 * fsync), so that a test may stop a real server without touching the shared one. As root, the
 * binaries run as the postgres user through runuser.
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const reason = privateClusterUnavailableReason();
  if (reason) throw new Error(reason);
  const bin = postgresBinDir()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boussole-pg-"));
  const owner = isRoot() ? postgresUserIds() : null;
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const exec = (tool: string, args: string[]) =>
    owner ? run("/usr/sbin/runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  const data = path.join(dir, "data");
  const port = await freePort();
  await exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const start = async () => {
    await exec("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
    running = true;
  };
  const stop = async () => {
    await exec("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
    running = false;
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      if (running) await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
