/**
 * The « Transparence salariale 2027 » tab through the real UI: a staff file with the pay columns
 * imported at the jobs step, the tab reached from the results page, figures checked against the
 * engine, axe, a screenshot at desktop and phone widths.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible, hasChromium, launch, newContext, screenshot } from "./browser.ts";
import { fillProfile, signUpStructure } from "./journeys.ts";
import { parseStaffCsvText } from "../../diagnostics/staff-file/index.ts";
import { computeTransparency, transparencyView, type TransparencyView } from "../../diagnostics/transparency/index.ts";

const baseURL = inject("baseURL");
let browser: Browser;
let csvPath: string;
let csvText: string;

const HEADER =
  "Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Salaire de base;Primes;Heures hebdomadaires contractuelles;Catégorie d'emploi de valeur égale;Ancienneté";
const AGES = [25, 35, 45, 55];
const euros = (n: number) => `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, "0")},00`;

/**
 * 12 women and 12 men of an ACI. « Tri » (6 + 6): men paid about 7 % more an hour, partly in
 * bonuses; « Maraîchage » (4 + 4): about 1 %; « Encadrement » (2 + 2): too small to publish.
 */
function staffLines(): string[] {
  const lines: string[] = [];
  for (let k = 0; k < 6; k++) {
    lines.push(`F;Agente de tri;parcours;employé;${AGES[k % 4]};26 h;12;${euros(13_000 + 100 * k)};${euros(12_800 + 100 * k)};200,00;26;Tri;${k % 3}`);
    lines.push(`H;Agent de tri;parcours;employé;${AGES[(k + 1) % 4]};26 h;12;${euros(13_900 + 100 * k)};${euros(13_300 + 100 * k)};600,00;26;Tri;${(k + 1) % 3}`);
  }
  for (let k = 0; k < 4; k++) {
    lines.push(`F;Maraîchère;parcours;ouvrier;${AGES[(k + 2) % 4]};80 %;12;${euros(14_000 + 150 * k)};${euros(14_000 + 150 * k)};;28;Maraîchage;${k % 2}`);
    lines.push(`H;Maraîcher;parcours;ouvrier;${AGES[(k + 3) % 4]};80 %;12;${euros(14_100 + 150 * k)};${euros(14_100 + 150 * k)};;28;Maraîchage;${(k + 1) % 2}`);
  }
  for (let k = 0; k < 2; k++) {
    lines.push(`F;Encadrante technique;permanent;technicien;${AGES[k + 1]};100 %;12;${euros(25_000 + 500 * k)};${euros(24_000 + 500 * k)};1 000,00;35;Encadrement;${4 + k}`);
    lines.push(`H;Encadrant technique;permanent;technicien;${AGES[k + 2]};100 %;12;${euros(26_000 + 500 * k)};${euros(25_000 + 500 * k)};1 000,00;35;Encadrement;${5 + k}`);
  }
  return lines;
}

