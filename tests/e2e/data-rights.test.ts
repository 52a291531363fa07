import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, hasChromium, launch, newContext, OUTPUT_DIR } from "./browser.ts";
import { E2E_PASSWORD, logIn, signUpStructure } from "./journeys.ts";

const baseURL = inject("baseURL");
const NBSP = "\u00a0";
let browser: Browser;

beforeAll(async () => {
  if (hasChromium) browser = await launch();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});
afterAll(async () => browser?.close());

const STRUCTURE = "Recyclerie « Données » d'Arras";

/** Creates the diagnostics of `years` from the list page, and returns to the structure's space. */
async function createDiagnostics(page: Page, orgUrl: string, years: number[]) {
  for (const year of years) {
    await page.goto(`${orgUrl}/diagnostics`);
    await page.getByLabel("Année de référence").fill(String(year));
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/d\/[0-9a-f-]+/);
  }
  await page.goto(orgUrl);
}

describe.skipIf(!hasChromium)("data rights in Chromium", () => {
  it("the owner downloads the export and deletes a diagnostic with confirmation, JavaScript on then off", async () => {
    const email = `donnees-${Date.now()}@exemple.fr`;
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpStructure(page, baseURL, email, { person: "Bérénice Dupré", structure: STRUCTURE, type: "ACI", departement: "62", commune: "Arras" });
    const orgUrl = page.url().split("?")[0];
    await createDiagnostics(page, orgUrl, [2023, 2024, 2025]);

    // From the structure's space to its data page.
    await page.getByRole("link", { name: "Données de la structure" }).click();
    await page.waitForURL(/\/donnees$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Données de la structure");
    await expectAccessible(page, "donnees-structure");

    // The export, downloaded as a user's click does.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter toutes les données" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^boussole-donnees-recyclerie-donnees-d-arras-\d{4}-\d{2}-\d{2}\.zip$/);
    const file = path.join(OUTPUT_DIR, "export-donnees.zip");
    await download.saveAs(file);
    const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(files)).toContain("README.txt");
    expect(Object.keys(files)).toContain("membres.csv");
    const members = new TextDecoder("utf-8", { ignoreBOM: true }).decode(files["membres.csv"]);
    expect(members.startsWith("\uFEFFuserId;nom;")).toBe(true);
    expect(members).toContain(`;Bérénice Dupré;${email};owner;`);
    const json = JSON.parse(new TextDecoder().decode(files["donnees.json"]));
    expect(json.diagnostics.map((d: { year: number }) => d.year)).toEqual([2023, 2024, 2025]);

    // JavaScript on: a wrong year is refused in French, then the right one deletes.
    await page.getByRole("link", { name: "Supprimer le diagnostic 2024" }).click();
    await page.getByLabel("Année du diagnostic à supprimer").fill("2023");
    await page.getByRole("button", { name: "Supprimer le diagnostic 2024" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain(`Pour confirmer, saisissez l'année du diagnostic${NBSP}: 2024.`);
    await expectAccessible(page, "donnees-confirmation-erreur");
    await page.getByLabel("Année du diagnostic à supprimer").fill("2024");
    await page.getByRole("button", { name: "Supprimer le diagnostic 2024" }).click();
    await page.getByText("Le diagnostic 2024 est supprimé").waitFor();
    expect(await page.getByRole("link", { name: /^Supprimer le diagnostic/ }).count()).toBe(2);
    await context.close();

    // JavaScript off: the same confirmation step works with plain forms.
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await logIn(plain, baseURL, email);
    await plain.goto(`${orgUrl}/donnees`);
    await plain.getByRole("link", { name: "Supprimer le diagnostic 2023" }).click();
    await plain.waitForURL(/supprimer=/);
    await plain.getByLabel("Année du diagnostic à supprimer").fill("2024");
    await plain.getByRole("button", { name: "Supprimer le diagnostic 2023" }).click();
    await plain.waitForLoadState();
    expect(await plain.getByRole("alert").textContent()).toContain(`Pour confirmer, saisissez l'année du diagnostic${NBSP}: 2023.`);
    await plain.getByLabel("Année du diagnostic à supprimer").fill("2023");
    await plain.getByRole("button", { name: "Supprimer le diagnostic 2023" }).click();
    await plain.waitForURL(/supprime=2023/);
    await plain.getByText("Le diagnostic 2023 est supprimé").waitFor();
    expect(await plain.getByRole("link", { name: /^Supprimer le diagnostic/ }).count()).toBe(1);
    await expectAccessible(plain, "donnees-sans-javascript");
    await noJs.close();

    // The only member deletes her account: the structure goes with it once she ticks the confirmation.
    const last = await newContext(browser);
    const account = await last.newPage();
    await logIn(account, baseURL, email);
    await account.goto(`${baseURL}/compte`);
    await account.getByLabel("Votre mot de passe").fill(E2E_PASSWORD);
    await account.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
    await expect.poll(() => account.getByRole("alert").textContent()).toContain("Cochez la case pour confirmer");
    await expectAccessible(account, "compte-suppression");
    await account.getByLabel(/Je comprends que cette structure sera supprimée/).check();
    await account.getByLabel("Votre mot de passe").fill(E2E_PASSWORD);
    await account.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
    await account.waitForURL(/\/confidentialite\?compte-supprime=1/);
    await account.getByText("Votre compte est supprimé.").waitFor();
    await expectAccessible(account, "confidentialite-compte-supprime");
    expect((await account.goto(orgUrl))!.url()).toMatch(/\/connexion/);
    await last.close();
  });
});
