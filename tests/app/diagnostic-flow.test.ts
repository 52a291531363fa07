import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeStructureTeam, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { findDiagnostic, insertDiagnostic, listDiagnostics, saveJobs } from "../../db/queries/diagnostics.ts";
import { questionsForDomain } from "../../diagnostics/questionnaire.ts";
import type { Profile } from "../../diagnostics/types.ts";
import * as list from "../../app/routes/diagnostics-list.tsx";
import * as profileRoute from "../../app/routes/diagnostic-profile.tsx";
import * as domainRoute from "../../app/routes/diagnostic-domain.tsx";
import * as answerRoute from "../../app/routes/diagnostic-answer.tsx";
import * as resumeRoute from "../../app/routes/diagnostic-resume.tsx";
import * as layoutRoute from "../../app/routes/diagnostic.tsx";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let owner: Awaited<ReturnType<typeof makeUser>>;
let editor: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let org: { id: string };

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ owner, editor, viewer, org } = await makeStructureTeam(db));
});
afterAll(async () => handle.dispose());

const PROFILE_FORM = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: "4",
  permanentMen: "3",
  parcoursWomen: "6",
  parcoursMen: "11",
  permanentFte: "6,5",
  parcoursFte: "",
  hasCse: "oui",
  hasDelegueSyndical: "non",
  existingAgreement: "aucun",
  activities: "espaces verts\nmaraîchage",
};

async function newDiagnostic(year: number) {
  return insertDiagnostic(db, org.id, year, owner.id);
}

// Years no other test of this file uses, one per call.
let freeYear = 3000;
const nextFreeYear = () => freeYear++;

const base = (diagId: string) => `/o/${org.id}/d/${diagId}`;

describe("diagnostics by year", () => {
  it("creates a diagnostic and goes to its profile", async () => {
    const res = await callRoute(list.action, post(`/o/${org.id}/diagnostics`, { year: "2024" }, owner.cookie), { orgId: org.id });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^/o/${org.id}/d/[0-9a-f-]+/profil$`));
  });

  it.each([
    { label: "a year before the first index", year: "2018", message: "Choisissez une année à partir de 2019." },
    { label: "a year in the far future", year: String(new Date().getFullYear() + 2), message: `Choisissez une année jusqu'à ${new Date().getFullYear() + 1}.` },
    { label: "letters", year: "deux mille", message: "Indiquez l'année de référence en chiffres, par exemple 2026." },
  ])("refuses $label with a French message and stores nothing", async ({ year, message }) => {
    const before = (await listDiagnostics(db, org.id)).length;
    const res = await callRoute(list.action, post(`/o/${org.id}/diagnostics`, { year }, owner.cookie), { orgId: org.id });
    expect(res.status).toBe(400);
    expect(res.data.result.error.year).toEqual([message]);
    expect((await listDiagnostics(db, org.id)).length).toBe(before);
  });

  it("refuses a second diagnostic for the same year", async () => {
    const res = await callRoute(list.action, post(`/o/${org.id}/diagnostics`, { year: "2024" }, owner.cookie), { orgId: org.id });
    expect(res.status).toBe(409);
    expect(res.data.result.error.year[0]).toContain("Un diagnostic 2024 existe déjà");
  });

  it("refuses creation to a viewer (403) and lists diagnostics to every member", async () => {
    const res = await callRoute(list.action, post(`/o/${org.id}/diagnostics`, { year: "2023" }, viewer.cookie), { orgId: org.id });
    expect(res.status).toBe(403);
    const page = await callRoute(list.loader, get(`/o/${org.id}/diagnostics`, viewer.cookie), { orgId: org.id });
    expect(page.data.canEdit).toBe(false);
    expect(page.data.diagnostics.map((d: { year: number }) => d.year)).toContain(2024);
  });

  it("starts from the previous year's profile and jobs when asked", async () => {
    const previous = await newDiagnostic(2020);
    await callRoute(profileRoute.action, post(`${base(previous.id)}/profil`, { ...PROFILE_FORM, version: "0" }, owner.cookie), { orgId: org.id, diagId: previous.id });
    await saveJobs(db, org.id, previous.id, 0, [{ label: "Agent d'espaces verts", population: "parcours", women: 2, men: 9 }], owner.id);
    const res = await callRoute(list.action, post(`/o/${org.id}/diagnostics`, { year: "2021", copyPrevious: "on" }, owner.cookie), { orgId: org.id });
    const id = res.location!.split("/")[4];
    const copy = await findDiagnostic(db, org.id, id);
    expect(copy?.profile).toMatchObject({ structureType: "ACI", parcoursMen: 11 });
    expect(copy?.jobs).toHaveLength(1);
  });
});

