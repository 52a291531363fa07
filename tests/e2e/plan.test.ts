import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, hasChromium, launch, newContext } from "./browser.ts";
import { fillProfile as fillProfileStep, logIn as logInAs, signUpStructure } from "./journeys.ts";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  if (hasChromium) browser = await launch();
});
afterAll(async () => browser?.close());

function signUp(page: Page, email: string) {
  return signUpStructure(page, baseURL, email, { person: "Karim Lefort", structure: "Recyclerie du Val", type: "EI", departement: "62", commune: "Arras" });
}

function logIn(page: Page, email: string) {
  return logInAs(page, baseURL, email);
}

/** A 60-person EI: the plan is mandatory and must include rémunération effective. */
function fillProfile(page: Page) {
  return fillProfileStep(page, { type: "EI", band: "De 50 à 250 salariés", permanentWomen: 6, permanentMen: 8, parcoursWomen: 14, parcoursMen: 32 });
}

/** Answers the domain page: the last choice of each question (often « Non »), « Je ne sais pas » for figures. */
async function answerDomain(page: Page) {
  const questions = page.locator("fieldset.question");
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const q = questions.nth(i);
    if ((await q.locator('input[type="text"]').count()) > 0) {
      await q.getByLabel("Je ne sais pas").check();
      continue;
    }
    const no = q.getByLabel("Non", { exact: true });
    const radios = q.locator('input[type="radio"]');
    if ((await no.count()) > 0) await no.check();
    else if ((await radios.count()) > 0) await radios.first().check();
    else await q.locator('input[type="checkbox"]').first().check();
  }
}

/** Fills every field checkPlan asks for on the action page. */
async function completeAction(page: Page, deadline: string) {
  await page.getByLabel("Indicateur chiffré", { exact: true }).fill("part de femmes parmi les personnes concernées");
  await page.getByLabel("Unité", { exact: true }).fill("%");
  await page.getByLabel(/^Valeur de départ/).fill("12,5");
  await page.getByLabel(/^Valeur cible/).fill("30");
  await page.getByLabel("Échéance").fill(deadline);
  await page.getByLabel("Responsable").fill("Direction");
  await page.getByLabel("Coût en euros").fill("1 200");
  await page.getByLabel("Temps de travail (jours)").fill("2,5");
}

