import { describe, expect, it } from "vitest";
import { MIXITY_LOW_HEADCOUNT, MIXITY_MAX_SHARE_WOMEN, MIXITY_MIN_SHARE_WOMEN } from "../../diagnostics/mixity.ts";
import { checkPlan, MIN_DOMAINS_FROM_300, MIN_DOMAINS_UNDER_300, type Plan } from "../../diagnostics/plan/index.ts";
import {
  barriersAddressed,
  buildReportModel,
  DRAFT_WATERMARK,
  formatEuros,
  formatMeasure,
  formatPlace,
  formatSiret,
  GLOSSARY,
  indicatorText,
  isPlanExportable,
  legalReminders,
  planTables,
  reportFileName,
  slugify,
  type Block,
  type MixityChartBlock,
  type PdfDocumentModel,
  type ReportInput,
  type TableBlock,
} from "../../diagnostics/report.ts";
import { buildResults, LOW_HEADCOUNT_LABEL, MIXITY_BAND_LABEL, type ReadyResults } from "../../diagnostics/results.ts";
import { DOMAIN_IDS, type HeadcountBand } from "../../diagnostics/types.ts";
import { FIXTURE_PROFILE, FIXTURE_STRUCTURE, fixturePlan, fixtureResultsInput } from "../helpers/report-fixture.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

function ready(): ReadyResults {
  const r = buildResults(fixtureResultsInput());
  if (r.status !== "ready") throw new Error("expected ready results");
  return r;
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  const plan = fixturePlan();
  return {
    results: ready(),
    plan,
    planCheck: checkPlan(plan, FIXTURE_PROFILE),
    structure: FIXTURE_STRUCTURE,
    year: 2026,
    generatedAt: new Date(Date.UTC(2026, 10, 23, 10)),
    draft: false,
    diagnosticStatus: "termine",
    finishedAt: new Date(Date.UTC(2026, 10, 20, 10)),
    headcountBand: "moins_50",
    ...overrides,
  };
}

function allBlocks(model: PdfDocumentModel): Block[] {
  return model.sections.flatMap((s) => s.blocks);
}

function allText(model: PdfDocumentModel): string {
  const parts: string[] = [model.cover.title, model.cover.headline ?? "", ...model.cover.figures.flatMap((f) => [f.label, f.value, f.detail ?? "", f.meaning])];
  for (const s of model.sections) {
    parts.push(s.title);
    for (const b of s.blocks) {
      if (b.kind === "table") parts.push(b.caption, ...b.columns.map((c) => c.header), ...b.rows.flatMap((r) => r.cells), b.note ?? "");
      else if (b.kind === "list") parts.push(...b.items);
      else if (b.kind === "callout") parts.push(b.title, b.text, b.next ?? "");
      else if (b.kind === "definitions") parts.push(...b.items.flatMap((i) => [i.term, i.definition]));
      else if (b.kind === "mixityChart") parts.push(b.alt);
      else if (b.kind === "payBandsChart" || b.kind === "gapChart") parts.push(b.title, b.reading, b.alt);
      else parts.push(b.text);
    }
  }
  return parts.join("\n");
}

function withAction(plan: Plan, index: number, changes: Partial<Plan["actions"][number]>): Plan {
  return { ...plan, actions: plan.actions.map((a, i) => (i === index ? { ...a, ...changes } : a)) };
}

