/**
 * Aggregates derived from validated staff rows: the mixity jobs table (persons and FTE) and the
 * Index input of INDEX-RULES.md §1. Choices where INDEX-RULES.md is silent are documented here.
 */
import {
  INDEX_AGE_BANDS,
  INDEX_CSPS,
  type CspRateRow,
  type IndexAgeBand,
  type IndexCsp,
  type IndexInput,
  type IndexSizeBand,
  type PayGroup,
  type RatesInput,
  type WorkforceRow,
} from "../index/types.ts";
import type { MixityJobInput } from "../mixity.ts";
import type { Population, StructureType } from "../types.ts";
import { TOP_PAY_COUNT } from "../index/constants.ts";
import { INDEX_MIN_MONTHS_PRESENT, MONTHS_IN_PERIOD } from "./constants.ts";
import { groupJobTitles } from "./job-titles.ts";
import type { StaffRow } from "./schema.ts";

/** FTE are rounded to this many decimals in the jobs table (6: far below any meaningful precision). */
const FTE_DECIMALS = 6;

// Imported constants copied once: the per-row loops below read these instead, because module loaders
// that compile to CommonJS (tsx, vitest) turn each read of an imported binding into a getter call.
const MONTHS = MONTHS_IN_PERIOD;
const MIN_MONTHS_COUNTED = INDEX_MIN_MONTHS_PRESENT;
const TOP_COUNT = TOP_PAY_COUNT;

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** A person's annual FTE: time share × months present / 12 (0 < FTE ≤ 1). */
export function annualFte(row: Pick<StaffRow, "timeShare" | "monthsPresent">): number {
  return (row.timeShare * row.monthsPresent) / MONTHS;
}

/**
 * A person's annual gross pay reconstituted in full-time equivalent over the whole period, in euros:
 * annual gross / (time share × months / 12) (INDEX-RULES.md §2). Never null: time share and months are > 0.
 */
export function fullTimeEquivalentPay(row: Pick<StaffRow, "annualGrossPay" | "timeShare" | "monthsPresent">): number {
  return row.annualGrossPay / annualFte(row);
}

/**
 * Accumulates the jobs table row by row (one pass): headcount and FTE per label as written and
 * population (a « slot »); labels are then folded and merged once per distinct label, in `table`.
 */
class JobsAccumulator {
  private readonly permanent = new Map<string, number>();
  private readonly parcours = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly populations: Population[] = [];
  private readonly women: number[] = [];
  private readonly men: number[] = [];
  private readonly womenFte: number[] = [];
  private readonly menFte: number[] = [];

  add(row: StaffRow): void {
    const slots = row.population === "permanent" ? this.permanent : this.parcours;
    let slot = slots.get(row.job);
    if (slot === undefined) {
      slot = this.labels.length;
      slots.set(row.job, slot);
      this.labels.push(row.job.trim());
      this.populations.push(row.population);
      this.women.push(0);
      this.men.push(0);
      this.womenFte.push(0);
      this.menFte.push(0);
    }
    if (row.sex === "F") {
      this.women[slot]++;
      this.womenFte[slot] += annualFte(row);
    } else {
      this.men[slot]++;
      this.menFte[slot] += annualFte(row);
    }
  }

