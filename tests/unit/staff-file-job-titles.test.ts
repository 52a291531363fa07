/**
 * Masculine, feminine and inclusive forms of one job title count as one job in the jobs table
 * (diagnostics/staff-file/job-titles.ts), and different jobs stay apart.
 */
import { describe, expect, it } from "vitest";
import { computeMixity } from "../../diagnostics/mixity.ts";
import {
  GENDERED_LABEL_SEPARATOR,
  STAFF_LABEL_MAX_LENGTH,
  groupJobTitles,
  isFeminineOf,
  jobsFromStaffRows,
  masculineCandidates,
  titleWords,
  type StaffRow,
} from "../../diagnostics/staff-file/index.ts";
import type { Population } from "../../diagnostics/types.ts";
import { staffRow } from "../helpers/staff-row.ts";

function person(sex: "F" | "H", job: string, population: Population = "parcours", timeShare = 1): StaffRow {
  return staffRow(sex, job, { population, csp: "employes", timeShare });
}

/** Every pair of the issue: [masculine, feminine]. */
const PAIRS = [
  ["Chargé d'insertion", "Chargée d'insertion"],
  ["Agent d'entretien", "Agente d'entretien"],
  ["Encadrant technique", "Encadrante technique"],
  ["Conseiller", "Conseillère"],
  ["Vendeur", "Vendeuse"],
  ["Animateur", "Animatrice"],
  ["Technicien", "Technicienne"],
  ["Cuisinier", "Cuisinière"],
  ["Employé de ménage", "Employée de ménage"],
  ["Agent", "Agente"],
  ["Directeur adjoint", "Directrice adjointe"],
  ["Aide-soignant", "Aide-soignante"],
  ["Chauffeur-livreur", "Chauffeuse-livreuse"],
  ["Conseiller principal d'éducation", "Conseillère principale d'éducation"],
] as const;

describe("gendered pairs are one job in the jobs table", () => {
  it.each(PAIRS.map(([masculine, feminine]) => ({ masculine, feminine })))(
    "« $masculine » + « $feminine »: one job, the more frequent form first",
    ({ masculine, feminine }) => {
      // 2 women with the feminine title, 1 man with the masculine one (met first).
      const moreWomen = jobsFromStaffRows([person("H", masculine), person("F", feminine), person("F", feminine, "parcours", 0.5)]);
      expect(moreWomen).toEqual([
        { label: `${feminine}${GENDERED_LABEL_SEPARATOR}${masculine}`, population: "parcours", women: 2, men: 1, womenFte: 1.5, menFte: 1 },
      ]);
      // 2 men and 1 woman: the masculine first.
      const moreMen = jobsFromStaffRows([person("F", feminine), person("H", masculine), person("H", masculine)]);
      expect(moreMen.map((j) => [j.label, j.women, j.men])).toEqual([[`${masculine} / ${feminine}`, 1, 2]]);
    },
  );

  it.each([
    { label: "« Agent·e »", inclusive: "Agent·e" },
    { label: "« Agent(e) »", inclusive: "Agent(e)" },
    { label: "« Agent.e »", inclusive: "Agent.e" },
    { label: "« Agent-e »", inclusive: "Agent-e" },
    { label: "« Agent/Agente »", inclusive: "Agent/Agente" },
    { label: "« Agent / Agente »", inclusive: "Agent / Agente" },
    { label: "« Agent/e »", inclusive: "Agent/e" },
    { label: "« Agent ou agente »", inclusive: "Agent ou agente" },
  ])("$label joins « Agent » and « Agente », and is shown alone when most frequent", ({ inclusive }) => {
    const rows = [person("F", inclusive), person("H", inclusive), person("H", "Agent"), person("F", "Agente")];
    const jobs = jobsFromStaffRows(rows);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ label: inclusive, women: 2, men: 2 });
  });

  it("the jobs were wrongly 0 % and 100 % women; merged, the job is mixed", () => {
    const rows = [person("H", "Chargé d'insertion"), person("H", "Chargé d'insertion"), person("F", "Chargée d'insertion"), person("F", "Chargée d'insertion")];
    const mixity = computeMixity(jobsFromStaffRows(rows));
    expect(mixity.jobs).toHaveLength(1);
    expect(mixity.jobs[0]).toMatchObject({ shareWomen: 0.5, class: "mixte" });
    expect(mixity.mixedJobs).toBe(1);
  });

  it("merges within a population only", () => {
    const jobs = jobsFromStaffRows([person("H", "Conseiller", "permanent"), person("F", "Conseillère", "parcours"), person("F", "Conseillère", "permanent")]);
    expect(jobs).toEqual([
      { label: "Conseiller / Conseillère", population: "permanent", women: 1, men: 1, womenFte: 1, menFte: 1 },
      { label: "Conseillère", population: "parcours", women: 1, men: 0, womenFte: 1, menFte: 0 },
    ]);
  });

  it("spelling variants of each form still go together, shown as first met", () => {
    const rows = [person("H", "chargé d’insertion"), person("F", "Chargée d'insertion"), person("F", "CHARGEE D'INSERTION"), person("H", "Chargé d'insertion")];
    expect(jobsFromStaffRows(rows).map((j) => [j.label, j.women, j.men])).toEqual([["chargé d’insertion / Chargée d'insertion", 2, 2]]);
  });
});

