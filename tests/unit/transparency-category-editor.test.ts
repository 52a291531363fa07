import { describe, expect, it } from "vitest";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import { staffRow } from "../helpers/staff-row.ts";
import {
  CATEGORY_EDITOR_MESSAGES as M,
  CATEGORY_NAME_MAX_LENGTH,
  MAX_CATEGORIES,
  MAX_MAPPED_JOBS,
  MIN_PEOPLE_PER_SEX,
  applyCategoryMapping,
  computeTransparency,
  editorJobs,
  mappingForJobs,
  mappingStatus,
  nextCategoryKey,
  prefillMapping,
  transparencyView,
  validateCategoryMapping,
  type CategoryMapping,
  type EditorJob,
} from "../../diagnostics/transparency/index.ts";

const row = staffRow;

const times = (n: number, make: () => StaffRow) => Array.from({ length: n }, make);

const JOBS: EditorJob[] = [
  { key: "agent de tri", label: "Agent de tri", women: 3, men: 3, fileCategories: [] },
  { key: "chauffeur", label: "Chauffeur", women: 0, men: 2, fileCategories: [] },
  { key: "maraichere", label: "Maraîchère", women: 2, men: 0, fileCategories: [] },
];

const form = (categories: unknown[], jobs: unknown[]) => ({ categories, jobs });

describe("constants", () => {
  it("pins the editor's limits", () => {
    expect(CATEGORY_NAME_MAX_LENGTH).toBe(80);
    expect(MAX_CATEGORIES).toBe(50);
    expect(MAX_MAPPED_JOBS).toBe(300);
    expect(MIN_PEOPLE_PER_SEX).toBe(3);
  });
});

describe("validateCategoryMapping", () => {
  const ok = { key: "c1", name: "Production", criteria: ["competences"] };
  const ROWS = [
    { label: "a valid mapping", value: form([ok], [{ job: "Agent de tri", category: "c1" }, { job: "Chauffeur", category: "" }]), issues: [] },
    { label: "nothing at all (no category, every job unclassified)", value: {}, issues: [] },
    { label: "empty name", value: form([{ ...ok, name: "" }], []), issues: [{ field: "categories.0.name", message: M.nameEmpty }] },
    { label: "name of spaces only", value: form([{ ...ok, name: "  \u00a0 " }], []), issues: [{ field: "categories.0.name", message: M.nameEmpty }] },
    { label: "missing name", value: form([{ key: "c1" }], []), issues: [{ field: "categories.0.name", message: M.nameEmpty }] },
    { label: "name without letter or digit", value: form([{ ...ok, name: "--" }], []), issues: [{ field: "categories.0.name", message: M.nameNoLetter }] },
    { label: `name of ${CATEGORY_NAME_MAX_LENGTH} characters`, value: form([{ ...ok, name: "x".repeat(CATEGORY_NAME_MAX_LENGTH) }], []), issues: [] },
    { label: `name of ${CATEGORY_NAME_MAX_LENGTH + 1} characters`, value: form([{ ...ok, name: "x".repeat(CATEGORY_NAME_MAX_LENGTH + 1) }], []), issues: [{ field: "categories.0.name", message: M.nameTooLong }] },
    { label: "name looking like a NIR", value: form([{ ...ok, name: "1 85 05 78 006 084 36" }], []), issues: [{ field: "categories.0.name", message: M.nameNir }] },
    {
      label: "duplicate names after trimming and case-folding",
      value: form([ok, { key: "c2", name: "  PRODUCTION " }], []),
      issues: [{ field: "categories.1.name", message: M.nameDuplicate("Production") }],
    },
    { label: "duplicate names differing by accents", value: form([{ ...ok, name: "Métiers" }, { key: "c2", name: "metiers" }], []), issues: [{ field: "categories.1.name", message: M.nameDuplicate("Métiers") }] },
    { label: "duplicate keys", value: form([ok, { key: "c1", name: "Autre" }], []), issues: [{ field: "categories.1.key", message: M.badKey }] },
    { label: "malformed key", value: form([{ ...ok, key: "__proto__" }], []), issues: [{ field: "categories.0.key", message: M.badKey }] },
    { label: "unknown job", value: form([ok], [{ job: "Soudeur", category: "c1" }]), issues: [{ field: "jobs.0.category", message: M.jobUnknown("Soudeur") }] },
    {
      label: "a job twice (even spelt otherwise)",
      value: form([ok], [{ job: "Agent de tri", category: "c1" }, { job: "AGENT DE TRI", category: "" }]),
      issues: [{ field: "jobs.1.category", message: M.jobTwice("Agent de tri") }],
    },
    { label: "a job in a category that does not exist", value: form([ok], [{ job: "Chauffeur", category: "c9" }]), issues: [{ field: "jobs.0.category", message: M.categoryUnknown("Chauffeur") }] },
    { label: "unknown criterion", value: form([{ ...ok, criteria: ["salaire"] }], []), issues: [{ field: "categories.0.criteria", message: expect.any(String) }] },
    {
      label: `${MAX_CATEGORIES + 1} categories`,
      value: form(Array.from({ length: MAX_CATEGORIES + 1 }, (_, i) => ({ key: `c${i + 1}`, name: `Catégorie ${i + 1}` })), []),
      issues: [{ field: "categories", message: M.tooManyCategories }],
    },
  ];
  it.each(ROWS)("$label", ({ value, issues }) => {
    const result = validateCategoryMapping(value, JOBS);
    expect(result.ok ? [] : result.issues).toEqual(issues);
  });

  it(`accepts ${MAX_CATEGORIES} categories`, () => {
    const value = form(Array.from({ length: MAX_CATEGORIES }, (_, i) => ({ key: `c${i + 1}`, name: `Catégorie ${i + 1}` })), []);
    expect(validateCategoryMapping(value, JOBS).ok).toBe(true);
  });

  it("normalises: names trimmed, criteria once each in the criteria's order, unclassified jobs left out, the file's spelling of the job kept", () => {
    const result = validateCategoryMapping(
      form([{ key: "c1", name: "  Production   du   tri ", criteria: ["conditions", "competences", "conditions"] }, { key: "c2", name: "Transport", criteria: "efforts" }], [
        { job: "agent de tri", category: "c1" },
        { job: "Chauffeur", category: "" },
        { job: "Maraîchère" },
      ]),
      JOBS,
    );
    expect(result).toEqual({
      ok: true,
      mapping: {
        categories: [
          { key: "c1", name: "Production du tri", criteria: ["competences", "conditions"] },
          { key: "c2", name: "Transport", criteria: ["efforts"] },
        ],
        assignments: [{ job: "Agent de tri", category: "c1" }],
      },
    });
  });
});