describe.skipIf(!hasChromium)("the action plan in the browser", () => {
  const email = `direction.plan.${Date.now()}@exemple.fr`;
  let planUrl = "";

  it("creates the plan from the diagnostic's recommendations and completes an action, JavaScript on", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUp(page, email);
    await page.getByRole("link", { name: "Diagnostics" }).click();
    await page.waitForURL(/\/diagnostics$/);
    await page.getByLabel("Année de référence").fill("2025");
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/profil$/);
    const diagnosticUrl = page.url().replace(/\/profil$/, "");
    planUrl = diagnosticUrl + "/plan";
    await fillProfile(page);
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await page.waitForURL(/\/emplois$/);
    await page.goto(diagnosticUrl + "/domaines/embauche");
    await answerDomain(page);
    await page.getByRole("button", { name: /^Enregistrer et continuer/ }).click();
    await page.waitForURL(/\/domaines\/formation$/);

    // The step nav leads to the plan.
    await page.locator(".diagnostic-nav").getByRole("link", { name: /Plan d'action/ }).click();
    await page.waitForURL(/\/plan$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Plan d'action pour l'égalité professionnelle");
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("main").textContent()).toContain("Plan d'action ou accord");
    await expectAccessible(page, "plan-js-01-creation");

    // Keep one ticked action in each of three domains, rémunération included.
    const ticked = page.locator(".proposal-group:not(details .proposal-group)");
    const domains = await ticked.locator("h3").allTextContents();
    expect(domains).toContain("Rémunération effective");
    expect(domains.length).toBeGreaterThanOrEqual(3);
    const checked = page.locator('input[name="actions"]:checked');
    while ((await checked.count()) > 0) await checked.first().uncheck();
    const keep = ["Rémunération effective", ...domains.filter((d) => d !== "Rémunération effective").slice(0, 2)];
    for (const d of keep) await ticked.filter({ has: page.getByRole("heading", { name: d, exact: true }) }).locator('input[name="actions"]').first().check();
    await page.getByRole("button", { name: "Créer le plan avec les actions cochées" }).click();
    await page.waitForURL(/\/plan\?cree=1$/);
    await expect.poll(() => page.locator(".plan-action").count()).toBe(3);

    // Not complete yet: the final export is refused, only the draft is offered, with the reasons.
    const status = page.locator("#etat");
    await expect.poll(() => status.textContent()).toMatch(/Avant l'export\u00a0: 3 actions à compléter/);
    expect(await status.getByRole("link", { name: "Télécharger un brouillon (PDF)" }).getAttribute("href")).toMatch(/\/rapport\.pdf\?brouillon=1$/);
    expect(await status.getByRole("link", { name: "Télécharger le rapport (PDF)" }).count()).toBe(0);
    expect(await status.getByRole("link", { name: "Fiche égalité pour un marché public (PDF)" }).getAttribute("href")).toMatch(/\/fiche-marche-public\.pdf$/);
    expect(await status.textContent()).toContain("— à compléter\u00a0: ");
    expect(await status.getByRole("link", { name: "responsable" }).count()).toBe(3);
    await expectAccessible(page, "plan-js-02-plan-a-completer");

    // The rémunération action, with JavaScript: a wrong number is caught beside the field, then fixed.
    await page.locator(".plan-domain").filter({ has: page.getByRole("heading", { name: /^Rémunération effective/ }) }).locator(".plan-action-title a").first().click();
    await page.waitForURL(/\/plan\/actions\/[0-9a-f-]+$/);
    await completeAction(page, "2026-06-30");
    await page.getByLabel(/^Valeur de départ/).fill("douze");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect.poll(() => page.locator(".error-summary").textContent()).toContain("Indiquez un nombre en chiffres, par exemple 12 ou 12,5.");
    expect(await page.locator(".field-error .field-error-message").first().textContent()).toContain("Indiquez un nombre en chiffres");
    await expectAccessible(page, "plan-js-03-action-erreur");
    await page.getByLabel(/^Valeur de départ/).fill("12,5");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect.poll(() => page.locator("main").textContent()).toMatch(/Action enregistrée à \d+\s?h\s?\d{2}/);
    await expect.poll(() => page.locator("#points-titre").textContent()).toBe("Cette action est complète pour l'export");
    expect(await page.getByLabel(/^Valeur de départ/).inputValue()).toBe("12,5");
    await page.reload();
    expect(await page.getByLabel("Coût en euros").inputValue()).toBe("1200");
    expect(await page.getByLabel("Temps de travail (jours)").inputValue()).toBe("2,5");
    await expectAccessible(page, "plan-js-04-action-complete");

    // A second action, saved and back to the plan.
    await page.goto(planUrl);
    const open = page.locator(".plan-action-blocked .plan-action-title a").first();
    await open.click();
    await page.waitForURL(/\/plan\/actions\/[0-9a-f-]+$/);
    await completeAction(page, "2026-09-30");
    await page.getByRole("button", { name: "Enregistrer et revenir au plan" }).click();
    await page.waitForURL(/\/plan#action-/);
    await expect.poll(() => page.locator(".plan-action-blocked").count()).toBe(1);
    await context.close();
  });

  it("completes the last action, adds and removes one, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, email);
    await page.goto(planUrl);
    expect(await page.locator(".plan-action-blocked").count()).toBe(1);
    await page.locator(".plan-action-blocked .plan-action-title a").first().click();
    await page.waitForURL(/\/plan\/actions\/[0-9a-f-]+$/);
    await expectAccessible(page, "plan-nojs-01-action");

    // A deadline outside the plan's period is refused by the server, beside the field and in the summary.
    await completeAction(page, "2027-03-01");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.waitForLoadState("load");
    const summary = page.locator(".error-summary");
    expect(await summary.textContent()).toContain("Choisissez une échéance entre le 1er\u00a0janvier 2026 et le 31\u00a0décembre 2026");
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#action-deadline");
    expect(await page.locator("#action-deadline-error").textContent()).toContain("c'est la période du plan");
    await expectAccessible(page, "plan-nojs-02-action-erreur");
    await page.getByLabel("Échéance").fill("2026-12-15");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("main").textContent()).toMatch(/Action enregistrée à/);
    expect(await page.locator("#points-titre").textContent()).toBe("Cette action est complète pour l'export");

    // Every action complete: the final report is offered.
    await page.goto(planUrl);
    const status = page.locator("#etat");
    expect(await status.textContent()).toContain("Votre plan respecte les règles");
    expect(await status.getByRole("link", { name: "Télécharger le rapport (PDF)" }).getAttribute("href")).toMatch(/\/rapport\.pdf$/);
    expect(await status.getByRole("link", { name: "Télécharger un brouillon (PDF)" }).count()).toBe(0);
    await expectAccessible(page, "plan-nojs-03-plan-pret");

    // A blank action: its missing fields block the export until it is removed (with a confirmation step).
    await page.getByLabel("Domaine").selectOption("articulation");
    await page.getByLabel("Titre de l'action").fill("Pas de réunion après 17 h");
    await page.getByRole("button", { name: "Ajouter une action vide" }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]+\?ajoute=1$/);
    await page.goto(planUrl);
    expect(await page.locator("#etat").textContent()).toContain("Avant l'export\u00a0: 1 action à compléter");
    expect(await page.locator("#etat").textContent()).toContain("«\u00a0Pas de réunion après 17 h\u00a0» — à compléter\u00a0: objectif");
    const blank = page.locator(".plan-action").filter({ hasText: "Pas de réunion après 17 h" });
    await blank.getByRole("link", { name: /^Retirer/ }).click();
    await page.waitForURL(/\?retirer=/);
    expect(await page.locator(".confirm-box").textContent()).toContain("Retirer l'action «\u00a0Pas de réunion après 17 h\u00a0» du plan\u00a0?");
    await expectAccessible(page, "plan-nojs-04-confirmation-retrait");
    await page.getByRole("button", { name: "Oui, retirer l'action" }).click();
    await page.waitForURL(/\?retire=1$/);
    expect(await page.locator(".plan-action").count()).toBe(3);
    expect(await page.locator("#etat").textContent()).toContain("Votre plan respecte les règles");

    // The kind and period form works without JavaScript too (an accord of one year, then back).
    await page.getByLabel("Accord sur l'égalité professionnelle").check();
    await page.getByRole("button", { name: "Enregistrer le type et la période" }).click();
    await page.waitForURL(/\?periode=.*#type-periode$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Accord sur l'égalité professionnelle");
    await expect.poll(() => page.locator("#type-periode").textContent()).toMatch(/Période enregistrée à/);
    await page.getByLabel("Plan d'action", { exact: true }).check();
    await page.getByRole("button", { name: "Enregistrer le type et la période" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Plan d'action pour l'égalité professionnelle");
    await context.close();
  });

  it("shows a blocking error when the period moves away from the deadlines, then clears it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await logIn(page, email);
    await page.goto(planUrl);
    await page.getByLabel("Début de la période").fill("2026-07-01");
    await page.getByLabel("Fin de la période").fill("2027-06-30");
    await page.getByRole("button", { name: "Enregistrer le type et la période" }).click();
    await expect.poll(() => page.locator("main").textContent()).toMatch(/Période enregistrée à/);
    await expect.poll(() => page.locator("#etat").textContent()).toContain("échéance hors de la période du plan");
    await expectAccessible(page, "plan-js-05-erreur-periode");
    // The error links to the action's deadline.
    await page.locator("#etat .issue-errors").getByRole("link", { name: "échéance hors de la période du plan" }).first().click();
    await page.waitForURL(/\/actions\/[0-9a-f-]+#action-deadline$/);
    await page.getByLabel("Échéance").fill("2027-03-31");
    await page.getByRole("button", { name: "Enregistrer et revenir au plan" }).click();
    await page.waitForURL(/\/plan#action-/);
    // Put the period back: every deadline is inside again.
    await page.getByLabel("Début de la période").fill("2026-01-01");
    await page.getByLabel("Fin de la période").fill("2026-12-31");
    await page.getByRole("button", { name: "Enregistrer le type et la période" }).click();
    await expect.poll(() => page.locator("#etat").textContent()).toContain("échéance hors de la période du plan");
    await page.locator("#etat .issue-errors").getByRole("link", { name: "échéance hors de la période du plan" }).first().click();
    await page.waitForURL(/#action-deadline$/);
    await page.getByLabel("Échéance").fill("2026-11-30");
    await page.getByRole("button", { name: "Enregistrer et revenir au plan" }).click();
    await page.waitForURL(/\/plan#action-/);
    await expect.poll(() => page.locator("#etat").textContent()).toContain("Votre plan respecte les règles");
    await context.close();
  });

  it("reads well on a 360 px phone, with an action still to complete", async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await logIn(page, email);
    await page.goto(planUrl);
    await page.getByLabel("Action", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Ajouter cette action" }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]+\?ajoute=1$/);
    await expect.poll(() => page.locator("#points-titre").textContent()).toMatch(/points à compléter sur cette action/);
    await expectAccessible(page, "plan-360-01-action");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("link", { name: "← Retour au plan d'action" }).click();
    await page.waitForURL(/\/plan#action-/);
    await expect.poll(() => page.locator("#etat").textContent()).toContain("Avant l'export\u00a0: 1 action à compléter");
    await expectAccessible(page, "plan-360-02-plan-a-corriger");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Removing it with JavaScript: the same two steps, the focus on the question.
    const card = page.locator(".plan-action-blocked").last();
    await card.getByRole("link", { name: /^Retirer/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("confirm-box");
    await page.getByRole("button", { name: "Oui, retirer l'action" }).click();
    await expect.poll(() => page.locator("#etat").textContent()).toContain("Votre plan respecte les règles");
    await context.close();
  });

  it("evaluates last year's plan in the next diagnostic, without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, email);
    await page.goto(planUrl.replace(/\/d\/.*$/, "/diagnostics"));
    await page.getByLabel("Année de référence").fill("2026");
    await page.getByRole("button", { name: "Créer le diagnostic" }).click();
    await page.waitForURL(/\/profil$/);
    const next = page.url().replace(/\/profil$/, "");
    await page.goto(next + "/plan");
    const bilan = page.locator("#bilan");
    expect(await bilan.getByRole("heading", { level: 2 }).textContent()).toBe("Bilan du plan précédent (2025)");
    expect(await bilan.textContent()).toContain("Plan d'action du 1er\u00a0janvier 2026 au 31\u00a0décembre 2026");
    expect(await bilan.textContent()).toContain("3\u00a0actions\u00a0: 3\u00a0prévues.");
    const first = bilan.locator(".evaluation").first();
    await first.getByLabel("État").selectOption("realisee");
    await first.getByLabel(/^Valeur atteinte/).fill("31,5");
    await first.getByLabel("Note de suivi").fill("Offres réécrites avec la CIP ; deux candidates reçues.");
    await first.getByRole("button", { name: "Enregistrer le bilan de cette action" }).click();
    await page.waitForURL(/\?bilan=.*#bilan-/);
    const saved = page.locator("#bilan .evaluation").first();
    expect(await saved.textContent()).toMatch(/Bilan de l'action enregistré à/);
    expect(await saved.textContent()).toContain("Atteint\u00a0: 31,5\u00a0%");
    expect(await saved.textContent()).toContain("Objectif atteint");
    expect(await page.locator("#bilan").textContent()).toContain("1\u00a0réalisée");
    await expectAccessible(page, "plan-nojs-05-bilan-precedent");

    // The results page sums it up and leads to the plan.
    await page.goto(next + "/resultats");
    const summary = page.locator("section").filter({ has: page.getByRole("heading", { name: "Bilan du plan précédent (2025)" }) });
    expect(await summary.textContent()).toContain("valeur atteinte 31,5\u00a0% pour une cible de 30\u00a0%");
    expect(await page.getByRole("link", { name: "Préparer le plan d'action" }).getAttribute("href")).toBe(new URL(next).pathname + "/plan");
    await expectAccessible(page, "plan-nojs-06-resultats-bilan");
    await context.close();
  });
});
