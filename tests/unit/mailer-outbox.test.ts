import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendMail } from "../../app/mail/mailer.server.ts";

/** Without SMTP, each mail is a file of the outbox (the demo and the e2e tests read them there). */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-"));
  process.env.OUTBOX_DIR = dir;
  delete process.env.SMTP_URL;
});
afterAll(() => {
  delete process.env.OUTBOX_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the outbox", () => {
  it("keeps every one of many mails sent to one address at once, none overwritten", async () => {
    const to = "nadia.benali@aci-demo.fr";
    await Promise.all(Array.from({ length: 20 }, (_, i) => sendMail({ to, subject: `Lien ${i}`, text: `Corps ${i}` })));
    const files = fs.readdirSync(dir).filter((f) => f.includes(to));
    expect(files).toHaveLength(20);
    const subjects = files.map((f) => fs.readFileSync(path.join(dir, f), "utf8").match(/^Objet : (.*)$/m)![1]).sort();
    expect(subjects).toEqual(Array.from({ length: 20 }, (_, i) => `Lien ${i}`).sort());
  });
});
