import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { insertDiagnostic, saveAnswer, saveJobs, saveProfile } from "../../db/queries/diagnostics.ts";
import { findPlanByDiagnostic } from "../../db/queries/plans.ts";
import { getAction, latestPeriodEnd, PLAN_MESSAGES, recommend, resolveBaseline } from "../../diagnostics/plan/index.ts";
import { diagnosticInputOf } from "../../diagnostics/results.ts";
import type { Profile } from "../../diagnostics/types.ts";
import { ACTION_FORM_MESSAGES, PERIOD_MESSAGES } from "../../app/diagnostic/plan-form.ts";
import { PREFILL_TOP_ACTIONS } from "../../app/diagnostic/plan-proposal.ts";
import * as planRoute from "../../app/routes/diagnostic-plan.tsx";
import * as actionRoute from "../../app/routes/diagnostic-plan-action.tsx";
import * as resultsRoute from "../../app/routes/diagnostic-results.tsx";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let owner: Awaited<ReturnType<typeof makeUser>>;
let editor: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let org: { id: string };
let otherOrg: { id: string };

/** A 50–250 structure: the plan is mandatory and must include rémunération effective. */
const PROFILE_50 = {
  structureType: "ACI",
  headcountBand: "50_250",
  permanentWomen: 6,
  permanentMen: 8,
  parcoursWomen: 14,
  parcoursMen: 32,
  hasCse: true,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
} as const;
const PROFILE_UNDER_50 = { ...PROFILE_50, headcountBand: "moins_50", parcoursMen: 12 } as const;

const JOBS = [
  { label: "Encadrant technique", population: "permanent", women: 0, men: 4 },
  { label: "CIP", population: "permanent", women: 3, men: 1 },
  { label: "Ouvrier maraîcher", population: "parcours", women: 2, men: 10 },
];
const ANSWERS = { "embauche.offres_redaction_neutre": "non", "formation.permis_caces": "ne_sait_pas" } as const;

async function setUpDiagnostic(orgId: string, year: number, profile: Record<string, unknown> | null = PROFILE_50) {
  const { id } = await insertDiagnostic(db, orgId, year, owner.id);
  if (profile) await saveProfile(db, orgId, id, 0, profile, owner.id);
  await saveJobs(db, orgId, id, 0, JOBS, owner.id);
  for (const [q, v] of Object.entries(ANSWERS)) await saveAnswer(db, orgId, id, q, 0, v, owner.id);
  return id;
}

const planUrl = (diagId: string, orgId = org.id) => `/o/${orgId}/d/${diagId}/plan`;
const actionUrl = (diagId: string, actionId: string) => `${planUrl(diagId)}/actions/${actionId}`;
const params = (diagId: string, orgId = org.id) => ({ orgId, diagId });

function loadPlanPage(diagId: string, cookie = owner.cookie, search = "") {
  return callRoute(planRoute.loader, get(planUrl(diagId) + search, cookie), params(diagId));
}

/** Creates the plan through the page: the ticked actions of the loader unless `ids` is given. */
async function createPlan(diagId: string, form: Record<string, string | string[] | undefined> = {}) {
  const page = await loadPlanPage(diagId);
  const ticked = page.data.offered.filter((o: { proposed: boolean }) => o.proposed).map((o: { catalogueId: string }) => o.catalogueId);
  const body: Record<string, string | string[]> = { intent: "creer", kind: "plan_action", periodStart: page.data.defaults.periodStart, periodEnd: page.data.defaults.periodEnd, actions: ticked };
  for (const [k, v] of Object.entries(form)) if (v !== undefined) body[k] = v;
  return callRoute(planRoute.action, post(planUrl(diagId), body, owner.cookie), params(diagId));
}

