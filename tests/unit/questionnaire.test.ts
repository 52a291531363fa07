import { describe, expect, it } from "vitest";
import { DOMAINS, getDomain, isDomainId } from "../../diagnostics/domains.ts";
import {
  ANSWER_MESSAGES,
  DONT_KNOW,
  MIN_QUESTIONS_PER_DOMAIN,
  PERCENTAGE_MAX,
  PERCENTAGE_MIN,
  QUESTIONS,
  YNP_VALUES,
  adaptWording,
  answerOptions,
  answerSchemaFor,
  applicableQuestions,
  exclusiveMessage,
  getQuestion,
  isApplicable,
  isQuestionId,
  parseAnswerFromForm,
  parseFrenchNumber,
  questionsByDomain,
  questionsForDomain,
  rangeMessage,
  validateAnswers,
  type Question,
} from "../../diagnostics/questionnaire.ts";
import { DOMAIN_IDS, STRUCTURE_TYPES, type Profile } from "../../diagnostics/types.ts";

const NBSP = "\u00a0";

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    structureType: "ACI",
    headcountBand: "moins_50",
    permanentWomen: 3,
    permanentMen: 4,
    parcoursWomen: 8,
    parcoursMen: 20,
    hasCse: false,
    hasDelegueSyndical: false,
    existingAgreement: "aucun",
    ...overrides,
  };
}

function question(id: string): Question {
  const q = getQuestion(id);
  if (!q) throw new Error(`missing question ${id}`);
  return q;
}

/** Every French string a user may read from a question. */
function userStrings(q: Question): { where: string; text: string }[] {
  const out = [
    { where: `${q.id} text`, text: q.text },
    { where: `${q.id} help`, text: q.help },
  ];
  if (q.legalReference) out.push({ where: `${q.id} legalReference`, text: q.legalReference });
  if (q.kind === "single" || q.kind === "multiple") {
    for (const o of q.options) out.push({ where: `${q.id} option ${o.value}`, text: o.label });
  }
  if (q.kind === "number") out.push({ where: `${q.id} unit`, text: q.unit });
  return out;
}

/** Breaches of French typography: ordinary space before « ? : ; ! % » », after « «, doubled spaces. */
function typographyErrors(text: string): string[] {
  const errors: string[] = [];
  if (/ [?:;!%»]/.test(text)) errors.push("ordinary space before ? : ; ! % »");
  if (/[^\s\u00a0][?:;!»]/.test(text.replace(/https?:\S+/g, ""))) errors.push("no space before ? : ; ! »");
  if (/« /.test(text)) errors.push("ordinary space after «");
  if (/«[^\u00a0]/.test(text)) errors.push("missing no-break space after «");
  if (/ {2}/.test(text)) errors.push("double space");
  if (/^\s|\s$/.test(text)) errors.push("leading or trailing space");
  return errors;
}

describe("domains", () => {
  it("lists the nine domains in the order of DOMAIN_IDS", () => {
    expect(DOMAINS.map((d) => d.id)).toEqual([...DOMAIN_IDS]);
  });

  it.each([
    ["embauche", "Embauche"],
    ["formation", "Formation"],
    ["promotion", "Promotion professionnelle"],
    ["qualification", "Qualification"],
    ["classification", "Classification"],
    ["conditions_travail", "Conditions de travail"],
    ["sante_securite", "Sécurité et santé au travail"],
    ["remuneration", "Rémunération effective"],
    ["articulation", "Articulation entre l'activité professionnelle et la vie personnelle et familiale"],
  ] as const)("%s is labelled « %s » (R2242-2 wording)", (id, label) => {
    expect(getDomain(id).label).toBe(label);
  });

  it.each(DOMAINS.map((d) => ({ ...d })))("$id has a legal reference, a short label and an explanation", (d) => {
    expect(d.legalReference).toMatch(/^Code du travail, art\. R2242-2\u00a0; L2312-36/);
    expect(d.shortLabel.length).toBeGreaterThan(0);
    expect(d.shortLabel.length).toBeLessThanOrEqual(22);
    expect(d.explanation).toMatch(/\.$/);
    expect(typographyErrors(d.explanation)).toEqual([]);
    expect(typographyErrors(d.legalReference)).toEqual([]);
  });

  it("marks only rémunération effective as mandatory in every plan (R2242-2)", () => {
    expect(DOMAINS.filter((d) => d.mandatoryInPlan).map((d) => d.id)).toEqual(["remuneration"]);
  });

  it("recognises domain ids", () => {
    expect(isDomainId("embauche")).toBe(true);
    expect(isDomainId("mixite")).toBe(false);
  });
});

