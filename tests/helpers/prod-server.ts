import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface ProductionServer {
  baseURL: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed so far. */
  log: () => string;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts the production server the way `npm start` does (app/start.ts: build when stale, migrate,
 * seed the demo when empty, serve) with `env` on a free port; resolves once it says it is ready.
 */
export async function startProductionServer(env: Record<string, string>, timeoutMs = 240_000): Promise<ProductionServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "app/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", SESSION_SECURE: "false", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Le serveur s'est arrêté :\n${log}`);
    if (log.includes("est prête")) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Le serveur n'a pas démarré à temps :\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseURL,
    port,
    child,
    log: () => log,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Signs in through the real sign-in form; returns the session cookie ("name=value"). */
export async function signIn(baseURL: string, email: string, password: string): Promise<{ status: number; cookie: string | null }> {
  const body = new URLSearchParams({ email, password });
  const res = await fetch(`${baseURL}/connexion`, { method: "POST", body, redirect: "manual" });
  const setCookie = res.headers.get("set-cookie");
  await res.arrayBuffer();
  return { status: res.status, cookie: setCookie ? setCookie.split(";")[0] : null };
}

/** Posts one autosaved answer as the domain page's script does. */
export async function postAnswer(baseURL: string, path: string, cookie: string, questionId: string, version: number, value: string) {
  const body = new FormData();
  body.set("questionId", questionId);
  body.set(`v.${questionId}`, String(version));
  body.set(`q.${questionId}`, value);
  return fetch(`${baseURL}${path}/reponse`, { method: "POST", body, headers: { Cookie: cookie, Accept: "application/json" } });
}
