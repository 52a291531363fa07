import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeUser } from "../helpers/factories.ts";
import type { Db } from "../../db/client.ts";
import { findDiagnostic, findPreviousDiagnostic, insertDiagnostic, replaceStaffFile, saveAnswer } from "../../db/queries/diagnostics.ts";
import { findPlanAndPrevious, findPlanByDiagnostic, findPreviousPlan, insertPlan } from "../../db/queries/plans.ts";

/**
 * The one-statement reads of a diagnostic (answers and staff-file summary aggregated in SQL) and of
 * plans (actions aggregated, the current and the previous plan together), on both drivers.
 */

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let user: { id: string };
let org: { id: string };
let other: { id: string };
const ids: Record<number, string> = {};

const plan = (title: string) => ({
  kind: "plan_action" as const,
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  actions: [{ title: `${title} A` }, { title: `${title} B` }, { title: `${title} C` }],
});

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  user = await makeUser(db);
  org = await makeOrg(db, user);
  other = await makeOrg(db, user);
  for (const year of [2022, 2023, 2024, 2025]) ids[year] = (await insertDiagnostic(db, org.id, year, user.id)).id;
  // Answers saved out of question order; a staff file on 2024 only.
  await saveAnswer(db, org.id, ids[2024], "z.derniere", 0, ["a", "b"], user.id);
  await saveAnswer(db, org.id, ids[2024], "a.premiere", 0, "oui", user.id);
  await saveAnswer(db, org.id, ids[2024], "a.premiere", 1, 12.5, user.id);
  await replaceStaffFile(db, org.id, ids[2024], { fileName: "salaries.csv", rows: [{ sex: "F" }, { sex: "H" }], jobs: [], expectedJobsVersion: 0 }, user.id);
  // Plans on 2022 and 2023; none on 2024; 2025 gets one in a test.
  for (const year of [2022, 2023]) await insertPlan(db, org.id, ids[year], plan(String(year)), user.id);
  // Another structure's later diagnostic and plan never show.
  const foreign = await insertDiagnostic(db, other.id, 2024, user.id);
  await insertPlan(db, other.id, foreign.id, plan("autre"), user.id);
});

afterAll(async () => handle.dispose());

describe("findDiagnostic and findPreviousDiagnostic", () => {
  it("reads the answers in question order with their versions and dates, and the staff-file summary", async () => {
    const d = (await findDiagnostic(db, org.id, ids[2024]))!;
    expect(d.answers.map((a) => [a.questionId, a.value, a.version])).toEqual([
      ["a.premiere", 12.5, 2],
      ["z.derniere", ["a", "b"], 1],
    ]);
    for (const a of d.answers) expect(a.updatedAt).toBeInstanceOf(Date);
    expect(d.staffFile).toMatchObject({ fileName: "salaries.csv", rowCount: 2 });
    expect(d.staffFile!.importedAt).toBeInstanceOf(Date);
  });

  it("reads a diagnostic without answers or staff file as empty, and nothing through another structure", async () => {
    const d = (await findDiagnostic(db, org.id, ids[2023]))!;
    expect(d.answers).toEqual([]);
    expect(d.staffFile).toBeNull();
    expect(await findDiagnostic(db, other.id, ids[2023])).toBeNull();
  });

  it("finds the latest diagnostic before a year, whole", async () => {
    const previous = (await findPreviousDiagnostic(db, org.id, 2025))!;
    expect(previous.year).toBe(2024);
    expect(previous.answers).toHaveLength(2);
    expect((await findPreviousDiagnostic(db, org.id, 2023))!.year).toBe(2022);
    expect(await findPreviousDiagnostic(db, org.id, 2022)).toBeNull();
    expect(await findPreviousDiagnostic(db, other.id, 2024)).toBeNull();
  });
});

