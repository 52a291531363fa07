/**
 * Security headers on every kind of response of the real production server (HTML pages, error
 * pages, 404, redirects, PDF, CSV, static files, plain-text refusals), the per-request CSP nonce on
 * every inline script, no CSP violation in Chromium on the main pages, and hostile uploads (12 MB
 * chunked without Content-Length, malformed multipart) refused in French while the server keeps serving.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launch, newContext } from "./browser.ts";
import { baseSecurityHeaders, securityHeaders } from "../../app/security-headers.server.ts";
import { BODY_TOO_LARGE_MESSAGE, BODY_UNREADABLE_MESSAGE } from "../../app/body-limit.server.ts";

const baseURL = inject("baseURL");
const DEMO_PASSWORD = "boussole-demo-2026";

async function fetchManual(path: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return fetch(baseURL + path, { ...init, headers, redirect: "manual" });
}

async function signIn(email: string): Promise<string> {
  const res = await fetchManual("/connexion", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
  });
  expect(res.status).toBe(302);
  const cookie = res.headers.get("set-cookie")!.split(";")[0];
  expect(cookie).toMatch(/^boussole_session=./);
  return cookie;
}

/** The headers every response carries, whatever its kind. */
function expectBaseHeaders(res: Response, label: string) {
  const h = res.headers;
  expect(h.get("x-content-type-options"), label).toBe("nosniff");
  expect(h.get("referrer-policy"), label).toBe("same-origin");
  expect(h.get("x-frame-options"), label).toBe("DENY");
  expect(h.get("permissions-policy"), label).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(h.get("cross-origin-opener-policy"), label).toBe("same-origin");
  const csp = h.get("content-security-policy");
  expect(csp, label).toBeTruthy();
  expect(csp, label).toContain("frame-ancestors 'none'");
  // One policy only: two would be merged with a comma and both enforced.
  expect(csp!.split(",").length, `${label}: a single CSP`).toBe(1);
  expect(h.get("x-powered-by"), label).toBeNull();
  // Served over plain http in this test (SESSION_SECURE=false): no HSTS, which browsers ignore on http anyway.
  expect(h.get("strict-transport-security"), label).toBeNull();
}

/** HTML pages: the nonce policy, and every inline script carries the nonce of this very response. */
async function expectHtmlPolicy(res: Response, label: string): Promise<string> {
  expectBaseHeaders(res, label);
  expect(res.headers.get("content-type"), label).toMatch(/^text\/html/);
  const csp = res.headers.get("content-security-policy")!;
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc, label).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'$/);
  expect(csp, label).not.toContain("unsafe-eval");
  expect(csp, label).toContain("object-src 'none'");
  expect(csp, label).toContain("base-uri 'self'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
  expect(scripts.length, label).toBeGreaterThan(0);
  for (const attrs of scripts) {
    if (/\bsrc=/.test(attrs)) continue;
    expect(attrs, `${label}: inline script without the nonce`).toContain(`nonce="${nonce}"`);
  }
  return nonce;
}

let director = "";
let orgId = "";
let diagId = "";

beforeAll(async () => {
  director = await signIn("direction@aci-demo.fr");
  const space = await (await fetchManual("/espace", { cookie: director })).text();
  orgId = /href="\/o\/([0-9a-f-]{36})"/.exec(space)![1];
  const created = await fetchManual(`/o/${orgId}/diagnostics`, {
    method: "POST",
    cookie: director,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ year: "2024" }).toString(),
  });
  if (created.status === 302) diagId = /\/d\/([0-9a-f-]{36})/.exec(created.headers.get("location")!)![1];
  else {
    const list = await (await fetchManual(`/o/${orgId}/diagnostics`, { cookie: director })).text();
    diagId = /\/d\/([0-9a-f-]{36})/.exec(list)![1];
  }
});

