import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launch, newContext, OUTPUT_DIR } from "./browser.ts";
import { fillProfile as fillProfileStep, signUpStructure, writeStaffCsv } from "./journeys.ts";

const baseURL = inject("baseURL");
const hasPoppler = !spawnSync("pdftoppm", ["-v"]).error && !spawnSync("pdftotext", ["-v"]).error;
if (!hasPoppler) console.warn("⚠ pdftoppm/pdftotext absents (apt-get install poppler-utils) : le rendu des PDF n'est pas vérifié.");

let browser: Browser;
let csvPath: string;

/** 16 people in 4 jobs, as French Excel writes them (« ; », Windows-1252, decimal commas). */
const STAFF_LINES = [
  [1, "F;Directrice;permanent;cadre;47;100 %;12;38 400,00;oui;non;non;non"],
  [2, "H;Encadrant technique maraîchage;permanent;technicien;39;100 %;12;24 600,00;oui;non;non;non"],
  [2, "F;Maraîchère;parcours;ouvrier;41;0,8;12;14 112,50;non;non;non;non"],
  [5, "H;Maraîcher;parcours;ouvrier;33;0,8;10;11 760,00;non;non;non;non"],
  [4, "F;Agent de tri textile;parcours;employé;36;26 h;12;13 230,00;oui;non;non;non"],
  [2, "H;Agent de tri textile;parcours;employé;44;26 h;6;6 615,00;non;non;non;non"],
] as const;

beforeAll(async () => {
  if (hasChromium) browser = await launch();
  csvPath = writeStaffCsv("personnel-2025.csv", STAFF_LINES);
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});
afterAll(async () => browser?.close());

function signUp(page: Page, email: string) {
  return signUpStructure(page, baseURL, email, { person: "Amélie Lefèvre", structure: "Jardins de l'Œuvre à Cœur", type: "ACI", departement: "59", commune: "Douai" });
}

function fillProfile(page: Page) {
  return fillProfileStep(page, { type: "ACI", band: "Moins de 50 salariés", permanentWomen: 1, permanentMen: 2, parcoursWomen: 6, parcoursMen: 7 });
}

/** Follows a link to `href` as a user's click would, and returns the browser's download saved under test-output/. */
async function downloadFrom(page: Page, href: string, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate((url) => {
      const a = document.createElement("a");
      a.href = url;
      document.body.append(a);
      a.click();
      a.remove();
    }, href),
  ]);
  const file = path.join(OUTPUT_DIR, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

/** Page 1 rendered to PNG under test-output/ (pdftoppm -png -r 80 -f 1 -l 1), and the whole text. */
function render(file: string, pngName: string): { png: string; text: string } {
  const prefix = path.join(OUTPUT_DIR, pngName);
  const ppm = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
  expect(ppm.status, String(ppm.stderr)).toBe(0);
  const text = spawnSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"], { encoding: "utf8" });
  expect(text.status).toBe(0);
  return { png: `${prefix}.png`, text: text.stdout.replace(/[ \t\r\n\f]+/g, " ") };
}

describe.skipIf(!hasChromium)("PDF downloads from the real server", () => {
  it("downloads the draft report and the tender sheet, and refuses the final report without plan", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUp(page, `rapport.${Date.now()}@exemple.fr`);
    await page.getByRole("link", { name: "Diagnostics" }).click();
    await page.waitForURL(/\/diagnostics$/);
    await page.getByLabel("Année de référence").fill("2025");
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/profil$/);
    const diagnosticUrl = page.url().replace(/\/profil$/, "");
    await fillProfile(page);
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await page.waitForURL(/\/emplois$/);
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await page.getByRole("button", { name: "Voir l'aperçu avant import" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Confirmer l'import" }).count()).toBe(1);
    await page.getByRole("button", { name: "Confirmer l'import" }).click();
    // The preview already names the jobs: wait until the confirmation is done and the preview gone.
    await expect.poll(() => page.getByRole("button", { name: "Confirmer l'import" }).count()).toBe(0);
    await expect.poll(() => page.locator("body").textContent()).toContain("Le tableau ci-dessous a été calculé à partir du fichier.");
    await page.goto(diagnosticUrl + "/index");
    await page.getByRole("link", { name: "Utiliser le fichier du personnel" }).click();
    await page.getByRole("button", { name: "Utiliser ces données et calculer l'estimation" }).click();
    await expect.poll(() => page.locator("body").textContent()).toContain("Enregistré à");

    await page.goto(diagnosticUrl + "/resultats");
    const values = await page.locator(".figure-cards .figure-value").allTextContents();
    expect(values.length).toBeGreaterThan(3);

    // The draft report: a browser download with our file name, « BROUILLON » on it, the results page's figures.
    const report = await downloadFrom(page, `${diagnosticUrl}/rapport.pdf?brouillon=1`, "rapport-brouillon.pdf");
    expect(report.suggested).toBe("diagnostic-egalite-jardins-de-l-oeuvre-a-coeur-2025-brouillon.pdf");
    expect(fs.readFileSync(report.file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (hasPoppler) {
      const { png, text } = render(report.file, "rapport-brouillon-page1");
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
      expect(text).toContain("BROUILLON");
      expect(text).toContain("Jardins de l'Œuvre à Cœur");
      for (const value of values) expect(text).toContain(value.replace(/[ \t\n]+/g, " ").trim());
    }

    // The final report needs a plan: 409 with the way forward.
    const refused = await page.request.get(`${diagnosticUrl}/rapport.pdf`);
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain("Préparer le plan d&#39;action");

    // The tender sheet needs no plan, and says there is none; hours come from the staff file.
    const sheet = await downloadFrom(page, `${diagnosticUrl}/fiche-marche-public.pdf`, "fiche-marche-public.pdf");
    expect(sheet.suggested).toBe("fiche-egalite-marche-public-jardins-de-l-oeuvre-a-coeur-2025.pdf");
    if (hasPoppler) {
      const { png, text } = render(sheet.file, "fiche-marche-public-page1");
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
      expect(text).toContain("Fiche égalité pour répondre à un marché public");
      expect(text).toContain("Part de femmes dans les heures de travail");
      expect(text).toContain("Pas de plan d'action saisi dans Boussole Égalité pour cette année");
      expect(text).not.toContain("BROUILLON");
    }
    await context.close();
  });
});