/** Every field of the action form, filled so that checkPlan finds nothing to say. */
function completeActionForm(version: number, overrides: Record<string, string | string[]> = {}) {
  return {
    version: String(version),
    domain: "remuneration",
    title: "Comparer les salaires des femmes et des hommes",
    objective: "Aucun écart inexpliqué de plus de 5 % sur un même poste.",
    "indicator.label": "écart de salaire horaire moyen entre femmes et hommes",
    "indicator.unit": "%",
    "indicator.baseline": "12,5",
    "indicator.target": "5",
    deadline: "2031-06-30",
    owner: "Direction",
    costEuros: "1 200 €",
    costDays: "2,5",
    barriers: ["temps_partiel_subi", "mobilite"],
    supportOrganizationId: "corif",
    status: "en_cours",
    followUpNote: "",
    measuredValue: "",
    ...overrides,
  };
}

/** The engine's reading of a diagnostic set up by setUpDiagnostic (what the results page computes). */
function engineInput(year: number) {
  return diagnosticInputOf({
    year,
    profile: { ...PROFILE_50, departement: "59" } as Profile,
    structureType: "ACI",
    jobs: JOBS,
    answers: ANSWERS,
    index: { source: null, data: null, skipReason: null },
  })!;
}

let currentId: string;
let previousId: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  owner = await makeUser(db, { name: "Nadia Benali" });
  editor = await makeUser(db, { name: "Julien Caron" });
  viewer = await makeUser(db, { name: "Martine Lefebvre" });
  outsider = await makeUser(db, { name: "Autre structure" });
  org = await makeOrg(db, owner, "structure", { name: "ACI des Jardins", departement: "59" }, [
    { id: editor.id, role: "editor" },
    { id: viewer.id, role: "viewer" },
  ]);
  otherOrg = await makeOrg(db, outsider, "structure", { name: "Une autre ACI" });
  previousId = await setUpDiagnostic(org.id, 2025);
  currentId = await setUpDiagnostic(org.id, 2026);
});
afterAll(async () => handle.dispose());

