/**
 * The category editor of the « Transparence salariale 2027 » tab in Chromium: a staff file without
 * categories imported, two categories created and filled, the gaps per category following on the
 * tab, a stale save refused, the same page without JavaScript, axe at desktop and phone widths.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, hasChromium, launch, newContext, screenshot } from "./browser.ts";
import { E2E_PASSWORD, fillProfile, logIn, signUpStructure } from "./journeys.ts";
import { parseStaffCsvText } from "../../diagnostics/staff-file/index.ts";
import { applyCategoryMapping, computeTransparency, transparencyView } from "../../diagnostics/transparency/index.ts";

const baseURL = inject("baseURL");
let browser: Browser;
let csvPath: string;
let csvText: string;

const HEADER = "Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Heures hebdomadaires contractuelles";
const euros = (n: number) => `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, "0")},00`;
const TRI = "Agente de tri / Agent de tri";
const MARAICHAGE = "Maraîchère / Maraîcher";
const ENCADREMENT = "Encadrante technique / Encadrant technique";

/** Sorting 4 + 4 (men paid more), market gardening 3 + 3, supervising 2 + 2; no category column. */
function staffLines(): string[] {
  const lines: string[] = [];
  for (let k = 0; k < 4; k++) {
    lines.push(`F;Agente de tri;parcours;employé;35;100 %;12;${euros(17_000 + 100 * k)};35`);
    lines.push(`H;Agent de tri;parcours;employé;45;100 %;12;${euros(18_600 + 100 * k)};35`);
  }
  for (let k = 0; k < 3; k++) {
    lines.push(`F;Maraîchère;parcours;ouvrier;35;100 %;12;${euros(17_500 + 100 * k)};35`);
    lines.push(`H;Maraîcher;parcours;ouvrier;45;100 %;12;${euros(17_600 + 100 * k)};35`);
  }
  for (let k = 0; k < 2; k++) {
    lines.push(`F;Encadrante technique;permanent;technicien;45;100 %;12;${euros(25_000 + 500 * k)};35`);
    lines.push(`H;Encadrant technique;permanent;technicien;55;100 %;12;${euros(26_000 + 500 * k)};35`);
  }
  return lines;
}

