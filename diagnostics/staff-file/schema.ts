/**
 * The validated staff row: one anonymised person of the reference year. Shared by the file import
 * and by any form that enters people one by one. It never holds names, NIR or birth dates.
 */
import { z } from "zod";
import { INDEX_AGE_BANDS, INDEX_CSPS } from "../index/types.ts";
import { POPULATIONS } from "../types.ts";
import { MAX_SENIORITY_YEARS, MAX_WEEKLY_HOURS, MONTHS_IN_PERIOD, PAY_PARTS_TOLERANCE_EUROS, STAFF_LABEL_MAX_LENGTH } from "./constants.ts";

const NBSP = "\u00a0";

export const SEXES = ["F", "H"] as const;
export type Sex = (typeof SEXES)[number];

/**
 * A French social-security number (NIR): sex digit 1–4 or 7–8, then 12 more characters (Corsica uses
 * 2A / 2B), optional 2-digit key; spaces allowed. Used to refuse free text that looks like one.
 */
const NIR_PATTERN = /(^|[^\dA-Za-z])[1-478]\s?\d{2}\s?\d{2}\s?(\d{2}|2A|2B)\s?\d{3}\s?\d{3}(\s?\d{2})?($|[^\dA-Za-z])/i;

/** True when the text contains something that looks like a social-security number. */
export function looksLikeNir(text: string): boolean {
  return NIR_PATTERN.test(text);
}

export const STAFF_ROW_MESSAGES = {
  sex: `Sexe attendu${NBSP}: F ou H`,
  jobEmpty: "Intitulé d'emploi manquant",
  jobTooLong: `Intitulé d'emploi trop long (${STAFF_LABEL_MAX_LENGTH} caractères au plus)`,
  nir: `Cette valeur ressemble à un numéro de sécurité sociale${NBSP}: supprimez-la, le fichier doit être anonymisé`,
  population: `Population attendue${NBSP}: permanent ou parcours`,
  csp: `CSP attendue${NBSP}: ouvrier, employé, technicien ou agent de maîtrise, ingénieur ou cadre`,
  ageBand: `Tranche d'âge attendue${NBSP}: moins de 30 ans, 30-39, 40-49 ou 50 ans et plus`,
  timeShare: `Temps de travail attendu entre 0 et 100${NBSP}% (0 exclu)`,
  monthsPresent: `Mois de présence attendus entre 0 et ${MONTHS_IN_PERIOD} (0 exclu)`,
  pay: "Rémunération annuelle brute attendue (nombre positif ou nul, en euros)",
  yesNo: `Réponse attendue${NBSP}: oui ou non`,
  coefficientTooLong: `Coefficient trop long (${STAFF_LABEL_MAX_LENGTH} caractères au plus)`,
  basePay: "Salaire de base attendu (montant annuel brut en euros, positif ou nul)",
  variablePay: "Rémunération variable attendue (montant annuel brut en euros, positif ou nul)",
  weeklyHours: `Heures hebdomadaires contractuelles attendues entre 0 et ${MAX_WEEKLY_HOURS}${NBSP}h (0 exclu)`,
  seniorityYears: `Ancienneté attendue en années, entre 0 et ${MAX_SENIORITY_YEARS}`,
  payCategoryTooLong: `Catégorie d'emploi trop longue (${STAFF_LABEL_MAX_LENGTH} caractères au plus)`,
  payPartsAboveTotal: `le salaire de base et la rémunération variable dépassent la rémunération annuelle brute${NBSP}: la rémunération annuelle brute doit les inclure`,
  raisedOnReturnWithoutReturn: `«${NBSP}augmentée au retour${NBSP}» ne peut être «${NBSP}oui${NBSP}» que si «${NBSP}retour de congé maternité${NBSP}» est «${NBSP}oui${NBSP}»`,
} as const;

const yesNo = z.boolean({ error: STAFF_ROW_MESSAGES.yesNo }).nullable();