describe("mappingStatus: publishable from the threshold, confirmation from the four criteria", () => {
  const job = (key: string, women: number, men: number): EditorJob => ({ key, label: key, women, men, fileCategories: [] });
  const T = MIN_PEOPLE_PER_SEX;
  const ROWS = [
    { label: `${T - 1} women, ${T} men`, women: T - 1, men: T, publishable: false },
    { label: `${T} women, ${T - 1} men`, women: T, men: T - 1, publishable: false },
    { label: `${T} women, ${T} men`, women: T, men: T, publishable: true },
    { label: `${T + 1} women, ${T + 1} men`, women: T + 1, men: T + 1, publishable: true },
    { label: `0 women, ${T + 5} men`, women: 0, men: T + 5, publishable: false },
  ];
  it.each(ROWS)("$label → publishable: $publishable, with a plain-French warning when not", ({ women, men, publishable }) => {
    // The people of the category come from two jobs, summed.
    const jobs = [job("a", women, 0), job("b", 0, men)];
    const mapping: CategoryMapping = {
      categories: [{ key: "c1", name: "Atelier", criteria: ["competences", "efforts", "responsabilites", "conditions"] }],
      assignments: [
        { job: "a", category: "c1" },
        { job: "b", category: "c1" },
      ],
    };
    const [status] = mappingStatus(mapping, jobs).categories;
    expect(status).toMatchObject({ women, men, publishable, confirmed: true, jobs: ["a", "b"] });
    if (publishable) expect(status.warnings).toEqual([]);
    else expect(status.warnings.join(" ")).toMatch(/il faut au moins 3\u00a0femmes et 3\u00a0hommes pour publier un écart/);
    if (women === 0) expect(status.warnings[0]).toMatch(/ne compte que des hommes/);
  });

  it("lists unconfirmed categories with their missing criteria, empty categories and unclassified jobs", () => {
    const status = mappingStatus(
      {
        categories: [
          { key: "c1", name: "Tri", criteria: ["competences", "efforts", "responsabilites"] },
          { key: "c2", name: "Vide", criteria: ["competences", "efforts", "responsabilites", "conditions"] },
        ],
        assignments: [{ job: "Agent de tri", category: "c1" }],
      },
      JOBS,
    );
    expect(status.unconfirmed).toEqual(["Tri"]);
    expect(status.categories[0].missingCriteria).toEqual(["conditions"]);
    expect(status.categories[1].warnings).toEqual(["«\u00a0Vide\u00a0» ne contient encore aucun poste\u00a0: choisissez-la pour au moins un poste, ou supprimez-la."]);
    expect(status.unclassified.map((j) => j.label)).toEqual(["Chauffeur", "Maraîchère"]);
  });
});