describe("question bank", () => {
  it("pins the minimum number of questions per domain", () => {
    expect(MIN_QUESTIONS_PER_DOMAIN).toBe(7);
  });

  it("has at least 63 questions", () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(9 * MIN_QUESTIONS_PER_DOMAIN);
  });

  it.each(DOMAIN_IDS.map((domain) => ({ domain })))(
    "$domain has at least 7 questions asked to every structure",
    ({ domain }) => {
      const unconditional = QUESTIONS.filter((q) => q.domain === domain && !q.appliesTo);
      expect(unconditional.length).toBeGreaterThanOrEqual(MIN_QUESTIONS_PER_DOMAIN);
    },
  );

  it("has unique ids of the form « <domain>.<snake_case> »", () => {
    const ids = QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of QUESTIONS) expect(q.id).toMatch(new RegExp(`^${q.domain}\\.[a-z0-9]+(_[a-z0-9]+)*$`));
  });

  it("is ordered by domain as DOMAIN_IDS", () => {
    const order = QUESTIONS.map((q) => DOMAIN_IDS.indexOf(q.domain));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("finds questions by id", () => {
    expect(getQuestion("embauche.offres_redaction_neutre")?.domain).toBe("embauche");
    expect(getQuestion("embauche.inconnue")).toBeUndefined();
    expect(isQuestionId("sante_securite.duerp_differencie")).toBe(true);
    expect(isQuestionId("nope")).toBe(false);
  });

  describe.each(QUESTIONS.map((q) => ({ id: q.id, q })))("$id", ({ q }) => {
    it("has a French question ending with « ? » and a help text ending with a full stop", () => {
      expect(q.text).toMatch(/^[A-ZÀÂÉÈÊÎÔÛÇ]/);
      expect(q.text.endsWith(`${NBSP}?`)).toBe(true);
      expect(q.text.length).toBeLessThanOrEqual(220);
      expect(q.help.length).toBeGreaterThan(40);
      expect(q.help).toMatch(/^[A-ZÀÂÉÈÊÎÔÛÇ«0-9]/);
      expect(q.help).toMatch(/\.$/);
    });

    it("follows French typography in every string", () => {
      for (const { where, text } of userStrings(q)) expect(typographyErrors(text), where).toEqual([]);
    });

    it("cites the law in a consistent form when it has a legal reference", () => {
      if (q.legalReference === undefined) return;
      expect(q.legalReference).toMatch(/^(Code du travail, art\. [LRD]\d|Directive \(UE\) 2023\/970, art\. \d)/);
    });

    it("has a positive weight", () => {
      expect(q.scoring.weight).toBeGreaterThan(0);
    });

    it("has a valid kind-specific definition", () => {
      switch (q.kind) {
        case "ynp":
          if (q.scoring.values) {
            for (const v of Object.values(q.scoring.values)) expect(v).toBeGreaterThanOrEqual(0);
          }
          break;
        case "number":
        case "percentage": {
          if (q.kind === "number") {
            expect(q.min).toBeLessThan(q.max);
            expect(q.unit.length).toBeGreaterThan(0);
          }
          const lo = q.kind === "number" ? q.min : PERCENTAGE_MIN;
          const hi = q.kind === "number" ? q.max : PERCENTAGE_MAX;
          const xs = q.scoring.points.map(([x]) => x);
          expect(xs.length).toBeGreaterThanOrEqual(2);
          expect(xs).toEqual([...xs].sort((a, b) => a - b));
          expect(new Set(xs).size).toBe(xs.length);
          for (const [x, y] of q.scoring.points) {
            expect(x).toBeGreaterThanOrEqual(lo);
            expect(x).toBeLessThanOrEqual(hi);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(y).toBeLessThanOrEqual(1);
          }
          break;
        }
        case "single":
        case "multiple": {
          expect(q.options.length).toBeGreaterThanOrEqual(2);
          const values = q.options.map((o) => o.value);
          expect(new Set(values).size).toBe(values.length);
          for (const o of q.options) {
            expect(o.value).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
            expect(o.value).not.toBe(DONT_KNOW);
            expect(o.label).toMatch(/^[A-ZÀÂÉÈÊÎÔÛÇ]/);
            expect(o.label).not.toMatch(/[.;]$/);
            if (o.score !== null) {
              expect(o.score).toBeGreaterThanOrEqual(0);
              expect(o.score).toBeLessThanOrEqual(1);
            }
            if (o.exclusive) expect(q.kind).toBe("multiple");
          }
          expect(q.options.some((o) => o.score !== null && o.score > 0)).toBe(true);
          if (q.kind === "single") expect(q.options.some((o) => o.score === 1)).toBe(true);
          if (q.kind === "multiple") {
            const best = q.options.reduce((s, o) => s + (o.score ?? 0), 0);
            expect(best).toBeGreaterThanOrEqual(1);
          }
          break;
        }
      }
    });

    it("offers an honest « Je ne sais pas » answer", () => {
      expect(answerSchemaFor(q).safeParse(DONT_KNOW).success).toBe(true);
      if (q.kind === "ynp" || q.kind === "single" || q.kind === "multiple") {
        expect(answerOptions(q).at(-1)).toEqual({ value: DONT_KNOW, label: "Je ne sais pas" });
      }
    });
  });
});

