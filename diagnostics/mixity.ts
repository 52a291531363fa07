/**
 * Mixity (mixité) of jobs, per population of an inclusive structure (DOMAIN.md §1.3, §5, §6).
 * Pure module: no I/O, no framework. Shares are fractions 0–1; FTE are « équivalents temps plein ».
 */
import { z } from "zod";
import { PARCOURS_WORDING } from "./questionnaire.ts";
import { POPULATIONS, type Population, type StructureType } from "./types.ts";

/**
 * Lower bound (inclusive) of the share of women for a « métier mixte ».
 * Source: UDES 2022 guide as quoted by the DREETS Hauts-de-France panorama (2025), « comprise entre
 * 40 % et 60 % » — DOMAIN.md §5.1 (project rule: bounds inclusive).
 */
export const MIXITY_MIN_SHARE_WOMEN = 0.4;

/** Upper bound (inclusive) of the share of women for a « métier mixte ». Source: as MIXITY_MIN_SHARE_WOMEN. */
export const MIXITY_MAX_SHARE_WOMEN = 0.6;

/**
 * Below this many people a job's share is flagged as fragile: one hire moves it by 20 points or more.
 * Project choice (no legal source), in the spirit of the small-numbers caution of DOMAIN.md §9.
 */
export const MIXITY_LOW_HEADCOUNT = 5;

/**
 * Shares are compared exactly on integers: headcounts and FTE are scaled by this factor and rounded,
 * so that decimal input such as 0.1 + 0.2 or 1.2 / 1.8 FTE is classified as its written value.
 * Six decimals of an FTE (about 2 seconds of a year's work) is far below any meaningful precision.
 */
export const MIXITY_DECIMAL_SCALE = 1_000_000;

export const MIXITY_CLASSES = ["masculin", "mixte", "feminin"] as const;
export type MixityClass = (typeof MIXITY_CLASSES)[number];

export const MIXITY_CLASS_LABELS: Record<MixityClass, string> = {
  masculin: "À prédominance masculine",
  mixte: "Mixte",
  feminin: "À prédominance féminine",
};

const count = z.number().int("Nombre de personnes entier attendu").min(0, "Nombre de personnes négatif");
const fte = z.number().finite().min(0, "Équivalent temps plein négatif");

/** One row of the jobs table: people of one job and one population (FTE optional). */
export const MixityJobInputSchema = z.object({
  label: z.string().trim().min(1, "Intitulé de métier vide"),
  population: z.enum(POPULATIONS),
  women: count,
  men: count,
  womenFte: fte.optional(),
  menFte: fte.optional(),
});
export type MixityJobInput = z.input<typeof MixityJobInputSchema>;
const MixityJobsInputSchema = z.array(MixityJobInputSchema);

const SexCountSchema = z.object({ women: count, men: count });

/** Optional leadership counts: encadrement (team leaders, supervisors) and direction. */
export const MixityLeadershipInputSchema = z.object({
  encadrement: SexCountSchema.optional(),
  direction: SexCountSchema.optional(),
});
export type MixityLeadershipInput = z.input<typeof MixityLeadershipInputSchema>;

export interface MixityJobResult {
  label: string;
  population: Population;
  women: number;
  men: number;
  headcount: number;
  /** Women / headcount; null when nobody. */
  shareWomen: number | null;
  /** FTE of women and men, rounded to 6 decimals; null when not given. */
  womenFte: number | null;
  menFte: number | null;
  fte: number | null;
  /** Women's FTE / total FTE; null when FTE unknown or zero. */
  shareWomenFte: number | null;
  class: MixityClass | null;
  classFte: MixityClass | null;
  /** Fewer than MIXITY_LOW_HEADCOUNT people (but at least one). */
  lowHeadcount: boolean;
}

export interface MixityTotals {
  women: number;
  men: number;
  headcount: number;
  shareWomen: number | null;
  class: MixityClass | null;
  /** Null when the FTE of some job with people is unknown. */
  womenFte: number | null;
  menFte: number | null;
  fte: number | null;
  shareWomenFte: number | null;
  classFte: MixityClass | null;
}

