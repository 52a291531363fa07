import path from "node:path";
import fs from "node:fs";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@react-router/express";
import type { ServerBuild } from "react-router";
import { isCrossOriginWrite } from "./auth/origin.server.ts";
import { baseSecurityHeaders } from "./security-headers.server.ts";

/** Largest request body accepted (staff files are limited to 10 MB; forms are far smaller). */
export const MAX_BODY_BYTES = 11 * 1024 * 1024;

/**
 * The production HTTP server: security headers, the cross-origin write check, the client address for
 * rate limits, static files, then React Router. Stateless: everything shared lives in PostgreSQL.
 */
export function createApp(build: ServerBuild, options: { clientDir: string }) {
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
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.status(413).type("text/plain; charset=utf-8").send("Envoi trop volumineux : la limite est de 10 Mo.");
      return;
    }
    next();
  });
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok");
  });
  app.use("/assets", express.static(path.join(options.clientDir, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(options.clientDir, { maxAge: "1h" }));
  app.all("/{*splat}", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
}

/** Serves `buildDir` on `port`; resolves once listening. SIGTERM lets in-flight requests finish, then exits. */
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
    console.log("Arrêt demandé : fin des requêtes en cours…");
    server.close(async () => {
      await onClose?.();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  return server;
}
