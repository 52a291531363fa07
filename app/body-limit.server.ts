import { Transform, type Readable, type TransformCallback } from "node:stream";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createRequestHandler as createRouterHandler, type ServerBuild } from "react-router";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";

/** What a client reads when its request body is over the limit. */
export const BODY_TOO_LARGE_MESSAGE = "Envoi trop volumineux\u00a0: la limite est de 10\u00a0Mo.";

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
 * route did with the failed read, and the connection is closed so the rest is not drained.
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
      const response = await handleRequest(new Request(requestUrl(req), init));
      if (res.destroyed || res.writableEnded) {
        await response.body?.cancel();
        return;
      }
      if (limiter?.exceeded) {
        await response.body?.cancel();
        res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send(BODY_TOO_LARGE_MESSAGE);
        return;
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
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