describe("file names", () => {
  it.each([
    { name: "Les Jardins de l'Œuvre", expected: "les-jardins-de-l-oeuvre" },
    { name: "ACI « Ça pousse » – Douai", expected: "aci-ca-pousse-douai" },
    { name: "Éco’Textile & Cie", expected: "eco-textile-cie" },
    { name: "   ", expected: "structure" },
    { name: "«  »", expected: "structure" },
    { name: "Association intermédiaire du Valenciennois et de l'Amandinois pour l'emploi solidaire", expected: "association-intermediaire-du-valenciennois-et-de-l-amandinoi" },
  ])("slugify($name) = $expected", ({ name, expected }) => {
    expect(slugify(name)).toBe(expected);
    expect(expected.length).toBeLessThanOrEqual(60);
  });

  it.each([
    { draft: false, expected: "diagnostic-egalite-les-jardins-du-beffroi-2026.pdf" },
    { draft: true, expected: "diagnostic-egalite-les-jardins-du-beffroi-2026-brouillon.pdf" },
  ])("draft $draft → $expected", ({ draft, expected }) => {
    expect(reportFileName("Les Jardins du Beffroi", 2026, draft)).toBe(expected);
    expect(buildReportModel(input({ draft, structure: { ...FIXTURE_STRUCTURE, name: "Les Jardins du Beffroi" } })).fileName).toBe(expected);
  });
});

describe("French formatting", () => {
  it.each([
    { siret: "73282932000074", expected: `732${NBSP}829${NBSP}320${NBSP}00074` },
    { siret: "732 829 320 00074", expected: `732${NBSP}829${NBSP}320${NBSP}00074` },
    { siret: "1234", expected: "1234" },
  ])("formatSiret($siret)", ({ siret, expected }) => expect(formatSiret(siret)).toBe(expected));

  it.each([
    { commune: "Douai", departement: "59", expected: "Douai (59 – Nord)" },
    { commune: "Saint-Omer", departement: "62", expected: "Saint-Omer (62 – Pas-de-Calais)" },
    { commune: null, departement: "80", expected: "80 – Somme" },
    { commune: "Lens", departement: null, expected: "Lens" },
    { commune: " ", departement: null, expected: null },
  ])("formatPlace($commune, $departement)", ({ commune, departement, expected }) => expect(formatPlace(commune, departement)).toBe(expected));

  it.each([
    { amount: 800, expected: `800${NBSP}€` },
    { amount: 1200, expected: `1${NNBSP}200${NBSP}€` },
    { amount: 17_700, expected: `17${NNBSP}700${NBSP}€` },
  ])("formatEuros($amount)", ({ amount, expected }) => expect(formatEuros(amount)).toBe(expected));

  it.each([
    { value: 30, unit: "%", expected: `30${NBSP}%` },
    { value: 12.5, unit: "jours", expected: `12,5${NBSP}jours` },
    { value: 4, unit: "  ", expected: "4" },
  ])("formatMeasure($value, $unit)", ({ value, unit, expected }) => expect(formatMeasure(value, unit)).toBe(expected));

  it("writes an indicator with its baseline and target", () => {
    const action = fixturePlan().actions[0];
    expect(indicatorText(action)).toBe(`Part de femmes parmi les candidatures sur les espaces verts${NBSP}: départ 14${NBSP}%, cible 30${NBSP}%`);
    expect(indicatorText({ ...action, indicator: { label: "", unit: "%", baseline: null, target: null } })).toBe("Indicateur à préciser");
  });
});

