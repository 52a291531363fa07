import { describe, expect, it } from "vitest";
import { TOP_PAY_COUNT, computeIndex, parseIndexInput } from "../../diagnostics/index/index.ts";
import { computeMixity } from "../../diagnostics/mixity.ts";
import {
  DEFAULT_MONTHS_PRESENT,
  INDEX_MIN_MONTHS_PRESENT,
  LEGAL_WEEKLY_HOURS,
  STAFF_FILE_MAX_BYTES,
  STAFF_FILE_MAX_ERRORS,
  STAFF_FILE_MAX_ROWS,
  STAFF_MAX_AGE,
  STAFF_MIN_AGE,
  StaffRowSchema,
  buildXlsx,
  columnLetters,
  detectSeparator,
  forbiddenColumnKind,
  fullTimeEquivalentPay,
  indexInputFromStaffRows,
  indexPopulationFromStaffRows,
  jobsFromStaffRows,
  matchStaffColumn,
  parseFrenchNumber,
  parseStaffCsvText,
  parseStaffFile,
  readAge,
  readCsp,
  readPay,
  readPopulation,
  readSex,
  readTimeShare,
  readYesNo,
  staffFileErrorSummary,
  staffFileTemplateCsv,
  staffFileTemplateXlsx,
  topPaySexes,
  type StaffFileOptions,
  type StaffFileResult,
  type StaffRow,
} from "../../diagnostics/staff-file/index.ts";

const NBSP = "\u00a0";
const REF: StaffFileOptions = { referenceDate: "2025-12-31" };
const HEADER = "Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Augmentation;Promotion";
const ROWS = [
  "F;Agente d'entretien;parcours;employé;34;80 %;12;15 120,00;non;non",
  "H;Ouvrier espaces verts;CDDI;ouvrier;<30;100 %;7;9 850,50;oui;non",
  "F;Encadrante technique;permanent;technicien;40-49;1;12;27 600;oui;oui",
];
const ROW_KEYS = [
  "sex",
  "job",
  "population",
  "csp",
  "ageBand",
  "timeShare",
  "monthsPresent",
  "annualGrossPay",
  "raised",
  "promoted",
  "maternityReturn",
  "raisedOnReturn",
  "raisesDuringLeave",
  "coefficient",
].sort();

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (lines: string[], sep = ";") => utf8(lines.map((l) => l.replaceAll(";", sep)).join("\n"));