describe("creating the plan", () => {
  it("explains the plan and offers the diagnostic's recommendations, covering the legal domains and rémunération from 50", async () => {
    const page = await loadPlanPage(previousId);
    expect(page.status).toBe(200);
    expect(page.data.state).toBe("create");
    expect(page.data.defaults).toMatchObject({ kind: "plan_action", periodStart: "2026-01-01", periodEnd: "2026-12-31" });
    expect(page.data.obligations).toMatchObject({ mandatory: true, minDomains: 3 });
    const ticked = page.data.offered.filter((o: { proposed: boolean }) => o.proposed);
    const domains = new Set(ticked.map((o: { domain: string }) => o.domain));
    expect(domains.size).toBeGreaterThanOrEqual(3);
    expect(domains.has("remuneration")).toBe(true);
    // The top recommendations of the engine come first, in rank order.
    const top = recommend(engineInput(2025)).slice(0, PREFILL_TOP_ACTIONS).map((r) => r.action.id);
    expect(ticked.slice(0, PREFILL_TOP_ACTIONS).map((o: { catalogueId: string }) => o.catalogueId)).toEqual(top);
  });

  it("creates the plan in one go, each action drafted with its baseline from the diagnostic", async () => {
    const res = await createPlan(previousId);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${planUrl(previousId)}?cree=1`);
    const plan = await findPlanByDiagnostic(db, org.id, previousId);
    expect(plan).toMatchObject({ kind: "plan_action", periodStart: "2026-01-01", periodEnd: "2026-12-31", version: 1 });
    const data = plan!.actions.map((a) => a.data as Record<string, any>);
    expect(new Set(data.map((d) => d.domain)).has("remuneration")).toBe(true);
    expect(new Set(data.map((d) => d.domain)).size).toBeGreaterThanOrEqual(3);
    const mixity = data.find((d) => d.catalogueId === "embauche.objectif_mixite_metiers");
    const expected = resolveBaseline(getAction("embauche.objectif_mixite_metiers")!.baseline, engineInput(2025));
    expect(mixity?.indicator.baseline).toBe(expected);
    expect(mixity?.indicator.baseline).toBeGreaterThan(0);
    for (const d of data) {
      expect(d.deadline >= "2026-01-01" && d.deadline <= "2026-12-31").toBe(true);
      expect(d.status).toBe("prevue");
      expect(d).not.toHaveProperty("id");
    }
    // A second creation (another person, another tab) does not create a second plan.
    const again = await callRoute(
      planRoute.action,
      post(planUrl(previousId), { intent: "creer", kind: "plan_action", periodStart: "2026-01-01", periodEnd: "2026-12-31", actions: ["embauche.offres_mixtes"] }, editor.cookie),
      params(previousId),
    );
    expect(again.location).toBe(`${planUrl(previousId)}?existe=1`);
    expect((await findPlanByDiagnostic(db, org.id, previousId))!.actions).toHaveLength(plan!.actions.length);
  });

  it("under 50 salariés covers 3 domains and does not force rémunération", async () => {
    const under = await makeOrg(db, owner, "structure", { name: "Petite ACI" });
    const { id } = await insertDiagnostic(db, under.id, 2026, owner.id);
    await saveProfile(db, under.id, id, 0, PROFILE_UNDER_50, owner.id);
    await saveAnswer(db, under.id, id, "embauche.offres_redaction_neutre", 0, "non", owner.id);
    const page = await callRoute(planRoute.loader, get(planUrl(id, under.id), owner.cookie), params(id, under.id));
    expect(page.data.obligations).toMatchObject({ mandatory: false, minDomains: 3 });
    const ticked = page.data.offered.filter((o: { proposed: boolean }) => o.proposed);
    expect(new Set(ticked.map((o: { domain: string }) => o.domain)).size).toBeGreaterThanOrEqual(3);
    expect(ticked.some((o: { reasons: string[] }) => o.reasons.some((r) => r.includes("À partir de 50 salariés")))).toBe(false);
  });

  it.each([
    { label: "a plan d'action longer than a year", form: { periodEnd: "2028-06-30" }, field: "periodEnd", message: PERIOD_MESSAGES.tooLong("plan_action", "2027-01-01", "2027-12-31") },
    { label: "an end before the start", form: { periodEnd: "2026-12-01" }, field: "periodEnd", message: PERIOD_MESSAGES.order("2027-01-01", "2026-12-01") },
    { label: "a date that does not exist", form: { periodStart: "2027-02-30" }, field: "periodStart", message: PLAN_MESSAGES.date },
    { label: "no kind", form: { kind: "" }, field: "kind", message: PLAN_MESSAGES.kind },
  ])("refuses $label with a French message and stores nothing", async ({ form, field, message }) => {
    const res = await createPlan(currentId, form);
    expect(res.status).toBe(400);
    expect(res.data.form).toBe("creation");
    expect(res.data.result.error[field]).toEqual([message]);
    expect(await findPlanByDiagnostic(db, org.id, currentId)).toBeNull();
  });

  it("refuses an accord of more than four years", async () => {
    expect(latestPeriodEnd("accord", "2027-01-01")).toBe("2030-12-31");
    const res = await createPlan(currentId, { kind: "accord", periodEnd: "2031-01-01" });
    expect(res.status).toBe(400);
    expect(res.data.result.error.periodEnd[0]).toContain("quatre ans");
  });
});

describe("the plan page and its checks", () => {
  let diagId: string;
  let remunerationId: string;
  let embaucheId: string;
  beforeAll(async () => {
    diagId = await setUpDiagnostic(org.id, 2030);
    // Only two actions, in two domains: too few for the law.
    await createPlan(diagId, { actions: ["remuneration.analyse_ecarts", "embauche.offres_mixtes"] });
    const plan = (await findPlanByDiagnostic(db, org.id, diagId))!;
    remunerationId = plan.actions.find((a) => (a.data as { domain: string }).domain === "remuneration")!.id;
    embaucheId = plan.actions.find((a) => (a.data as { domain: string }).domain === "embauche")!.id;
  });

  it("surfaces checkPlan's blocking errors in French, each linking to where it is fixed", async () => {
    const page = await loadPlanPage(diagId);
    expect(page.data.state).toBe("plan");
    const codes = page.data.check.errors.map((e: { code: string }) => e.code);
    expect(codes).toContain("domains_too_few");
    expect(codes).toEqual(expect.arrayContaining(["owner_missing", "target_missing", "cost_missing"]));
    const domains = page.data.check.errors.find((e: { code: string }) => e.code === "domains_too_few");
    expect(domains.message).toContain("Le plan couvre 2\u00a0domaines\u00a0; il en faut au moins 3");
    expect(domains.href).toBe("#ajouter");
    const owner = page.data.check.errors.find((e: { code: string; actionId?: string }) => e.code === "owner_missing" && e.actionId === remunerationId);
    expect(owner.href).toBe(`${actionUrl(diagId, remunerationId)}#action-owner`);
    // Beside each action too.
    const card = page.data.actions.find((a: { id: string }) => a.id === remunerationId);
    expect(card.issues.errors.map((e: { code: string }) => e.code)).toContain("owner_missing");
  });

  it("saves an action with decimal commas, then shows what is left for it", async () => {
    const before = (await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === remunerationId)!;
    const res = await callRoute(actionRoute.action, post(actionUrl(diagId, remunerationId), completeActionForm(before.version), editor.cookie), {
      ...params(diagId),
      actionId: remunerationId,
    });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`/actions/${remunerationId}\\?enregistre=`));
    const after = (await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === remunerationId)!;
    expect(after.version).toBe(before.version + 1);
    expect(after.data).toMatchObject({
      indicator: { baseline: 12.5, target: 5, unit: "%" },
      costEuros: 1200,
      costDays: 2.5,
      barriers: ["temps_partiel_subi", "mobilite"],
      supportOrganizationId: "corif",
      status: "en_cours",
      measuredValue: null,
      catalogueId: "remuneration.analyse_ecarts",
    });
    const page = await callRoute(actionRoute.loader, get(actionUrl(diagId, remunerationId), editor.cookie), { ...params(diagId), actionId: remunerationId });
    expect(page.data.issues.errors).toEqual([]);
    expect(page.data.issues.otherErrors).toBeGreaterThan(0);
    expect(page.data.action.values.indicator.baseline).toBe("12,5");
  });

  it("shows missing indicator and deadline on the action page", async () => {
    const before = (await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === embaucheId)!;
    const res = await callRoute(
      actionRoute.action,
      post(actionUrl(diagId, embaucheId), completeActionForm(before.version, { domain: "embauche", "indicator.label": "", deadline: "" }), owner.cookie),
      { ...params(diagId), actionId: embaucheId },
    );
    expect(res.status).toBe(302);
    const page = await callRoute(actionRoute.loader, get(actionUrl(diagId, embaucheId), owner.cookie), { ...params(diagId), actionId: embaucheId });
    const fields = page.data.issues.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["indicator.label", "deadline"]));
    expect(page.data.issues.errors.find((e: { field: string }) => e.field === "deadline").message).toContain("n'a pas d'échéance");
    const plan = await loadPlanPage(diagId);
    expect(plan.data.check.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(["indicator_missing", "deadline_missing", "domains_too_few"]));
  });

  it.each([
    { label: "an empty title", field: "title", value: "", message: PLAN_MESSAGES.title },
    { label: "a baseline in words", field: "indicator.baseline", value: "douze", message: PLAN_MESSAGES.number },
    { label: "a negative cost", field: "costEuros", value: "-5", message: PLAN_MESSAGES.nonNegative },
    { label: "a deadline after the period", field: "deadline", value: "2032-03-01", message: ACTION_FORM_MESSAGES.deadlineOutside("2031-01-01", "2031-12-31") },
    { label: "an unknown status", field: "status", value: "fini", message: PLAN_MESSAGES.status },
  ])("refuses $label beside the field, in French, and stores nothing", async ({ field, value, message }) => {
    const before = (await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === remunerationId)!;
    const res = await callRoute(actionRoute.action, post(actionUrl(diagId, remunerationId), completeActionForm(before.version, { [field]: value, deadline: field === "deadline" ? value : "2031-06-30" }), owner.cookie), {
      ...params(diagId),
      actionId: remunerationId,
    });
    expect(res.status).toBe(400);
    expect(res.data.result.error[field]).toEqual([message]);
    const after = (await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === remunerationId)!;
    expect(after.version).toBe(before.version);
    expect(after.data).toEqual(before.data);
  });

  it("refuses a stale save, shows the other person's values, and keeps one's own on a second save", async () => {
    const start = (await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === remunerationId)!;
    const p = { ...params(diagId), actionId: remunerationId };
    const first = await callRoute(actionRoute.action, post(actionUrl(diagId, remunerationId), completeActionForm(start.version, { deadline: "2031-06-30", owner: "CIP" }), owner.cookie), p);
    expect(first.status).toBe(302);
    const stale = await callRoute(actionRoute.action, post(actionUrl(diagId, remunerationId), completeActionForm(start.version, { deadline: "2031-06-30", owner: "Encadrant technique" }), editor.cookie), p);
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toMatchObject({ version: start.version + 1, updatedByName: "Nadia Benali" });
    expect(stale.data.conflict.fields).toEqual([{ field: "owner", label: "Responsable", theirs: "CIP", mine: "Encadrant technique" }]);
    expect((await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === remunerationId)!.data).toMatchObject({ owner: "CIP" });
    const again = await callRoute(
      actionRoute.action,
      post(actionUrl(diagId, remunerationId), completeActionForm(stale.data.conflict.version, { deadline: "2031-06-30", owner: "Encadrant technique" }), editor.cookie),
      p,
    );
    expect(again.status).toBe(302);
    expect((await findPlanByDiagnostic(db, org.id, diagId))!.actions.find((a) => a.id === remunerationId)!.data).toMatchObject({ owner: "Encadrant technique" });
  });

  it("adds an action from the catalogue (with its baseline) or a blank one, and refuses a blank one without a title", async () => {
    const fromCatalogue = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "ajouter-catalogue", catalogueId: "formation.permis_caces" }, owner.cookie), params(diagId));
    expect(fromCatalogue.status).toBe(302);
    const newId = fromCatalogue.location!.match(/actions\/([^?]+)\?ajoute=1$/)![1];
    const plan = (await findPlanByDiagnostic(db, org.id, diagId))!;
    expect(plan.actions.at(-1)).toMatchObject({ id: newId, data: { domain: "formation", catalogueId: "formation.permis_caces", status: "prevue" } });

    const noTitle = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "ajouter-vide", domain: "articulation", title: "  " }, owner.cookie), params(diagId));
    expect(noTitle.status).toBe(400);
    expect(noTitle.data).toMatchObject({ form: "ajout-vide" });
    expect(noTitle.data.result.error.title).toEqual([PLAN_MESSAGES.title]);

    const blank = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "ajouter-vide", domain: "articulation", title: "Réunions avant 17 h" }, owner.cookie), params(diagId));
    expect(blank.status).toBe(302);
    const after = (await findPlanByDiagnostic(db, org.id, diagId))!;
    expect(after.actions).toHaveLength(plan.actions.length + 1);
    expect(after.actions.at(-1)!.data).toMatchObject({ domain: "articulation", title: "Réunions avant 17 h", objective: "", deadline: null });
    // Four domains now: the domain rule is met.
    const page = await loadPlanPage(diagId);
    expect(page.data.check.errors.map((e: { code: string }) => e.code)).not.toContain("domains_too_few");
  });

  it("removes an action only after the confirmation step, and not if it changed in between", async () => {
    const plan = (await findPlanByDiagnostic(db, org.id, diagId))!;
    const target = plan.actions.at(-1)!;
    const confirm = await loadPlanPage(diagId, owner.cookie, `?retirer=${target.id}`);
    expect(confirm.data.confirmRemove).toBe(target.id);
    const stale = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "retirer", actionId: target.id, version: String(target.version - 1) }, owner.cookie), params(diagId));
    expect(stale.location).toBe(`${planUrl(diagId)}?retirer=${target.id}&modifiee=1#action-${target.id}`);
    expect((await findPlanByDiagnostic(db, org.id, diagId))!.actions).toHaveLength(plan.actions.length);
    const ok = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "retirer", actionId: target.id, version: String(target.version) }, owner.cookie), params(diagId));
    expect(ok.location).toBe(`${planUrl(diagId)}?retire=1`);
    expect((await findPlanByDiagnostic(db, org.id, diagId))!.actions.map((a) => a.id)).not.toContain(target.id);
  });

  it("saves the period over the version shown, refuses a stale one and a plan d'action of more than a year", async () => {
    const plan = (await findPlanByDiagnostic(db, org.id, diagId))!;
    const tooLong = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "periode", version: String(plan.version), kind: "plan_action", periodStart: "2031-01-01", periodEnd: "2032-01-15" }, owner.cookie), params(diagId));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.result.error.periodEnd[0]).toContain("Un plan d'action dure un an au plus");
    const ok = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "periode", version: String(plan.version), kind: "plan_action", periodStart: "2031-02-01", periodEnd: "2032-01-31" }, owner.cookie), params(diagId));
    expect(ok.status).toBe(302);
    const stale = await callRoute(planRoute.action, post(planUrl(diagId), { intent: "periode", version: String(plan.version), kind: "accord", periodStart: "2031-01-01", periodEnd: "2033-12-31" }, editor.cookie), params(diagId));
    expect(stale.status).toBe(409);
    expect(stale.data.conflict.theirs[0]).toBe("Plan d'action du 1er\u00a0février 2031 au 31\u00a0janvier 2032.");
    expect(await findPlanByDiagnostic(db, org.id, diagId)).toMatchObject({ kind: "plan_action", periodStart: "2031-02-01", version: plan.version + 1 });
  });
});