describe("cover", () => {
  it("shows the results page's key figures, in its words and order", () => {
    const results = ready();
    const model = buildReportModel(input({ results }));
    expect(model.cover.figures.map((f) => [f.label, f.value, f.detail, f.meaning, f.tone])).toEqual(
      results.keyFigures.map((f) => [f.label, f.display, f.detail, f.meaning, f.tone]),
    );
    expect(model.cover.headline).toBe(results.headline);
    expect(model.cover.title).toBe("Diagnostic égalité professionnelle 2026");
    expect(model.meta).toMatchObject({ lang: "fr-FR", title: `Diagnostic égalité professionnelle 2026 – ${FIXTURE_STRUCTURE.name}` });
  });

  it("names the structure, its SIRET, its place, the year and the date", () => {
    const facts = Object.fromEntries(buildReportModel(input()).cover.facts.map((f) => [f.label, f.value]));
    expect(facts).toEqual({
      Structure: FIXTURE_STRUCTURE.name,
      Type: "Atelier et chantier d'insertion (ACI)",
      SIRET: `732${NBSP}829${NBSP}320${NBSP}00074`,
      Commune: "Douai (59 – Nord)",
      "Année de référence": "2026",
      "Document établi le": `23${NBSP}novembre 2026`,
    });
  });

  const plan = fixturePlan();
  const incomplete = withAction(withAction(plan, 0, { owner: "" }), 1, { deadline: null });
  it.each([
    { label: "finished, plan exportable, final", over: {}, expected: ["Terminé le 20\u00a0novembre 2026", "Exportable", "Version finale"], tones: ["positive", "positive", "positive"] },
    {
      label: "draft diagnostic, two blocking points, draft",
      over: { diagnosticStatus: "brouillon" as const, plan: incomplete, planCheck: checkPlan(incomplete, FIXTURE_PROFILE), draft: true },
      expected: ["En cours (brouillon)", `À compléter${NBSP}: 2${NBSP}points bloquants`, "Brouillon"],
      tones: ["neutral", "attention", "attention"],
    },
    { label: "no plan", over: { plan: null, planCheck: null, draft: true }, expected: ["Terminé", "Pas encore de plan d'action", "Brouillon"], tones: ["positive", "neutral", "attention"] },
  ])("status: $label", ({ over, expected, tones }) => {
    const status = buildReportModel(input(over)).cover.status;
    status.forEach((line, i) => expect(line.value.startsWith(expected[i])).toBe(true));
    expect(status.map((s) => s.tone)).toEqual(tones);
  });
});

describe("watermark", () => {
  it.each([
    { draft: true, watermark: DRAFT_WATERMARK },
    { draft: false, watermark: null },
  ])("draft $draft → $watermark", ({ draft, watermark }) => {
    const model = buildReportModel(input({ draft }));
    expect(model.watermark).toBe(watermark);
    expect(model.footer.includes("brouillon")).toBe(draft);
  });
  it("pins the watermark text", () => expect(DRAFT_WATERMARK).toBe("BROUILLON"));
});

describe("mixity chart", () => {
  it("draws the results page's rows of each population with the 40–60 % band", () => {
    const results = ready();
    const model = buildReportModel(input({ results }));
    const charts = allBlocks(model).filter((b): b is MixityChartBlock => b.kind === "mixityChart");
    expect(charts).toHaveLength(results.mixity.groups.length);
    charts.forEach((chart, g) => {
      const group = results.mixity.groups[g];
      expect(chart.alt).toBe(group.chartSummary);
      expect([chart.bandMinPct, chart.bandMaxPct]).toEqual([MIXITY_MIN_SHARE_WOMEN * 100, MIXITY_MAX_SHARE_WOMEN * 100]);
      expect(chart.bandLabel).toBe(MIXITY_BAND_LABEL);
      expect(chart.rows.map((r) => [r.label, r.womenDisplay, r.menDisplay, r.lowHeadcount])).toEqual(
        group.rows.map((r) => [r.chartLabel, r.womenDisplay, r.menDisplay, r.lowHeadcount]),
      );
      for (const r of chart.rows) expect(r.womenPct + r.menPct).toBeCloseTo(100, 9);
      expect(chart.legend.lowHeadcount !== null).toBe(group.rows.some((r) => r.lowHeadcount));
    });
    expect(charts.some((c) => c.legend.lowHeadcount === `*${NBSP}${LOW_HEADCOUNT_LABEL}`)).toBe(true);
  });

  it("follows each chart with its data table, small headcounts marked", () => {
    const blocks = buildReportModel(input()).sections.find((s) => s.id === "mixite")!.blocks;
    blocks.forEach((b, i) => {
      if (b.kind !== "mixityChart") return;
      const table = blocks[i + 1] as TableBlock;
      expect(table.kind).toBe("table");
      expect(table.rows.map((r) => r.cells[0])).toEqual(b.rows.map((r) => r.label));
      if (b.rows.some((r) => r.lowHeadcount)) expect(table.note).toContain(`moins de ${MIXITY_LOW_HEADCOUNT}`);
    });
  });
});

