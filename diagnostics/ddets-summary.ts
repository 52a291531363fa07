/**
 * The small summary of one diagnostic that DDETS statistics are aggregated from: the band-worthy
 * figures only (women and men in pathways, jobs and mixed jobs, the nine domain levels, the Index
 * value from 50 employees), never answers, staff rows or pay. Stored on the diagnostic (a cache,
 * recomputed when the diagnostic changes) so that a dashboard over thousands of structures reads one
 * small JSON per structure instead of every answer and staff file.
 * Pure module: the same engine functions as the results page (computeMixity, scoreDomains,
 * computeIndex), no I/O.
 */
import { computeIndex, parseIndexInput, type IndexInput } from "./index/index.ts";
import { computeMixity, MixityJobInputSchema, type MixityJobInput } from "./mixity.ts";
import { isFiftyPlus, ProfileSchema } from "./profile.ts";
import type { Answers } from "./questionnaire.ts";
import { scoreDomains, type Level } from "./scoring.ts";
import { DOMAIN_IDS, type Profile } from "./types.ts";

import { DIAGNOSTIC_SUMMARY_VERSION } from "./ddets-summary-version.ts";

export { DIAGNOSTIC_SUMMARY_VERSION };

export type SummaryIndexState = "calcule" | "non_calculable" | "absent";

export interface DiagnosticSummary {
  v: typeof DIAGNOSTIC_SUMMARY_VERSION;
  /** Legal headcount band of 50 or more (the Index is an obligation); null without a valid profile. */
  fiftyPlus: boolean | null;
  /** Women and men in pathways (from the jobs table when it has anyone, else the profile, as the results page); null when nobody. */
  parcours: { women: number; men: number } | null;
  /** Jobs with at least one person, and how many of them are mixed (40–60 % of women, bounds included). */
  jobs: { withStaff: number; mixed: number };
  /** Level of each of the nine domains, in DOMAIN_IDS order; null for a domain without score (or without profile). */
  levels: (Level | null)[];
  /** The Index estimate, computed for structures of 50 or more only (`absent` below 50 or when not estimated). */
  index: { state: SummaryIndexState; value: number | null };
}

/** What summarizeDiagnostic reads: the diagnostic's stored documents, checked here (hence `unknown`). */
export interface SummaryInput {
  profile: unknown;
  /** The structure's département (some questions depend on the profile, which carries it). */
  departement: string | null;
  jobs: readonly unknown[];
  answers: Answers;
  index: { source: "saisie" | "fichier" | "ignore" | null; data: unknown };
  /** The Index input derived from the staff file when the source is « fichier » (null: no usable file or not needed). */
  staffIndexInput: IndexInput | null;
}

/** True when the summary needs the staff file's Index input: a 50+ profile whose Index comes from the file. */
export function summaryNeedsStaffFile(input: Pick<SummaryInput, "profile" | "index">): boolean {
  if (input.index.source !== "fichier") return false;
  const parsed = ProfileSchema.safeParse(input.profile);
  return parsed.success && isFiftyPlus(parsed.data.headcountBand);
}

function validJobs(rows: readonly unknown[]): MixityJobInput[] {
  const jobs: MixityJobInput[] = [];
  for (const row of rows) {
    const parsed = MixityJobInputSchema.safeParse(row);
    if (parsed.success) jobs.push(parsed.data);
  }
  return jobs;
}

function indexOf(input: SummaryInput, profile: Profile | null): DiagnosticSummary["index"] {
  const absent = { state: "absent" as const, value: null };
  if (!profile || !isFiftyPlus(profile.headcountBand)) return absent;
  let data: IndexInput | null = null;
  if (input.index.source === "fichier") data = input.staffIndexInput;
  else if (input.index.source === "saisie") {
    const parsed = parseIndexInput(input.index.data);
    data = parsed.ok ? parsed.value : null;
  }
  if (!data) return absent;
  const total = computeIndex(data).index;
  return total.calculable && total.value !== null ? { state: "calcule", value: total.value } : { state: "non_calculable", value: null };
}

/**
 * The DDETS summary of one diagnostic (counts of people and jobs, levels, Index points 0–100).
 * Invalid stored documents count as missing: an invalid profile gives null levels and size band,
 * invalid job rows are left out, invalid Index data gives `absent`. Never throws on stored data.
 */
export function summarizeDiagnostic(input: SummaryInput): DiagnosticSummary {
  const parsed = ProfileSchema.safeParse(input.profile);
  const profile: Profile | null = parsed.success ? { ...parsed.data, departement: input.departement ?? undefined } : null;
  const mixity = computeMixity(validJobs(input.jobs));
  let parcours: DiagnosticSummary["parcours"] = null;
  if (mixity.totals.all.headcount > 0) {
    const p = mixity.totals.parcours;
    parcours = p.headcount > 0 ? { women: p.women, men: p.men } : null;
  } else if (profile && profile.parcoursWomen + profile.parcoursMen > 0) {
    parcours = { women: profile.parcoursWomen, men: profile.parcoursMen };
  }
  const scores = profile ? scoreDomains(input.answers, profile) : null;
  const levels = DOMAIN_IDS.map((id) => scores?.domains.find((d) => d.domain === id)?.level ?? null);
  return {
    v: DIAGNOSTIC_SUMMARY_VERSION,
    fiftyPlus: profile ? isFiftyPlus(profile.headcountBand) : null,
    parcours,
    jobs: { withStaff: mixity.jobsWithStaff, mixed: mixity.mixedJobs },
    levels,
    index: indexOf(input, profile),
  };
}
