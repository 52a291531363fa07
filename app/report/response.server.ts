import { Readable } from "node:stream";

/** Headers of every PDF download: never cached by a shared cache (the data is the structure's own). */
function pdfHeaders(fileName: string): HeadersInit {
  return {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="${fileName.replace(/["\\\r\n]/g, "")}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** A PDF download streamed from pdfkit's output. */
export function pdfResponse(stream: Readable, fileName: string): Response {
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, { status: 200, headers: pdfHeaders(fileName) });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The short French page of a refused export (409): what blocks it, then links to fix it and to the
 * draft. Plain HTML, readable without styles or JavaScript.
 */
export function exportRefusedResponse(options: {
  title: string;
  intro: string;
  reasons: readonly string[];
  links: readonly { href: string; text: string; note?: string }[];
}): Response {
  const items = options.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("\n      ");
  const links = options.links
    .map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>${l.note ? ` ${escapeHtml(l.note)}` : ""}</li>`)
    .join("\n      ");
  const html = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(options.title)} · Boussole Égalité</title>
  </head>
  <body>
    <main>
      <h1>${escapeHtml(options.title)}</h1>
      <p>${escapeHtml(options.intro)}</p>
      <ul>
      ${items}
      </ul>
      <ul>
      ${links}
      </ul>
    </main>
  </body>
</html>
`;
  return new Response(html, { status: 409, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}
