import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "../../db/client.ts";
import { findDiagnostic } from "../../db/queries/diagnostics.ts";
import { privateClusterUnavailableReason, startPrivateCluster, type PrivateCluster } from "../helpers/pg-cluster.ts";
import { postAnswer, startProductionServer, type ProductionServer } from "../helpers/prod-server.ts";
import { seedStructureDiagnostic } from "../helpers/seed-diagnostic.ts";
import { hasChromium, launch, newContext } from "./browser.ts";

/**
 * PostgreSQL stopped in the middle of a session, for real: a private PostgreSQL cluster (its own
 * folder and port, so the shared server is never touched) behind the production server, stopped
 * with `pg_ctl stop -m fast` and started again while the app keeps running.
 */
const skipReason = privateClusterUnavailableReason();
if (skipReason) console.warn(`db-outage ignoré : ${skipReason}`);

describe.skipIf(skipReason !== null)("PostgreSQL stopped during a session", () => {
  let cluster: PrivateCluster;
  let server: ProductionServer;
  let handle: DbHandle;
  let seeded: Awaited<ReturnType<typeof seedStructureDiagnostic>>;
  let browser: Browser | null = null;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    server = await startProductionServer({ DATABASE_URL: cluster.url });
    handle = openPostgres(cluster.url, { max: 2 });
    seeded = await seedStructureDiagnostic(handle.db);
    if (hasChromium) browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await handle?.close();
    await cluster?.destroy();
  });

  async function waitUntilReady() {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${server.baseURL}/readyz`);
      await res.arrayBuffer();
      if (res.status === 200) return;
      if (Date.now() > deadline) throw new Error("/readyz ne revient pas à 200");
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it("answers 503 in French while it is down, stores nothing, and recovers by itself", async () => {
    const { owner, org, diagId, path, questionIds } = seeded;
    const [first, second] = questionIds;
    // With JavaScript, a question whose autosave will fail during the outage (Chromium permitting).
    const third = questionIds.find((id) => id.split(".")[0] !== first.split(".")[0])!;
    let tab: Page | null = null;
    if (browser) {
      const context = await newContext(browser);
      await context.addCookies([{ name: owner.cookie.split("=")[0], value: owner.cookie.split("=")[1], url: server.baseURL }]);
      tab = await context.newPage();
      await tab.goto(`${server.baseURL}${path}/domaines/${third.split(".")[0]}`);
      await tab.getByText("Vos réponses s'enregistrent au fur et à mesure").waitFor();
    }
    const question = () => tab!.locator(`fieldset[id="${third}"]`);
    const results = `${server.baseURL}${path}/resultats`;

    const before = await postAnswer(server.baseURL, path, owner.cookie, first, 0, "oui");
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ status: "saved", version: 1 });
    expect((await fetch(results, { headers: { Cookie: owner.cookie } })).status).toBe(200);
    expect((await fetch(`${server.baseURL}/readyz`)).status).toBe(200);

    await cluster.stop();

    const page = await fetch(results, { headers: { Cookie: owner.cookie } });
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain("Service momentanément indisponible");
    expect(html).toContain('lang="fr"');

    const save = await postAnswer(server.baseURL, path, owner.cookie, second, 0, "non");
    expect(save.status).toBe(503);
    expect(await save.json()).toMatchObject({ status: "unavailable", message: expect.stringContaining("indisponible") });

    const ready = await fetch(`${server.baseURL}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toBe("base de données injoignable");
    const live = await fetch(`${server.baseURL}/healthz`);
    expect(live.status).toBe(200);
    await live.arrayBuffer();

    if (tab) {
      await question().getByLabel("Non", { exact: true }).check();
      await expect.poll(() => question().locator(".save-state").textContent()).toContain("Service momentanément indisponible");
      expect(await question().getByLabel("Non", { exact: true }).isChecked()).toBe(true);
    }

    await cluster.start();
    await waitUntilReady();

    // Same process, same session: the pool reconnected by itself.
    const again = await fetch(results, { headers: { Cookie: owner.cookie } });
    expect(again.status).toBe(200);
    expect(await again.text()).not.toContain("Service momentanément indisponible");
    const stored = (await findDiagnostic(handle.db, org.id, diagId))!.answers;
    expect(stored.map((a) => [a.questionId, a.value])).toEqual([[first, "oui"]]);

    const after = await postAnswer(server.baseURL, path, owner.cookie, second, 0, "non");
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: "saved", version: 1 });
    if (tab) {
      await question().getByRole("button", { name: "Réessayer" }).click();
      await expect.poll(() => question().locator(".save-state").textContent()).toContain("Enregistré à");
      const answers = (await findDiagnostic(handle.db, org.id, diagId))!.answers;
      expect(answers.find((a) => a.questionId === third)?.value).toBe("non");
      await tab.context().close();
    } else {
      console.warn("db-outage : partie navigateur ignorée (pas de Chromium).");
    }
    expect(server.child.exitCode).toBeNull();
  });
});