/** One person. `null` in a yes/no field means the column was not provided (unknown). */
export const StaffRowSchema = z
  .strictObject({
    sex: z.enum(SEXES, { error: STAFF_ROW_MESSAGES.sex }),
    /** Job title (« emploi », « métier »). */
    job: z
      .string({ error: STAFF_ROW_MESSAGES.jobEmpty })
      .trim()
      .min(1, STAFF_ROW_MESSAGES.jobEmpty)
      .max(STAFF_LABEL_MAX_LENGTH, STAFF_ROW_MESSAGES.jobTooLong)
      .refine((s) => !looksLikeNir(s), STAFF_ROW_MESSAGES.nir),
    population: z.enum(POPULATIONS, { error: STAFF_ROW_MESSAGES.population }),
    csp: z.enum(INDEX_CSPS, { error: STAFF_ROW_MESSAGES.csp }),
    /** Age band at the end of the reference period (or at departure). */
    ageBand: z.enum(INDEX_AGE_BANDS, { error: STAFF_ROW_MESSAGES.ageBand }),
    /** Contractual working time as a share of full time, in ]0, 1]. */
    timeShare: z.number({ error: STAFF_ROW_MESSAGES.timeShare }).gt(0, STAFF_ROW_MESSAGES.timeShare).max(1, STAFF_ROW_MESSAGES.timeShare),
    /** Months of presence in the 12-month reference period, in ]0, 12]. */
    monthsPresent: z
      .number({ error: STAFF_ROW_MESSAGES.monthsPresent })
      .gt(0, STAFF_ROW_MESSAGES.monthsPresent)
      .max(MONTHS_IN_PERIOD, STAFF_ROW_MESSAGES.monthsPresent),
    /** Gross pay actually paid over the period, in euros (not reconstituted in full time). */
    annualGrossPay: z.number({ error: STAFF_ROW_MESSAGES.pay }).min(0, STAFF_ROW_MESSAGES.pay),
    /** Individual raise in the period, promotions excluded. */
    raised: yesNo,
    /** Promotion in the period. */
    promoted: yesNo,
    /** Came back from maternity or adoption leave in the period. */
    maternityReturn: yesNo,
    /** Got the catch-up raise on return (or during the leave). */
    raisedOnReturn: yesNo,
    /** Raises happened in the structure during this person's leave (null: not said, assumed yes). */
    raisesDuringLeave: yesNo,
    /** Optional branch coefficient or level, as written. */
    coefficient: z
      .string()
      .trim()
      .max(STAFF_LABEL_MAX_LENGTH, STAFF_ROW_MESSAGES.coefficientTooLong)
      .refine((s) => !looksLikeNir(s), STAFF_ROW_MESSAGES.nir)
      .nullable(),
    /**
     * Optional pay-transparency columns (directive 2023/970): absent from rows imported before them
     * or from files without the column, null when the cell is empty.
     */
    /** Ordinary basic wage paid over the period, euros (included in annualGrossPay). */
    basePay: z.number({ error: STAFF_ROW_MESSAGES.basePay }).min(0, STAFF_ROW_MESSAGES.basePay).nullable().optional(),
    /** Complementary or variable components paid over the period, euros (included in annualGrossPay). */
    variablePay: z.number({ error: STAFF_ROW_MESSAGES.variablePay }).min(0, STAFF_ROW_MESSAGES.variablePay).nullable().optional(),
    /** Contractual weekly hours, in ]0, MAX_WEEKLY_HOURS]. */
    weeklyHours: z
      .number({ error: STAFF_ROW_MESSAGES.weeklyHours })
      .gt(0, STAFF_ROW_MESSAGES.weeklyHours)
      .max(MAX_WEEKLY_HOURS, STAFF_ROW_MESSAGES.weeklyHours)
      .nullable()
      .optional(),
    /** Category of work of equal value (art. 4), as written. */
    payCategory: z
      .string()
      .trim()
      .max(STAFF_LABEL_MAX_LENGTH, STAFF_ROW_MESSAGES.payCategoryTooLong)
      .refine((s) => !looksLikeNir(s), STAFF_ROW_MESSAGES.nir)
      .nullable()
      .optional(),
    /** Years of seniority in the structure. */
    seniorityYears: z
      .number({ error: STAFF_ROW_MESSAGES.seniorityYears })
      .min(0, STAFF_ROW_MESSAGES.seniorityYears)
      .max(MAX_SENIORITY_YEARS, STAFF_ROW_MESSAGES.seniorityYears)
      .nullable()
      .optional(),
  })
  .superRefine((row, ctx) => {
    const parts = (row.basePay ?? 0) + (row.variablePay ?? 0);
    if ((row.basePay != null || row.variablePay != null) && parts > row.annualGrossPay + PAY_PARTS_TOLERANCE_EUROS) {
      ctx.addIssue({ code: "custom", path: [row.basePay != null ? "basePay" : "variablePay"], message: STAFF_ROW_MESSAGES.payPartsAboveTotal });
    }
    if (row.raisedOnReturn === true && row.maternityReturn !== true) {
      ctx.addIssue({ code: "custom", path: ["raisedOnReturn"], message: STAFF_ROW_MESSAGES.raisedOnReturnWithoutReturn });
    }
  });

export type StaffRow = z.output<typeof StaffRowSchema>;
export type StaffRowField = keyof StaffRow;
