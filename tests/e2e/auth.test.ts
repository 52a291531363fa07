import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, hasChromium, lastMailTo, launch, newContext, screenshot } from "./browser.ts";
import { makeSiret } from "../helpers/factories.ts";
import { signupConfirmationLink, waitForMailLink } from "./journeys.ts";

const baseURL = inject("baseURL");
const outboxDir = inject("outboxDir");
let browser: Browser;

beforeAll(async () => {
  if (hasChromium) browser = await launch();
});
afterAll(async () => browser?.close());

async function fillSignup(page: Page, values: { email: string; siret: string; password?: string }) {
  await page.getByLabel("Votre nom").fill("Amina Diallo");
  await page.getByLabel("Votre adresse électronique").fill(values.email);
  await page.getByLabel("Mot de passe").fill(values.password ?? "les jardins de la scarpe");
  await page.getByLabel("Nom de la structure").fill("Atelier Couture Solidaire");
  await page.getByLabel("SIRET de la structure").fill(values.siret);
  await page.getByLabel("Type de structure").selectOption("ACI");
  await page.getByLabel("Département").selectOption("62");
  await page.getByLabel("Commune").fill("Lens");
}

describe.skipIf(!hasChromium)("accounts in the browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "avec JavaScript" : "sans JavaScript";
    it(`signs up, signs out, signs in, resets the password — ${mode}`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      const email = `amina.${javaScriptEnabled ? "js" : "nojs"}.${Date.now()}@exemple.fr`;
      const tag = javaScriptEnabled ? "js" : "nojs";

      await page.goto(baseURL + "/");
      await expect.poll(() => page.locator("h1").count()).toBe(1);
      await expectAccessible(page, `auth-${tag}-01-accueil`);
      await page.getByRole("link", { name: "Créer l'espace de ma structure" }).click();
      await page.waitForURL(/\/inscription/);
      await expectAccessible(page, `auth-${tag}-02-inscription`);

      // A wrong SIRET: French message beside the field and in the summary, nothing created.
      await fillSignup(page, { email, siret: "1234567890123" });
      await page.getByRole("button", { name: "Créer mon compte" }).click();
      const summary = page.locator(".error-summary");
      await expect.poll(() => summary.textContent()).toContain("Le SIRET compte 14 chiffres ; celui-ci en a 13.");
      expect(await page.locator("#inscription-siret-error, [id$='siret-error']").first().textContent()).toContain("14 chiffres");
      if (javaScriptEnabled) await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain("error-summary");
      await expectAccessible(page, `auth-${tag}-03-inscription-erreurs`);

      await page.getByLabel("SIRET de la structure").fill(makeSiret());
      if (!javaScriptEnabled) await page.getByLabel("Mot de passe").fill("les jardins de la scarpe");
      await page.getByRole("button", { name: "Créer mon compte" }).click();
      // No account yet: a mail with a link to activate it.
      await expect.poll(() => page.locator("h1").textContent()).toBe("Vérifiez votre messagerie");
      expect(await page.locator("main").textContent()).toContain(`Nous avons écrit à ${email}`);
      expect(await page.locator("main").textContent()).toContain("Le lien est valable 48\u00a0heures.");
      await expectAccessible(page, `auth-${tag}-03b-verifiez-messagerie`);
      const activation = await signupConfirmationLink(baseURL, email);
      await page.goto(activation);
      expect(await page.locator("h1").textContent()).toBe("Activer mon compte");
      await expectAccessible(page, `auth-${tag}-03c-activer-mon-compte`);
      await page.getByRole("button", { name: "Activer mon compte" }).click();
      await page.waitForURL(/\/o\/[0-9a-f-]+/);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Atelier Couture Solidaire");
      await expectAccessible(page, `auth-${tag}-04-espace-structure`);

      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL(/\/connexion/);
      await expectAccessible(page, `auth-${tag}-05-connexion`);
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect.poll(() => page.locator(".error-summary").textContent()).toContain("Adresse électronique ou mot de passe incorrect.");
      await page.getByLabel("Mot de passe").fill("les jardins de la scarpe");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL(/\/espace/);
      await expect.poll(() => page.getByRole("link", { name: "Atelier Couture Solidaire" }).count()).toBe(1);
      await expectAccessible(page, `auth-${tag}-06-mon-espace`);

      // Password reset through the emailed link.
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL(/\/connexion/);
      await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
      await page.waitForURL(/\/mot-de-passe-oublie/);
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByRole("button", { name: "Recevoir le lien" }).click();
      await expect.poll(() => page.locator(".notice").textContent()).toContain("Si un compte existe pour cette adresse");
      await expectAccessible(page, `auth-${tag}-07-oubli`);
      const link = await waitForMailLink(outboxDir, email, /https?:\/\/\S+\/reinitialiser\?\S+/);
      await page.goto(link.replace(/^https?:\/\/[^/]+/, baseURL));
      await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une toute nouvelle phrase");
      await page.getByLabel("Confirmez le nouveau mot de passe").fill("une toute nouvelle phrase");
      await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
      await page.waitForURL(/\/espace/);
      await screenshot(page, `auth-${tag}-08-apres-reinitialisation`);
      await page.goto(link.replace(/^https?:\/\/[^/]+/, baseURL));
      expect(await page.locator("h1").textContent()).toBe("Lien expiré ou déjà utilisé");
      // The activation link too is single use.
      await page.goto(activation);
      expect(await page.locator("h1").textContent()).toBe("Lien expiré ou déjà utilisé");
      await context.close();
    });
  }

  it("invites a colleague who joins through the emailed link", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(baseURL + "/connexion");
    await page.getByLabel("Adresse électronique").fill("direction@aci-demo.fr");
    await page.getByLabel("Mot de passe").fill("boussole-demo-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/espace/);
    await page.getByRole("link", { name: "Les Jardins du Beffroi" }).click();
    await page.getByRole("link", { name: "Membres" }).click();
    await page.waitForURL(/\/membres/);
    await expectAccessible(page, "membres-01-liste");
    const invitee = `encadrante.${Date.now()}@exemple.fr`;
    await page.getByLabel("Adresse électronique").fill(invitee);
    await page.getByLabel("Rôle", { exact: true }).selectOption("editor");
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect.poll(() => page.locator(".notice").textContent()).toContain(`Invitation envoyée à ${invitee}`);
    await context.close();

    const other = await newContext(browser, { javaScriptEnabled: false });
    const p2 = await other.newPage();
    const { link } = lastMailTo(outboxDir, invitee);
    await p2.goto(link.replace(/^https?:\/\/[^/]+/, baseURL));
    expect(await p2.locator("h1").textContent()).toBe("Rejoindre « Les Jardins du Beffroi »");
    await expectAccessible(p2, "membres-02-invitation");
    await p2.getByRole("link", { name: "Créer mon compte" }).click();
    await p2.waitForURL(/\/inscription/);
    await p2.getByLabel("Votre nom").fill("Léa Martin");
    await p2.getByLabel("Mot de passe").fill("encadrante des espaces verts");
    await p2.getByRole("button", { name: "Créer mon compte" }).click();
    await p2.waitForURL(/\/o\//);
    expect(await p2.locator("h1").textContent()).toBe("Les Jardins du Beffroi");
    await other.close();
  });

  it("refuses a POST coming from another site", async () => {
    const res = await fetch(baseURL + "/connexion", {
      method: "POST",
      headers: { Origin: "https://site-malveillant.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=direction%40aci-demo.fr&password=x",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    const sameSite = await fetch(baseURL + "/connexion", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=direction%40aci-demo.fr&password=x",
      redirect: "manual",
    });
    expect(sameSite.status).toBe(403);
  });

  it("answers unknown pages with the French 404 page", async () => {
    const res = await fetch(baseURL + "/cette-page-n-existe-pas");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page introuvable");
  });
});