describe("different jobs stay apart", () => {
  it.each([
    { label: "different complements", titles: ["Agent de tri", "Agente d'accueil"] },
    { label: "a complement that differs by an e", titles: ["Agent de port", "Agent de porte"] },
    { label: "more words on one side", titles: ["Vendeur en boutique", "Vendeuse"] },
    { label: "the other title's first word only", titles: ["Technicien / agent de maîtrise", "Technicienne"] },
    { label: "a plural (not in the rule)", titles: ["Chargé de mission", "Chargées de mission"] },
    { label: "-ffe (not in the rule)", titles: ["Chef d'équipe", "Cheffe d'équipe"] },
    { label: "« e-commerce » is not an ending", titles: ["Chargé e-commerce", "Chargé commerce"] },
    { label: "different jobs", titles: ["Directeur", "Directrice d'établissement"] },
    { label: "a two-letter stem", titles: ["Ré", "Rée"] },
  ])("$label: $titles", ({ titles }) => {
    const jobs = jobsFromStaffRows(titles.map((t, i) => person(i % 2 ? "F" : "H", t)));
    expect(jobs.map((j) => j.label).sort()).toEqual([...titles].sort());
  });
});

describe("groupJobTitles", () => {
  const group = (...titles: [string, number][]) => groupJobTitles(titles.map(([label, people]) => ({ label, people })));

  it.each([
    {
      label: "equal people: the form met first goes first",
      titles: [["Vendeur", 2], ["Vendeuse", 2]] as [string, number][],
      expected: [{ label: "Vendeur / Vendeuse", members: [0, 1] }],
    },
    {
      label: "three forms: the two most numerous of opposite genders",
      titles: [["Agent", 1], ["Agente", 5], ["Agent d'accueil", 3], ["Agent·e", 2]] as [string, number][],
      expected: [
        { label: "Agente / Agent", members: [0, 1, 3] },
        { label: "Agent d'accueil", members: [2] },
      ],
    },
    {
      label: "one gender and an inclusive form: the inclusive form",
      titles: [["Chargé d'insertion", 8], ["Chargé·e d'insertion", 1]] as [string, number][],
      // normalizeText already reads « Chargé·e » as « chargé »: one spelling family, first met.
      expected: [{ label: "Chargé d'insertion", members: [0, 1] }],
    },
    {
      label: "one gender and a doublet: the doublet",
      titles: [["Chargée d'insertion", 8], ["Chargée d'insertion / Chargé d'insertion", 1]] as [string, number][],
      expected: [{ label: "Chargée d'insertion / Chargé d'insertion", members: [0, 1] }],
    },
    {
      label: "titles alone keep their own spelling",
      titles: [["  Menuisier", 2], ["Agent·e de tri", 1]] as [string, number][],
      expected: [
        { label: "  Menuisier", members: [0] },
        { label: "Agent·e de tri", members: [1] },
      ],
    },
  ])("$label", ({ titles, expected }) => {
    expect(group(...titles)).toEqual(expected);
  });

  it(`a doublet longer than ${STAFF_LABEL_MAX_LENGTH} characters is not shown: the most frequent form alone`, () => {
    const masculine = `Chargé d'insertion ${"professionnelle ".repeat(6).trim()}`;
    const feminine = masculine.replace("Chargé", "Chargée");
    expect(masculine.length + feminine.length + GENDERED_LABEL_SEPARATOR.length).toBeGreaterThan(STAFF_LABEL_MAX_LENGTH);
    expect(group([masculine, 1], [feminine, 2])).toEqual([{ label: feminine, members: [0, 1] }]);
  });

  it("an empty list gives no group", () => {
    expect(groupJobTitles([])).toEqual([]);
  });
});

describe("words", () => {
  it.each([
    ["chargee", "charge", true],
    ["conseillere", "conseiller", true],
    ["vendeuse", "vendeur", true],
    ["animatrice", "animateur", true],
    ["technicienne", "technicien", true],
    ["encadrante", "encadrant", true],
    ["agente", "agent", true],
    ["adjointe", "adjoint", true],
    ["agent", "agente", false],
    ["cheffe", "chef", false],
    ["ree", "re", false],
    ["directrice", "directeur", true],
    ["vendeur", "vendeuse", false],
    ["italienne", "italie", false],
  ] as const)("« %s » is the feminine of « %s »: %s", (feminine, masculine, expected) => {
    expect(isFeminineOf(feminine, masculine)).toBe(expected);
  });

  it("masculine candidates, most specific first", () => {
    expect(masculineCandidates("animatrice")).toEqual(["animateur", "animatric"]);
    expect(masculineCandidates("vendeuse")).toEqual(["vendeur", "vendeus"]);
    expect(masculineCandidates("technicienne")).toEqual(["technicien", "technicienn"]);
    expect(masculineCandidates("agent")).toEqual([]);
    expect(masculineCandidates("2e")).toEqual([]);
  });

  it.each([
    { title: "Chargé d'insertion", words: ["charge", "d", "insertion"], inclusive: false },
    { title: "Chauffeur-livreur", words: ["chauffeur", "livreur"], inclusive: false },
    { title: "Technicien ou agent de maîtrise", words: ["technicien", "ou", "agent", "de", "maitrise"], inclusive: false },
    { title: "Agent·e d'entretien", words: ["agent", "d", "entretien"], inclusive: true },
    { title: "Employé(e)s", words: ["employes"], inclusive: true },
    { title: "Technicien-ne", words: ["technicien"], inclusive: true },
    { title: "Animateur·trice", words: ["animateur"], inclusive: true },
    { title: "Animateur(trice)", words: ["animateur"], inclusive: true },
    { title: "Chargé/Chargée d'insertion", words: ["charge", "d", "insertion"], inclusive: true },
    { title: "Chargée d'insertion / Chargé d'insertion", words: ["charge", "d", "insertion"], inclusive: true },
    { title: "Vendeur ou vendeuse", words: ["vendeur"], inclusive: true },
  ])("« $title » → $words", ({ title, words, inclusive }) => {
    expect(titleWords(title)).toEqual({ words, inclusive });
  });
});