  /** The jobs table; `rows` are the rows added, in the same order. */
  table(rows: readonly StaffRow[]): MixityJobInput[] {
    type Job = { label: string; population: Population; women: number; men: number; womenFte: number; menFte: number };
    const jobs: Job[] = [];
    /** Job of each merged slot (a job of several slots), -1 for a job of one slot. */
    const mergedJob = new Int32Array(this.labels.length).fill(-1);
    for (const slots of [this.permanent, this.parcours]) {
      const ids = [...slots.values()];
      const groups = groupJobTitles(ids.map((id) => ({ label: this.labels[id], people: this.women[id] + this.men[id] })));
      for (const group of groups) {
        const members = group.members.map((m) => ids[m]);
        const job: Job = { label: group.label, population: this.populations[members[0]], women: 0, men: 0, womenFte: 0, menFte: 0 };
        for (const id of members) {
          job.women += this.women[id];
          job.men += this.men[id];
          if (members.length > 1) mergedJob[id] = jobs.length;
        }
        if (members.length === 1) {
          job.womenFte = this.womenFte[members[0]];
          job.menFte = this.menFte[members[0]];
        }
        jobs.push(job);
      }
    }
    // FTE of merged jobs (spelling variants, gendered forms): added again in row order, so that the
    // sums do not depend on how the labels are spelt. Only files with such variants pay this pass.
    if (jobs.length < this.labels.length) {
      for (const row of rows) {
        const j = mergedJob[(row.population === "permanent" ? this.permanent : this.parcours).get(row.job)!];
        if (j < 0) continue;
        if (row.sex === "F") jobs[j].womenFte += annualFte(row);
        else jobs[j].menFte += annualFte(row);
      }
    }
    const order: Record<Population, number> = { permanent: 0, parcours: 1 };
    return jobs
      .sort((a, b) => order[a.population] - order[b.population] || a.label.localeCompare(b.label, "fr"))
      .map((j) => ({
        label: j.label,
        population: j.population,
        women: j.women,
        men: j.men,
        womenFte: roundTo(j.womenFte, FTE_DECIMALS),
        menFte: roundTo(j.menFte, FTE_DECIMALS),
      }));
  }
}

/**
 * The mixity jobs table from staff rows: per job and population, headcount of every person of the
 * year and annual FTE (time share × months / 12, summed in row order, rounded to 6 decimals). Labels
 * are grouped ignoring case, accents and punctuation (the first spelling met is kept), and masculine,
 * feminine and inclusive forms of one title are merged (groupJobTitles: « Chargée d'insertion /
 * Chargé d'insertion »). Sorted permanent first, then by label.
 * Everyone of the year is included, short presences and ESAT accompanied workers too: mixity is a
 * diagnostic of who holds which job, not a legal indicator (DOMAIN.md §1.3, §6.4).
 */
export function jobsFromStaffRows(rows: readonly StaffRow[]): MixityJobInput[] {
  const jobs = new JobsAccumulator();
  for (let i = 0; i < rows.length; i++) jobs.add(rows[i]);
  return jobs.table(rows);
}

export interface IndexDerivationOptions {
  sizeBand: IndexSizeBand;
  /** Needed to leave out people who are not employees (ESAT) or whose contracts the index excludes (GEIQ). */
  structureType?: StructureType;
}

/**
 * Whether the « parcours » population of this kind of structure is left out of the index:
 * - ESAT: « travailleurs accompagnés » are not employees (DOMAIN.md §6.1); only ESAT staff count.
 * - GEIQ: the parcours people are alternants on professionalisation or apprenticeship contracts,
 *   which the index excludes (INDEX-RULES.md §2).
 * SIAE people in parcours (CDDI, missions) and EA workers with disabilities are employees and are
 * counted (DOMAIN.md §6.1; INDEX-RULES.md §2 is silent on insertion contracts).
 */
export function parcoursExcludedFromIndex(structureType: StructureType | undefined): boolean {
  return structureType === "ESAT" || structureType === "GEIQ";
}

export interface IndexPopulation {
  /** People counted in the index. */
  counted: StaffRow[];
  /** Present fewer than INDEX_MIN_MONTHS_PRESENT months. */
  excludedShortPresence: number;
  /** Parcours people left out by parcoursExcludedFromIndex (ESAT, GEIQ). */
  excludedNotEmployees: number;
}

/**
 * The people counted in the index: present at least 6 months (inclusive) of the 12-month period
 * (INDEX-RULES.md §2), parcours left out in ESAT and GEIQ; with the numbers left out.
 */
export function indexPopulationFromStaffRows(rows: readonly StaffRow[], options: { structureType?: StructureType } = {}): IndexPopulation {
  const excludeParcours = parcoursExcludedFromIndex(options.structureType);
  let excludedNotEmployees = 0;
  let excludedShortPresence = 0;
  const counted: StaffRow[] = [];
  for (const row of rows) {
    if (excludeParcours && row.population === "parcours") excludedNotEmployees++;
    else if (row.monthsPresent < MIN_MONTHS_COUNTED) excludedShortPresence++;
    else counted.push(row);
  }
  return { counted, excludedShortPresence, excludedNotEmployees };
}