function expectedView(): TransparencyView {
  const parsed = parseStaffCsvText(csvText, { referenceDate: "2025-12-31" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return transparencyView(computeTransparency(parsed.rows, { structureType: "ACI" }));
}

/** Text as the page shows it, spaces of any kind collapsed. */
const squash = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

beforeAll(async () => {
  if (hasChromium) browser = await launch();
  csvText = [HEADER, ...staffLines()].join("\r\n") + "\r\n";
  csvPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boussole-transparence-")), "personnel-remunerations-2025.csv");
  fs.writeFileSync(csvPath, csvText, "utf8");
});
afterAll(async () => browser?.close());

describe.skipIf(!hasChromium)("pay transparency tab", () => {
  it("imports a staff file with pay columns, then shows the directive's indicators beside the Index", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpStructure(page, baseURL, `transparence.${Date.now()}@exemple.fr`, {
      person: "Claire Vandamme",
      structure: "Atelier des Trois Ponts",
      type: "ACI",
      departement: "59",
      commune: "Valenciennes",
    });
    await page.getByRole("link", { name: "Diagnostics" }).click();
    await page.waitForURL(/\/diagnostics$/);
    await page.getByLabel("Année de référence").fill("2025");
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/profil$/);
    const diagnosticUrl = page.url().replace(/\/profil$/, "");

    // Before any staff file: the tab says what to import and links to the jobs step and the template.
    await page.goto(`${diagnosticUrl}/resultats/transparence`);
    await expect.poll(() => page.locator("main").textContent()).toContain("importez le fichier du personnel");
    expect(await page.getByRole("link", { name: "Télécharger le modèle (Excel)" }).getAttribute("href")).toBe(`${new URL(diagnosticUrl).pathname}/emplois/modele/xlsx`);

    await page.goto(`${diagnosticUrl}/profil`);
    await fillProfile(page, { type: "ACI", band: "Moins de 50 salariés", permanentWomen: 2, permanentMen: 2, parcoursWomen: 10, parcoursMen: 10 });
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await page.waitForURL(/\/emplois$/);
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await page.getByRole("button", { name: "Voir l'aperçu avant import" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Confirmer l'import" }).count()).toBe(1);
    await page.getByRole("button", { name: "Confirmer l'import" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Confirmer l'import" }).count()).toBe(0);
    await expect.poll(() => page.locator("body").textContent()).toContain("Le tableau ci-dessous a été calculé à partir du fichier.");

    // The Index estimated from the same file, to see both regimes side by side.
    await page.goto(`${diagnosticUrl}/index`);
    await page.getByRole("link", { name: "Utiliser le fichier du personnel" }).click();
    await page.getByRole("button", { name: "Utiliser ces données et calculer l'estimation" }).click();
    await expect.poll(() => page.locator("body").textContent()).toContain("Enregistré à");

    // From the results page, the tab.
    await page.goto(`${diagnosticUrl}/resultats`);
    const indexDisplay = squash(await page.locator("#index-titre ~ .index-score .figure-value").textContent());
    expect(indexDisplay).not.toBe("");
    const tabs = page.getByRole("navigation", { name: "Vues des résultats" });
    expect(await tabs.getByRole("link", { name: "Résultats du diagnostic" }).getAttribute("aria-current")).toBe("page");
    await tabs.getByRole("link", { name: "Transparence salariale 2027" }).click();
    await page.waitForURL(/\/resultats\/transparence$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Transparence salariale 2027");
    expect(await page.getByRole("navigation", { name: "Vues des résultats" }).getByRole("link", { name: "Transparence salariale 2027" }).getAttribute("aria-current")).toBe("page");

    const regimes = page.locator(".regime-card");
    expect(squash(await regimes.nth(0).locator(".figure-value").textContent())).toBe(indexDisplay);
    const view = expectedView();
    expect(squash(await regimes.nth(1).locator(".figure-value").textContent())).toBe(squash(view.indicators[0].hourly.display));
    const main = squash(await page.locator("main").textContent());
    expect(main).toContain(squash(view.headline));
    expect(main).toContain(squash(view.jointAssessment.text));
    expect(main).toContain(squash(view.adjusted.text));
    expect(view.jointAssessment.flagged).toEqual(["Tri"]);

    // The indicators table: (a)–(d) on both bases, then (e).
    const indicators = page.getByRole("table", { name: "Indicateurs de l'article 9 de la directive, par heure et par mois" });
    const rows = indicators.locator("tbody tr");
    expect(await rows.count()).toBe(5);
    for (let i = 0; i < 4; i++) {
      const cells = rows.nth(i).locator("td");
      expect(squash(await cells.nth(0).textContent())).toContain(squash(view.indicators[i].hourly.display));
      expect(squash(await cells.nth(1).textContent())).toContain(squash(view.indicators[i].monthly.display));
    }
    expect(squash(await rows.nth(4).locator("td").textContent())).toBe(squash(view.variableShares.display));

    // Categories: « Tri » flagged, « Encadrement » too small, its figures not shown.
    const categories = page.getByRole("table", { name: "Écart moyen de rémunération par catégorie d'emplois" });
    const tri = categories.locator("tbody tr", { has: page.getByRole("rowheader", { name: "Tri", exact: true }) });
    const triView = view.categories.find((c) => c.label === "Tri")!;
    expect(squash(await tri.locator("td").nth(0).textContent())).toBe("6 / 6");
    expect(squash(await tri.locator("td").nth(1).textContent())).toBe(squash(triView.hourlyTotal.display));
    expect(squash(await tri.locator("td").last().textContent())).toContain("à justifier ou corriger");
    const encadrement = categories.locator("tbody tr", { has: page.getByRole("rowheader", { name: "Encadrement" }) });
    expect(squash(await encadrement.locator("td").nth(1).textContent())).toBe("non publié (moins de 3 femmes ou 3 hommes)");
    expect(squash(await encadrement.locator("td").last().textContent())).toBe("trop petite pour être publiée");

    // Quartiles table and the charts, drawn after hydration.
    const bands = page.getByRole("table", { name: "Répartition par quart de salaire horaire" });
    expect(await bands.locator("tbody tr").count()).toBe(4);
    expect(squash(await bands.locator("tbody tr").first().locator("td").nth(1).textContent())).toContain(squash(view.bands.hourly![0].womenDisplay));
    await expect.poll(() => page.locator(".chart-box svg.recharts-surface").count()).toBe(2);

    await expectAccessible(page, "transparence-salariale");
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page, "transparence-salariale-mobile");
    await screenshot(page, "transparence-salariale-mobile");
    await context.close();
  });
});
