import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, hasChromium, lastMailTo, launch, newContext, screenshot } from "./browser.ts";

const baseURL = inject("baseURL");
const outboxDir = inject("outboxDir");
let browser: Browser;

beforeAll(async () => {
  if (hasChromium) browser = await launch();
});
afterAll(async () => browser?.close());

/** Signs in as the demo DDETS agent (Nord and Pas-de-Calais) and opens the DDETS space. */
async function signInAsAgent(page: Page) {
  await page.goto(baseURL + "/connexion");
  await page.getByLabel("Adresse électronique").fill("agent@ddets-demo.fr");
  await page.getByLabel("Mot de passe").fill("boussole-demo-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/espace/);
  await page.getByRole("link", { name: "DDETS Nord – Pas-de-Calais (démo)" }).click();
  await page.waitForURL(/\/o\/[0-9a-f-]+$/);
}

describe.skipIf(!hasChromium)("DDETS in the browser", () => {
  it("dashboard: charts after hydration, their tables, suppression in words, filters, CSV download — axe clean", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAsAgent(page);
    await expectAccessible(page, "ddets-01-espace");
    await page.getByRole("link", { name: "Suivi des structures" }).click();
    await page.waitForURL(/\/suivi$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Suivi des structures");
    expect(await page.locator("h1").count()).toBe(1);

    // recharts draws after hydration: every chart box ends up with its SVG, and each is followed by a table.
    const boxes = page.locator(".chart-box");
    const charts = await boxes.count();
    expect(charts).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator(".chart-box svg.recharts-surface").count(), { timeout: 15_000 }).toBe(charts);
    expect(await page.locator(".chart-fallback").count()).toBe(0);
    expect(await page.locator("table.data-table").count()).toBeGreaterThan(charts);
    // Suppressed figures are written out, in tables and on the charts.
    expect(await page.locator("td .cell-suppressed", { hasText: "moins de 5 structures" }).count()).toBeGreaterThan(0);
    expect(await page.locator(".chart-box svg text", { hasText: "moins de 5 structures" }).count()).toBeGreaterThan(0);
    // The list: name, type, commune, status; a demo structure of each département.
    const list = page.locator("#tableau-structures").locator("xpath=ancestor::table");
    await expect.poll(() => list.locator("tbody tr").count()).toBeGreaterThan(10);
    expect(await list.textContent()).toContain("Recyclerie du Val de Scarpe (démo)");
    expect(await list.textContent()).toContain("Ressourcerie du Littoral (démo)");
    await expectAccessible(page, "ddets-02-suivi");

    // Filters are a plain GET form.
    await page.getByLabel("Département", { exact: true }).selectOption("62");
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.waitForURL(/departement=62/);
    await expect.poll(() => page.locator("main p strong").first().textContent()).toBe("62 – Pas-de-Calais, tous types de structures");
    expect(await list.textContent()).not.toContain("Recyclerie du Val de Scarpe (démo)");
    await expect.poll(() => page.locator(".chart-box svg.recharts-surface").count()).toBe(await page.locator(".chart-box").count());
    await expectAccessible(page, "ddets-03-suivi-pas-de-calais");

    // CSV for French Excel: BOM, « ; », CRLF.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger ces chiffres (CSV pour Excel)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^suivi-structures-\d{4}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("Sélection;62 – Pas-de-Calais, tous types de structures\r\n");
    expect(text).toContain("Ressourcerie du Littoral (démo);Atelier et chantier d'insertion (ACI);Boulogne-sur-Mer;62 – Pas-de-Calais;");
    expect(text).not.toContain("Recyclerie du Val de Scarpe");
    await context.close();
  });

  it("dashboard on a phone-sized screen and without JavaScript: tables and the fallback text", async () => {
    const phone = await newContext(browser, { viewport: { width: 360, height: 780 } });
    const page = await phone.newPage();
    await signInAsAgent(page);
    await page.getByRole("link", { name: "Suivi des structures" }).click();
    await page.waitForURL(/\/suivi$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Suivi des structures");
    await expect.poll(() => page.locator(".chart-box svg.recharts-surface").count()).toBe(await page.locator(".chart-box").count());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, "ddets-04-suivi-telephone");
    const cookies = await phone.cookies();
    await phone.close();

    const noJs = await newContext(browser, { javaScriptEnabled: false });
    await noJs.addCookies(cookies);
    const bare = await noJs.newPage();
    await bare.goto(page.url());
    expect(await bare.locator(".chart-fallback").count()).toBe(await bare.locator(".chart-box").count());
    expect(await bare.locator("table.data-table").count()).toBeGreaterThan(4);
    await bare.getByLabel("Type de structure", { exact: true }).selectOption("ACI");
    await bare.getByRole("button", { name: "Afficher" }).click();
    await bare.waitForURL(/type=ACI/);
    await expectAccessible(bare, "ddets-05-suivi-sans-javascript");
    await noJs.close();
  });

  it("campaign: invites a pasted list, with French errors first", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAsAgent(page);
    await page.getByRole("link", { name: "Campagnes d'invitation" }).click();
    await page.waitForURL(/\/campagnes$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Inviter des structures");
    await expectAccessible(page, "ddets-06-campagnes");
    const field = page.getByLabel("Adresses électroniques des structures");
    await field.fill("contact@ressourcerie-exemple.fr\npas-une-adresse");
    await page.getByRole("button", { name: "Envoyer les invitations" }).click();
    await expect.poll(() => page.locator(".error-summary").textContent()).toContain("«\u00a0pas-une-adresse\u00a0»");
    await expectAccessible(page, "ddets-07-campagnes-erreur");
    await field.fill("contact@ressourcerie-exemple.fr; direction@chantier-exemple.fr\ncontact@ressourcerie-exemple.fr");
    await page.getByRole("button", { name: "Envoyer les invitations" }).click();
    await expect.poll(() => page.locator(".notice").first().textContent()).toContain("2 invitations envoyées");
    expect(await page.locator(".campaign-list").textContent()).toContain("direction@chantier-exemple.fr");
    await expectAccessible(page, "ddets-08-campagnes-envoyees");
    const { link } = lastMailTo(outboxDir, "direction@chantier-exemple.fr");
    expect(link).toMatch(/\/inscription\?campagne=/);
    await context.close();

    // The link opens the sign-up page, which names the DDETS.
    const visitor = await newContext(browser);
    const signup = await visitor.newPage();
    await signup.goto(link.replace(/^https?:\/\/[^/]+/, baseURL));
    expect(await signup.locator(".notice").textContent()).toContain("DDETS Nord – Pas-de-Calais (démo) vous invite");
    await screenshot(signup, "ddets-09-inscription-campagne");
    await expectAccessible(signup, "ddets-09-inscription-campagne");
    await visitor.close();
  });
});