export interface MixityPopulationSummary {
  /** Jobs with at least one person. */
  jobsWithStaff: number;
  mixedJobs: number;
  /** mixedJobs / jobsWithStaff; null when no job has anyone. */
  mixedJobsShare: number | null;
  /** People in mixed jobs / people; null when nobody. */
  staffInMixedJobsShare: number | null;
}

export interface LeadershipShare {
  women: number;
  men: number;
  headcount: number;
  /** Null when nobody. */
  shareWomen: number | null;
}

export interface MixityResult {
  jobs: MixityJobResult[];
  totals: { all: MixityTotals; permanent: MixityTotals; parcours: MixityTotals };
  /** Jobs (one per label and population) with at least one person. */
  jobsWithStaff: number;
  mixedJobs: number;
  /** Share of jobs with people that are mixed (by headcount); null when no job has anyone. */
  mixedJobsShare: number | null;
  /** Share of people working in a mixed job (by headcount); null when nobody. */
  staffInMixedJobsShare: number | null;
  /** Share of FTE in jobs mixed by FTE; null when some FTE is unknown or the total is zero. */
  fteInMixedJobsShare: number | null;
  byPopulation: Record<Population, MixityPopulationSummary>;
  /** Women's share among encadrement / direction; null when not given. */
  encadrement: LeadershipShare | null;
  direction: LeadershipShare | null;
}

const SCALE = BigInt(MIXITY_DECIMAL_SCALE);
const MIN_NUM = BigInt(Math.round(MIXITY_MIN_SHARE_WOMEN * MIXITY_DECIMAL_SCALE));
const MAX_NUM = BigInt(Math.round(MIXITY_MAX_SHARE_WOMEN * MIXITY_DECIMAL_SCALE));

function scaled(x: number): bigint {
  return BigInt(Math.round(x * MIXITY_DECIMAL_SCALE));
}

function unscaled(x: bigint): number {
  return Number(x) / MIXITY_DECIMAL_SCALE;
}

/**
 * Mixity class of a women / men split given as scaled integers (exact comparison, no epsilon);
 * null when both are zero.
 */
function classifyScaled(women: bigint, men: bigint): MixityClass | null {
  const total = women + men;
  if (total === 0n) return null;
  const w = women * SCALE;
  if (w < total * MIN_NUM) return "masculin";
  if (w > total * MAX_NUM) return "feminin";
  return "mixte";
}

/** Mixity class of women and men counts or FTE (any non-negative numbers); null when both are 0. */
export function classifyMixity(women: number, men: number): MixityClass | null {
  return classifyScaled(scaled(women), scaled(men));
}

function ratio(part: bigint, total: bigint): number | null {
  return total === 0n ? null : Number(part) / Number(total);
}

interface Acc {
  label: string;
  population: Population;
  women: number;
  men: number;
  womenFte: bigint | null;
  menFte: bigint | null;
}

/** FTE of one sex: the given value, 0 when nobody of that sex, unknown otherwise. */
function fteOf(value: number | undefined, people: number): bigint | null {
  if (value !== undefined) return scaled(value);
  return people === 0 ? 0n : null;
}

function jobKey(label: string, population: Population): string {
  const norm = label.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  return `${population}\u0000${norm}`;
}

function addFte(a: bigint | null, b: bigint | null): bigint | null {
  return a === null || b === null ? null : a + b;
}

function totalsOf(rows: Acc[]): MixityTotals {
  let women = 0;
  let men = 0;
  let womenFte: bigint | null = 0n;
  let menFte: bigint | null = 0n;
  for (const r of rows) {
    women += r.women;
    men += r.men;
    womenFte = addFte(womenFte, r.womenFte);
    menFte = addFte(menFte, r.menFte);
  }
  const fteKnown = womenFte !== null && menFte !== null;
  return {
    women,
    men,
    headcount: women + men,
    shareWomen: ratio(BigInt(women), BigInt(women + men)),
    class: classifyScaled(BigInt(women), BigInt(men)),
    womenFte: womenFte === null ? null : unscaled(womenFte),
    menFte: menFte === null ? null : unscaled(menFte),
    fte: fteKnown ? unscaled(womenFte! + menFte!) : null,
    shareWomenFte: fteKnown ? ratio(womenFte!, womenFte! + menFte!) : null,
    classFte: fteKnown ? classifyScaled(womenFte!, menFte!) : null,
  };
}