describe("profile step", () => {
  it("saves a valid profile (decimal comma, oui/non) and goes to the jobs step", async () => {
    const d = await newDiagnostic(2019);
    const res = await callRoute(profileRoute.action, post(`${base(d.id)}/profil`, { ...PROFILE_FORM, version: "0" }, editor.cookie), { orgId: org.id, diagId: d.id });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${base(d.id)}/emplois`);
    const stored = await findDiagnostic(db, org.id, d.id);
    expect(stored?.profile).toMatchObject({ permanentFte: 6.5, hasCse: true, hasDelegueSyndical: false, activities: ["espaces verts", "maraîchage"] });
    expect(stored?.profileVersion).toBe(1);
  });

  it.each([
    { field: "permanentWomen", value: "-1", message: "Le nombre de femmes dans l'équipe permanente ne peut pas être négatif." },
    { field: "parcoursMen", value: "2.5", message: "Le nombre d'hommes en parcours est un nombre entier." },
    { field: "permanentFte", value: "beaucoup", message: "Indiquez les ETP de l'équipe permanente en chiffres, par exemple 12,5." },
    { field: "hasCse", value: "", message: "Indiquez si votre structure a un CSE." },
    { field: "headcountBand", value: "", message: "Choisissez la tranche d'effectif de votre structure." },
  ])("refuses $field = « $value » beside the field and stores nothing", async ({ field, value, message }) => {
    const d = await newDiagnostic(nextFreeYear());
    const res = await callRoute(profileRoute.action, post(`${base(d.id)}/profil`, { ...PROFILE_FORM, [field]: value, version: "0" }, owner.cookie), { orgId: org.id, diagId: d.id });
    expect(res.status).toBe(400);
    expect(res.data.result.error[field]).toEqual([message]);
    expect((await findDiagnostic(db, org.id, d.id))?.profile).toBeNull();
  });

  it("refuses a stale save and shows the other person's values", async () => {
    const d = await newDiagnostic(2018 + 100);
    await callRoute(profileRoute.action, post(`${base(d.id)}/profil`, { ...PROFILE_FORM, version: "0" }, owner.cookie), { orgId: org.id, diagId: d.id });
    const stale = await callRoute(
      profileRoute.action,
      post(`${base(d.id)}/profil`, { ...PROFILE_FORM, parcoursWomen: "9", version: "0" }, editor.cookie),
      { orgId: org.id, diagId: d.id },
    );
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toMatchObject({ version: 1, updatedByName: "Nadia Benali" });
    expect(stale.data.conflict.theirs).toContain("6 femmes et 11 hommes");
    expect((await findDiagnostic(db, org.id, d.id))?.profile).toMatchObject({ parcoursWomen: 6 });
    // Saving again with the version shown keeps one's own values.
    const again = await callRoute(profileRoute.action, post(`${base(d.id)}/profil`, { ...PROFILE_FORM, parcoursWomen: "9", version: "1" }, editor.cookie), { orgId: org.id, diagId: d.id });
    expect(again.status).toBe(302);
    expect((await findDiagnostic(db, org.id, d.id))?.profile).toMatchObject({ parcoursWomen: 9 });
  });

  it("lets a viewer read but not save (403)", async () => {
    const d = await newDiagnostic(2119);
    const page = await callRoute(profileRoute.loader, get(`${base(d.id)}/profil`, viewer.cookie), { orgId: org.id, diagId: d.id });
    expect(page.status).toBe(200);
    expect(page.data.canEdit).toBe(false);
    const res = await callRoute(profileRoute.action, post(`${base(d.id)}/profil`, { ...PROFILE_FORM, version: "0" }, viewer.cookie), { orgId: org.id, diagId: d.id });
    expect(res.status).toBe(403);
    expect((await findDiagnostic(db, org.id, d.id))?.profile).toBeNull();
  });
});

describe("domain pages and answers", () => {
  let diagId: string;
  let profile: Profile;
  beforeAll(async () => {
    diagId = (await newDiagnostic(2120)).id;
    await callRoute(profileRoute.action, post(`${base(diagId)}/profil`, { ...PROFILE_FORM, version: "0" }, owner.cookie), { orgId: org.id, diagId });
    profile = (await findDiagnostic(db, org.id, diagId))!.profile as unknown as Profile;
  });
  const params = () => ({ orgId: org.id, diagId, domainId: "embauche" });

  it("shows the domain's applicable questions with their wording and legal references", async () => {
    const page = await callRoute(domainRoute.loader, get(`${base(diagId)}/domaines/embauche`, owner.cookie), params());
    const expected = questionsForDomain("embauche", profile);
    expect(page.data.questions.map((q: { id: string }) => q.id)).toEqual(expected.map((q) => q.id));
    expect(page.data.domain.label).toBe("Embauche");
    expect(page.data.progress).toEqual({ total: expected.length });
    expect(page.data.questions.every((q: { value: string; version: number }) => q.value === "" && q.version === 0)).toBe(true);
  });

  it("refuses a domain page posted before the profile exists with a French message, storing nothing", async () => {
    const { id } = await newDiagnostic(nextFreeYear());
    const res = await callRoute(
      domainRoute.action,
      post(`${base(id)}/domaines/embauche`, { "q.embauche.offres_neutres": "oui", "v.embauche.offres_neutres": "0" }, owner.cookie),
      { orgId: org.id, diagId: id, domainId: "embauche" },
    );
    expect(res.status).toBe(400);
    expect(res.data.message).toBe("Remplissez d'abord le profil de la structure\u00a0: les questions dépendent de son type et de sa taille.");
    expect((await findDiagnostic(db, org.id, id))!.answers).toEqual([]);
  });

  it("404s an unknown domain", async () => {
    const res = await callRoute(domainRoute.loader, get(`${base(diagId)}/domaines/inconnu`, owner.cookie), { orgId: org.id, diagId, domainId: "inconnu" });
    expect(res.status).toBe(404);
  });

  it("saves a page posted without JavaScript, all or nothing", async () => {
    const [first, second] = questionsForDomain("embauche", profile).filter((q) => q.kind === "ynp");
    const bad = await callRoute(
      domainRoute.action,
      post(`${base(diagId)}/domaines/embauche`, { [`q.${first.id}`]: "oui", [`q.${second.id}`]: "peut-être", [`v.${first.id}`]: "0", [`v.${second.id}`]: "0" }, owner.cookie),
      params(),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors[second.id]).toContain("Choisissez");
    expect((await findDiagnostic(db, org.id, diagId))!.answers).toHaveLength(0);

    const ok = await callRoute(
      domainRoute.action,
      post(`${base(diagId)}/domaines/embauche`, { [`q.${first.id}`]: "oui", [`q.${second.id}`]: "ne_sait_pas", [`v.${first.id}`]: "0", [`v.${second.id}`]: "0" }, owner.cookie),
      params(),
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`${base(diagId)}/domaines/formation`);
    const answers = (await findDiagnostic(db, org.id, diagId))!.answers;
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toMatchObject({ [first.id]: "oui", [second.id]: "ne_sait_pas" });
  });

  it("autosaves one answer, refuses an invalid one and a stale one with the other person's answer", async () => {
    const q = questionsForDomain("embauche", profile).filter((x) => x.kind === "ynp")[2];
    const url = `${base(diagId)}/reponse`;
    const saved = await callRoute(answerRoute.action, post(url, { questionId: q.id, [`v.${q.id}`]: "0", [`q.${q.id}`]: "en_partie" }, owner.cookie), { orgId: org.id, diagId });
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ status: "saved", version: 1 });

    const invalid = await callRoute(answerRoute.action, post(url, { questionId: q.id, [`v.${q.id}`]: "1", [`q.${q.id}`]: "bof" }, owner.cookie), { orgId: org.id, diagId });
    expect(invalid.status).toBe(400);
    expect(invalid.data.message).toContain("Choisissez");

    const editorSave = await callRoute(answerRoute.action, post(url, { questionId: q.id, [`v.${q.id}`]: "1", [`q.${q.id}`]: "non" }, editor.cookie), { orgId: org.id, diagId });
    expect(editorSave.data).toMatchObject({ status: "saved", version: 2 });

    const stale = await callRoute(answerRoute.action, post(url, { questionId: q.id, [`v.${q.id}`]: "1", [`q.${q.id}`]: "oui" }, owner.cookie), { orgId: org.id, diagId });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ status: "conflict", version: 2, theirs: "Non", updatedByName: "Julien Caron" });
    const stored = (await findDiagnostic(db, org.id, diagId))!.answers.find((a) => a.questionId === q.id);
    expect(stored).toMatchObject({ value: "non", version: 2 });

    // A stale save of the answer already stored (autosave and page submit racing) is no conflict.
    const same = await callRoute(answerRoute.action, post(url, { questionId: q.id, [`v.${q.id}`]: "1", [`q.${q.id}`]: "non" }, owner.cookie), { orgId: org.id, diagId });
    expect(same.status).toBe(200);
    expect(same.data).toMatchObject({ status: "saved", version: 2 });
  });

  it("refuses a stale page save as a whole", async () => {
    const [a, b] = questionsForDomain("formation", profile).filter((x) => x.kind === "ynp");
    const url = `${base(diagId)}/reponse`;
    await callRoute(answerRoute.action, post(url, { questionId: a.id, [`v.${a.id}`]: "0", [`q.${a.id}`]: "oui" }, editor.cookie), { orgId: org.id, diagId });
    const res = await callRoute(
      domainRoute.action,
      post(`${base(diagId)}/domaines/formation`, { [`q.${a.id}`]: "non", [`v.${a.id}`]: "0", [`q.${b.id}`]: "oui", [`v.${b.id}`]: "0" }, owner.cookie),
      { orgId: org.id, diagId, domainId: "formation" },
    );
    expect(res.status).toBe(409);
    expect(res.data.conflicts[a.id]).toMatchObject({ theirs: "Oui", updatedByName: "Julien Caron" });
    const answers = (await findDiagnostic(db, org.id, diagId))!.answers;
    expect(answers.find((x) => x.questionId === b.id)).toBeUndefined();
  });

  it("skips answers the user did not change, so another person's later answer is not reported as a conflict", async () => {
    const [a] = questionsForDomain("promotion", profile).filter((x) => x.kind === "ynp");
    const url = `${base(diagId)}/reponse`;
    await callRoute(answerRoute.action, post(url, { questionId: a.id, [`v.${a.id}`]: "0", [`q.${a.id}`]: "oui" }, owner.cookie), { orgId: org.id, diagId });
    await callRoute(answerRoute.action, post(url, { questionId: a.id, [`v.${a.id}`]: "1", [`q.${a.id}`]: "non" }, editor.cookie), { orgId: org.id, diagId });
    const res = await callRoute(
      domainRoute.action,
      post(`${base(diagId)}/domaines/promotion`, { [`q.${a.id}`]: "oui", [`o.${a.id}`]: "oui", [`v.${a.id}`]: "1" }, owner.cookie),
      { orgId: org.id, diagId, domainId: "promotion" },
    );
    expect(res.status).toBe(302);
    expect((await findDiagnostic(db, org.id, diagId))!.answers.find((x) => x.questionId === a.id)?.value).toBe("non");
  });

  it("refuses autosave to a viewer and for a question that does not exist", async () => {
    const q = questionsForDomain("embauche", profile)[0];
    const url = `${base(diagId)}/reponse`;
    const asViewer = await callRoute(answerRoute.action, post(url, { questionId: q.id, [`v.${q.id}`]: "0", [`q.${q.id}`]: "oui" }, viewer.cookie), { orgId: org.id, diagId });
    expect(asViewer.status).toBe(403);
    const unknown = await callRoute(answerRoute.action, post(url, { questionId: "embauche.nexiste_pas", "q.embauche.nexiste_pas": "oui" }, owner.cookie), { orgId: org.id, diagId });
    expect(unknown.status).toBe(404);
  });

  it("resumes at the first unfinished step and reports progress", async () => {
    const resume = await callRoute(resumeRoute.loader, get(base(diagId), owner.cookie), { orgId: org.id, diagId });
    expect(resume.status).toBe(302);
    expect(resume.location).toBe(`${base(diagId)}/emplois`);
    await saveJobs(db, org.id, diagId, 0, [{ label: "Maraîchage", population: "parcours", women: 6, men: 11 }], owner.id);
    const next = await callRoute(resumeRoute.loader, get(base(diagId), owner.cookie), { orgId: org.id, diagId });
    expect(next.location).toBe(`${base(diagId)}/domaines/embauche`);
    const frame = await callRoute(layoutRoute.loader, get(`${base(diagId)}/profil`, owner.cookie), { orgId: org.id, diagId });
    expect(frame.data.progress.percent).toBeGreaterThan(0);
    expect(frame.data.progress.percent).toBeLessThan(100);
    expect(frame.data.progress.steps.find((s: { id: string }) => s.id === "profil").status).toBe("fait");
  });
});
