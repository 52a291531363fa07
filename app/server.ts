import path from "node:path";
import fs from "node:fs";
import express from "express";
import compression from "compression";
import type { ServerBuild } from "react-router";
import { isCrossOriginWrite } from "./auth/origin.server.ts";
import { backgroundSettled } from "./auth/background.server.ts";
import { baseSecurityHeaders } from "./security-headers.server.ts";
import { withDatabaseUnavailableAs503 } from "./unavailable.server.ts";
import { isDatabaseReady } from "../db/client.ts";
import { BODY_TOO_LARGE_MESSAGE, createLimitedRequestHandler } from "./body-limit.server.ts";

/** Largest request body accepted (staff files are limited to 10 MB; forms are far smaller). */
export const MAX_BODY_BYTES = 11 * 1024 * 1024;

/**
 * The production HTTP server: security headers, the cross-origin write check, the client address for
 * rate limits, static files, then React Router. Stateless: everything shared lives in PostgreSQL.
 */
export function createApp(build: ServerBuild, options: { clientDir: string }) {
  build = withDatabaseUnavailableAs503(build);
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY === "true" ? true : process.env.TRUST_PROXY);
  app.use(compression());
  app.use((req, res, next) => {
    for (const [name, value] of Object.entries(baseSecurityHeaders())) res.setHeader(name, value);
    // Only the server sets the address used by rate limits.
    req.headers["x-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "inconnue";
    if (isCrossOriginWrite(req.method, { get: (name) => (req.headers[name.toLowerCase()] as string | undefined) ?? null })) {
      res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : elle ne vient pas de ce site.");
      return;
    }
    // Announced bodies over the limit are refused at once; bodies without Content-Length (chunked)
    // are counted while read by createLimitedRequestHandler.
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send(BODY_TOO_LARGE_MESSAGE);
      return;
    }
    next();
  });
  // Liveness: the process answers. Readiness: it can also reach its database (for a load balancer).
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok");
  });
  app.get("/readyz", async (_req, res) => {
    const ready = await isDatabaseReady();
    res.status(ready ? 200 : 503).type("text/plain; charset=utf-8").send(ready ? "ok" : "base de données injoignable");
  });
  app.use("/assets", express.static(path.join(options.clientDir, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(options.clientDir, { maxAge: "1h" }));
  app.all("/{*splat}", createLimitedRequestHandler({ build, mode: process.env.NODE_ENV, maxBodyBytes: MAX_BODY_BYTES }));
  return app;
}

/** How long SIGTERM waits for in-flight requests before giving up (exit code 1). */
export const SHUTDOWN_GRACE_MS = 20_000;

/**
 * Serves `buildDir` on `port`; resolves once listening. SIGTERM (or SIGINT) stops accepting
 * connections at once, lets in-flight requests finish, closes keep-alive connections as they fall
 * idle, then runs `onClose` (the database pool) and exits 0.
 */
export async function serve(buildDir: string, port: number, onClose?: () => Promise<void>) {
  const serverBuildPath = path.join(buildDir, "server", "index.js");
  if (!fs.existsSync(serverBuildPath)) throw new Error(`Pas de build dans ${buildDir} : lancez « npm run build ».`);
  const build = (await import(serverBuildPath)) as ServerBuild;
  const app = createApp(build, { clientDir: path.join(buildDir, "client") });
  const server = app.listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    console.log("Arrêt demandé\u00a0: fin des requêtes en cours…");
    server.close(async () => {
      clearInterval(reaper);
      // Mails and rows written after an answer (sign-up, reset) go out before the database closes.
      await backgroundSettled();
      try {
        await onClose?.();
      } catch (error) {
        console.error("Fermeture de la base de données\u00a0:", error);
      }
      console.log("Arrêt terminé.");
      process.exit(0);
    });
    // Keep-alive connections would otherwise hold the server open until their timeout.
    server.closeIdleConnections();
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    setTimeout(() => {
      console.error("Arrêt forcé\u00a0: des requêtes duraient encore.");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  return server;
}