describe("security headers on every kind of response", () => {
  it("HTML pages, anonymous and signed in, carry the nonce policy; the nonce changes on every response", async () => {
    const nonces = new Set<string>();
    for (const [path, cookie] of [["/", undefined], ["/connexion", undefined], ["/inscription", undefined], ["/espace", director], [`/o/${orgId}`, director], [`/o/${orgId}/d/${diagId}/profil`, director]] as const) {
      const res = await fetchManual(path, { cookie });
      expect(res.status, path).toBe(200);
      nonces.add(await expectHtmlPolicy(res, path));
    }
    nonces.add(await expectHtmlPolicy(await fetchManual("/"), "/ again"));
    expect(nonces.size).toBe(7);
  });

  it("404 pages, error pages and redirects", async () => {
    const missing = await fetchManual("/cette-page-n-existe-pas");
    expect(missing.status).toBe(404);
    await expectHtmlPolicy(missing, "404");
    const otherOrg = await fetchManual("/o/00000000-0000-4000-8000-000000000000", { cookie: director });
    expect(otherOrg.status).toBe(404);
    await expectHtmlPolicy(otherOrg, "404 of an organisation");
    const junkId = await fetchManual("/o/%00", { cookie: director });
    expect(junkId.status).toBe(404);
    await expectHtmlPolicy(junkId, "404 of a junk id");
    const redirect = await fetchManual("/espace");
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toContain("/connexion");
    expectBaseHeaders(redirect, "redirect");
    const crossSite = await fetchManual("/connexion", { method: "POST", headers: { Origin: "https://evil.example" }, body: "x" });
    expect(crossSite.status).toBe(403);
    expectBaseHeaders(crossSite, "cross-site refusal");
  });

  it("PDF, CSV and static files get the strict non-HTML policy", async () => {
    const pdf = await fetchManual(`/o/${orgId}/d/${diagId}/rapport.pdf?brouillon=1`, { cookie: director });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toMatch(/application\/pdf/);
    expectBaseHeaders(pdf, "PDF");
    expect(pdf.headers.get("content-security-policy")).toContain("default-src 'none'");
    const csv = await fetchManual(`/o/${orgId}/d/${diagId}/emplois/modele/csv`, { cookie: director });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expectBaseHeaders(csv, "CSV");
    const favicon = await fetchManual("/favicon.svg");
    expect(favicon.status).toBe(200);
    expectBaseHeaders(favicon, "static SVG");
    expect(favicon.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await (await fetchManual("/")).text();
    const asset = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const js = await fetchManual(asset);
    expect(js.status).toBe(200);
    expectBaseHeaders(js, "static JS");
    const health = await fetchManual("/healthz");
    expectBaseHeaders(health, "healthz");
  });

  it("HSTS is sent in production over HTTPS (the setting of a real deployment)", () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, SESSION_SECURE: process.env.SESSION_SECURE };
    try {
      process.env.NODE_ENV = "production";
      delete process.env.SESSION_SECURE;
      expect(baseSecurityHeaders()["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect(securityHeaders("abc")["Strict-Transport-Security"]).toBeDefined();
      process.env.NODE_ENV = "development";
      expect(baseSecurityHeaders()["Strict-Transport-Security"]).toBeUndefined();
    } finally {
      process.env.NODE_ENV = saved.NODE_ENV;
      if (saved.SESSION_SECURE === undefined) delete process.env.SESSION_SECURE;
      else process.env.SESSION_SECURE = saved.SESSION_SECURE;
    }
  });
});

/** POSTs `total` bytes in chunks without Content-Length; resolves with the answer the server gave. */
function chunkedUpload(path: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(baseURL + path);
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
        res.on("error", () => resolve({ status: res.statusCode!, body }));
      },
    );
    // The server may close the connection as soon as it has answered: that is the point.
    req.on("error", (error) => setTimeout(() => reject(error), 2000));
    const chunk = Buffer.alloc(256 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe("hostile uploads: refused in French, the server keeps serving", () => {
  it("12 MB sent chunked without Content-Length: 413 in French before the body is read in full", async () => {
    const answer = await chunkedUpload("/connexion", 12 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(BODY_TOO_LARGE_MESSAGE);
  });

  it("a malformed multipart body and a body that is not a form: 400 in French", async () => {
    const multipart = await fetchManual("/connexion", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=----limite" },
      body: "------limite\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\ntronqué sans fin",
    });
    expect(multipart.status).toBe(400);
    expect(await multipart.text()).toBe(BODY_UNREADABLE_MESSAGE);
    expectBaseHeaders(multipart, "400");
    const notAForm = await fetchManual(`/o/${orgId}/d/${diagId}/profil`, { method: "POST", cookie: director, headers: { "Content-Type": "text/plain" }, body: "bonjour" });
    expect(notAForm.status).toBe(400);
    expect(await notAForm.text()).toBe(BODY_UNREADABLE_MESSAGE);
  });

  it("afterwards /healthz and the pages still answer", async () => {
    expect((await fetchManual("/healthz")).status).toBe(200);
    expect((await fetchManual("/")).status).toBe(200);
    expect((await fetchManual("/espace", { cookie: director })).status).toBe(200);
  });
});

let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await launch();
});
afterAll(async () => browser?.close());

describe.skipIf(!hasChromium)("no CSP violation in Chromium", () => {
  async function violationsOn(page: Page, path: string): Promise<string[]> {
    await page.goto(baseURL + path, { waitUntil: "load" });
    // Let hydration and the charts run.
    await page.waitForLoadState("networkidle");
    return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? []);
  }

  it("on the public pages, the signed-in space, the diagnostic steps and the results", async () => {
    const context = await newContext(browser);
    await context.addInitScript(() => {
      const list: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
      document.addEventListener("securitypolicyviolation", (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const consoleViolations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) consoleViolations.push(m.text());
    });
    const found: Record<string, string[]> = {};
    for (const path of ["/", "/connexion", "/inscription", "/ressources", "/confidentialite"]) found[path] = await violationsOn(page, path);
    await page.goto(baseURL + "/connexion");
    await page.getByLabel("Adresse électronique").fill("direction@aci-demo.fr");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/espace/);
    for (const path of ["/espace", `/o/${orgId}`, `/o/${orgId}/diagnostics`, `/o/${orgId}/d/${diagId}/profil`, `/o/${orgId}/d/${diagId}/emplois`, `/o/${orgId}/d/${diagId}/domaines/embauche`, `/o/${orgId}/d/${diagId}/resultats`, "/compte"])
      found[path] = await violationsOn(page, path);
    // The page was really hydrated (scripts with the nonce ran): client navigation works.
    expect(await page.evaluate(() => typeof (window as unknown as { __reactRouterContext?: unknown }).__reactRouterContext)).toBe("object");
    expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    expect(consoleViolations).toEqual([]);
    await context.close();
  });
});
