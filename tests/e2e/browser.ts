import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { expect } from "vitest";

/** Debian's Chromium, or CHROMIUM_PATH. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export const hasChromium = chromiumPath() !== null;
if (!hasChromium) console.warn("⚠ Tests de bout en bout ignorés : aucun Chromium trouvé (apt-get install chromium, ou CHROMIUM_PATH).");

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Contexts opened with JavaScript off: axe-core cannot run in them (its script injection waits forever). */
const noScriptContexts = new WeakSet<BrowserContext>();

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({ locale: "fr-FR", javaScriptEnabled, viewport: options.viewport ?? { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  if (!javaScriptEnabled) noScriptContexts.add(context);
  return context;
}

/**
 * A JavaScript-enabled copy of a page rendered without JavaScript: the same HTML, scripts removed,
 * written into a page of the same origin so the stylesheets load (contrast checks need them).
 */
async function scriptableCopy(page: Page): Promise<{ copy: Page; close: () => Promise<void> }> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await page.context().browser()!.newContext({ locale: "fr-FR", viewport: page.viewportSize() ?? undefined });
  const copy = await context.newPage();
  await copy.goto(new URL("/healthz", page.url()).toString());
  await copy.setContent(html, { waitUntil: "load" });
  return { copy, close: () => context.close() };
}

export const OUTPUT_DIR = path.resolve("test-output");

/** Saves a full-page screenshot under test-output/ (kept out of git). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}

/** Runs axe-core (WCAG 2.1 A/AA) and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, name: string) {
  const noScript = noScriptContexts.has(page.context());
  const target = noScript ? await scriptableCopy(page) : null;
  const results = await new AxeBuilder({ page: target?.copy ?? page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  await target?.close();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = blocking.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(summary, `axe sur « ${name} »`).toEqual([]);
  await screenshot(page, name);
}

/** The newest mail of the outbox written to `to`, and the first link in it. */
export function lastMailTo(outboxDir: string, to: string): { text: string; link: string } {
  const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).filter((f) => f.includes(to.replace(/[^a-z0-9@._-]/gi, "_"))).sort() : [];
  if (files.length === 0) throw new Error(`Aucun courriel pour ${to}`);
  const text = fs.readFileSync(path.join(outboxDir, files[files.length - 1]), "utf8");
  return { text, link: text.match(/https?:\/\/\S+/)![0] };
}