describe("plan", () => {
  it("draws one table per domain, in legal order, one row per action", () => {
    const plan = fixturePlan();
    const tables = planTables(plan);
    const domains = DOMAIN_IDS.filter((d) => plan.actions.some((a) => a.domain === d));
    expect(tables.map((t) => t.domainLabel)).toEqual(domains.map((d) => ({ embauche: "Embauche", conditions_travail: "Conditions de travail", remuneration: "Rémunération effective", articulation: "Articulation entre l'activité professionnelle et la vie personnelle et familiale" })[d as "embauche"]));
    expect(tables.map((t) => t.table.rows.length)).toEqual(domains.map((d) => plan.actions.filter((a) => a.domain === d).length));
    expect(tables.find((t) => t.domainLabel === "Rémunération effective")!.mandatory).toBe(true);
    const first = tables[0].table.rows[0].cells;
    expect(first[0]).toContain("Demander des candidatures mixtes aux prescripteurs");
    expect(first[0]).toContain(`Avec${NBSP}: CORIF`);
    expect(first[2]).toBe(`30${NBSP}juin 2026`);
    expect(first[4]).toBe(`3${NBSP}jours`);
  });

  it.each([
    { label: "empty owner and cost", changes: { owner: "", costEuros: null, costDays: null }, cells: { 3: "À désigner", 4: "—" } },
    { label: "no deadline", changes: { deadline: null }, cells: { 2: "À fixer" } },
    { label: "done with measured value", changes: { status: "realisee" as const, measuredValue: 25 }, cells: { 5: `Réalisée\nValeur atteinte${NBSP}: 25${NBSP}%` } },
  ])("action cells: $label", ({ changes, cells }) => {
    const plan = withAction(fixturePlan(), 0, changes);
    const row = planTables(plan)[0].table.rows[0].cells;
    for (const [i, text] of Object.entries(cells)) expect(row[Number(i)]).toBe(text);
  });

  it("lists the blocking points in the draft only", () => {
    const plan = withAction(fixturePlan(), 0, { owner: "" });
    const check = checkPlan(plan, FIXTURE_PROFILE);
    expect(check.errors).toHaveLength(1);
    const draft = buildReportModel(input({ plan, planCheck: check, draft: true }));
    const callout = draft.sections.find((s) => s.id === "plan")!.blocks.find((b) => b.kind === "callout");
    expect(callout).toMatchObject({ kind: "callout", tone: "attention", text: check.errors[0].message });
    expect(isPlanExportable(plan, check)).toBe(false);
    expect(isPlanExportable(fixturePlan(), checkPlan(fixturePlan(), FIXTURE_PROFILE))).toBe(true);
    expect(isPlanExportable(null, null)).toBe(false);
  });

  it("without plan, proposes the results page's featured actions", () => {
    const results = ready();
    const section = buildReportModel(input({ results, plan: null, planCheck: null, draft: true })).sections.find((s) => s.id === "plan")!;
    const table = section.blocks.find((b): b is TableBlock => b.kind === "table")!;
    expect(table.rows.map((r) => r.cells[0].split("\n")[0])).toEqual(results.actions.featured.map((a) => a.title));
    expect(section.blocks[0]).toMatchObject({ kind: "paragraph", text: expect.stringContaining("Aucun plan d'action") });
  });

  it("counts the peripheral barriers of the active actions", () => {
    const plan = withAction(fixturePlan(), 7, { status: "abandonnee" });
    expect(barriersAddressed(plan).map((b) => [b.barrier, b.actions.length])).toEqual([
      ["mobilite", 1],
      ["confiance", 1],
      ["garde_enfants", 1],
      ["temps_partiel_subi", 1],
    ]);
  });
});

