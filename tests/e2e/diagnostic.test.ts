import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, hasChromium, launch, newContext, screenshot } from "./browser.ts";
import { fillProfile as fillProfileStep, logIn, signUpStructure, writeStaffCsv } from "./journeys.ts";
import { parseStaffFile, jobsFromStaffRows, indexInputFromStaffRows } from "../../diagnostics/staff-file/index.ts";
import { computeMixity } from "../../diagnostics/mixity.ts";
import { computeIndex } from "../../diagnostics/index/index.ts";
import { formatShare } from "../../diagnostics/results.ts";
import { DOMAIN_IDS } from "../../diagnostics/types.ts";

const baseURL = inject("baseURL");
let browser: Browser;
let csvPath: string;

/**
 * The staff file of a 24-person ACI with 6 jobs, as French Excel writes it: « ; », Windows-1252,
 * decimal commas and spaces in thousands. 10 women and 14 men; « Agent de tri textile » is exactly
 * 60 % women (mixte, bound included).
 */
const STAFF_LINES = [
  [1, "F;Directrice;permanent;cadre;47;100 %;12;38 400,00;oui;non;non;non"],
  [2, "H;Encadrant technique espaces verts;permanent;technicien;39;100 %;12;24 600,00;oui;non;non;non"],
  [2, "F;Conseillère en insertion professionnelle;permanent;technicien;34;80 %;12;20 160,00;oui;non;non;non"],
  [1, "H;Assistant administratif;permanent;employé;29;100 %;12;21 300,00;non;non;non;non"],
  [1, "F;Agent d'espaces verts;parcours;ouvrier;41;0,8;12;14 112,50;non;non;non;non"],
  [7, "H;Agent d'espaces verts;parcours;ouvrier;33;0,8;12;14 112,50;non;non;non;non"],
  [6, "F;Agent de tri textile;parcours;employé;36;26 h;12;13 230,00;oui;non;non;non"],
  [4, "H;Agent de tri textile;parcours;employé;44;26 h;12;13 230,00;non;non;non;non"],
] as const;

beforeAll(async () => {
  if (hasChromium) browser = await launch();
  csvPath = writeStaffCsv("personnel-2025.csv", STAFF_LINES);
});
afterAll(async () => browser?.close());