describe("access", () => {
  it("lets a viewer read the plan and an action, and refuses every change (403)", async () => {
    const plan = (await findPlanByDiagnostic(db, org.id, previousId))!;
    const actionId = plan.actions[0].id;
    const page = await loadPlanPage(previousId, viewer.cookie);
    expect(page.status).toBe(200);
    expect(page.data.canEdit).toBe(false);
    const actionPage = await callRoute(actionRoute.loader, get(actionUrl(previousId, actionId), viewer.cookie), { ...params(previousId), actionId });
    expect(actionPage.status).toBe(200);
    expect(actionPage.data.canEdit).toBe(false);
    const save = await callRoute(actionRoute.action, post(actionUrl(previousId, actionId), completeActionForm(plan.actions[0].version), viewer.cookie), { ...params(previousId), actionId });
    expect(save.status).toBe(403);
    const add = await callRoute(planRoute.action, post(planUrl(previousId), { intent: "ajouter-vide", domain: "embauche", title: "Test" }, viewer.cookie), params(previousId));
    expect(add.status).toBe(403);
    const create = await callRoute(planRoute.action, post(planUrl(currentId), { intent: "creer", kind: "plan_action", periodStart: "2027-01-01", periodEnd: "2027-12-31" }, viewer.cookie), params(currentId));
    expect(create.status).toBe(403);
    expect(await findPlanByDiagnostic(db, org.id, currentId)).toBeNull();
    expect((await findPlanByDiagnostic(db, org.id, previousId))!.actions).toEqual(plan.actions);
  });

  it("answers 404 to another structure, for the plan, its actions and their saves", async () => {
    const plan = (await findPlanByDiagnostic(db, org.id, previousId))!;
    const actionId = plan.actions[0].id;
    const page = await loadPlanPage(previousId, outsider.cookie);
    expect(page.status).toBe(404);
    const actionPage = await callRoute(actionRoute.loader, get(actionUrl(previousId, actionId), outsider.cookie), { ...params(previousId), actionId });
    expect(actionPage.status).toBe(404);
    const save = await callRoute(actionRoute.action, post(actionUrl(previousId, actionId), completeActionForm(plan.actions[0].version), outsider.cookie), { ...params(previousId), actionId });
    expect(save.status).toBe(404);
    // The other structure's own diagnostic with our action id: not in its plan.
    const theirs = await setUpDiagnostic(otherOrg.id, 2026);
    const cross = await callRoute(actionRoute.loader, get(`/o/${otherOrg.id}/d/${theirs}/plan/actions/${actionId}`, outsider.cookie), { orgId: otherOrg.id, diagId: theirs, actionId });
    expect(cross.status).toBe(404);
    expect((await findPlanByDiagnostic(db, org.id, previousId))!.actions).toEqual(plan.actions);
  });
});

