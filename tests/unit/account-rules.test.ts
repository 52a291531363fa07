import { describe, expect, it } from "vitest";
import { luhnValid, normalizeSiret, SIRET_LENGTH, siretError } from "../../diagnostics/siret.ts";
import { DEPARTEMENT_OPTIONS, DEPARTEMENTS, HAUTS_DE_FRANCE, isDepartementCode } from "../../diagnostics/departements.ts";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "../../app/auth/password-rules.ts";
import { isCrossOriginWrite } from "../../app/auth/origin.server.ts";
import { safeRedirect } from "../../app/auth/schemas.ts";

describe("SIRET", () => {
  it("pins the length", () => expect(SIRET_LENGTH).toBe(14));
  it.each([
    { label: "valid (Luhn)", input: "73282932000074", error: null },
    { label: "valid with spaces", input: "732 829 320 00074", error: null },
    { label: "valid with no-break spaces", input: "732\u00a0829\u00a0320\u00a000074", error: null },
    { label: "13 digits (length − 1)", input: "7328293200007", error: "Le SIRET compte 14 chiffres ; celui-ci en a 13." },
    { label: "15 digits (length + 1)", input: "732829320000741", error: "Le SIRET compte 14 chiffres ; celui-ci en a 15." },
    { label: "Luhn fails", input: "73282932000075", error: "Ce SIRET n'est pas valide" },
    { label: "letters", input: "7328293200007A", error: "Le SIRET ne contient que des chiffres." },
    { label: "empty", input: "", error: "Indiquez le SIRET" },
    { label: "La Poste establishment (digit sum divisible by 5)", input: "35600000000001", error: null },
    { label: "La Poste SIREN with a digit sum not divisible by 5 and failing Luhn", input: "35600000000002", error: "Ce SIRET n'est pas valide" },
  ])("$label", ({ input, error }) => {
    const result = siretError(input);
    if (error === null) expect(result).toBeNull();
    else expect(result).toContain(error);
  });
  it("normalises and checks Luhn", () => {
    expect(normalizeSiret("732.829.320 00074")).toBe("73282932000074");
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});

describe("départements", () => {
  it("lists every département, Hauts-de-France first", () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(DEPARTEMENT_OPTIONS.slice(0, 5).map((d) => d.code)).toEqual([...HAUTS_DE_FRANCE]);
    expect(new Set(DEPARTEMENT_OPTIONS.map((d) => d.code)).size).toBe(101);
    expect(isDepartementCode("2A")).toBe(true);
    expect(isDepartementCode("20")).toBe(false);
    expect(isDepartementCode("976")).toBe(true);
  });
});

describe("password rules", () => {
  it("pins the minimum length", () => expect(PASSWORD_MIN_LENGTH).toBe(10));
  it.each([
    { label: "length − 1", password: "a".repeat(4) + "bcdef", ok: false },
    { label: "length", password: "abcdefghij", ok: true },
    { label: "length + 1", password: "abcdefghijk", ok: true },
    { label: "common password", password: "azertyuiop", ok: false },
    { label: "common password in capitals", password: "MOTDEPASSE123", ok: false },
    { label: "one character repeated", password: "zzzzzzzzzzzz", ok: false },
    { label: "a passphrase", password: "le chantier vert de douai", ok: true },
  ])("$label", ({ password, ok }) => {
    expect(passwordProblem(password) === null).toBe(ok);
  });
});

describe("cross-origin writes", () => {
  const headers = (h: Record<string, string | undefined>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });
  it.each([
    { label: "GET from anywhere", method: "GET", h: { "sec-fetch-site": "cross-site" }, refused: false },
    { label: "POST same-origin", method: "POST", h: { "sec-fetch-site": "same-origin" }, refused: false },
    { label: "POST typed URL (none)", method: "POST", h: { "sec-fetch-site": "none" }, refused: false },
    { label: "POST cross-site", method: "POST", h: { "sec-fetch-site": "cross-site" }, refused: true },
    { label: "POST same-site (sub-domain)", method: "POST", h: { "sec-fetch-site": "same-site" }, refused: true },
    { label: "POST Origin matching Host", method: "POST", h: { origin: "http://localhost:3000", host: "localhost:3000" }, refused: false },
    { label: "POST Origin of another site", method: "POST", h: { origin: "https://evil.example", host: "localhost:3000" }, refused: true },
    { label: "POST Origin null", method: "POST", h: { origin: "null", host: "localhost:3000" }, refused: true },
    { label: "POST without browser headers (CLI)", method: "POST", h: {}, refused: false },
  ])("$label", ({ method, h, refused }) => {
    expect(isCrossOriginWrite(method, headers(h))).toBe(refused);
  });
});

describe("redirect after sign-in", () => {
  it.each([
    ["/o/123", "/o/123"],
    ["//evil.example", "/espace"],
    ["/\\evil.example", "/espace"],
    ["https://evil.example", "/espace"],
    ["", "/espace"],
  ])("%s → %s", (input, expected) => expect(safeRedirect(input)).toBe(expected));
});