describe("jobs of the staff file, prefill and reading a stored mapping", () => {
  const rows = [
    ...times(3, () => row("F", "Agente de tri", { payCategory: "Tri" })),
    ...times(2, () => row("H", "Agent de tri", { payCategory: "tri " })),
    row("H", "Agent de tri", { payCategory: "Logistique" }),
    ...times(2, () => row("H", "Chauffeur", { payCategory: "Logistique", population: "permanent" })),
    row("F", "Chauffeur", { payCategory: null }),
    row("F", "Encadrante", { payCategory: null }),
  ];

  it("lists each job once, gendered forms merged, with women, men and the file's categories", () => {
    expect(editorJobs(rows)).toEqual([
      { key: "agente de tri agent de tri", label: "Agente de tri / Agent de tri", women: 3, men: 3, fileCategories: [{ label: "Tri", people: 5 }, { label: "Logistique", people: 1 }] },
      { key: "chauffeur", label: "Chauffeur", women: 1, men: 2, fileCategories: [{ label: "Logistique", people: 2 }] },
      { key: "encadrante", label: "Encadrante", women: 1, men: 0, fileCategories: [] },
    ]);
  });

  it("leaves ESAT accompanied workers out, as the indicators do", () => {
    expect(editorJobs(rows, { structureType: "ESAT" }).map((j) => j.label)).toEqual(["Chauffeur"]);
  });

  it("prefills from the file column: one category per name, each job where most of its people are, a note when split", () => {
    const { mapping, notes } = prefillMapping(editorJobs(rows));
    expect(mapping).toEqual({
      categories: [
        { key: "c1", name: "Tri", criteria: [] },
        { key: "c2", name: "Logistique", criteria: [] },
      ],
      assignments: [
        { job: "Agente de tri / Agent de tri", category: "c1" },
        { job: "Chauffeur", category: "c2" },
      ],
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("«\u00a0Agente de tri / Agent de tri\u00a0» sont dans plusieurs catégories");
  });

  it("reads a stored mapping against a newer file: jobs gone are dropped and named", () => {
    const stored = { categories: [{ key: "c1", name: "Tri", criteria: [] }], assignments: [{ job: "Chauffeur", category: "c1" }, { job: "Soudeur", category: "c1" }] };
    expect(mappingForJobs(stored, editorJobs(rows))).toEqual({ mapping: { categories: stored.categories, assignments: [{ job: "Chauffeur", category: "c1" }] }, droppedJobs: ["Soudeur"] });
    expect(mappingForJobs({ nonsense: true }, editorJobs(rows))).toBeNull();
  });

  it("gives the next free key", () => {
    expect(nextCategoryKey([])).toBe("c1");
    expect(nextCategoryKey(["c1", "c7", undefined, "x3"])).toBe("c8");
  });
});

describe("the indicators on the editor's categories", () => {
  // Sorting (women 3 × 18 000, men 3 × 20 000) and driving (women 3 × 20 000, men 3 × 20 000);
  // the file puts everyone in one category « Tous ».
  const rows = [
    ...times(3, () => row("F", "Agente de tri", { annualGrossPay: 18_000, payCategory: "Tous" })),
    ...times(3, () => row("H", "Agent de tri", { annualGrossPay: 20_000, payCategory: "Tous" })),
    ...times(3, () => row("F", "Chauffeuse", { annualGrossPay: 20_000, payCategory: "Tous" })),
    ...times(3, () => row("H", "Chauffeur", { annualGrossPay: 20_000, payCategory: "Tous" })),
  ];
  const jobs = editorJobs(rows);
  const mapping: CategoryMapping = {
    categories: [
      { key: "c1", name: "Tri", criteria: [] },
      { key: "c2", name: "Transport", criteria: [] },
    ],
    assignments: [
      { job: jobs[0].label, category: "c1" },
      { job: jobs[1].label, category: "c2" },
    ],
  };

  it("uses the editor's categories instead of the file column; gaps and art. 10 flags follow", () => {
    const fromFile = computeTransparency(rows);
    expect(fromFile.categories.map((c) => c.label)).toEqual(["Tous"]);
    expect(fromFile.flaggedCategories).toEqual(["Tous"]);
    const fromEditor = computeTransparency(applyCategoryMapping(rows, mapping));
    expect(fromEditor.categories.map((c) => [c.label, c.women, c.men])).toEqual([
      ["Transport", 3, 3],
      ["Tri", 3, 3],
    ]);
    expect(fromEditor.flaggedCategories).toEqual(["Tri"]);
    expect(fromEditor.categories.find((c) => c.label === "Tri")!.hourly.total!.gapPct).toBeCloseTo(10, 10);
    expect(fromEditor.sources.categories).toBe("colonne");
    // Everything but (g) is unchanged.
    expect(fromEditor.hourly).toEqual(fromFile.hourly);
  });

  it("puts the people of unclassified jobs on their CSP, and says so", () => {
    const partial = { ...mapping, assignments: mapping.assignments.slice(0, 1) };
    const r = computeTransparency(applyCategoryMapping(rows, partial));
    expect(r.categories.map((c) => c.label).sort()).toEqual(["Ouvriers", "Tri"]);
    expect(r.sources.categories).toBe("mixte");
    expect(transparencyView(r, { categoriesFrom: "editeur" }).notes[1]).toContain("pour les personnes dont le poste n'est classé dans aucune, la CSP en tient lieu");
  });

  it("never changes the rows it is given", () => {
    const copy = structuredClone(rows);
    applyCategoryMapping(rows, mapping);
    expect(rows).toEqual(copy);
  });
});
