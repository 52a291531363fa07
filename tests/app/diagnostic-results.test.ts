import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeStructureTeam, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import { staffRow } from "../helpers/staff-row.ts";
import type { Db } from "../../db/client.ts";
import {
  findDiagnostic,
  insertDiagnostic,
  replaceStaffFile,
  saveAnswer,
  saveIndexStep,
  saveJobs,
  saveProfile,
} from "../../db/queries/diagnostics.ts";
import { computeIndex, INDEX_AGE_BANDS, INDEX_CSPS, type IndexInput } from "../../diagnostics/index/index.ts";
import { computeMixity } from "../../diagnostics/mixity.ts";
import type { ReadyResults, Results } from "../../diagnostics/results.ts";
import { scoreDomains } from "../../diagnostics/scoring.ts";
import { indexInputFromStaffRows, type StaffRow } from "../../diagnostics/staff-file/index.ts";
import type { Profile } from "../../diagnostics/types.ts";
import * as results from "../../app/routes/diagnostic-results.tsx";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let owner: Awaited<ReturnType<typeof makeUser>>;
let editor: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let org: { id: string };

/** The stored profile (the form's fields; the département comes from the structure). */
const PROFILE = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: 4,
  permanentMen: 5,
  parcoursWomen: 14,
  parcoursMen: 13,
  hasCse: false,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
} as const;
const ENGINE_PROFILE: Profile = { ...PROFILE, departement: "59" };

/** Parity overall (18 women, 18 men) but 2 jobs of 6 mixed. */
const JOBS = [
  { label: "Encadrant technique", population: "permanent", women: 0, men: 4 },
  { label: "CIP", population: "permanent", women: 2, men: 1 },
  { label: "Assistante de direction", population: "permanent", women: 2, men: 0 },
  { label: "Ouvrier maraîcher", population: "parcours", women: 2, men: 10 },
  { label: "Agent de tri", population: "parcours", women: 9, men: 1 },
  { label: "Agent d'entretien", population: "parcours", women: 3, men: 2 },
];

const ANSWERS = {
  "embauche.offres_redaction_neutre": "non",
  "embauche.offres_conditions_reelles": "oui",
  "formation.permis_caces": "ne_sait_pas",
} as const;

function indexInput(raisedMen: number): IndexInput {
  const workforce = INDEX_CSPS.flatMap((csp) =>
    INDEX_AGE_BANDS.map((ageBand) => {
      const inGroup = csp === "ouvriers" && ageBand === "30-39";
      return { csp, ageBand, women: inGroup ? 40 : 0, men: inGroup ? 45 : 0 };
    }),
  );
  return {
    sizeBand: "50-250",
    workforce,
    pay: {
      classification: "csp",
      groups: workforce.map((w) => ({ category: w.csp, ageBand: w.ageBand, women: w.women, men: w.men, avgPayWomen: w.women ? 20000 : null, avgPayMen: w.men ? 20000 : null })),
    },
    raisesAndPromotions: { happened: true, raisedWomen: 20, raisedMen },
    maternity: null,
    top10: { women: 4, men: 6 },
  };
}

async function setUpDiagnostic(
  year: number,
  opts: { profile?: Record<string, unknown>; jobs?: Record<string, unknown>[]; answers?: Record<string, string>; index?: IndexInput } = {},
) {
  const { id } = await insertDiagnostic(db, org.id, year, owner.id);
  if (opts.profile) await saveProfile(db, org.id, id, 0, opts.profile, owner.id);
  if (opts.jobs) await saveJobs(db, org.id, id, 0, opts.jobs, owner.id);
  for (const [questionId, value] of Object.entries(opts.answers ?? {})) await saveAnswer(db, org.id, id, questionId, 0, value, owner.id);
  if (opts.index) await saveIndexStep(db, org.id, id, 0, { source: "saisie", data: opts.index as never, skipReason: null }, owner.id);
  return id;
}

const path = (diagId: string) => `/o/${org.id}/d/${diagId}/resultats`;
const params = (diagId: string) => ({ orgId: org.id, diagId });

async function load(diagId: string, cookie = owner.cookie) {
  return callRoute<{ results: Results; diagnostic: { status: string }; canEdit: boolean }>(results.loader, get(path(diagId), cookie), params(diagId));
}