function ratePct(count: number, of: number): number | null {
  return of === 0 ? null : (count / of) * 100;
}

// 4 CSP and 4 age bands (checked by the types), indexed by position: cell = CSP position × 4 + age band position.
const CSP_COUNT: 4 = INDEX_CSPS.length;
const AGE_BAND_COUNT: 4 = INDEX_AGE_BANDS.length;
const [CSP_0, CSP_1, CSP_2] = INDEX_CSPS;
const [AGE_BAND_0, AGE_BAND_1, AGE_BAND_2] = INDEX_AGE_BANDS;

/** Position of a CSP in INDEX_CSPS (compared, not looked up: a lookup keyed by varying strings is slower per row). */
function cspPosition(csp: IndexCsp): number {
  return csp === CSP_0 ? 0 : csp === CSP_1 ? 1 : csp === CSP_2 ? 2 : 3;
}

/** Position of an age band in INDEX_AGE_BANDS. */
function ageBandPosition(band: IndexAgeBand): number {
  return band === AGE_BAND_0 ? 0 : band === AGE_BAND_1 ? 1 : band === AGE_BAND_2 ? 2 : 3;
}

/**
 * The highest FTE pays met so far, in cents: distinct values in decreasing order with the women and
 * the men paid each, cut to the fewest values that hold TOP_PAY_COUNT people (at most 10 values).
 * The last value is then the pay of the 10th person, and every person paid it is kept.
 */
class TopPayBuffer {
  private readonly cents: number[] = [];
  private readonly women: number[] = [];
  private readonly men: number[] = [];
  /** People in the buffer. */
  private kept = 0;
  /** People added. */
  private seen = 0;
  /** Pays below this (in cents) can no longer enter the top: -Infinity until 10 people are kept. */
  floor = Number.NEGATIVE_INFINITY;

  /** Counts a person whose pay is below `floor`, without looking at the buffer. */
  skip(): void {
    this.seen++;
  }

  add(cents: number, woman: boolean): void {
    this.seen++;
    const values = this.cents;
    let last = values.length - 1;
    if (cents < this.floor) return;
    let k = 0;
    while (k <= last && values[k] > cents) k++;
    if (k <= last && values[k] === cents) {
      if (woman) this.women[k]++;
      else this.men[k]++;
    } else {
      values.splice(k, 0, cents);
      this.women.splice(k, 0, woman ? 1 : 0);
      this.men.splice(k, 0, woman ? 0 : 1);
      last++;
    }
    this.kept++;
    while (last > 0 && this.kept - this.women[last] - this.men[last] >= TOP_COUNT) {
      this.kept -= this.women[last] + this.men[last];
      values.pop();
      this.women.pop();
      this.men.pop();
      last--;
    }
    if (this.kept >= TOP_COUNT) this.floor = values[last];
  }

  /** topPaySexes of the people added (tie rule there). */
  sexes(): { women: number; men: number } {
    const last = this.cents.length - 1;
    let women = 0;
    let men = 0;
    for (let k = 0; k < last; k++) {
      women += this.women[k];
      men += this.men[k];
    }
    if (this.seen <= TOP_COUNT) return { women: women + (this.women[last] ?? 0), men: men + (this.men[last] ?? 0) };
    // `women` and `men` are above the cut; the places left go to people paid exactly the cut.
    const slots = TOP_COUNT - women - men;
    const tiedWomen = this.women[last];
    const tiedMen = this.men[last];
    const lo = Math.max(0, slots - tiedMen);
    const hi = Math.min(slots, tiedWomen);
    const under = (x: number) => Math.min(women + x, men + slots - x);
    const x = under(lo) <= under(hi) ? lo : hi;
    return { women: women + x, men: men + slots - x };
  }
}

/** FTE pay in cents, as compared for the top 10. */
function payCents(row: StaffRow): number {
  return Math.round(fullTimeEquivalentPay(row) * 100);
}

/**
 * Women and men among the 10 highest FTE pays (euros, compared to the cent). Ties at the 10th place
 * are broken against the structure: among the people tied at the cut, the places left go so as to
 * give the lowest count of the under-represented sex (the lowest indicator-5 score), because the
 * decree is silent and a self-diagnostic should not overstate. With fewer than 10 people counted,
 * everyone is counted and the sum is below 10 (computeIndex then refuses the indicator).
 * One pass, nothing sorted (TopPayBuffer).
 */