describe("findPlanAndPrevious", () => {
  it.each([
    // [diagnostic year, its plan's year or null, previous plan's year or null]
    [2022, 2022, null],
    [2023, 2023, 2022],
    [2024, null, 2023],
  ])("for %i: plan of %s, previous plan of %s", async (year, planYear, previousYear) => {
    const { plan: current, previous } = await findPlanAndPrevious(db, org.id, ids[year], year);
    expect(current?.year ?? null).toBe(planYear);
    expect(previous?.year ?? null).toBe(previousYear);
    // The same as the two separate reads.
    expect(current).toEqual(await findPlanByDiagnostic(db, org.id, ids[year]));
    expect(previous).toEqual(await findPreviousPlan(db, org.id, year));
  });

  it("reads the current plan even when two earlier plans exist, with its actions in order", async () => {
    await insertPlan(db, org.id, ids[2025], plan("2025"), user.id);
    const { plan: current, previous } = await findPlanAndPrevious(db, org.id, ids[2025], 2025);
    expect(current!.actions.map((a) => a.data.title)).toEqual(["2025 A", "2025 B", "2025 C"]);
    expect(current!.actions.map((a) => a.position)).toEqual([0, 1, 2]);
    for (const a of current!.actions) expect(a.updatedAt).toBeInstanceOf(Date);
    expect(previous!.year).toBe(2023);
    expect((await findPlanAndPrevious(db, other.id, ids[2025], 2025)).plan).toBeNull();
  });
});

describe("prepared statements (db/prepared.ts)", () => {
  it("each database handle and each transaction runs its own, with the values of each call", async () => {
    const second = await createTestDb();
    try {
      const otherUser = await makeUser(second.db);
      const otherOrg = await makeOrg(second.db, otherUser);
      const { id } = await insertDiagnostic(second.db, otherOrg.id, 2024, otherUser.id);
      // The same statement on two databases: each reads its own rows, never the other's.
      expect((await findDiagnostic(second.db, otherOrg.id, id))!.year).toBe(2024);
      expect(await findDiagnostic(db, otherOrg.id, id)).toBeNull();
      expect((await findDiagnostic(db, org.id, ids[2023]))!.year).toBe(2023);
      // Inside a transaction, the statement sees the transaction's own writes, and they go with its rollback.
      await expect(
        db.transaction(async (tx) => {
          await saveAnswer(tx, org.id, ids[2023], "q.dans_transaction", 0, "oui", user.id);
          expect((await findDiagnostic(tx, org.id, ids[2023]))!.answers.map((a) => a.questionId)).toEqual(["q.dans_transaction"]);
          throw new Error("annulée");
        }),
      ).rejects.toThrow("annulée");
      expect((await findDiagnostic(db, org.id, ids[2023]))!.answers).toEqual([]);
    } finally {
      await second.dispose();
    }
  });

  it("the autosave's prepared write inserts, updates at the expected version only, and refuses other structures", async () => {
    const first = await saveAnswer(db, org.id, ids[2022], "q.prepare", 0, "oui", user.id);
    expect(first).toMatchObject({ ok: true, version: 1 });
    // A second insert of the same question at version 0 is a conflict, showing what is stored.
    expect(await saveAnswer(db, org.id, ids[2022], "q.prepare", 0, "non", user.id)).toMatchObject({ ok: false, current: "oui", version: 1 });
    expect(await saveAnswer(db, org.id, ids[2022], "q.prepare", 1, ["a", "b"], user.id)).toMatchObject({ ok: true, version: 2 });
    expect(await saveAnswer(db, org.id, ids[2022], "q.prepare", 1, "non", user.id)).toMatchObject({ ok: false, current: ["a", "b"], version: 2 });
    expect(await saveAnswer(db, other.id, ids[2022], "q.prepare", 2, "non", user.id)).toBeNull();
    expect(await saveAnswer(db, other.id, ids[2022], "q.autre", 0, "non", user.id)).toBeNull();
    const stored = (await findDiagnostic(db, org.id, ids[2022]))!.answers.filter((a) => a.questionId.startsWith("q."));
    expect(stored.map((a) => [a.questionId, a.value, a.version])).toEqual([["q.prepare", ["a", "b"], 2]]);
  });
});