function populationSummary(jobs: MixityJobResult[]): MixityPopulationSummary {
  const withStaff = jobs.filter((j) => j.headcount > 0);
  const mixed = withStaff.filter((j) => j.class === "mixte");
  const staff = withStaff.reduce((s, j) => s + j.headcount, 0);
  const staffMixed = mixed.reduce((s, j) => s + j.headcount, 0);
  return {
    jobsWithStaff: withStaff.length,
    mixedJobs: mixed.length,
    mixedJobsShare: withStaff.length === 0 ? null : mixed.length / withStaff.length,
    staffInMixedJobsShare: staff === 0 ? null : staffMixed / staff,
  };
}

function leadership(input: { women: number; men: number } | undefined): LeadershipShare | null {
  if (!input) return null;
  const headcount = input.women + input.men;
  return { women: input.women, men: input.men, headcount, shareWomen: headcount === 0 ? null : input.women / headcount };
}

/**
 * Mixity per job and population, totals and shares of mixed jobs (shares as fractions 0–1, FTE in
 * équivalents temps plein; a share is null when its denominator is zero or its FTE unknown).
 * Rows with the same label (ignoring case, accents and spaces) and population are merged; a job
 * held by both populations counts once per population, as DOMAIN.md §1.3 asks for per-population
 * indicators. Throws a ZodError on negative or non-integer headcounts.
 */
export function computeMixity(jobs: readonly MixityJobInput[], leadershipInput: MixityLeadershipInput = {}): MixityResult {
  const parsed = MixityJobsInputSchema.parse(jobs);
  const lead = MixityLeadershipInputSchema.parse(leadershipInput);

  const byKey = new Map<string, Acc>();
  for (const row of parsed) {
    const key = jobKey(row.label, row.population);
    const womenFte = fteOf(row.womenFte, row.women);
    const menFte = fteOf(row.menFte, row.men);
    const acc = byKey.get(key);
    if (acc) {
      acc.women += row.women;
      acc.men += row.men;
      acc.womenFte = addFte(acc.womenFte, womenFte);
      acc.menFte = addFte(acc.menFte, menFte);
    } else {
      byKey.set(key, { label: row.label, population: row.population, women: row.women, men: row.men, womenFte, menFte });
    }
  }
  const accs = [...byKey.values()];

  const jobResults: MixityJobResult[] = accs.map((a) => {
    const headcount = a.women + a.men;
    const fteKnown = a.womenFte !== null && a.menFte !== null;
    return {
      label: a.label,
      population: a.population,
      women: a.women,
      men: a.men,
      headcount,
      shareWomen: ratio(BigInt(a.women), BigInt(headcount)),
      womenFte: a.womenFte === null ? null : unscaled(a.womenFte),
      menFte: a.menFte === null ? null : unscaled(a.menFte),
      fte: fteKnown ? unscaled(a.womenFte! + a.menFte!) : null,
      shareWomenFte: fteKnown ? ratio(a.womenFte!, a.womenFte! + a.menFte!) : null,
      class: classifyScaled(BigInt(a.women), BigInt(a.men)),
      classFte: fteKnown ? classifyScaled(a.womenFte!, a.menFte!) : null,
      lowHeadcount: headcount > 0 && headcount < MIXITY_LOW_HEADCOUNT,
    };
  });

  const all = populationSummary(jobResults);

  let fteInMixedJobsShare: number | null = null;
  const withStaff = accs.filter((a) => a.women + a.men > 0);
  if (withStaff.every((a) => a.womenFte !== null && a.menFte !== null)) {
    let total = 0n;
    let mixed = 0n;
    for (const a of withStaff) {
      const f = a.womenFte! + a.menFte!;
      total += f;
      if (classifyScaled(a.womenFte!, a.menFte!) === "mixte") mixed += f;
    }
    fteInMixedJobsShare = ratio(mixed, total);
  }

  return {
    jobs: jobResults,
    totals: {
      all: totalsOf(accs),
      permanent: totalsOf(accs.filter((a) => a.population === "permanent")),
      parcours: totalsOf(accs.filter((a) => a.population === "parcours")),
    },
    jobsWithStaff: all.jobsWithStaff,
    mixedJobs: all.mixedJobs,
    mixedJobsShare: all.mixedJobsShare,
    staffInMixedJobsShare: all.staffInMixedJobsShare,
    fteInMixedJobsShare,
    byPopulation: {
      permanent: populationSummary(jobResults.filter((j) => j.population === "permanent")),
      parcours: populationSummary(jobResults.filter((j) => j.population === "parcours")),
    },
    encadrement: leadership(lead.encadrement),
    direction: leadership(lead.direction),
  };
}