export function topPaySexes(counted: readonly StaffRow[]): { women: number; men: number } {
  const top = new TopPayBuffer();
  for (let i = 0; i < counted.length; i++) top.add(payCents(counted[i]), counted[i].sex === "F");
  return top.sexes();
}

/**
 * Accumulates the Index input row by row (one pass): the population filter, then per CSP × age
 * group the women, the men and their FTE pays summed in row order (so that averages are the same
 * to the last bit as a sum over the group), per CSP the raises and promotions, maternity returns
 * and the top 10 (TopPayBuffer). Cells are indexed csp position × 4 + age band position.
 */
class IndexAccumulator {
  excludedNotEmployees = 0;
  excludedShortPresence = 0;
  counted = 0;
  private readonly excludeParcours: boolean;
  private readonly women = new Array<number>(CSP_COUNT * AGE_BAND_COUNT).fill(0);
  private readonly men = new Array<number>(CSP_COUNT * AGE_BAND_COUNT).fill(0);
  private readonly payWomen = new Array<number>(CSP_COUNT * AGE_BAND_COUNT).fill(0);
  private readonly payMen = new Array<number>(CSP_COUNT * AGE_BAND_COUNT).fill(0);
  private readonly raisedWomen = new Array<number>(CSP_COUNT).fill(0);
  private readonly raisedMen = new Array<number>(CSP_COUNT).fill(0);
  private readonly promotedWomen = new Array<number>(CSP_COUNT).fill(0);
  private readonly promotedMen = new Array<number>(CSP_COUNT).fill(0);
  private raisedOrPromotedWomen = 0;
  private raisedOrPromotedMen = 0;
  private anyRaised = false;
  private anyPromoted = false;
  private returnees = 0;
  private returnedWithRaises = 0;
  private raisedOnReturn = 0;
  private readonly top = new TopPayBuffer();

  constructor(structureType: StructureType | undefined) {
    this.excludeParcours = parcoursExcludedFromIndex(structureType);
  }

  add(row: StaffRow): void {
    if (this.excludeParcours && row.population === "parcours") {
      this.excludedNotEmployees++;
      return;
    }
    if (row.monthsPresent < MIN_MONTHS_COUNTED) {
      this.excludedShortPresence++;
      return;
    }
    this.counted++;
    const csp = cspPosition(row.csp);
    const cell = csp * AGE_BAND_COUNT + ageBandPosition(row.ageBand);
    const pay = fullTimeEquivalentPay(row);
    const raised = row.raised === true;
    const promoted = row.promoted === true;
    if (raised) this.anyRaised = true;
    if (promoted) this.anyPromoted = true;
    if (row.sex === "F") {
      this.women[cell]++;
      this.payWomen[cell] += pay;
      if (raised) this.raisedWomen[csp]++;
      if (promoted) this.promotedWomen[csp]++;
      if (raised || promoted) this.raisedOrPromotedWomen++;
    } else if (row.sex === "H") {
      this.men[cell]++;
      this.payMen[cell] += pay;
      if (raised) this.raisedMen[csp]++;
      if (promoted) this.promotedMen[csp]++;
      if (raised || promoted) this.raisedOrPromotedMen++;
    }
    if (row.maternityReturn === true) {
      this.returnees++;
      if (row.raisesDuringLeave !== false) {
        this.returnedWithRaises++;
        if (row.raisedOnReturn === true) this.raisedOnReturn++;
      }
    }
    const cents = Math.round(pay * 100); // payCents
    if (cents < this.top.floor) this.top.skip();
    else this.top.add(cents, row.sex === "F");
  }

  private rates(happened: boolean, gotWomen: readonly number[], gotMen: readonly number[]): RatesInput {
    const groups: CspRateRow[] = INDEX_CSPS.map((csp, c) => {
      let women = 0;
      let men = 0;
      for (let a = 0; a < AGE_BAND_COUNT; a++) {
        women += this.women[c * AGE_BAND_COUNT + a];
        men += this.men[c * AGE_BAND_COUNT + a];
      }
      return {
        csp,
        women,
        men,
        ratePctWomen: happened ? ratePct(gotWomen[c], women) : null,
        ratePctMen: happened ? ratePct(gotMen[c], men) : null,
      };
    });
    return { happened, groups };
  }

