import type { StaffRow } from "../../diagnostics/staff-file/index.ts";

/** One valid staff row (a full-time person in a pathway all year, 20 000 €), with `extra` over it. */
export function staffRow(sex: "F" | "H", job: string, extra: Partial<StaffRow> = {}): StaffRow {
  return {
    sex,
    job,
    population: "parcours",
    csp: "ouvriers",
    ageBand: "30-39",
    timeShare: 1,
    monthsPresent: 12,
    annualGrossPay: 20_000,
    raised: null,
    promoted: null,
    maternityReturn: null,
    raisedOnReturn: null,
    raisesDuringLeave: null,
    coefficient: null,
    ...extra,
  };
}