// ---------------------------------------------------------------------------------------------
// French wording

const NBSP = "\u00a0";

/** A share 0–1 as a French percentage rounded to the unit (« 40 % »); « — » when null. */
export function formatSharePercent(share: number | null): string {
  if (share === null) return "—";
  return `${Math.round(share * 100)}${NBSP}%`;
}

/** « entre 40 % et 60 % de femmes », built from the named bounds. */
export function mixityRuleText(): string {
  return `entre ${formatSharePercent(MIXITY_MIN_SHARE_WOMEN)} et ${formatSharePercent(MIXITY_MAX_SHARE_WOMEN)} de femmes`;
}

/**
 * Plain-French summary of a mixity result, e.g. « 2 métiers sur 9 sont mixtes (entre 40 % et 60 % de
 * femmes). », followed by the share of people in mixed jobs when there is anyone.
 */
export function mixitySummary(result: MixityResult): string {
  const n = result.jobsWithStaff;
  const k = result.mixedJobs;
  const rule = `(${mixityRuleText()})`;
  if (n === 0) return "Aucun métier n'a de personnel renseigné.";
  let sentence: string;
  if (k === 0) sentence = n === 1 ? `Le seul métier renseigné n'est pas mixte ${rule}.` : `Aucun des ${n} métiers n'est mixte ${rule}.`;
  else if (k === 1) sentence = `1 métier sur ${n} est mixte ${rule}.`;
  else sentence = `${k} métiers sur ${n} sont mixtes ${rule}.`;
  const staff = result.staffInMixedJobsShare;
  if (staff !== null && k > 0) {
    sentence += ` ${formatSharePercent(staff)} des personnes y travaillent.`;
  }
  return sentence;
}

/** The four SIAE types (DOMAIN.md §6.1), whose parcours people are « en parcours d'insertion ». */
export const SIAE_STRUCTURE_TYPES: readonly StructureType[] = ["ACI", "EI", "ETTI", "AI"];

export interface PopulationWording {
  /** Plural masculine (generic) label, e.g. « salariés en parcours d'insertion ». */
  label: string;
  /** Plural feminine label. */
  labelFeminine: string;
  /** A caveat to show with the figures, or null. */
  note: string | null;
}

/** ESAT accompanied workers are not employees (DOMAIN.md §6.1). */
export const ESAT_WORKERS_NOTE =
  `Les travailleurs accompagnés d'un ESAT ne sont pas salariés${NBSP}: les obligations légales (index, accord ou plan d'action) ` +
  "sont calculées sur les seuls salariés de l'établissement.";

/** GEIQ alternants are excluded from the index (INDEX-RULES.md §2: professionalisation and apprenticeship contracts). */
export const GEIQ_ALTERNANTS_NOTE =
  "Les contrats de professionnalisation et d'apprentissage sont exclus du calcul de l'index de l'égalité professionnelle.";

/**
 * French wording of a population in a given kind of structure; the parcours wording reuses the
 * questionnaire's PARCOURS_WORDING (SIAE add « d'insertion »). Never null.
 */
export function populationWording(population: Population, structureType: StructureType): PopulationWording {
  if (population === "permanent") {
    return { label: "salariés permanents", labelFeminine: "salariées permanentes", note: null };
  }
  const w = PARCOURS_WORDING[structureType];
  const suffix = SIAE_STRUCTURE_TYPES.includes(structureType) ? " d'insertion" : "";
  const note = structureType === "ESAT" ? ESAT_WORKERS_NOTE : structureType === "GEIQ" ? GEIQ_ALTERNANTS_NOTE : null;
  return { label: `${w.masculine}${suffix}`, labelFeminine: `${w.feminine}${suffix}`, note };
}