describe("applicability", () => {
  const cseQuestion = "conditions_travail.referent_harcelement_cse";
  const dsQuestion = "remuneration.negociation_salaires_ecarts";
  const indexQuestion = "remuneration.index_publie";
  const prescribersQuestion = "embauche.prescripteurs_mixite";

  it.each([
    { label: "small ACI without CSE", p: profile(), id: cseQuestion, expected: false },
    { label: "ACI with a CSE", p: profile({ hasCse: true }), id: cseQuestion, expected: true },
    { label: "no délégué syndical", p: profile({ hasCse: true }), id: dsQuestion, expected: false },
    { label: "délégué syndical", p: profile({ hasCse: true, hasDelegueSyndical: true }), id: dsQuestion, expected: true },
    { label: "under 50: no Index", p: profile(), id: indexQuestion, expected: false },
    { label: "50 to 250: Index", p: profile({ headcountBand: "50_250" }), id: indexQuestion, expected: true },
    { label: "251 to 299: Index", p: profile({ headcountBand: "251_299" }), id: indexQuestion, expected: true },
    { label: "300 and more: Index", p: profile({ headcountBand: "300_plus" }), id: indexQuestion, expected: true },
    { label: "ESAT: no prescribers", p: profile({ structureType: "ESAT" }), id: prescribersQuestion, expected: false },
    { label: "EA: prescribers (Cap emploi)", p: profile({ structureType: "EA" }), id: prescribersQuestion, expected: true },
    { label: "ETTI: prescribers", p: profile({ structureType: "ETTI" }), id: prescribersQuestion, expected: true },
  ])("$label → $id asked: $expected", ({ p, id, expected }) => {
    expect(isApplicable(question(id), p)).toBe(expected);
    expect(applicableQuestions(p).some((q) => q.id === id)).toBe(expected);
  });

  it.each(STRUCTURE_TYPES.map((structureType) => ({ structureType })))(
    "$structureType gets at least 7 questions in every domain",
    ({ structureType }) => {
      for (const { domain, questions } of questionsByDomain(profile({ structureType }))) {
        expect(questions.length, domain).toBeGreaterThanOrEqual(MIN_QUESTIONS_PER_DOMAIN);
      }
    },
  );

  it("questionsForDomain keeps the domain and the reading order", () => {
    const p = profile({ hasCse: true });
    const qs = questionsForDomain("conditions_travail", p);
    expect(qs.every((q) => q.domain === "conditions_travail")).toBe(true);
    expect(qs.map((q) => q.id)).toEqual(
      QUESTIONS.filter((q) => q.domain === "conditions_travail").map((q) => q.id),
    );
  });

  it("a larger structure with CSE and délégué syndical gets every question", () => {
    const p = profile({ headcountBand: "50_250", hasCse: true, hasDelegueSyndical: true });
    expect(applicableQuestions(p).length).toBe(QUESTIONS.length);
  });
});