/** The tab's view once « Production » (sorting, gardening) and « Encadrement » are saved. */
function expectedView() {
  const parsed = parseStaffCsvText(csvText, { referenceDate: "2025-12-31" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const mapping = {
    categories: [
      { key: "c1", name: "Production", criteria: [] },
      { key: "c2", name: "Encadrement", criteria: [] },
    ],
    assignments: [
      { job: TRI, category: "c1" },
      { job: MARAICHAGE, category: "c1" },
      { job: ENCADREMENT, category: "c2" },
    ],
  };
  return transparencyView(computeTransparency(applyCategoryMapping(parsed.rows, mapping, { structureType: "ACI" }), { structureType: "ACI" }));
}

const squash = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
const jobSelect = (page: Page, job: string) => page.getByLabel(`Catégorie du poste «\u00a0${job}\u00a0»`);
const categoryRows = (page: Page) => page.getByRole("table", { name: "Écart moyen de rémunération par catégorie d'emplois" }).locator("tbody tr th");

let email = "";
let diagnosticUrl = "";

beforeAll(async () => {
  if (hasChromium) browser = await launch();
  csvText = [HEADER, ...staffLines()].join("\r\n") + "\r\n";
  csvPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boussole-categories-")), "personnel-2025.csv");
  fs.writeFileSync(csvPath, csvText, "utf8");
});
afterAll(async () => browser?.close());

describe.skipIf(!hasChromium)("category editor of the transparency tab", () => {
  it("creates two categories, assigns the jobs, saves; the tab's gaps follow; a stale save is refused", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    email = `categories.${Date.now()}@exemple.fr`;
    await signUpStructure(page, baseURL, email, { person: "Samia Haddad", structure: "Jardins du Hainaut", type: "ACI", departement: "59", commune: "Maubeuge" });
    await page.getByRole("link", { name: "Diagnostics" }).click();
    await page.waitForURL(/\/diagnostics$/);
    await page.getByLabel("Année de référence").fill("2025");
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/profil$/);
    diagnosticUrl = page.url().replace(/\/profil$/, "");
    await fillProfile(page, { type: "ACI", band: "Moins de 50 salariés", permanentWomen: 2, permanentMen: 2, parcoursWomen: 7, parcoursMen: 7 });
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await page.waitForURL(/\/emplois$/);
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await page.getByRole("button", { name: "Voir l'aperçu avant import" }).click();
    await page.getByRole("button", { name: "Confirmer l'import" }).click();
    await expect.poll(() => page.locator("body").textContent()).toContain("Le tableau ci-dessous a été calculé à partir du fichier.");

    // Without categories, the tab falls back to the CSP; from it, the editor.
    await page.goto(`${diagnosticUrl}/resultats/transparence`);
    expect((await categoryRows(page).allTextContents()).map(squash).sort()).toEqual(["Employés", "Ouvriers", "Techniciens et agents de maîtrise"]);
    await page.getByRole("link", { name: "Définir les catégories d'emplois de valeur égale" }).click();
    await page.waitForURL(/\/transparence\/categories$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Catégories d'emplois de valeur égale");
    const main = squash(await page.locator("main").textContent());
    expect(main).toContain("Aucune catégorie n'est encore définie.");
    for (const criterion of ["Compétences", "Efforts", "Responsabilités", "Conditions de travail"]) expect(main).toContain(criterion);
    await expect.poll(() => page.locator("#categories button").count()).toBeGreaterThan(0);

    // Two categories, with JavaScript: the job lists offer them as soon as they are named.
    await page.getByRole("button", { name: "Ajouter une catégorie" }).click();
    await page.getByRole("button", { name: "Ajouter une catégorie" }).click();
    const names = page.getByLabel("Nom de la catégorie");
    await expect.poll(() => names.count()).toBe(2);
    await names.nth(0).fill("Production");
    await names.nth(1).fill("Encadrement");
    const first = page.getByRole("group", { name: "Catégorie 1" });
    for (const criterion of ["Compétences", "Efforts", "Responsabilités", "Conditions de travail"]) await first.getByLabel(new RegExp(`^${criterion}`)).check();
    await page.getByRole("group", { name: "Catégorie 2" }).getByLabel(/^Compétences/).check();
    await jobSelect(page, TRI).selectOption({ label: "Production" });
    await jobSelect(page, MARAICHAGE).selectOption({ label: "Production" });
    await jobSelect(page, ENCADREMENT).selectOption({ label: "Encadrement" });
    await expectAccessible(page, "categories-edition");
    await page.getByRole("button", { name: "Enregistrer les catégories" }).click();
    await page.waitForURL(/\/categories\?enregistre=/);
    await expect.poll(() => page.locator("main").textContent()).toContain("Les indicateurs utilisent maintenant ces catégories.");

    // The status: « Production » publishable and confirmed, « Encadrement » too small and to confirm.
    const status = page.getByRole("table", { name: "État de chaque catégorie" });
    const production = status.locator("tbody tr", { has: page.getByRole("rowheader", { name: "Production" }) });
    expect(squash(await production.locator("td").nth(1).textContent())).toBe("7 / 7");
    expect(squash(await production.locator("td").nth(2).textContent())).toBe("oui");
    const view = expectedView();
    const productionView = view.categories.find((c) => c.label === "Production")!;
    expect(squash(await production.locator("td").nth(3).textContent())).toBe(squash(productionView.hourlyTotal.display));
    const encadrement = status.locator("tbody tr", { has: page.getByRole("rowheader", { name: "Encadrement" }) });
    expect(squash(await encadrement.locator("td").nth(2).textContent())).toBe("non (moins de 3 femmes ou 3 hommes)");
    expect(squash(await encadrement.locator("td").nth(4).textContent())).toBe("à confirmer (efforts, responsabilités, conditions de travail)");
    expect(squash(await page.locator("main").textContent())).toContain("Catégorie à confirmer : « Encadrement ».");
    await expectAccessible(page, "categories-enregistrees");

    // The tab now shows the editor's categories and their gaps.
    await page.getByRole("link", { name: "← Retour aux indicateurs de transparence salariale" }).click();
    await page.waitForURL(/\/resultats\/transparence$/);
    await expect.poll(async () => (await categoryRows(page).allTextContents()).map(squash)).toEqual(["Production", "Encadrement"]);
    const tabRow = page.getByRole("table", { name: "Écart moyen de rémunération par catégorie d'emplois" }).locator("tbody tr").first();
    expect(squash(await tabRow.locator("td").nth(1).textContent())).toBe(squash(productionView.hourlyTotal.display));
    expect(squash(await page.locator("main").textContent())).toContain("Les catégories sont celles que vous avez définies dans l'éditeur de catégories.");

    // Two tabs on the editor: the second saves on a version the first has since replaced.
    const other = await context.newPage();
    await other.goto(`${diagnosticUrl}/resultats/transparence/categories`);
    await page.goto(`${diagnosticUrl}/resultats/transparence/categories`);
    await page.getByLabel("Nom de la catégorie").nth(0).fill("Production et maraîchage");
    await page.getByRole("button", { name: "Enregistrer les catégories" }).click();
    await page.waitForURL(/\/categories\?enregistre=/);
    await other.getByLabel("Nom de la catégorie").nth(1).fill("Encadrement technique");
    await other.getByRole("button", { name: "Enregistrer les catégories" }).click();
    await expect.poll(() => other.locator("main").textContent()).toContain("Votre enregistrement n'a pas été fait");
    expect(squash(await other.locator(".conflict").textContent())).toContain("Ses catégories : « Production et maraîchage », « Encadrement ».");
    // The notice opens the page, above the explanations and the status table, where the person looks first.
    const before = await other.evaluate(() => {
      const notice = document.querySelector(".conflict")!;
      return [document.querySelector("#criteres-titre"), document.querySelector("#etat-titre")].map((h) => Boolean(h && notice.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING));
    });
    expect(before).toEqual([true, true]);
    expect(await other.getByLabel("Nom de la catégorie").nth(1).inputValue()).toBe("Encadrement technique");
    await screenshot(other, "categories-conflit");
    await page.reload();
    expect(await page.getByLabel("Nom de la catégorie").nth(1).inputValue()).toBe("Encadrement");

    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page, "categories-mobile");
    // Parts of the phone layout, readable one by one.
    for (const [name, locator] of [
      ["categories-mobile-etat", page.locator("#etat-titre").locator("xpath=..")],
      ["categories-mobile-categorie", page.getByRole("group", { name: "Catégorie 1" })],
      ["categories-mobile-postes", page.getByRole("table", { name: "Postes du fichier du personnel et leur catégorie" }).locator("xpath=ancestor::div[contains(@class,'table-block')]")],
    ] as const) {
      await locator.screenshot({ path: path.join("test-output", `${name}.png`) });
    }
    await context.close();
  });

  it("works without JavaScript: adds a category by a round trip, French message beside an empty name, saves", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, baseURL, email, E2E_PASSWORD);
    await page.goto(`${diagnosticUrl}/resultats/transparence/categories`);
    await page.getByRole("button", { name: "Ajouter une catégorie" }).click();
    await expect.poll(() => page.getByLabel("Nom de la catégorie").count()).toBe(3);
    await page.getByRole("button", { name: "Enregistrer les catégories" }).click();
    await expect.poll(() => page.locator("main").textContent()).toContain("Donnez un nom à cette catégorie");
    expect(await page.getByLabel("Nom de la catégorie").nth(2).getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "categories-sans-js-erreur");
    await page.getByLabel("Nom de la catégorie").nth(2).fill("Accueil");
    await page.getByRole("button", { name: "Enregistrer les catégories" }).click();
    await page.waitForURL(/\/categories\?enregistre=/);
    expect(squash(await page.getByRole("table", { name: "État de chaque catégorie" }).textContent())).toContain("Accueil");
    await context.close();
  });
});