function ready(r: Results): ReadyResults {
  if (r.status !== "ready") throw new Error("expected ready results");
  return r;
}

let previousId: string;
let currentId: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ owner, editor, viewer, outsider, org } = await makeStructureTeam(db));
  previousId = await setUpDiagnostic(2025, {
    profile: PROFILE,
    jobs: JOBS.slice(3),
    answers: { "embauche.offres_redaction_neutre": "non" },
    index: indexInput(26),
  });
  currentId = await setUpDiagnostic(2026, { profile: PROFILE, jobs: JOBS, answers: ANSWERS, index: indexInput(22) });
});
afterAll(async () => handle.dispose());

describe("results loader", () => {
  it("returns the engine's figures for the stored diagnostic", async () => {
    const res = await load(currentId);
    expect(res.status).toBe(200);
    const r = ready(res.data.results);
    const mixity = computeMixity(JOBS as never);
    const figure = (id: string) => r.keyFigures.find((f) => f.id === id)!;
    expect(figure("women_share").value).toBe(mixity.totals.all.shareWomen);
    expect(figure("women_share_permanent").value).toBe(mixity.totals.permanent.shareWomen);
    expect(figure("women_share_parcours").value).toBe(mixity.totals.parcours.shareWomen);
    expect(figure("mixed_jobs").value).toBe(mixity.mixedJobs);
    expect(figure("staff_in_mixed_jobs").value).toBe(mixity.staffInMixedJobsShare);

    const scores = scoreDomains(ANSWERS, ENGINE_PROFILE);
    expect(r.domains.rows.map((d) => [d.id, d.score, d.level, d.unknown])).toEqual(scores.domains.map((d) => [d.domain, d.score, d.level, d.unknown]));

    const index = computeIndex(indexInput(22), { belowFifty: true });
    expect(r.index).toMatchObject({ state: "calcule", indicative: true, value: index.index.value, totalPoints: index.index.totalPoints });
    expect(r.index.indicators.map((x) => x.points)).toEqual([index.pay.points, index.raisesAndPromotions!.points, null, index.top10.points]);

    expect(r.findings.map((f) => f.id)).toContain("balanced_but_segregated");
    expect(r.findings.find((f) => f.id === "balanced_but_segregated")!.text).toContain("autant de femmes que d'hommes");
    // Département 59: the Hauts-de-France organisations are matched.
    expect(r.support.map((s) => s.id)).toContain("corif");
    expect(r.actions.total).toBeGreaterThan(0);
  });

  it("details the featured actions and lists the others briefly, in the engine's order", async () => {
    const r = ready((await load(currentId)).data.results);
    const stored = (await findDiagnostic(db, org.id, currentId))!;
    expect(stored.answers.map((a) => a.questionId)).toEqual(Object.keys(ANSWERS).sort());
    expect(r.actions.featured.length).toBeGreaterThan(0);
    for (const a of r.actions.featured) expect(a.reasons.length).toBeGreaterThan(0);
    expect(r.actions.others.length).toBe(r.actions.total - r.actions.featured.length);
    expect(r.actions.others.length).toBeGreaterThan(0);
    const ranks = [...r.actions.featured, ...r.actions.others].map((a) => a.rank);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    for (const a of r.actions.others) {
      expect(Object.keys(a).sort()).toEqual(["costLabel", "deadlineMonths", "domainLabel", "id", "legalObligation", "rank", "title"]);
    }
  });

  it("compares with the previous year's diagnostic of the same structure", async () => {
    const r = ready((await load(currentId)).data.results);
    expect(r.yearOnYear?.previousYear).toBe(2025);
    const previousMixity = computeMixity(JOBS.slice(3) as never);
    const women = r.yearOnYear!.figures.find((f) => f.id === "women_share")!;
    expect(women.change.previousValue).toBe(previousMixity.totals.all.shareWomen);
    const index = r.yearOnYear!.figures.find((f) => f.id === "index")!;
    expect(index.change.previousValue).toBe(computeIndex(indexInput(26), { belowFifty: true }).index.value);
    expect(index.change.delta).toBe(r.index.value! - index.change.previousValue!);
    // The first diagnostic has nothing to compare with.
    expect(ready((await load(previousId)).data.results).yearOnYear).toBeNull();
  });

  it("computes the Index from the staff file when the Index step says so", async () => {
    const person = (sex: "F" | "H", pay: number, job: string): StaffRow =>
      staffRow(sex, job, { annualGrossPay: pay, raised: true, promoted: false, maternityReturn: false });
    const rows = [
      ...Array.from({ length: 8 }, (_, i) => person("F", 20000 + i * 100, "Agent de tri")),
      ...Array.from({ length: 8 }, (_, i) => person("H", 20400 + i * 100, "Ouvrier maraîcher")),
    ];
    const id = await setUpDiagnostic(2027, { profile: PROFILE });
    const saved = await db.transaction((tx) =>
      replaceStaffFile(tx, org.id, id, { fileName: "personnel.csv", rows: rows as never, jobs: JOBS, expectedJobsVersion: 0 }, owner.id),
    );
    expect(saved?.ok).toBe(true);
    await saveIndexStep(db, org.id, id, 0, { source: "fichier", data: null, skipReason: null }, owner.id);
    const r = ready((await load(id)).data.results);
    const expected = computeIndex(indexInputFromStaffRows(rows, { sizeBand: "50-250", structureType: "ACI" }), { belowFifty: true });
    expect(r.index).toMatchObject({ state: expected.index.calculable ? "calcule" : "non_calculable", source: "fichier", value: expected.index.value });
    expect(r.index.indicators.map((x) => x.points)).toEqual(
      [expected.pay, expected.raisesAndPromotions, expected.maternity, expected.top10].map((x) => x!.points),
    );
  });

  it("without a profile, returns the message that leads to the Profil step", async () => {
    const id = await setUpDiagnostic(2028);
    const res = await load(id);
    expect(res.status).toBe(200);
    expect(res.data.results).toMatchObject({ status: "profil_manquant", year: 2028 });
  });

  it("lets a viewer read the results, without the right to edit", async () => {
    const res = await load(currentId, viewer.cookie);
    expect(res.status).toBe(200);
    expect(res.data.canEdit).toBe(false);
    expect(res.data.results.status).toBe("ready");
  });

  it("answers 404 to a member of another structure, and says nothing about it", async () => {
    const res = await load(currentId, outsider.cookie);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.data)).not.toContain("ACI des Jardins");
    const action = await callRoute(results.action, post(path(currentId), { intent: "terminer" }, outsider.cookie), params(currentId));
    expect(action.status).toBe(404);
    expect((await findDiagnostic(db, org.id, currentId))!.status).toBe("brouillon");
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const res = await callRoute(results.loader, get(path(currentId)), params(currentId));
    expect(res.status).toBe(302);
    expect(res.location).toContain("/connexion");
  });
});

