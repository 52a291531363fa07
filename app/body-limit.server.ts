import { AsyncLocalStorage } from "node:async_hooks";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createRequestHandler as createRouterHandler, type ServerBuild } from "react-router";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";

/** What a client reads when its request body is over the limit. */
export const BODY_TOO_LARGE_MESSAGE = "Envoi trop volumineux\u00a0: la limite est de 10\u00a0Mo.";

/** What a client reads when its form could not be read (malformed multipart, wrong content type). */
export const BODY_UNREADABLE_MESSAGE =
  "Formulaire illisible\u00a0: l'envoi est incomplet ou mal formé. Rechargez la page et réessayez.";

/**
 * Per request: whether an action failed because its form could not be parsed. Shared through
 * globalThis because this module runs twice: in the server (app/server.ts) and bundled into the
 * React Router build (through entry.server's handleError).
 */
const STATE_KEY = Symbol.for("boussole-egalite.request-body-state");
const bodyState: AsyncLocalStorage<{ unreadable: boolean }> = ((globalThis as Record<symbol, unknown>)[STATE_KEY] ??=
  new AsyncLocalStorage<{ unreadable: boolean }>()) as AsyncLocalStorage<{ unreadable: boolean }>;

/** The error `request.formData()` throws on a malformed body or a content type that is not a form. */
function isFormParseError(error: unknown): boolean {
  return error instanceof TypeError && /FormData|Content-Type was not one of/.test(error.message);
}

/**
 * Called from entry.server's handleError: true when `error` is a form that could not be parsed,
 * which createLimitedRequestHandler then answers with a 400 in French instead of a server error.
 */
export function markUnreadableBody(error: unknown): boolean {
  const state = bodyState.getStore();
  if (!state || !isFormParseError(error)) return false;
  state.unreadable = true;
  return true;
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(BODY_TOO_LARGE_MESSAGE);
  }
}

/**
 * A pass-through that counts the bytes of a request body and fails with BodyTooLargeError as soon
 * as they go over `maxBytes`: a body sent without Content-Length (chunked) is never read further.
 */
export class BodyLimiter extends Transform {
  bytes = 0;
  exceeded = false;
  constructor(readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.bytes += chunk.byteLength;
    if (this.bytes > this.maxBytes) {
      this.exceeded = true;
      callback(new BodyTooLargeError(this.maxBytes));
      return;
    }
    callback(null, chunk);
  }
}

/** `source` piped through a BodyLimiter; the source stops being read when the limit is hit. */
export function limitBody(source: Readable, maxBytes: number): BodyLimiter {
  const limiter = new BodyLimiter(maxBytes);
  limiter.on("error", () => source.unpipe(limiter));
  source.on("error", (error) => limiter.destroy(error));
  source.pipe(limiter);
  return limiter;
}

function requestHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

function requestUrl(req: ExpressRequest): string {
  const forwarded = req.app.enabled("trust proxy") ? req.get("X-Forwarded-Host")?.split(":")[1] : undefined;
  const port = Number.parseInt(forwarded ?? req.get("host")?.split(":")[1] ?? "", 10);
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || "localhost";
  return new URL(`${req.protocol}://${hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}${req.originalUrl}`).href;
}

/**
 * React Router behind Express, as @react-router/express does it, except that every request body
 * is read through a BodyLimiter: over `maxBodyBytes` the answer is a 413 in French whatever the
 * route did with the failed read, and the connection is closed so the rest is not drained. A form
 * that cannot be parsed (malformed multipart, a body that is not a form) is a 400 in French.
 */
export function createLimitedRequestHandler(options: { build: ServerBuild; mode?: string; maxBodyBytes: number }) {
  const handleRequest = createRouterHandler(options.build, options.mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      let controller: AbortController | null = new AbortController();
      res.on("finish", () => (controller = null));
      res.on("close", () => controller?.abort());
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: requestHeaders(req), signal: controller.signal };
      let limiter: BodyLimiter | null = null;
      if (req.method !== "GET" && req.method !== "HEAD") {
        limiter = limitBody(req, options.maxBodyBytes);
        init.body = createReadableStreamFromReadable(limiter);
        init.duplex = "half";
      }
      const state = { unreadable: false };
      const response = await bodyState.run(state, () => handleRequest(new Request(requestUrl(req), init)));
      if (res.destroyed || res.writableEnded) {
        await response.body?.cancel();
        return;
      }
      if (limiter?.exceeded) {
        await response.body?.cancel();
        res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send(BODY_TOO_LARGE_MESSAGE);
        return;
      }
      if (state.unreadable && response.status >= 500) {
        await response.body?.cancel();
        res.status(400).type("text/plain; charset=utf-8").send(BODY_UNREADABLE_MESSAGE);
        return;
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      // The route's headers replace those the middleware set (the HTML CSP replaces the default one);
      // only cookies add up.
      for (const [key, value] of response.headers.entries()) {
        if (key.toLowerCase() === "set-cookie") res.append(key, value);
        else res.setHeader(key, value);
      }
      if (!response.body) {
        res.end();
        return;
      }
      try {
        await writeReadableStreamToWritable(response.body, res);
      } catch (error) {
        if (!(res.destroyed || res.writableEnded)) throw error;
      }
    } catch (error) {
      next(error);
    }
  };
}
