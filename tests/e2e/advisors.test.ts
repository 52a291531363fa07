import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { fillProfile as fillProfileStep } from "./journeys.ts";
import { expectAccessible, hasChromium, launch, newContext, screenshot } from "./browser.ts";
import { makeSiret } from "../helpers/factories.ts";

const baseURL = inject("baseURL");
const DEMO_PASSWORD = "boussole-demo-2026";
const OWNER = "direction@aci-demo.fr";
const ADVISOR = "conseil@accompagnement-demo.fr";
const STRUCTURE = "Les Jardins du Beffroi";
const ASSOCIATION = "Égalité Conseil Nord (démo)";
const NBSP = "\u00a0";
/** A year other demo-based tests are unlikely to use. */
const YEAR = "2023";

let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await launch();
});
afterAll(async () => browser?.close());

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseURL + "/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/espace/);
  return page;
}

function fillProfile(page: Page) {
  return fillProfileStep(page, { type: "ACI", band: "Moins de 50 salariés", permanentWomen: 4, permanentMen: 3, parcoursWomen: 9, parcoursMen: 14 });
}

describe.skipIf(!hasChromium)("accompaniment in the browser", () => {
  it("owner grants read access; the advisor reviews read-only and comments; the owner resolves, then revokes", async () => {
    // The owner (JavaScript on) prepares a diagnostic with its profile.
    const ownerContext = await newContext(browser);
    const owner = await signIn(ownerContext, OWNER);
    await owner.getByRole("link", { name: STRUCTURE }).click();
    await owner.waitForURL(/\/o\/[0-9a-f-]+$/);
    const structureUrl = owner.url();
    await expectAccessible(owner, "advisors-01-espace-structure");
    await owner.goto(structureUrl + "/diagnostics");
    const existing = owner.getByRole("link", { name: `Reprendre le diagnostic ${YEAR}` });
    if ((await existing.count()) === 0) {
      await owner.getByLabel("Année de référence").fill(YEAR);
      await owner.getByRole("button", { name: "Créer le diagnostic" }).click();
      await owner.waitForURL(/\/profil$/);
      await fillProfile(owner);
      await owner.getByRole("button", { name: "Enregistrer et continuer" }).click();
      await owner.waitForURL(/\/emplois$/);
    } else {
      await existing.click();
    }
    const diagnosticUrl = owner.url().replace(/\/(profil|emplois|domaines\/.*|index|resultats)$/, "");

    // Grant read access to the demo association.
    await owner.goto(structureUrl);
    await owner.getByRole("link", { name: "Accompagnement", exact: true }).click();
    await owner.waitForURL(/\/accompagnement$/);
    await expect.poll(() => owner.locator("h1").textContent()).toBe(`Accompagnement de «${NBSP}${STRUCTURE}${NBSP}»`);
    await expectAccessible(owner, "advisors-02-accompagnement-vide");
    await owner.getByRole("button", { name: "Donner l'accès" }).click();
    await expect.poll(() => owner.locator(".error-summary").textContent()).toContain("Association d'accompagnement");
    await expectAccessible(owner, "advisors-03-accompagnement-erreur");
    await owner.getByLabel("Association d'accompagnement").selectOption({ label: ASSOCIATION });
    await owner.getByLabel("Lecture seule").check();
    await owner.getByRole("button", { name: "Donner l'accès" }).click();
    await expect.poll(() => owner.locator(".notice").first().textContent()).toContain("a maintenant accès à vos diagnostics (lecture seule)");
    expect(await owner.getByRole("table", { name: "Associations d'accompagnement qui voient vos diagnostics" }).textContent()).toContain(ASSOCIATION);
    // The form is ready for another association.
    await expect.poll(() => owner.getByLabel("Association d'accompagnement").evaluate((s: HTMLSelectElement) => s.selectedIndex)).toBe(0);
    await expectAccessible(owner, "advisors-04-acces-donne");

    // The advisor, JavaScript off, finds the structure among its clients and opens it read-only.
    const advisorContext = await newContext(browser, { javaScriptEnabled: false });
    const advisor = await signIn(advisorContext, ADVISOR);
    await advisor.getByRole("link", { name: ASSOCIATION }).click();
    await advisor.getByRole("link", { name: "Structures accompagnées" }).click();
    await advisor.waitForURL(/\/clients$/);
    const clientsUrl = advisor.url();
    const clients = advisor.getByRole("table");
    await expect.poll(() => clients.textContent()).toContain(STRUCTURE);
    expect(await clients.textContent()).toContain("Lecture seule");
    await expectAccessible(advisor, "advisors-05-clients");
    // Filters through the GET form.
    await advisor.getByLabel("Type").selectOption("EI");
    await advisor.getByRole("button", { name: "Afficher" }).click();
    await advisor.waitForURL(/type=EI/);
    expect(await advisor.locator("body").textContent()).toContain("Aucune structure ne correspond à ces filtres.");
    await advisor.getByLabel("Type").selectOption("ACI");
    await advisor.getByLabel("Département").selectOption("59");
    await advisor.getByLabel("Trier par").selectOption("activite");
    await advisor.getByRole("button", { name: "Afficher" }).click();
    await advisor.waitForURL(/departement=59/);
    await expectAccessible(advisor, "advisors-06-clients-filtres");
    await advisor.getByRole("link", { name: STRUCTURE, exact: true }).click();
    await advisor.waitForURL(/\/diagnostics$/);
    expect(await advisor.locator("body").textContent()).toContain("ne permet pas de créer un diagnostic");
    await expectAccessible(advisor, "advisors-07-diagnostics-lecture");

    // A comment on the « Embauche » domain, posted without JavaScript.
    await advisor.goto(diagnosticUrl + "/domaines/embauche");
    expect(await advisor.locator("body").textContent()).toContain("Vous consultez ce diagnostic en lecture seule.");
    await advisor.getByLabel("Votre commentaire").fill("Les offres d'emploi sont-elles rédigées au féminin et au masculin ?\nPensez à en parler aux prescripteurs.");
    await advisor.getByRole("button", { name: "Publier le commentaire" }).click();
    await advisor.waitForURL(/commentaire=ajoute/);
    const advisorComments = advisor.locator("#commentaires-embauche");
    expect(await advisorComments.textContent()).toContain("Commentaire publié.");
    expect(await advisorComments.locator(".comment-meta").first().textContent()).toContain(`Sophie Delattre, ${ASSOCIATION}`);
    await expectAccessible(advisor, "advisors-08-commentaire-publie");

    // The owner reads it on the same page and marks it resolved (JavaScript on).
    await owner.goto(diagnosticUrl + "/domaines/embauche");
    const ownerComments = owner.locator("#commentaires-embauche");
    await expect.poll(() => ownerComments.textContent()).toContain("Les offres d'emploi sont-elles rédigées au féminin et au masculin ?");
    expect(await ownerComments.locator("h3").first().textContent()).toBe("1 commentaire à traiter");
    await expectAccessible(owner, "advisors-09-commentaire-a-traiter");
    await ownerComments.getByRole("button", { name: /^Marquer comme résolu/ }).click();
    await expect.poll(() => ownerComments.textContent()).toContain("Commentaire marqué comme résolu.");
    await ownerComments.locator("summary").click();
    expect(await ownerComments.locator(".comment-resolved").textContent()).toContain("Résolu par Nadia Benali");
    await expectAccessible(owner, "advisors-10-commentaire-resolu");

    // The journal shows the grant and the advisor's visits; then the owner revokes.
    await owner.goto(structureUrl + "/accompagnement");
    const journal = owner.getByRole("table", { name: "Journal des accès, du plus récent au plus ancien" });
    await expect.poll(() => journal.textContent()).toContain(`Sophie Delattre, ${ASSOCIATION}`);
    expect(await journal.textContent()).toContain(`A consulté l'espace (première page ouverte${NBSP}: la liste des diagnostics).`);
    await screenshot(owner, "advisors-11-journal");
    await owner.getByRole("button", { name: `Retirer l'accès de ${ASSOCIATION}` }).click();
    await expect.poll(() => owner.locator(".notice").first().textContent()).toContain("ne voit plus vos diagnostics, dès maintenant");
    await expectAccessible(owner, "advisors-12-acces-retire");

    // The advisor's next request: 404, and the structure leaves its clients.
    const response = await advisor.goto(diagnosticUrl + "/domaines/embauche");
    expect(response?.status()).toBe(404);
    await screenshot(advisor, "advisors-13-introuvable");
    await advisor.goto(clientsUrl);
    expect(await advisor.locator("body").textContent()).not.toContain(STRUCTURE);
    await expectAccessible(advisor, "advisors-14-clients-apres-retrait");

    await Promise.all([ownerContext.close(), advisorContext.close()]);
  });

  it("creates a client's space in a workshop (JavaScript off)", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const advisor = await signIn(context, ADVISOR);
    await advisor.getByRole("link", { name: ASSOCIATION }).click();
    await advisor.getByRole("link", { name: "Créer l'espace d'une structure" }).click();
    await advisor.waitForURL(/\/clients\/nouvelle$/);
    await expectAccessible(advisor, "advisors-15-nouvelle-structure");
    await advisor.getByLabel("Nom de la structure").fill("Ressourcerie des Weppes");
    await advisor.getByLabel("SIRET de la structure").fill("1234567890123");
    await advisor.getByRole("button", { name: "Créer l'espace et envoyer l'invitation" }).click();
    await expect.poll(() => advisor.locator(".error-summary").textContent()).toContain(`Le SIRET compte 14 chiffres ; celui-ci en a 13.`);
    await expectAccessible(advisor, "advisors-16-nouvelle-structure-erreurs");
    await advisor.getByLabel("SIRET de la structure").fill(makeSiret());
    await advisor.getByLabel("Type de structure").selectOption("EI");
    await advisor.getByLabel("Département").selectOption("59");
    await advisor.getByLabel("Commune").fill("Wavrin");
    await advisor.getByLabel("Adresse électronique de la directrice ou du directeur").fill(`direction.${Date.now()}@ressourcerie-weppes.fr`);
    await advisor.getByRole("button", { name: "Créer l'espace et envoyer l'invitation" }).click();
    await advisor.waitForURL(/\/clients\?creee=/);
    expect(await advisor.locator(".notice").first().textContent()).toContain("Ressourcerie des Weppes");
    expect(await advisor.getByRole("table").textContent()).toContain("Lecture et modification");
    await expectAccessible(advisor, "advisors-17-structure-creee");
    await context.close();
  });
});

