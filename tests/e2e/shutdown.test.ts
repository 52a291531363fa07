import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionServer, type ProductionServer } from "../helpers/prod-server.ts";

/**
 * SIGTERM on the production server: requests already being received finish normally, new
 * connections are refused, then the process exits 0. "In flight" is made certain without timing:
 * each request announces `Expect: 100-continue`, so the server's « 100 Continue » proves it holds
 * the request before the signal; the body is sent only after the listener is closed.
 */
describe("graceful shutdown", () => {
  let server: ProductionServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "boussole-shutdown-"));
    server = await startProductionServer({ DATABASE_URL: "", PGLITE_DIR: path.join(dataDir, "pglite"), OUTBOX_DIR: path.join(dataDir, "outbox") });
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts a sign-in POST and resolves once the server has accepted its headers. */
  function startSignIn(email: string) {
    const body = new URLSearchParams({ email, password: "pas le bon mot de passe" }).toString();
    const req = http.request({
      host: "127.0.0.1",
      port: server.port,
      path: "/connexion",
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Expect: "100-continue" },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        res.on("error", reject);
      });
      req.on("error", reject);
    });
    const accepted = new Promise<void>((resolve) => req.once("continue", () => resolve()));
    return { accepted, finish: () => req.end(body), response };
  }

  function connectionRefused(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect(server.port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
    });
  }

  it("lets in-flight requests finish, refuses new connections, then exits 0", async () => {
    const inFlight = Array.from({ length: 6 }, (_, i) => startSignIn(`arret${i}@exemple.fr`));
    await Promise.all(inFlight.map((r) => r.accepted));
    // An idle keep-alive connection must not hold the process open.
    const agent = new http.Agent({ keepAlive: true });
    const idle = await new Promise<number>((resolve, reject) =>
      http.get({ host: "127.0.0.1", port: server.port, path: "/healthz", agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      }).on("error", reject),
    );
    expect(idle).toBe(200);

    server.child.kill("SIGTERM");
    const deadline = Date.now() + 30_000;
    while (!(await connectionRefused())) {
      if (Date.now() > deadline) throw new Error("le serveur accepte encore des connexions");
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(server.child.exitCode).toBeNull();

    for (const r of inFlight) r.finish();
    const answers = await Promise.all(inFlight.map((r) => r.response));
    for (const answer of answers) {
      // The sign-in form answers a wrong password with its French message.
      expect(answer.status).toBe(400);
      expect(answer.text).toContain("</html>");
      expect(answer.text).toContain("mot de passe");
    }
    expect(await server.exited).toBe(0);
    expect(server.log()).toContain("Arrêt terminé.");
    agent.destroy();
  });
});