describe("next steps", () => {
  /** Every yes/no answer « non »: every domain « à engager », so the domains figure points at the proposed actions. */
  function weakResults(): ReadyResults {
    const base = fixtureResultsInput();
    const answers = Object.fromEntries(Object.entries(base.answers).map(([id, v]) => [id, v === "oui" || v === "en_partie" ? "non" : v]));
    const r = buildResults({ ...base, answers });
    if (r.status !== "ready") throw new Error("expected ready results");
    return r;
  }
  const domainsStep = (model: PdfDocumentModel) =>
    model.sections.find((s) => s.id === "constats")!.blocks.some((b) => b.kind === "list" && b.items.some((i) => i.includes("Les actions proposées plus bas") || i.includes("les actions proposées plus bas")));

  it.each([
    { label: "without plan, the step pointing at the proposed actions is kept (they are in the report)", plan: false, kept: true },
    { label: "with a plan, it is left out (the report shows the plan instead)", plan: true, kept: false },
  ])("$label", ({ plan, kept }) => {
    const results = weakResults();
    expect(results.keyFigures.find((f) => f.id === "domain_levels")!.nextStep).toContain("plus bas");
    const model = buildReportModel(input({ results, ...(plan ? {} : { plan: null, planCheck: null, draft: true }) }));
    expect(domainsStep(model)).toBe(kept);
  });
});

describe("legal reminders and glossary", () => {
  it.each<{ band: HeadcountBand; fiftyPlus: boolean; first: string }>([
    { band: "moins_50", fiftyPlus: false, first: "moins de 50" },
    { band: "50_250", fiftyPlus: true, first: "50\u00a0salariés ou plus" },
    { band: "300_plus", fiftyPlus: true, first: "50\u00a0salariés ou plus" },
  ])("band $band", ({ band, fiftyPlus, first }) => {
    const reminders = legalReminders(band, fiftyPlus);
    expect(reminders[0]).toContain(first);
    const text = reminders.join("\n");
    expect(text).toContain(`1er${NBSP}mars`);
    expect(text).toContain(`au moins ${MIN_DOMAINS_UNDER_300} des 9${NBSP}domaines`);
    expect(text).toContain(`au moins ${MIN_DOMAINS_FROM_300} à partir de 300`);
    expect(text).toContain("la rémunération effective en fait toujours partie");
  });

  it("explains every legal term the report uses", () => {
    expect(GLOSSARY.map((g) => g.term)).toEqual(
      expect.arrayContaining(["Index de l'égalité professionnelle", "CSP", "ETP", "CSE", "Accord de méthode", "Mixité", "Parcours", "Plan d'action", "Freins périphériques"]),
    );
    const model = buildReportModel(input());
    expect(model.sections.at(-1)).toMatchObject({ id: "glossaire", blocks: [{ kind: "definitions", items: GLOSSARY }] });
  });
});

describe("sections", () => {
  it("follow the results page, then the plan, support, changes, law and glossary", () => {
    const previous = { ...fixtureResultsInput(2025), jobs: fixtureResultsInput().jobs.slice(2) };
    const results = buildResults({ ...fixtureResultsInput(), previous });
    const model = buildReportModel(input({ results }));
    expect(model.sections.map((s) => s.id)).toEqual(["constats", "mixite", "domaines", "index", "plan", "accompagnement", "evolution", "loi", "glossaire"]);
    const text = allText(model);
    const r = results as ReadyResults;
    for (const f of r.findings) expect(text).toContain(f.title);
    for (const s of r.support) {
      expect(text).toContain(s.name);
      for (const reason of s.reasons) expect(text).toContain(reason);
      if (s.website) expect(text).toContain(s.website.value);
    }
    for (const row of r.index.indicators) expect(text).toContain(row.explanation);
    for (const d of r.domains.rows) expect(text).toContain(d.scoreDisplay);
  });

  it("without profile, keeps the cover, the law and the glossary", () => {
    const results = buildResults({ ...fixtureResultsInput(), profile: null });
    const model = buildReportModel(input({ results, plan: null, planCheck: null, draft: true }));
    expect(model.cover.figures).toEqual([]);
    expect(model.cover.headline).toContain("profil de la structure");
    expect(model.sections.map((s) => s.id)).toEqual(["loi", "glossaire"]);
  });
});
