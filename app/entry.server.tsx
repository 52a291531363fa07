import { Writable } from "node:stream";
import { randomBytes } from "node:crypto";
import type { EntryContext, HandleErrorFunction } from "react-router";
import { ServerRouter } from "react-router";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./nonce.tsx";
import { securityHeaders } from "./security-headers.server.ts";
import "./ui/zod-config.ts";
import { markUnreadableBody } from "./body-limit.server.ts";

export const streamTimeout = 5_000;

/**
 * Errors of loaders and actions. A form that could not be parsed (malformed multipart, a body that
 * is not a form) is the client's fault: the server answers it with a 400 in French, without a log.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (markUnreadableBody(error)) return;
  if (!request.signal.aborted) console.error(error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  const nonce = randomBytes(16).toString("base64");
  for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value);
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // No route defers data: the whole document is ready as soon as its loaders are, so it is sent in
    // one piece (with its length) rather than streamed chunk by chunk through web streams.
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          const chunks: Buffer[] = [];
          const document = new Writable({
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              callback();
            },
            final(callback) {
              clearTimeout(timer);
              const html = Buffer.concat(chunks);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              responseHeaders.set("Content-Length", String(html.byteLength));
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
              callback();
            },
          });
          pipe(document);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1000);
  });
}