async function expected() {
  const parsed = await parseStaffFile(new Uint8Array(fs.readFileSync(csvPath)), "personnel-2025.csv", { referenceDate: new Date(Date.UTC(2025, 11, 31)) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const mixity = computeMixity(jobsFromStaffRows(parsed.rows));
  const index = computeIndex(indexInputFromStaffRows(parsed.rows, { sizeBand: "50-250", structureType: "ACI" }), { belowFifty: true });
  return { mixity, index };
}

function signUp(page: Page, email: string) {
  return signUpStructure(page, baseURL, email, { person: "Amina Diallo", structure: "Chantier des Deux Rives", type: "ACI", departement: "59", commune: "Roubaix" });
}

function fillProfile(page: Page) {
  return fillProfileStep(page, { type: "ACI", band: "Moins de 50 salariés", permanentWomen: 3, permanentMen: 3, parcoursWomen: 7, parcoursMen: 11 });
}

/** Answers every question of the domain page: the first choice, or « Je ne sais pas » for figures. */
async function answerDomain(page: Page) {
  const questions = page.locator("fieldset.question");
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(1);
  for (let i = 0; i < count; i++) {
    const q = questions.nth(i);
    const text = q.locator('input[type="text"]');
    if ((await text.count()) > 0) {
      await q.getByLabel("Je ne sais pas").check();
      continue;
    }
    const radios = q.locator('input[type="radio"]');
    if ((await radios.count()) > 0) await radios.first().check();
    else await q.locator('input[type="checkbox"]').first().check();
  }
}

async function answerAllDomains(page: Page, tag: string, javaScript: boolean) {
  for (let d = 1; d <= 9; d++) {
    await expect.poll(() => page.locator(".step-counter").textContent()).toContain(`domaine ${d} sur 9`);
    await answerDomain(page);
    if (javaScript && d === 1) {
      // Autosave: the last answer shows its saved state before anything is submitted.
      await expect.poll(() => page.locator(".save-state").last().textContent()).toMatch(/Enregistré à \d+\s?h\s?\d{2}/);
    }
    if (d === 1 || d === 9) await expectAccessible(page, `diag-${tag}-domaine-${d}`);
    await page.getByRole("button", { name: /^Enregistrer et continuer/ }).click();
    await page.waitForURL(d === 9 ? /\/index$/ : new RegExp(`/domaines/${DOMAIN_IDS[d]}$`));
    await page.waitForLoadState("load");
  }
}

describe.skipIf(!hasChromium)("the guided diagnostic in the browser", () => {
  let email: string;
  let diagnosticUrl: string;

  it("goes from sign-up to results with a staff file from French Excel, JavaScript on", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    email = `directrice.${Date.now()}@exemple.fr`;
    await signUp(page, email);
    await page.getByRole("link", { name: "Diagnostics" }).click();
    await page.waitForURL(/\/diagnostics$/);
    await expectAccessible(page, "diag-js-01-liste");
    await page.getByLabel("Année de référence").fill("2025");
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/profil$/);
    diagnosticUrl = page.url().replace(/\/profil$/, "");
    await expectAccessible(page, "diag-js-02-profil");

    await fillProfile(page);
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await page.waitForURL(/\/emplois$/);
    await expectAccessible(page, "diag-js-03-emplois");

    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await page.getByRole("button", { name: "Voir l'aperçu avant import" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Confirmer l'import" }).count()).toBe(1);
    await expectAccessible(page, "diag-js-04-apercu-import");
    await page.getByRole("button", { name: "Confirmer l'import" }).click();
    // The preview already names the jobs: wait until the confirmation is done and the preview gone.
    await expect.poll(() => page.getByRole("button", { name: "Confirmer l'import" }).count()).toBe(0);
    await expect.poll(() => page.locator("body").textContent()).toContain("Le tableau ci-dessous a été calculé à partir du fichier.");
    await screenshot(page, "diag-js-05-emplois-importes");

    await page.goto(diagnosticUrl + "/domaines/embauche");
    await answerAllDomains(page, "js", true);

    await expectAccessible(page, "diag-js-06-index");
    await page.getByRole("link", { name: "Utiliser le fichier du personnel" }).click();
    await page.getByRole("button", { name: "Utiliser ces données et calculer l'estimation" }).click();
    await expect.poll(() => page.locator("body").textContent()).toContain("Enregistré à");
    await screenshot(page, "diag-js-07-index-enregistre");

    await page.goto(diagnosticUrl + "/resultats");
    // Charts draw after hydration, in their fixed box.
    await expect.poll(() => page.locator(".recharts-surface").count()).toBeGreaterThan(0);
    await expectAccessible(page, "diag-js-08-resultats");

    const { mixity, index } = await expected();
    const figures = await page.locator(".figure-cards").textContent();
    expect(mixity.mixedJobs).toBe(1);
    expect(figures).toContain(`${mixity.mixedJobs} sur ${mixity.jobsWithStaff}`);
    expect(figures).toContain(formatShare(mixity.totals.all.shareWomen));
    if (index.index.calculable) expect(figures).toContain(String(index.index.value));
    else expect(figures).toMatch(/non calculable/i);
    // Every step is done: the progress says so.
    await expect.poll(() => page.locator("#progression-globale").getAttribute("value")).toBe("100");
    await context.close();
  });

  it("completes the questionnaire with JavaScript disabled", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, baseURL, email);
    const orgUrl = diagnosticUrl.replace(/\/d\/.*$/, "");
    await page.goto(orgUrl + "/diagnostics");
    await page.getByLabel("Année de référence").fill("2026");
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/profil$/);
    const url2026 = page.url().replace(/\/profil$/, "");
    // Started from 2025: the profile is already filled.
    expect(await page.getByLabel("Femmes en parcours").inputValue()).toBe("7");
    await expectAccessible(page, "diag-nojs-01-profil");
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await page.waitForURL(/\/emplois$/);
    await page.goto(url2026 + "/domaines/embauche");
    await answerAllDomains(page, "nojs", false);
    await page.goto(url2026 + "/resultats");
    expect(await page.locator("h1").count()).toBe(1);
    await expectAccessible(page, "diag-nojs-02-resultats");
    // Each of the nine domains is done.
    expect(await page.locator(".diagnostic-nav .steps ul .step-fait").count()).toBe(9);
    await context.close();
  });

  it("refuses a stale answer from a second browser and shows the other person's answer", async () => {
    const contexts = await Promise.all([newContext(browser), newContext(browser)]);
    const pages = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of pages) {
      await logIn(page, baseURL, email);
      await page.goto(diagnosticUrl + "/domaines/formation");
      await page.locator("fieldset.question").first().waitFor();
    }
    const [a, b] = pages;
    const firstQuestion = (p: Page) => p.locator("fieldset.question").filter({ has: p.getByLabel("En partie", { exact: true }) }).first();
    await firstQuestion(a).getByLabel("Non", { exact: true }).check();
    await expect.poll(() => firstQuestion(a).locator(".save-state").textContent()).toContain("Enregistré à");
    await firstQuestion(b).getByLabel("En partie", { exact: true }).check();
    await expect.poll(() => firstQuestion(b).locator(".conflict").textContent()).toContain("a répondu « Non »");
    await expectAccessible(b, "diag-js-09-conflit");
    await firstQuestion(b).getByRole("button", { name: "Garder ma réponse" }).click();
    await expect.poll(() => firstQuestion(b).locator(".save-state").textContent()).toContain("Enregistré à");
    await Promise.all(contexts.map((c) => c.close()));
  });
});