  input(sizeBand: IndexSizeBand): IndexInput {
    const workforce: WorkforceRow[] = [];
    const groups: PayGroup[] = [];
    INDEX_CSPS.forEach((csp, c) => {
      INDEX_AGE_BANDS.forEach((ageBand, a) => {
        const cell = c * AGE_BAND_COUNT + a;
        const women = this.women[cell];
        const men = this.men[cell];
        workforce.push({ csp, ageBand, women, men });
        groups.push({
          category: csp,
          ageBand,
          women,
          men,
          avgPayWomen: women === 0 ? null : this.payWomen[cell] / women,
          avgPayMen: men === 0 ? null : this.payMen[cell] / men,
        });
      });
    });
    const input: IndexInput = {
      sizeBand,
      workforce,
      pay: { classification: "csp", groups },
      maternity: this.returnees === 0 ? null : { returned: this.returnedWithRaises, raisedOnReturn: this.raisedOnReturn },
      top10: this.top.sexes(),
    };
    if (sizeBand === "50-250") {
      const happened = this.anyRaised || this.anyPromoted;
      input.raisesAndPromotions = {
        happened,
        raisedWomen: happened ? this.raisedOrPromotedWomen : null,
        raisedMen: happened ? this.raisedOrPromotedMen : null,
      };
      input.raises = null;
      input.promotions = null;
    } else {
      input.raisesAndPromotions = null;
      input.raises = this.rates(this.anyRaised, this.raisedWomen, this.raisedMen);
      input.promotions = this.rates(this.anyPromoted, this.promotedWomen, this.promotedMen);
    }
    return input;
  }
}

/**
 * The Index input (INDEX-RULES.md §1) from validated staff rows, in one pass. Choices where INDEX-RULES.md is silent:
 * - population: indexPopulationFromStaffRows (≥ 6 months inclusive; parcours excluded in ESAT and GEIQ,
 *   counted elsewhere); every indicator, maternity and top 10 included, uses that same population;
 * - pay: mean of fullTimeEquivalentPay per sex and group, unrounded, in euros; CSP × age groups (16,
 *   CSP order then age order), null when that sex is absent from the group;
 * - 50–250: raisedWomen / raisedMen count people with a raise or a promotion; `happened` is false,
 *   counts null, when nobody got either (or when both columns were absent);
 * - 251+: per-CSP rates (0–100, all ages) of raises (promotions excluded) and of promotions; rates null
 *   when that sex is absent from the CSP or nothing happened;
 * - maternity: null when nobody counted returned (or the column was absent); `returned` counts the
 *   returnees whose « augmentations pendant le congé » is not « non » (empty or absent = raises happened);
 * - top 10: topPaySexes.
 */
export function indexInputFromStaffRows(rows: readonly StaffRow[], options: IndexDerivationOptions): IndexInput {
  const index = new IndexAccumulator(options.structureType);
  for (let i = 0; i < rows.length; i++) index.add(rows[i]);
  return index.input(options.sizeBand);
}

export interface StaffDerivation {
  /** jobsFromStaffRows. */
  jobs: MixityJobInput[];
  /** indexInputFromStaffRows. */
  index: IndexInput;
  /** How many people the index counts and leaves out (indexPopulationFromStaffRows, as numbers). */
  population: { counted: number; excludedShortPresence: number; excludedNotEmployees: number };
}

/**
 * The jobs table and the Index input of the same staff rows in ONE pass over the rows: equal to
 * jobsFromStaffRows(rows) and indexInputFromStaffRows(rows, options), with the population counts.
 */
export function deriveFromStaffRows(rows: readonly StaffRow[], options: IndexDerivationOptions): StaffDerivation {
  const jobs = new JobsAccumulator();
  const index = new IndexAccumulator(options.structureType);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    jobs.add(row);
    index.add(row);
  }
  return {
    jobs: jobs.table(rows),
    index: index.input(options.sizeBand),
    population: { counted: index.counted, excludedShortPresence: index.excludedShortPresence, excludedNotEmployees: index.excludedNotEmployees },
  };
}