describe("marking the diagnostic finished", () => {
  it("refuses a viewer (403) and changes nothing", async () => {
    const res = await callRoute(results.action, post(path(currentId), { intent: "terminer" }, viewer.cookie), params(currentId));
    expect(res.status).toBe(403);
    expect((await findDiagnostic(db, org.id, currentId))!.status).toBe("brouillon");
  });

  it("lets an editor mark it finished, then reopen it", async () => {
    const done = await callRoute(results.action, post(path(currentId), { intent: "terminer" }, editor.cookie), params(currentId));
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${path(currentId)}?statut=termine`);
    const finished = await findDiagnostic(db, org.id, currentId);
    expect(finished).toMatchObject({ status: "termine" });
    expect(finished!.finishedAt).toBeInstanceOf(Date);
    expect((await load(currentId)).data.diagnostic.status).toBe("termine");

    const reopened = await callRoute(results.action, post(path(currentId), { intent: "rouvrir" }, owner.cookie), params(currentId));
    expect(reopened.location).toBe(`${path(currentId)}?statut=rouvert`);
    expect(await findDiagnostic(db, org.id, currentId)).toMatchObject({ status: "brouillon", finishedAt: null });
  });

  it("refuses an unknown intent with 400", async () => {
    const res = await callRoute(results.action, post(path(currentId), { intent: "supprimer" }, owner.cookie), params(currentId));
    expect(res.status).toBe(400);
  });
});