/** Windows-1252 bytes of a text made of Latin-1 characters (é → 0xE9). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Latin-1: ${c}`);
    return code;
  }));
}

async function parse(bytes: Uint8Array, name = "personnel.csv", options: StaffFileOptions = {}): Promise<StaffFileResult> {
  return parseStaffFile(bytes, name, { ...REF, ...options });
}

async function rowsOf(bytes: Uint8Array, name = "personnel.csv", options: StaffFileOptions = {}): Promise<StaffRow[]> {
  const result = await parse(bytes, name, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.rows;
}

async function errorsOf(bytes: Uint8Array, name = "personnel.csv", options: StaffFileOptions = {}) {
  const result = await parse(bytes, name, options);
  if (result.ok) throw new Error("expected a failure");
  expect(result).not.toHaveProperty("rows");
  return result;
}

const EXPECTED_ROWS: StaffRow[] = [
  {
    sex: "F",
    job: "Agente d'entretien",
    population: "parcours",
    csp: "employes",
    ageBand: "30-39",
    timeShare: 0.8,
    monthsPresent: 12,
    annualGrossPay: 15120,
    raised: false,
    promoted: false,
    maternityReturn: null,
    raisedOnReturn: null,
    raisesDuringLeave: null,
    coefficient: null,
  },
  {
    sex: "H",
    job: "Ouvrier espaces verts",
    population: "parcours",
    csp: "ouvriers",
    ageBand: "<30",
    timeShare: 1,
    monthsPresent: 7,
    annualGrossPay: 9850.5,
    raised: true,
    promoted: false,
    maternityReturn: null,
    raisedOnReturn: null,
    raisesDuringLeave: null,
    coefficient: null,
  },
  {
    sex: "F",
    job: "Encadrante technique",
    population: "permanent",
    csp: "techniciens_agents_maitrise",
    ageBand: "40-49",
    timeShare: 1,
    monthsPresent: 12,
    annualGrossPay: 27600,
    raised: true,
    promoted: true,
    maternityReturn: null,
    raisedOnReturn: null,
    raisesDuringLeave: null,
    coefficient: null,
  },
];

function person(overrides: Partial<StaffRow> = {}): StaffRow {
  return {
    sex: "F",
    job: "Agent",
    population: "parcours",
    csp: "ouvriers",
    ageBand: "30-39",
    timeShare: 1,
    monthsPresent: 12,
    annualGrossPay: 20000,
    raised: false,
    promoted: false,
    maternityReturn: false,
    raisedOnReturn: false,
    raisesDuringLeave: null,
    coefficient: null,
    ...overrides,
  };
}

describe("constants", () => {
  it("pins the limits", () => {
    expect(STAFF_FILE_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(STAFF_FILE_MAX_ROWS).toBe(50_000);
    expect(STAFF_FILE_MAX_ERRORS).toBe(200);
  });
  it("pins the regulatory values", () => {
    expect(INDEX_MIN_MONTHS_PRESENT).toBe(6);
    expect(LEGAL_WEEKLY_HOURS).toBe(35);
    expect(DEFAULT_MONTHS_PRESENT).toBe(12);
    expect(TOP_PAY_COUNT).toBe(10);
    expect([STAFF_MIN_AGE, STAFF_MAX_AGE]).toEqual([14, 100]);
  });
});

describe("CSV formats", () => {
  it.each([
    { label: "semicolon", sep: ";" },
    { label: "tab", sep: "\t" },
  ])("$label separator", async ({ sep }) => {
    expect(await rowsOf(csv([HEADER, ...ROWS], sep))).toEqual(EXPECTED_ROWS);
  });

  it("comma separator with quoted decimal commas", async () => {
    const lines = [
      HEADER.replaceAll(";", ","),
      'F,Agente d\'entretien,parcours,employé,34,80 %,12,"15 120,00",non,non',
      'H,Ouvrier espaces verts,CDDI,ouvrier,<30,100 %,7,"9 850,50",oui,non',
      "F,Encadrante technique,permanent,technicien,40-49,1,12,27600,oui,oui",
    ];
    expect(await rowsOf(utf8(lines.join("\r\n")))).toEqual(EXPECTED_ROWS);
  });

  it("comma separator with an unquoted decimal comma → extra-values error", async () => {
    const lines = [HEADER.replaceAll(";", ","), "F,Agente,parcours,employé,34,0,8,12,15120,non,non"];
    const result = await errorsOf(utf8(lines.join("\n")));
    expect(result.errors[0]).toEqual({
      line: 2,
      column: null,
      message: expect.stringContaining(`Ligne 2${NBSP}: 11 valeurs pour 10 colonnes d'en-tête`),
    });
  });

  it.each([
    { label: "semicolon", line: "a;b;c,d", expected: ";" },
    { label: "tab", line: "a\tb\tc,d", expected: "\t" },
    { label: "comma", line: "a,b,c;d", expected: "," },
    { label: "separators inside quotes ignored", line: '"a;b;c",x,y', expected: "," },
    { label: "single column defaults to semicolon", line: "sexe", expected: ";" },
  ])("detects the separator: $label", ({ line, expected }) => {
    expect(detectSeparator(`${line}\n1;2`)).toBe(expected);
  });

  it("UTF-8 with BOM and CRLF", async () => {
    const text = `\ufeff${[HEADER, ...ROWS].join("\r\n")}\r\n`;
    expect(await rowsOf(utf8(text))).toEqual(EXPECTED_ROWS);
  });

  it("Windows-1252 bytes (0xE9 for é) are detected and decoded", async () => {
    const bytes = cp1252([HEADER, ...ROWS].join("\r\n"));
    expect(bytes.includes(0xe9)).toBe(true);
    const result = await parse(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toEqual(EXPECTED_ROWS);
    expect(result.warnings.map((w) => w.message)).toContain("Fichier lu dans l'encodage Windows-1252 (CSV enregistré par Excel).");
  });

  it("UTF-16 with BOM (Excel « texte Unicode »)", async () => {
    const text = [HEADER, ...ROWS].join("\r\n").replaceAll(";", "\t");
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(await rowsOf(bytes)).toEqual(EXPECTED_ROWS);
  });

  it("blank lines are skipped but counted in line numbers; quoted line breaks too", async () => {
    const lines = [HEADER, "", ROWS[0], '"F";"Emploi sur', 'deux lignes";parcours;employé;34;80 %;12;15000;non;non', ";;;;", "X;A;parcours;employé;34;1;12;1;non;non"];
    const result = await errorsOf(csv(lines));
    expect(result.errors).toEqual([
      { line: 7, column: "Sexe", message: `Ligne 7, colonne «${NBSP}Sexe${NBSP}»${NBSP}: valeur «${NBSP}X${NBSP}» non reconnue, attendu F ou H.` },
    ]);
  });

  it("Excel's « sep=; » first line sets the separator and counts as line 1", async () => {
    const result = await errorsOf(utf8(["sep=;", HEADER, ROWS[0].replace("F;", "Z;")].join("\r\n")));
    expect(result.errors[0]).toMatchObject({ line: 3, column: "Sexe" });
    expect(await rowsOf(utf8(["sep=,", HEADER.replaceAll(";", ","), "F,A,parcours,employé,34,1,12,\"15 120,00\",non,non"].join("\n")))).toHaveLength(1);
  });

  it("parseStaffCsvText reads already-decoded text", () => {
    const result = parseStaffCsvText([HEADER, ...ROWS].join("\n"), REF);
    expect(result.ok && result.rows).toEqual(EXPECTED_ROWS);
  });
});

describe("French numbers", () => {
  it.each([
    { input: "1 234,50 €", expected: 1234.5 },
    { input: `1${NBSP}234,50${NBSP}€`, expected: 1234.5 },
    { input: "1\u202f234,50", expected: 1234.5 },
    { input: "1.234,50", expected: 1234.5 },
    { input: "1.234", expected: 1234 },
    { input: "12.345.678,9", expected: 12345678.9 },
    { input: "12 345 678", expected: 12345678 },
    { input: "1234.5", expected: 1234.5 },
    { input: "€ 1 234", expected: 1234 },
    { input: "1234 EUR", expected: 1234 },
    { input: "1 500 euros", expected: 1500 },
    { input: "1,234.50", expected: 1234.5 },
    { input: "0", expected: 0 },
  ])("pay « $input » → $expected", ({ input, expected }) => {
    expect(readPay(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["12 34", "abc", "1,2,3", "1..2", "€", "1 234 5"])("pay « %s » is refused", (input) => {
    expect(readPay(input).ok).toBe(false);
  });

  it("negative and missing pay are refused; spreadsheet numbers pass through", () => {
    expect(readPay("-5")).toEqual({ ok: false, message: `montant négatif «${NBSP}-5${NBSP}», attendu un montant annuel brut en euros (par exemple 18 500,00)` });
    expect(readPay("")).toMatchObject({ ok: false, message: expect.stringContaining("valeur manquante") });
    expect(readPay(18500.25)).toEqual({ ok: true, value: 18500.25 });
  });

  it("a point followed by 3 digits is a thousands separator only where allowed", () => {
    expect(parseFrenchNumber("1.234", { thousandsDot: true })).toBe(1234);
    expect(parseFrenchNumber("1.234")).toBe(1.234);
    expect(parseFrenchNumber("0.800", { thousandsDot: true })).toBe(0.8);
    expect(parseFrenchNumber("0,8")).toBe(0.8);
  });
});

describe("value synonyms", () => {
  it.each([
    ["F", "F"], ["f", "F"], ["Femme", "F"], ["féminin", "F"], ["2", "F"], ["Mme", "F"],
    ["H", "H"], ["h", "H"], ["m", "H"], ["Homme", "H"], ["MASCULIN", "H"], ["1", "H"],
  ])("sex « %s » → %s", (input, expected) => {
    expect(readSex(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["permanent", "permanent"], ["Permanente", "permanent"], ["Salarié permanent", "permanent"], ["personnel permanent", "permanent"],
    ["parcours", "parcours"], ["Insertion", "parcours"], ["CDDI", "parcours"], ["salarié en parcours", "parcours"],
    ["Salarié·e en parcours d'insertion", "parcours"], ["RQTH", "parcours"], ["travailleur accompagné", "parcours"], ["alternant", "parcours"],
  ])("population « %s » → %s", (input, expected) => {
    expect(readPopulation(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["ouvrier", "ouvriers"], ["Ouvriers", "ouvriers"], ["ouvrière qualifiée", "ouvriers"],
    ["employé", "employes"], ["Employées", "employes"], ["employé·e·s", "employes"],
    ["technicien", "techniciens_agents_maitrise"], ["agent de maîtrise", "techniciens_agents_maitrise"], ["TAM", "techniciens_agents_maitrise"],
    ["Techniciens et agents de maîtrise", "techniciens_agents_maitrise"],
    ["cadre", "ingenieurs_cadres"], ["Ingénieur", "ingenieurs_cadres"], ["ingénieurs et cadres", "ingenieurs_cadres"], ["IC", "ingenieurs_cadres"],
  ])("CSP « %s » → %s", (input, expected) => {
    expect(readCsp(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["<30", "<30"], ["< 30 ans", "<30"], ["moins de 30 ans", "<30"], ["18-29", "<30"], ["29", "<30"],
    ["30", "30-39"], ["30-39", "30-39"], ["30 à 39 ans", "30-39"], ["de 30 à 39 ans", "30-39"], ["39 ans", "30-39"],
    ["40-49", "40-49"], ["entre 40 et 49 ans", "40-49"], ["49", "40-49"],
    ["50", "50+"], ["50+", "50+"], ["50 ans et plus", "50+"], ["plus de 50 ans", "50+"], ["≥ 50", "50+"], ["65", "50+"],
  ])("age « %s » → %s", (input, expected) => {
    expect(readAge(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { label: `${STAFF_MIN_AGE - 1} (too young)`, input: STAFF_MIN_AGE - 1, ok: false },
    { label: `${STAFF_MIN_AGE}`, input: STAFF_MIN_AGE, ok: true },
    { label: `${STAFF_MAX_AGE}`, input: STAFF_MAX_AGE, ok: true },
    { label: `${STAFF_MAX_AGE + 1} (implausible)`, input: STAFF_MAX_AGE + 1, ok: false },
  ])("age bounds: $label", ({ input, ok }) => {
    expect(readAge(input).ok).toBe(ok);
  });

  it("a range across two bands is refused", () => {
    expect(readAge("35-44")).toEqual({ ok: false, message: `tranche «${NBSP}35-44${NBSP}» à cheval sur plusieurs tranches, attendu <30, 30-39, 40-49 ou 50+` });
  });

  it.each([
    { input: "80 %", expected: 0.8 },
    { input: `80${NBSP}%`, expected: 0.8 },
    { input: "80", expected: 0.8 },
    { input: "0,8", expected: 0.8 },
    { input: "0.8", expected: 0.8 },
    { input: "1", expected: 1 },
    { input: "100 %", expected: 1 },
    { input: "temps plein", expected: 1 },
    { input: "26 h", expected: 26 / LEGAL_WEEKLY_HOURS },
    { input: "17,5 heures", expected: 0.5 },
    { input: `${LEGAL_WEEKLY_HOURS}h`, expected: 1 },
    { input: 0.5, expected: 0.5 },
    { input: 50, expected: 0.5 },
  ])("time share « $input » → $expected", ({ input, expected }) => {
    expect(readTimeShare(input, LEGAL_WEEKLY_HOURS)).toEqual({ ok: true, value: expected });
  });

  it.each(["0", "0 %", "120 %", "101", "39 h", "beaucoup", ""])("time share « %s » is refused", (input) => {
    expect(readTimeShare(input, LEGAL_WEEKLY_HOURS).ok).toBe(false);
  });

  it.each([
    ["oui", true], ["Oui", true], ["O", true], ["x", true], ["1", true], [true, true],
    ["non", false], ["N", false], ["0", false], ["", false], [null, false], [false, false],
  ])("yes/no « %s » → %s", (input, expected) => {
    expect(readYesNo(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["Genre", "sex"], ["Sexe (F/H)", "sex"], ["Métier", "job"], ["Intitulé du poste", "job"], ["Nom du poste", "job"],
    ["Public", "population"], ["Catégorie socioprofessionnelle", "csp"], ["Tranche d'âge", "age"], ["AGE au 31/12", "age"],
    ["Date de naissance", "birthDate"], ["Quotité", "timeShare"], ["Temps de travail (%)", "timeShare"],
    ["Nombre de mois de présence", "monthsPresent"], ["Salaire annuel brut", "annualGrossPay"],
    ["Rémunération annuelle brute (€)", "annualGrossPay"], ["Augmentation individuelle", "raised"], ["Promu·e", "promoted"],
    ["Retour de congé maternité ou d'adoption", "maternityReturn"], ["Augmenté·e au retour", "raisedOnReturn"],
    ["Augmentations pendant le congé", "raisesDuringLeave"], ["Coefficient", "coefficient"], ["Niveau", "coefficient"],
  ])("header « %s » → %s", (header, expected) => {
    expect(matchStaffColumn(header)).toBe(expected);
  });

  it.each(["Salaire horaire", "Salaire mensuel brut", "Rémunération nette", "Commentaire", "Poste de travail n°"])(
    "header « %s » is not recognised",
    (header) => {
      expect(matchStaffColumn(header)).toBeNull();
    },
  );

  it("a file with synonym headers and values", async () => {
    const lines = [
      "Genre;Métier;Public;Catégorie socioprofessionnelle;Tranche d'âge;Quotité;Présence;Salaire annuel brut (€);Augmenté·e;Promu·e",
      "Femme;Agente d'entretien;Salariée en parcours;Employée;30 à 39 ans;0,8;12;15 120,00 €;Non;Non",
      "2;Encadrante technique;Permanente;Agent de maîtrise;40-49;100;12;27600;X;1",
    ];
    const rows = await rowsOf(csv(lines));
    expect(rows).toEqual([
      { ...EXPECTED_ROWS[0], raised: false, promoted: false },
      { ...EXPECTED_ROWS[2], raised: true, promoted: true },
    ]);
  });
});

describe("personal data", () => {
  it("birth dates become age bands at the reference date and are never output", async () => {
    const lines = [
      "Sexe;Emploi;Population;CSP;Date de naissance;Temps de travail;Rémunération annuelle brute",
      "F;A;parcours;ouvrier;01/01/1996;1;20000",
      "F;A;parcours;ouvrier;31/12/1995;1;20000",
      "H;A;parcours;ouvrier;1976-01-01;1;20000",
      "H;A;parcours;ouvrier;31.12.1975;1;20000",
    ];
    const result = await parse(csv(lines));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.ageBand)).toEqual(["<30", "30-39", "40-49", "50+"]);
    for (const row of result.rows) expect(Object.keys(row).sort()).toEqual(ROW_KEYS);
    expect(JSON.stringify(result)).not.toMatch(/1996|1995|1976|1975/);
    expect(result.warnings.map((w) => w.message)).toContain(
      `Les dates de naissance ont servi à calculer la tranche d'âge au 31/12/2025, puis ont été supprimées${NBSP}: elles ne sont pas conservées.`,
    );
  });

  it("an invalid birth date is reported without echoing the value", async () => {
    const lines = ["Sexe;Emploi;Population;CSP;Date de naissance;Temps de travail;Rémunération annuelle brute", "F;A;parcours;ouvrier;31/02/1990;1;20000"];
    const result = await errorsOf(csv(lines));
    expect(result.errors[0].message).toBe(
      `Ligne 2, colonne «${NBSP}Date de naissance${NBSP}»${NBSP}: date non reconnue, attendu une date au format jj/mm/aaaa.`,
    );
  });

  it.each([
    { header: "Nom", kind: "name", what: "des noms ou prénoms" },
    { header: "Prénom", kind: "name", what: "des noms ou prénoms" },
    { header: "Nom de famille", kind: "name", what: "des noms ou prénoms" },
    { header: "NIR", kind: "nir", what: "des numéros de sécurité sociale (NIR)" },
    { header: "N° de sécurité sociale", kind: "nir", what: "des numéros de sécurité sociale (NIR)" },
    { header: "Courriel", kind: "contact", what: "des coordonnées personnelles" },
  ])("refuses a « $header » column", async ({ header, kind, what }) => {
    expect(forbiddenColumnKind(header)).toBe(kind);
    const lines = [`${header};${HEADER}`, `Dupont;${ROWS[0]}`];
    const result = await errorsOf(csv(lines));
    expect(result.errors).toEqual([
      {
        line: 1,
        column: header,
        message: `Ligne 1, colonne «${NBSP}${header}${NBSP}»${NBSP}: cette colonne contient ${what}. Supprimez-la avant l'import, le fichier doit être anonymisé.`,
      },
    ]);
    expect(JSON.stringify(result)).not.toContain("Dupont");
  });

  it("refuses a job label that looks like a social-security number", async () => {
    const result = await errorsOf(csv([HEADER, ROWS[0].replace("Agente d'entretien", "2 85 05 59 350 123 45")]));
    expect(result.errors[0]).toMatchObject({ line: 2, column: "Emploi", message: expect.stringContaining("numéro de sécurité sociale") });
  });

  it("unknown columns are ignored with a warning and never output", async () => {
    const result = await parse(csv([`${HEADER};Commentaire`, `${ROWS[0]};secret`]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.rows)).not.toContain("secret");
    expect(result.warnings).toContainEqual({
      line: 1,
      column: "Commentaire",
      message: `Ligne 1, colonne «${NBSP}Commentaire${NBSP}»${NBSP}: colonne non reconnue, ignorée.`,
    });
  });
});

describe("errors: line, column and French message", () => {
  const header = "sexe;emploi;population;csp;âge;temps de travail;rémunération annuelle brute;retour de congé maternité;augmentée au retour";
  const good = "F;Agente;parcours;employé;34;1;20000;non;non";
  const q = (s: string) => `«${NBSP}${s}${NBSP}»`;

  it.each([
    { label: "sex", row: "X;Agente;parcours;employé;34;1;20000;non;non", column: "sexe", detail: `valeur ${q("X")} non reconnue, attendu F ou H` },
    { label: "missing sex", row: ";Agente;parcours;employé;34;1;20000;non;non", column: "sexe", detail: "valeur manquante, attendu F ou H" },
    { label: "empty job", row: "F;;parcours;employé;34;1;20000;non;non", column: "emploi", detail: "intitulé d'emploi manquant" },
    { label: "population", row: "F;Agente;stagiaire;employé;34;1;20000;non;non", column: "population", detail: `valeur ${q("stagiaire")} non reconnue, attendu permanent ou parcours` },
    { label: "csp", row: "F;Agente;parcours;artisan;34;1;20000;non;non", column: "csp", detail: `valeur ${q("artisan")} non reconnue, attendu ouvrier, employé, technicien ou agent de maîtrise (TAM), ingénieur ou cadre` },
    { label: "age", row: "F;Agente;parcours;employé;vieux;1;20000;non;non", column: "âge", detail: `valeur ${q("vieux")} non reconnue, attendu un âge en années ou une tranche (<30, 30-39, 40-49, 50+)` },
    { label: "time share", row: "F;Agente;parcours;employé;34;150 %;20000;non;non", column: "temps de travail", detail: `${q("150 %")} hors limites, attendu un pourcentage (80${NBSP}%), une part (0,8) ou des heures par semaine (28${NBSP}h), entre 0 et 100${NBSP}% (0 exclu)` },
    { label: "pay", row: "F;Agente;parcours;employé;34;1;beaucoup;non;non", column: "rémunération annuelle brute", detail: `valeur ${q("beaucoup")} non reconnue, attendu un montant annuel brut en euros (par exemple 18 500,00)` },
    { label: "yes/no", row: "F;Agente;parcours;employé;34;1;20000;peut-être;non", column: "retour de congé maternité", detail: `valeur ${q("peut-être")} non reconnue, attendu oui ou non` },
    { label: "raised on return without return", row: "F;Agente;parcours;employé;34;1;20000;non;oui", column: "augmentée au retour", detail: `${q("augmentée au retour")} ne peut être ${q("oui")} que si ${q("retour de congé maternité")} est ${q("oui")}` },
  ])("$label", async ({ row, column, detail }) => {
    const result = await errorsOf(csv([header, good, good, row]));
    expect(result.errors).toEqual([{ line: 4, column, message: `Ligne 4, colonne ${q(column)}${NBSP}: ${detail}.` }]);
    expect(result.errorCount).toBe(1);
  });

  it("reports every bad cell of a row and of every row", async () => {
    const result = await errorsOf(csv([header, "X;Agente;stagiaire;employé;34;1;20000;non;non", good, "F;Agente;parcours;employé;34;0;-3;non;non"]));
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "sexe"],
      [2, "population"],
      [4, "temps de travail"],
      [4, "rémunération annuelle brute"],
    ]);
  });

  it("a missing required column is one error naming it", async () => {
    const result = await errorsOf(csv(["Sexe;Emploi;Population;Âge;Temps de travail;Rémunération annuelle brute", "F;A;parcours;34;1;20000"]));
    expect(result.errors).toEqual([
      { line: 1, column: null, message: `Ligne 1${NBSP}: colonne obligatoire «${NBSP}CSP${NBSP}» introuvable dans l'en-tête.` },
    ]);
  });

  it("a missing age column names its alternatives", async () => {
    const result = await errorsOf(csv(["Sexe;Emploi;Population;CSP;Temps de travail;Rémunération annuelle brute", "F;A;parcours;ouvrier;1;20000"]));
    expect(result.errors[0].message).toBe(
      `Ligne 1${NBSP}: colonne obligatoire «${NBSP}Tranche d'âge${NBSP}» (ou «${NBSP}Âge${NBSP}» ou «${NBSP}Date de naissance${NBSP}») introuvable dans l'en-tête.`,
    );
  });

  it("a header row with no known column says so once", async () => {
    const result = await errorsOf(csv(["F;A;parcours;ouvrier;1;20000", "F;A;parcours;ouvrier;1;20000"]));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/^Ligne 1\u00a0: aucune colonne reconnue/);
  });

  it("two columns for the same data", async () => {
    const result = await errorsOf(csv([`${HEADER};Genre`, `${ROWS[0]};F`]));
    expect(result.errors).toEqual([
      {
        line: 1,
        column: "Genre",
        message: `Ligne 1, colonne «${NBSP}Genre${NBSP}»${NBSP}: cette colonne désigne la même donnée que la colonne «${NBSP}Sexe${NBSP}», gardez-en une seule.`,
      },
    ]);
  });

  it("all or nothing: one bad row among valid ones returns no rows", async () => {
    const result = await parse(csv([HEADER, ...ROWS, ROWS[0].replace("F;", "Z;")]));
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty("rows");
  });

  it(`caps the errors at ${STAFF_FILE_MAX_ERRORS} and counts the rest`, async () => {
    const bad = Array.from({ length: STAFF_FILE_MAX_ERRORS + 50 }, () => ROWS[0].replace("F;", "Z;"));
    const result = await errorsOf(csv([HEADER, ...bad]));
    expect(result.errors).toHaveLength(STAFF_FILE_MAX_ERRORS);
    expect(result.errorCount).toBe(STAFF_FILE_MAX_ERRORS + 50);
    expect(result.errors[STAFF_FILE_MAX_ERRORS - 1].line).toBe(STAFF_FILE_MAX_ERRORS + 1);
    expect(staffFileErrorSummary(result)).toBe(
      `250 erreurs trouvées, les 200 premières sont affichées${NBSP}: aucune ligne n'a été importée. Corrigez le fichier puis importez-le de nouveau.`,
    );
  });

  it("the error cap is configurable; the summary agrees in number", async () => {
    const result = await errorsOf(csv([HEADER, ROWS[0].replace("F;", "Z;")]), "p.csv", { maxErrors: 5 });
    expect(staffFileErrorSummary(result)).toBe(
      `1 erreur trouvée${NBSP}: aucune ligne n'a été importée. Corrigez le fichier puis importez-le de nouveau.`,
    );
  });
});

describe("limits", () => {
  const bytes = csv([HEADER, ...ROWS]);
  const size = bytes.length;

  it.each([
    { label: "size = limit − 1", maxBytes: size + 1, ok: true },
    { label: "size = limit", maxBytes: size, ok: true },
    { label: "size = limit + 1", maxBytes: size - 1, ok: false },
  ])("file $label", async ({ maxBytes, ok }) => {
    const result = await parse(bytes, "p.csv", { maxBytes });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.errors[0].message).toBe(
        `Le fichier pèse ${size}${NBSP}octets${NBSP}: la taille maximale est de ${size - 1}${NBSP}octets. Supprimez les colonnes inutiles ou découpez-le.`,
      );
    }
  });

  it("the default size limit is 10 Mo", async () => {
    const big = new Uint8Array(STAFF_FILE_MAX_BYTES + 1).fill(0x41);
    const result = await errorsOf(big);
    expect(result.errors[0].message).toBe(
      `Le fichier pèse 10,0${NBSP}Mo${NBSP}: la taille maximale est de 10${NBSP}Mo. Supprimez les colonnes inutiles ou découpez-le.`,
    );
  });

  const limit = ROWS.length;
  it.each([
    { label: "rows = limit − 1", maxRows: limit + 1, ok: true },
    { label: "rows = limit", maxRows: limit, ok: true },
    { label: "rows = limit + 1", maxRows: limit - 1, ok: false },
  ])("$label", async ({ maxRows, ok }) => {
    const result = await parse(bytes, "p.csv", { maxRows });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.errors[0].message).toBe(
        `Le fichier contient ${limit} lignes de données${NBSP}: le maximum est de ${maxRows}. Découpez-le en plusieurs fichiers.`,
      );
    }
  });

  it("formats the default row limit with a no-break space", async () => {
    const many = Array.from({ length: STAFF_FILE_MAX_ROWS + 1 }, () => ROWS[0]);
    const result = await errorsOf(csv([HEADER, ...many]));
    expect(result.errors[0].message).toBe(
      `Le fichier contient 50${NBSP}001 lignes de données${NBSP}: le maximum est de 50${NBSP}000. Découpez-le en plusieurs fichiers.`,
    );
  });
});

describe("broken files give French errors, never exceptions", () => {
  const garbage = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256);
  it.each([
    { label: "empty file", bytes: new Uint8Array(0), name: "p.csv", message: "Le fichier est vide.", line: null },
    { label: "only spaces and line breaks", bytes: utf8("  \r\n\r\n ; ;\n"), name: "p.csv", message: "Le fichier est vide.", line: null },
    { label: "only the header", bytes: utf8(`${HEADER}\r\n`), name: "p.csv", message: `Le fichier ne contient que la ligne d'en-tête${NBSP}: aucune personne à importer.`, line: 1 },
    { label: "binary garbage", bytes: garbage, name: "p.csv", message: expect.stringContaining("ne ressemble ni à un fichier CSV"), line: null },
    { label: "truncated UTF-8", bytes: utf8(`${HEADER}\nF;Employé`).slice(0, -1), name: "p.csv", message: expect.stringContaining("semble tronqué"), line: null },
    { label: "old .xls", bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), name: "p.xls", message: expect.stringContaining("(.xls) ne sont pas pris en charge"), line: null },
    { label: ".ods", bytes: utf8("x"), name: "p.ods", message: expect.stringContaining("(.ods) ne sont pas pris en charge"), line: null },
    { label: ".xlsx that is not a zip", bytes: utf8(HEADER), name: "p.xlsx", message: expect.stringContaining("n'est pas un classeur Excel valide"), line: null },
    { label: "truncated .xlsx", bytes: staffFileTemplateXlsx().slice(0, 300), name: "p.xlsx", message: expect.stringContaining("n'a pas pu être lu"), line: null },
    { label: "zip that is not a workbook", bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), name: "p.xlsx", message: expect.stringContaining("n'a pas pu être lu"), line: null },
    { label: "unclosed quote", bytes: utf8(`${HEADER}\n${ROWS[0]}\n"F;A`), name: "p.csv", message: `Ligne 3${NBSP}: guillemet ouvrant sans guillemet fermant, la fin du fichier est illisible.`, line: 3 },
  ])("$label", async ({ bytes, name, message, line }) => {
    const result = await parse(bytes, name);
    expect(result).toEqual({ ok: false, errors: [{ line, column: null, message }], errorCount: 1 });
  });

  it("never rejects on random bytes, with or without a zip signature", async () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 40; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 3000) }, () => Math.floor(random() * 256));
      if (i % 2 === 0) bytes.set([0x50, 0x4b, 0x03, 0x04].slice(0, bytes.length));
      const result = await parse(bytes, i % 3 === 0 ? "p.xlsx" : "p.csv");
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].message.length).toBeGreaterThan(10);
    }
  });

  it("a Windows-1252 file ending with « é » is not mistaken for truncated UTF-8", async () => {
    const result = await parse(cp1252(`${HEADER}\n${ROWS[0]}\nF;Employé;parcours;employé;34;1;12;1;non;non\nF;Agent;parcours;ouvrier;34;1;12;1;non;Employé`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toContain(`valeur «${NBSP}Employé${NBSP}» non reconnue`);
  });
});

describe("templates", () => {
  it("CSV template: BOM, semicolons, French headers, 3 example rows", () => {
    const text = staffFileTemplateCsv();
    expect(text.startsWith("\ufeffSexe;Emploi;Population;CSP;Tranche d'âge;Temps de travail;")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.split(";").length)).size).toBe(1);
  });

  it("CSV and XLSX templates parse to the same 3 rows", async () => {
    const fromCsv = await parse(utf8(staffFileTemplateCsv()), "modele.csv");
    const fromXlsx = await parse(staffFileTemplateXlsx(), "modele.xlsx");
    expect(fromCsv.ok && fromXlsx.ok).toBe(true);
    if (!fromCsv.ok || !fromXlsx.ok) return;
    expect(fromXlsx.format).toBe("xlsx");
    expect(fromXlsx.rows).toHaveLength(3);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.rows[1]).toMatchObject({ sex: "H", timeShare: 26 / LEGAL_WEEKLY_HOURS, monthsPresent: 7, annualGrossPay: 9850.5 });
    expect(fromXlsx.rows[2]).toMatchObject({ maternityReturn: true, raisedOnReturn: true, raisesDuringLeave: true, coefficient: "250" });
    expect(fromXlsx.warnings).toEqual([]);
  });

  it("the XLSX template is a zip with the minimal OOXML parts", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const parts = unzipSync(staffFileTemplateXlsx());
    expect(Object.keys(parts).sort()).toEqual(
      ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"].sort(),
    );
    expect(strFromU8(parts["xl/worksheets/sheet1.xml"])).toContain('t="inlineStr"');
  });

  it("XLSX: errors carry the sheet row number; birth dates as Excel serial numbers", async () => {
    const header = ["Sexe", "Emploi", "Population", "CSP", "Date de naissance", "Temps de travail", "Rémunération annuelle brute"];
    // 35000 = 1995-10-27 in Excel's 1900 date system → 30 years old on 2025-12-31.
    const good = await parse(buildXlsx([header, ["F", "A", "parcours", "ouvrier", 35000, 1, 20000]]), "p.xlsx");
    expect(good.ok && good.rows[0].ageBand).toBe("30-39");
    const bad = await errorsOf(buildXlsx([header, ["F", "A", "parcours", "ouvrier", 35000, 1, 20000], [], ["Q", "A", "parcours", "ouvrier", 35000, 0.5, 1]]), "p.xlsx");
    expect(bad.errors).toEqual([{ line: 4, column: "Sexe", message: `Ligne 4, colonne «${NBSP}Sexe${NBSP}»${NBSP}: valeur «${NBSP}Q${NBSP}» non reconnue, attendu F ou H.` }]);
  });

  it("column letters", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("row schema shared with forms", () => {
  it("accepts a valid row and refuses unknown keys such as a name", () => {
    expect(StaffRowSchema.safeParse(person()).success).toBe(true);
    expect(StaffRowSchema.safeParse({ ...person(), nom: "Dupont" }).success).toBe(false);
  });

  it("gives French messages", () => {
    const result = StaffRowSchema.safeParse({ ...person(), sex: "X", timeShare: 0, raisedOnReturn: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    const messages = result.error.issues.map((i) => i.message);
    expect(messages).toContain(`Sexe attendu${NBSP}: F ou H`);
    expect(messages).toContain(`Temps de travail attendu entre 0 et 100${NBSP}% (0 exclu)`);
    const cross = StaffRowSchema.safeParse({ ...person(), maternityReturn: false, raisedOnReturn: true });
    expect(cross.success || cross.error.issues[0].path).toEqual(["raisedOnReturn"]);
  });
});

describe("derivations", () => {
  it("jobs table: headcount and annual FTE per job and population", async () => {
    const rows = [
      person({ job: "Agent d'entretien", sex: "F", timeShare: 0.8, monthsPresent: 12 }),
      person({ job: "agent d’entretien", sex: "F", timeShare: 0.4, monthsPresent: 6 }),
      person({ job: "Agent d'entretien", sex: "H", timeShare: 1, monthsPresent: 12 }),
      person({ job: "Agent d'entretien", sex: "H", timeShare: 0.5, monthsPresent: 12, population: "permanent" }),
      person({ job: "Encadrant", sex: "H", population: "permanent" }),
    ];
    const jobs = jobsFromStaffRows(rows);
    expect(jobs).toEqual([
      { label: "Agent d'entretien", population: "permanent", women: 0, men: 1, womenFte: 0, menFte: 0.5 },
      { label: "Encadrant", population: "permanent", women: 0, men: 1, womenFte: 0, menFte: 1 },
      { label: "Agent d'entretien", population: "parcours", women: 2, men: 1, womenFte: 1, menFte: 1 },
    ]);
    const mixity = computeMixity(jobs);
    expect(mixity.jobs[2]).toMatchObject({ class: "feminin", classFte: "mixte" });
  });

  it.each([
    { label: `${INDEX_MIN_MONTHS_PRESENT - 1} months → excluded`, months: INDEX_MIN_MONTHS_PRESENT - 1, counted: false },
    { label: `${INDEX_MIN_MONTHS_PRESENT - 0.5} months → excluded`, months: INDEX_MIN_MONTHS_PRESENT - 0.5, counted: false },
    { label: `${INDEX_MIN_MONTHS_PRESENT} months → counted (inclusive)`, months: INDEX_MIN_MONTHS_PRESENT, counted: true },
    { label: `${INDEX_MIN_MONTHS_PRESENT + 1} months → counted`, months: INDEX_MIN_MONTHS_PRESENT + 1, counted: true },
  ])("index population: $label", ({ months, counted }) => {
    const population = indexPopulationFromStaffRows([person({ monthsPresent: months })]);
    expect(population.counted).toHaveLength(counted ? 1 : 0);
    expect(population.excludedShortPresence).toBe(counted ? 0 : 1);
    const input = indexInputFromStaffRows([person({ monthsPresent: months })], { sizeBand: "50-250" });
    expect(input.workforce.reduce((s, r) => s + r.women + r.men, 0)).toBe(counted ? 1 : 0);
  });

  it.each([
    { type: "ACI", parcoursCounted: true },
    { type: "EA", parcoursCounted: true },
    { type: "ESAT", parcoursCounted: false },
    { type: "GEIQ", parcoursCounted: false },
  ] as const)("$type: parcours counted in the index = $parcoursCounted", ({ type, parcoursCounted }) => {
    const rows = [person({ population: "parcours" }), person({ population: "permanent", sex: "H" })];
    const population = indexPopulationFromStaffRows(rows, { structureType: type });
    expect(population.counted).toHaveLength(parcoursCounted ? 2 : 1);
    expect(population.excludedNotEmployees).toBe(parcoursCounted ? 0 : 1);
  });

  it("FTE pay = annual gross / (time share × months / 12)", () => {
    expect(fullTimeEquivalentPay({ annualGrossPay: 9000, timeShare: 0.5, monthsPresent: 9 })).toBe(24000);
    expect(fullTimeEquivalentPay({ annualGrossPay: 11000, timeShare: 1, monthsPresent: 6 })).toBe(22000);
  });

  it("index input on a small hand-computed example (50-250)", () => {
    const rows = [
      person({ sex: "F", csp: "ouvriers", ageBand: "<30", timeShare: 0.5, annualGrossPay: 10000 }), // 20 000 FTE
      person({ sex: "H", csp: "ouvriers", ageBand: "<30", monthsPresent: 6, annualGrossPay: 11000 }), // 22 000 FTE
      person({ sex: "H", csp: "ouvriers", ageBand: "<30", timeShare: 0.8, annualGrossPay: 19200 }), // 24 000 FTE
      person({ sex: "F", csp: "employes", ageBand: "30-39", annualGrossPay: 21000, raised: true }),
      person({ sex: "H", csp: "employes", ageBand: "30-39", monthsPresent: 5, annualGrossPay: 99999, raised: true }), // excluded
      person({ sex: "F", csp: "ingenieurs_cadres", ageBand: "50+", annualGrossPay: 40000, promoted: true, maternityReturn: true, raisedOnReturn: true }),
      person({ sex: "F", csp: "techniciens_agents_maitrise", ageBand: "40-49", timeShare: 0.5, monthsPresent: 9, annualGrossPay: 9000, maternityReturn: true, raisesDuringLeave: false }),
    ];
    const input = indexInputFromStaffRows(rows, { sizeBand: "50-250" });
    expect(input.sizeBand).toBe("50-250");
    expect(input.workforce).toHaveLength(16);
    expect(input.workforce.map((r) => `${r.csp}/${r.ageBand}`).slice(0, 5)).toEqual([
      "ouvriers/<30",
      "ouvriers/30-39",
      "ouvriers/40-49",
      "ouvriers/50+",
      "employes/<30",
    ]);
    expect(input.workforce.filter((r) => r.women + r.men > 0)).toEqual([
      { csp: "ouvriers", ageBand: "<30", women: 1, men: 2 },
      { csp: "employes", ageBand: "30-39", women: 1, men: 0 },
      { csp: "techniciens_agents_maitrise", ageBand: "40-49", women: 1, men: 0 },
      { csp: "ingenieurs_cadres", ageBand: "50+", women: 1, men: 0 },
    ]);
    expect(input.pay.classification).toBe("csp");
    expect(input.pay.groups.filter((g) => g.women + g.men > 0)).toEqual([
      { category: "ouvriers", ageBand: "<30", women: 1, men: 2, avgPayWomen: 20000, avgPayMen: 23000 },
      { category: "employes", ageBand: "30-39", women: 1, men: 0, avgPayWomen: 21000, avgPayMen: null },
      { category: "techniciens_agents_maitrise", ageBand: "40-49", women: 1, men: 0, avgPayWomen: 24000, avgPayMen: null },
      { category: "ingenieurs_cadres", ageBand: "50+", women: 1, men: 0, avgPayWomen: 40000, avgPayMen: null },
    ]);
    expect(input.pay.groups[1]).toEqual({ category: "ouvriers", ageBand: "30-39", women: 0, men: 0, avgPayWomen: null, avgPayMen: null });
    expect(input.raisesAndPromotions).toEqual({ happened: true, raisedWomen: 2, raisedMen: 0 });
    expect(input.raises).toBeNull();
    expect(input.promotions).toBeNull();
    expect(input.maternity).toEqual({ returned: 1, raisedOnReturn: 1 });
    expect(input.top10).toEqual({ women: 4, men: 2 });
  });

  it("no raise and no promotion → happened false, counts null; no return → maternity null", () => {
    const input = indexInputFromStaffRows([person(), person({ sex: "H" })], { sizeBand: "50-250" });
    expect(input.raisesAndPromotions).toEqual({ happened: false, raisedWomen: null, raisedMen: null });
    expect(input.maternity).toBeNull();
  });

  it("251+: per-CSP rates of raises (promotions excluded) and of promotions", () => {
    const rows = [
      person({ sex: "F", raised: true }),
      person({ sex: "F" }),
      person({ sex: "H", raised: true }),
      person({ sex: "H", raised: true, promoted: true }),
      person({ sex: "H" }),
      person({ sex: "H" }),
      person({ sex: "F", csp: "employes", ageBand: "50+" }),
    ];
    const input = indexInputFromStaffRows(rows, { sizeBand: "251+" });
    expect(input.raisesAndPromotions).toBeNull();
    expect(input.raises).toEqual({
      happened: true,
      groups: [
        { csp: "ouvriers", women: 2, men: 4, ratePctWomen: 50, ratePctMen: 50 },
        { csp: "employes", women: 1, men: 0, ratePctWomen: 0, ratePctMen: null },
        { csp: "techniciens_agents_maitrise", women: 0, men: 0, ratePctWomen: null, ratePctMen: null },
        { csp: "ingenieurs_cadres", women: 0, men: 0, ratePctWomen: null, ratePctMen: null },
      ],
    });
    expect(input.promotions?.groups[0]).toEqual({ csp: "ouvriers", women: 2, men: 4, ratePctWomen: 0, ratePctMen: 25 });
    const none = indexInputFromStaffRows([person({ raised: null, promoted: null })], { sizeBand: "251+" });
    expect(none.raises?.happened).toBe(false);
    expect(none.promotions?.groups[0]).toMatchObject({ ratePctWomen: null, ratePctMen: null });
  });

  describe("top 10 ties: the places left at the cut go against the structure", () => {
    const pay = (sex: "F" | "H", annualGrossPay: number) => person({ sex, annualGrossPay });
    it.each([
      {
        label: "men ahead: tied places go to men (3 women, not 5)",
        rows: [...[90, 89, 88].map((p) => pay("F", p * 1000)), ...[99, 98, 97, 96, 95].map((p) => pay("H", p * 1000)), pay("F", 50000), pay("F", 50000), pay("H", 50000), pay("H", 50000)],
        expected: { women: 3, men: 7 },
      },
      {
        label: "women ahead: tied places go to women (2 men, not 4)",
        rows: [...[99, 98, 97, 96, 95, 94].map((p) => pay("F", p * 1000)), ...[90, 89].map((p) => pay("H", p * 1000)), pay("F", 50000), pay("F", 50000), pay("H", 50000), pay("H", 50000)],
        expected: { women: 8, men: 2 },
      },
      {
        label: "no tie at the cut",
        rows: Array.from({ length: 12 }, (_, i) => pay(i % 3 === 0 ? "F" : "H", 30000 + i * 1000)),
        expected: { women: 3, men: 7 },
      },
      {
        label: "fewer than 10 people: everyone",
        rows: [pay("F", 1), pay("H", 2), pay("H", 3)],
        expected: { women: 1, men: 2 },
      },
    ])("$label", ({ rows, expected }) => {
      expect(topPaySexes(rows)).toEqual(expected);
    });

    it("ranks on FTE pay, not on annual pay", () => {
      const rows = [
        ...Array.from({ length: 9 }, () => person({ sex: "H", annualGrossPay: 30000 })),
        person({ sex: "F", annualGrossPay: 20000, timeShare: 0.5 }), // 40 000 FTE
        person({ sex: "H", annualGrossPay: 25000 }),
      ];
      expect(topPaySexes(rows)).toEqual({ women: 1, men: 9 });
    });
  });

  it.each([{ sizeBand: "50-250" as const }, { sizeBand: "251+" as const }])(
    "a generated staff of 80 people gives an input that computeIndex accepts ($sizeBand)",
    ({ sizeBand }) => {
      const csps = ["ouvriers", "employes", "techniciens_agents_maitrise", "ingenieurs_cadres"] as const;
      const ages = ["<30", "30-39", "40-49", "50+"] as const;
      const rows = Array.from({ length: 80 }, (_, i) =>
        person({
          sex: i % 2 === 0 ? "F" : "H",
          csp: csps[i % 3],
          ageBand: ages[(i >> 1) % 4],
          timeShare: i % 5 === 0 ? 0.5 : 1,
          monthsPresent: 4 + (i % 9),
          annualGrossPay: 18000 + ((i * 37) % 11) * 900,
          raised: i % 4 === 0,
          promoted: i % 11 === 0,
          maternityReturn: i === 2 || i === 4,
          raisedOnReturn: i === 2,
        }),
      );
      const input = indexInputFromStaffRows(rows, { sizeBand });
      const parsed = parseIndexInput(input);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      expect(input.top10.women + input.top10.men).toBe(TOP_PAY_COUNT);
      const result = computeIndex(input);
      expect(result.pay.calculable).toBe(true);
    },
  );

  it("from file to index input: the template gives a consistent input", async () => {
    const rows = await rowsOf(utf8(staffFileTemplateCsv()));
    const input = indexInputFromStaffRows(rows, { sizeBand: "50-250", structureType: "ACI" });
    const counted = input.workforce.reduce((s, r) => s + r.women + r.men, 0);
    expect(counted).toBe(3);
    expect(input.top10).toEqual({ women: 2, men: 1 });
    expect(input.maternity).toEqual({ returned: 1, raisedOnReturn: 1 });
  });
});