describe("wording adapted to the population", () => {
  it.each([
    { structureType: "ACI", expected: "Les salariés en parcours et les salariées en parcours" },
    { structureType: "EA", expected: "Les salariés en situation de handicap et les salariées en situation de handicap" },
    { structureType: "ESAT", expected: "Les travailleurs accompagnés et les travailleuses accompagnées" },
    { structureType: "GEIQ", expected: "Les salariés en alternance et les salariées en alternance" },
  ] as const)("$structureType", ({ structureType, expected }) => {
    expect(adaptWording("Les salariés en parcours et les salariées en parcours", structureType)).toBe(expected);
  });
});

describe("answer schemas", () => {
  const ynp = question("embauche.offres_redaction_neutre");
  const pct = question("embauche.part_femmes_candidatures");
  const days = question("articulation.delai_plannings");
  const single = question("formation.acces_comparable");
  const multiple = question("articulation.solutions_garde_enfants");

  it.each([
    ...YNP_VALUES.map((v) => ({ label: `ynp ${v}`, q: ynp, value: v as unknown })),
    { label: "percentage 0", q: pct, value: PERCENTAGE_MIN },
    { label: "percentage 12.5", q: pct, value: 12.5 },
    { label: "percentage 100", q: pct, value: PERCENTAGE_MAX },
    { label: "percentage ne_sait_pas", q: pct, value: DONT_KNOW },
    { label: "number 0", q: days, value: 0 },
    { label: "number 90", q: days, value: 90 },
    { label: "single option", q: single, value: "oui_verifie" },
    { label: "single ne_sait_pas", q: single, value: DONT_KNOW },
    { label: "multiple one", q: multiple, value: ["creches_avip"] },
    { label: "multiple two", q: multiple, value: ["creches_avip", "aide_cip"] },
    { label: "multiple exclusive alone", q: multiple, value: ["aucune"] },
    { label: "multiple ne_sait_pas", q: multiple, value: DONT_KNOW },
  ])("accepts $label", ({ q, value }) => {
    expect(answerSchemaFor(q).safeParse(value).success).toBe(true);
  });

  it.each([
    { label: "ynp unknown word", q: ynp, value: "peut_etre", message: ANSWER_MESSAGES.ynp },
    { label: "ynp number", q: ynp, value: 1, message: ANSWER_MESSAGES.ynp },
    { label: "percentage −1", q: pct, value: PERCENTAGE_MIN - 1, message: "Indiquez un nombre entre 0 et 100." },
    { label: "percentage 100.5", q: pct, value: PERCENTAGE_MAX + 0.5, message: "Indiquez un nombre entre 0 et 100." },
    { label: "percentage text", q: pct, value: "douze", message: ANSWER_MESSAGES.numberRequired },
    { label: "percentage NaN", q: pct, value: Number.NaN, message: ANSWER_MESSAGES.numberRequired },
    { label: "number above max", q: days, value: 91, message: "Indiquez un nombre entre 0 et 90." },
    { label: "number below min", q: days, value: -1, message: "Indiquez un nombre entre 0 et 90." },
    { label: "number not integer", q: days, value: 2.5, message: ANSWER_MESSAGES.integer },
    { label: "single unknown option", q: single, value: "autre", message: ANSWER_MESSAGES.choiceUnknown },
    { label: "multiple empty", q: multiple, value: [], message: ANSWER_MESSAGES.multipleRequired },
    { label: "multiple string", q: multiple, value: "creches_avip", message: ANSWER_MESSAGES.multipleRequired },
    { label: "multiple unknown option", q: multiple, value: ["x"], message: ANSWER_MESSAGES.choiceUnknown },
    { label: "multiple duplicate", q: multiple, value: ["aide_cip", "aide_cip"], message: ANSWER_MESSAGES.multipleDuplicate },
    {
      label: "multiple exclusive with another",
      q: multiple,
      value: ["aucune", "aide_cip"],
      message: exclusiveMessage("Aucune pour l'instant"),
    },
  ])("rejects $label with « $message »", ({ q, value, message }) => {
    const result = answerSchemaFor(q).safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("pins the percentage bounds", () => {
    expect([PERCENTAGE_MIN, PERCENTAGE_MAX]).toEqual([0, 100]);
  });

  it.each(Object.entries(ANSWER_MESSAGES).map(([key, message]) => ({ key, message })))(
    "message $key is plain French with correct typography",
    ({ message }) => {
      expect(message).toMatch(/\.$/);
      expect(typographyErrors(message)).toEqual([]);
    },
  );

  it("formats ranges the French way", () => {
    expect(rangeMessage(0, 1500)).toBe(`Indiquez un nombre entre 0 et 1${"\u202f"}500.`);
    expect(rangeMessage(0, 2.5)).toBe("Indiquez un nombre entre 0 et 2,5.");
  });
});

describe("parseFrenchNumber", () => {
  it.each([
    { input: "12", unit: undefined, expected: 12 },
    { input: "12,5", unit: undefined, expected: 12.5 },
    { input: "12.5", unit: undefined, expected: 12.5 },
    { input: " 12,5 % ", unit: undefined, expected: 12.5 },
    { input: `12,5${NBSP}%`, unit: undefined, expected: 12.5 },
    { input: "1 200", unit: undefined, expected: 1200 },
    { input: `1\u202f200`, unit: undefined, expected: 1200 },
    { input: "14 jours", unit: "jours", expected: 14 },
    { input: "1 jour", unit: "jours", expected: 1 },
    { input: ",5", unit: undefined, expected: 0.5 },
    { input: "-3", unit: undefined, expected: -3 },
    { input: "14 jours", unit: undefined, expected: null },
    { input: "douze", unit: undefined, expected: null },
    { input: "1,2,3", unit: undefined, expected: null },
    { input: "", unit: undefined, expected: null },
  ])("« $input » → $expected", ({ input, unit, expected }) => {
    expect(parseFrenchNumber(input, unit)).toBe(expected);
  });
});

describe("parseAnswerFromForm", () => {
  const ynp = question("embauche.offres_redaction_neutre");
  const pct = question("embauche.part_femmes_candidatures");
  const days = question("articulation.delai_plannings");
  const single = question("formation.acces_comparable");
  const multiple = question("articulation.solutions_garde_enfants");

  it.each([
    { label: "ynp value", q: ynp, input: "oui" as string | string[] | null, value: "oui" as unknown },
    { label: "ynp label with capital", q: ynp, input: "En partie", value: "en_partie" },
    { label: "ynp dont know label", q: ynp, input: "Je ne sais pas", value: DONT_KNOW },
    { label: "ynp one-element array", q: ynp, input: ["non"], value: "non" },
    { label: "percentage with comma and sign", q: pct, input: "12,5 %", value: 12.5 },
    { label: "percentage 0", q: pct, input: "0", value: 0 },
    { label: "percentage 100", q: pct, input: "100", value: 100 },
    { label: "percentage dont know", q: pct, input: "ne_sait_pas", value: DONT_KNOW },
    { label: "number with unit", q: days, input: "14 jours", value: 14 },
    { label: "number with spaces", q: days, input: " 7 ", value: 7 },
    { label: "single value", q: single, input: "plutot_oui", value: "plutot_oui" },
    { label: "single label", q: single, input: "Plutôt oui, mais sans l'avoir vérifié", value: "plutot_oui" },
    { label: "single dont know", q: single, input: "je ne sais pas", value: DONT_KNOW },
    { label: "multiple array", q: multiple, input: ["aide_cip", "creches_avip"], value: ["creches_avip", "aide_cip"] },
    { label: "multiple import cell", q: multiple, input: "creches_avip; guide_contacts", value: ["creches_avip", "guide_contacts"] },
    { label: "multiple repeated", q: multiple, input: ["aide_cip", "aide_cip"], value: ["aide_cip"] },
    { label: "multiple dont know", q: multiple, input: ["ne_sait_pas"], value: DONT_KNOW },
  ])("accepts $label", ({ q, input, value }) => {
    expect(parseAnswerFromForm(q, input)).toEqual({ ok: true, value });
  });

  it.each([
    { label: "ynp empty", q: ynp, input: null as string | string[] | null, message: ANSWER_MESSAGES.ynp },
    { label: "ynp unknown", q: ynp, input: "peut-être", message: ANSWER_MESSAGES.ynp },
    { label: "percentage empty", q: pct, input: "", message: ANSWER_MESSAGES.numberRequired },
    { label: "percentage text", q: pct, input: "beaucoup", message: "Indiquez un nombre entre 0 et 100." },
    { label: "percentage 101", q: pct, input: "101 %", message: "Indiquez un nombre entre 0 et 100." },
    { label: "percentage −0,5", q: pct, input: "-0,5", message: "Indiquez un nombre entre 0 et 100." },
    { label: "number text", q: days, input: "une semaine", message: ANSWER_MESSAGES.numberFormat },
    { label: "number decimal", q: days, input: "3,5", message: ANSWER_MESSAGES.integer },
    { label: "number too big", q: days, input: "120", message: "Indiquez un nombre entre 0 et 90." },
    { label: "single empty", q: single, input: [], message: ANSWER_MESSAGES.choiceRequired },
    { label: "single unknown", q: single, input: "autre", message: ANSWER_MESSAGES.choiceUnknown },
    { label: "single two values", q: single, input: ["oui_verifie", "plutot_oui"], message: ANSWER_MESSAGES.choiceUnknown },
    { label: "multiple empty", q: multiple, input: null, message: ANSWER_MESSAGES.multipleRequired },
    { label: "multiple unknown", q: multiple, input: ["creches_avip", "x"], message: ANSWER_MESSAGES.choiceUnknown },
    { label: "multiple dont know with another", q: multiple, input: ["aide_cip", "ne_sait_pas"], message: ANSWER_MESSAGES.multipleWithDontKnow },
    { label: "multiple none with another", q: multiple, input: ["aucune", "aide_cip"], message: exclusiveMessage("Aucune pour l'instant") },
  ])("rejects $label with a French message", ({ q, input, message }) => {
    expect(parseAnswerFromForm(q, input)).toEqual({ ok: false, message });
  });

  it("produces values the schema accepts for every question", () => {
    for (const q of QUESTIONS) {
      const sample =
        q.kind === "ynp" ? "Oui" : q.kind === "number" ? String(q.max) : q.kind === "percentage" ? "50 %" : q.options[0].label;
      const parsed = parseAnswerFromForm(q, sample);
      expect(parsed.ok, q.id).toBe(true);
      if (parsed.ok) expect(answerSchemaFor(q).safeParse(parsed.value).success, q.id).toBe(true);
    }
  });
});

describe("validateAnswers (imports and stored data)", () => {
  it("keeps valid answers and reports each invalid one with its question id", () => {
    const { answers, errors } = validateAnswers({
      "embauche.offres_redaction_neutre": "oui",
      "embauche.part_femmes_candidatures": 150,
      "articulation.solutions_garde_enfants": ["aucune"],
      "embauche.question_retiree": "oui",
    });
    expect(answers).toEqual({
      "embauche.offres_redaction_neutre": "oui",
      "articulation.solutions_garde_enfants": ["aucune"],
    });
    expect(errors).toEqual([
      { questionId: "embauche.part_femmes_candidatures", message: "Indiquez un nombre entre 0 et 100." },
      { questionId: "embauche.question_retiree", message: ANSWER_MESSAGES.unknownQuestion },
    ]);
  });
});