describe("evaluating last year's plan", () => {
  it("shows last year's plan on this year's plan page and lets an editor record status, measured value and note", async () => {
    const page = await loadPlanPage(currentId, editor.cookie);
    expect(page.data.previous).toMatchObject({ year: 2025, title: "Plan d'action du 1er\u00a0janvier 2026 au 31\u00a0décembre 2026" });
    const item = page.data.previous.actions.find((a: { title: string; unit: string }) => a.unit === "%");
    expect(item.status).toBe("prevue");

    const bad = await callRoute(
      planRoute.action,
      post(planUrl(currentId), { intent: "bilan", actionId: item.id, version: String(item.version), status: "realisee", measuredValue: "beaucoup", unit: "%" }, editor.cookie),
      params(currentId),
    );
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ form: `evaluation-${item.id}` });
    expect(bad.data.result.error.measuredValue).toEqual([PLAN_MESSAGES.number]);

    const ok = await callRoute(
      planRoute.action,
      post(planUrl(currentId), { intent: "bilan", actionId: item.id, version: String(item.version), status: "realisee", measuredValue: "35,5 %", followUpNote: "Deux recrutements de femmes.", unit: "%" }, editor.cookie),
      params(currentId),
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toContain(`?bilan=${item.id}&a=`);
    const stored = (await findPlanByDiagnostic(db, org.id, previousId))!.actions.find((a) => a.id === item.id)!;
    expect(stored.data).toMatchObject({ status: "realisee", measuredValue: 35.5, followUpNote: "Deux recrutements de femmes." });
    // Other fields are kept.
    expect((stored.data as { title: string }).title).toBe(item.title);

    const stale = await callRoute(
      planRoute.action,
      post(planUrl(currentId), { intent: "bilan", actionId: item.id, version: String(item.version), status: "abandonnee", unit: "%" }, owner.cookie),
      params(currentId),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.conflict.theirs).toContain("État\u00a0: Réalisée");
    expect(stale.data.conflict.updatedByName).toBe("Julien Caron");

    const after = await loadPlanPage(currentId);
    expect(after.data.previous.summary).toContain("1\u00a0réalisée");
  });

  it("refuses the evaluation to a viewer (403) and to another structure (404)", async () => {
    const page = await loadPlanPage(currentId);
    const item = page.data.previous.actions[0];
    const form = { intent: "bilan", actionId: item.id, version: String(item.version), status: "abandonnee", unit: "" };
    expect((await callRoute(planRoute.action, post(planUrl(currentId), form, viewer.cookie), params(currentId))).status).toBe(403);
    expect((await callRoute(planRoute.action, post(planUrl(currentId), form, outsider.cookie), params(currentId))).status).toBe(404);
    expect((await findPlanByDiagnostic(db, org.id, previousId))!.actions.find((a) => a.id === item.id)!.version).toBe(item.version);
  });

  it("summarises last year's plan on the results page and links to the plan", async () => {
    const res = await callRoute(resultsRoute.loader, get(`/o/${org.id}/d/${currentId}/resultats`, owner.cookie), params(currentId));
    expect(res.status).toBe(200);
    expect(res.data.hasPlan).toBe(false);
    expect(res.data.previousPlan).toMatchObject({ year: 2025 });
    expect(res.data.previousPlan.summary).toMatch(/^\d+\u00a0actions\u00a0: /);
    expect(res.data.previousPlan.actions.some((a: { status: string; measured: string | null }) => a.status === "Réalisée" && a.measured === "35,5\u00a0%")).toBe(true);
  });
});
