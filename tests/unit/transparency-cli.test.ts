/** `npm run --silent cli -- transparency FILE`: in-process for the cases, one real process for stdin and the exit code. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engineCommands } from "../../app/cli/engine.ts";
import type { CliIo } from "../../app/cli/io.ts";
import { parseStaffCsvText } from "../../diagnostics/staff-file/index.ts";
import { computeTransparency } from "../../diagnostics/transparency/index.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HEADER =
  "Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Salaire de base;Heures hebdomadaires contractuelles;Catégorie d'emploi de valeur égale";
/** 4 women and 4 men in one category; women paid 18 000 € (base 17 000), men 20 000 € (base 20 000), all 35 h. */
const CSV = [
  HEADER,
  ...[1, 2, 3, 4].map(() => "F;Agente de tri;parcours;ouvrier;34;100 %;12;18 000;17 000;35;Tri"),
  ...[1, 2, 3, 4].map(() => "H;Agent de tri;parcours;ouvrier;41;100 %;12;20 000;20 000;35;Tri"),
].join("\n");

async function run(args: string[], files: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: async (p) => {
      if (files[p] === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
      return new TextEncoder().encode(files[p]);
    },
  };
  const code = await engineCommands.transparency(args, io);
  return { code, stdout, stderr };
}

describe("cli transparency", () => {
  it("prints the indicators of a staff file as JSON, exit 0", async () => {
    const r = await run(["personnel.csv"], { "personnel.csv": CSV });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const printed = JSON.parse(r.stdout);
    const parsed = parseStaffCsvText(CSV);
    if (!parsed.ok) throw new Error("fixture");
    expect(printed).toEqual(JSON.parse(JSON.stringify(computeTransparency(parsed.rows))));
    expect(printed.hourly.meanGap.gapPct).toBeCloseTo(10, 10);
    expect(printed.categories[0]).toMatchObject({ label: "Tri", women: 4, men: 4, reachesThreshold: true });
    expect(printed.flaggedCategories).toEqual(["Tri"]);
    expect(printed.variableShares).toEqual({ status: "ok", women: 4, men: 4, womenReceiving: 4, menReceiving: 0, womenPct: 100, menPct: 0 });
    expect(printed.adjusted).toMatchObject({ status: "insuffisant", reason: "effectif" });
  });

  it("leaves out ESAT accompanied workers with --structure ESAT", async () => {
    const r = await run(["p.csv", "--structure", "ESAT"], { "p.csv": CSV });
    expect(JSON.parse(r.stdout).population).toEqual({ counted: 0, women: 0, men: 0, excludedNotEmployees: 8 });
  });

  it("refuses a file with errors: French messages with line and column on stderr, exit 1, nothing on stdout", async () => {
    const r = await run(["p.csv"], { "p.csv": `${HEADER}\nF;Agente de tri;parcours;ouvrier;34;100 %;12;18 000;19 000;35;Tri` });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Ligne 2, colonne «\u00a0Salaire de base\u00a0»\u00a0: le salaire de base et la rémunération variable dépassent la rémunération annuelle brute");
  });

  it("refuses an unknown structure type and a missing file name in French, exit 2", async () => {
    expect((await run(["p.csv", "--structure", "XYZ"], { "p.csv": CSV })).code).toBe(2);
    const missing = await run([], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Indiquez le fichier à lire");
  });

  it("uses the editor's categories with --categories (the stored shape), instead of the file column", async () => {
    const mapping = {
      categories: [
        { key: "c1", name: "Tri des femmes", criteria: [] },
        { key: "c2", name: "Tri des hommes", criteria: [] },
      ],
      assignments: [{ job: "Agente de tri / Agent de tri", category: "c1" }],
    };
    const r = await run(["p.csv", "--categories", "categories.json"], { "p.csv": CSV, "categories.json": JSON.stringify(mapping) });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed.categories.map((c: { label: string }) => c.label)).toEqual(["Tri des femmes"]);
    expect(printed.sources.categories).toBe("colonne");
  });

  it("refuses categories that do not fit the staff file: French messages per field, exit 2", async () => {
    const mapping = { categories: [{ key: "c1", name: "", criteria: [] }], assignments: [{ job: "Soudeur", category: "c1" }] };
    const r = await run(["p.csv", "--categories", "c.json"], { "p.csv": CSV, "c.json": JSON.stringify(mapping) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Catégories (c.json) :");
    expect(r.stderr).toContain("categories.0.name : Donnez un nom à cette catégorie");
    expect(r.stderr).toContain("assignments.0 : Le poste «\u00a0Soudeur\u00a0» ne figure pas dans le fichier du personnel");
    expect((await run(["p.csv", "--categories", "c.json"], { "p.csv": CSV, "c.json": "[1, 2]" })).stderr).toContain("doit être un objet JSON");
    expect((await run(["p.csv", "--categories", "absent.json"], { "p.csv": CSV })).stderr).toContain("Fichier introuvable : absent.json.");
  });

  it("runs as `cli transparency -` on standard input in a real process", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli.ts", "transparency", "-"], {
      cwd: ROOT,
      input: CSV,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).hourly.meanGap.status).toBe("ok");
  });
});
