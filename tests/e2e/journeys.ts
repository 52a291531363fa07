import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { makeSiret } from "../helpers/factories.ts";

/** The password of every account the e2e tests create. */
export const E2E_PASSWORD = "les jardins de la scarpe";

export interface NewStructure {
  person: string;
  structure: string;
  type: string;
  departement: string;
  commune: string;
}

/**
 * The first link matching `pattern` in the newest mail to `to` that has one, waiting for it: the
 * server writes its mails after answering (app/auth/background.server.ts).
 */
export async function waitForMailLink(outboxDir: string, to: string, pattern: RegExp): Promise<string> {
  const safeTo = to.replace(/[^a-z0-9@._-]/gi, "_");
  for (let attempt = 0; attempt < 100; attempt++) {
    const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).filter((f) => f.includes(safeTo)).sort().reverse() : [];
    for (const file of files) {
      const link = fs.readFileSync(path.join(outboxDir, file), "utf8").match(pattern);
      if (link) return link[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Aucun courriel pour ${to} avec un lien ${pattern}`);
}

/** The confirmation link of the sign-up mailed to `email`, pointed at `baseURL`. */
export async function signupConfirmationLink(baseURL: string, email: string): Promise<string> {
  const link = await waitForMailLink(inject("outboxDir"), email, /https?:\/\/\S+\/inscription\/confirmer\/\S+/);
  return link.replace(/^https?:\/\/[^/]+/, baseURL);
}

/**
 * Signs up a director and their structure through the sign-up form, then through the confirmation
 * link mailed to them (« Activer mon compte »); ends on the structure's space.
 */
export async function signUpStructure(page: Page, baseURL: string, email: string, s: NewStructure) {
  await page.goto(baseURL + "/inscription");
  await page.getByLabel("Votre nom").fill(s.person);
  await page.getByLabel("Votre adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(E2E_PASSWORD);
  await page.getByLabel("Nom de la structure").fill(s.structure);
  await page.getByLabel("SIRET de la structure").fill(makeSiret());
  await page.getByLabel("Type de structure").selectOption(s.type);
  await page.getByLabel("Département").selectOption(s.departement);
  await page.getByLabel("Commune").fill(s.commune);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await page.getByRole("heading", { level: 1, name: "Vérifiez votre messagerie" }).waitFor();
  await page.goto(await signupConfirmationLink(baseURL, email));
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await page.waitForURL(/\/o\/[0-9a-f-]+/);
}

/** Signs in through the sign-in form; ends on « Mon espace ». */
export async function logIn(page: Page, baseURL: string, email: string, password = E2E_PASSWORD) {
  await page.goto(baseURL + "/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/espace/);
}

export interface ProfileValues {
  type: string;
  /** The radio's label, e.g. « Moins de 50 salariés ». */
  band: string;
  permanentWomen: number;
  permanentMen: number;
  parcoursWomen: number;
  parcoursMen: number;
}

/** Fills the profile step (CSE yes, no délégué syndical, no accord or plan yet). */
export async function fillProfile(page: Page, p: ProfileValues) {
  await page.getByLabel("Type de structure").selectOption(p.type);
  await page.getByLabel(p.band).check();
  await page.getByLabel("Femmes de l'équipe permanente").fill(String(p.permanentWomen));
  await page.getByLabel("Hommes de l'équipe permanente").fill(String(p.permanentMen));
  await page.getByLabel("Femmes en parcours").fill(String(p.parcoursWomen));
  await page.getByLabel("Hommes en parcours").fill(String(p.parcoursMen));
  await page.getByRole("group", { name: "Votre structure a-t-elle un CSE ?" }).getByLabel("Oui").check();
  await page.getByRole("group", { name: "Un délégué syndical est-il désigné ?" }).getByLabel("Non").check();
  await page.getByLabel("Avez-vous déjà un accord ou un plan d'action sur l'égalité professionnelle ?").selectOption("aucun");
}

const STAFF_HEADER =
  "Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Augmentation;Promotion;Retour de congé maternité;Augmentée au retour";

/**
 * Writes a staff file as French Excel does (« ; », Windows-1252, CRLF, decimal commas) from
 * [count, line] pairs, and returns its path. latin1 and Windows-1252 agree on every character used.
 */
export function writeStaffCsv(fileName: string, lines: ReadonlyArray<readonly [number, string]>): string {
  const rows = lines.flatMap(([n, line]) => Array.from({ length: n }, () => line));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boussole-csv-")), fileName);
  fs.writeFileSync(file, Buffer.from([STAFF_HEADER, ...rows].join("\r\n") + "\r\n", "latin1"));
  return file;
}
