/**
 * The French view model of the pay-transparency figures, shared by the results tab and the report
 * PDF (same words and figures on screen and on paper). Pure.
 */
import type { AdjustedGap } from "./adjusted.ts";
import { EQUAL_VALUE_CRITERIA } from "./categories.ts";
import type { TransparencyResult } from "./compute.ts";
import { JOINT_ASSESSMENT_GAP_PCT, MIN_PEOPLE_PER_SEX, REGRESSION_MIN_PER_SEX, UNEXPLAINED_GAP_TOLERANCE_PCT } from "./constants.ts";
import type { GapFigure, PayBands, VariableShares } from "./indicators.ts";

const NBSP = "\u00a0";
const ONE_DECIMAL = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const EUROS_CENTS = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const EUROS = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const INTEGER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** Intl writes a narrow no-break space as thousands separator; the house style is U+00A0. */
const nbsp = (s: string) => s.replace(/[\u202f ]/g, NBSP);

/** « 12,3 % » (one decimal, no-break space); « −4,0 % » for a gap at men's expense. */
export function formatPct(value: number): string {
  return `${nbsp(ONE_DECIMAL.format(Math.abs(value) < 0.05 ? 0 : value))}${NBSP}%`;
}

/** Text shown instead of a figure built from too few people. */
export const SUPPRESSED_TEXT = `non publié (moins de ${MIN_PEOPLE_PER_SEX}${NBSP}femmes ou ${MIN_PEOPLE_PER_SEX}${NBSP}hommes)`;
export const NOT_SPLIT_TEXT = "non disponible (salaire de base et rémunération variable non fournis)";

export interface GapCell {
  /** The gap as a French text, or why it is not shown. */
  display: string;
  /** Gap in % when shown. */
  value: number | null;
  /** Women's and men's values (« 12,34 € / h »), when shown. */
  women: string | null;
  men: string | null;
}

const unitOf = (basis: "hourly" | "monthly") => (basis === "hourly" ? `${NBSP}€${NBSP}/${NBSP}h` : `${NBSP}€${NBSP}/${NBSP}mois`);

function money(value: number, basis: "hourly" | "monthly"): string {
  return `${nbsp((basis === "hourly" ? EUROS_CENTS : EUROS).format(value))}${unitOf(basis)}`;
}

/** A gap figure as a table cell. */
export function gapCell(figure: GapFigure | null, basis: "hourly" | "monthly"): GapCell {
  if (figure === null) return { display: NOT_SPLIT_TEXT, value: null, women: null, men: null };
  if (figure.status === "trop_peu") return { display: SUPPRESSED_TEXT, value: null, women: null, men: null };
  const women = figure.womenValue === null ? null : money(figure.womenValue, basis);
  const men = figure.menValue === null ? null : money(figure.menValue, basis);
  if (figure.status === "sans_objet" || figure.gapPct === null) return { display: "sans objet (aucun montant chez les hommes)", value: null, women, men };
  return { display: formatPct(figure.gapPct), value: figure.gapPct, women, men };
}

export interface IndicatorRow {
  /** Letter of art. 9(1): a, b, c, d, e. */
  letter: string;
  label: string;
  help: string;
  hourly: GapCell;
  monthly: GapCell;
}

export interface BandRow {
  band: number;
  label: string;
  people: number;
  women: number;
  men: number;
  womenPct: number;
  menPct: number;
  womenDisplay: string;
  menDisplay: string;
}

export interface CategoryRow {
  label: string;
  women: number;
  men: number;
  publishable: boolean;
  hourlyTotal: GapCell;
  hourlyBase: GapCell;
  hourlyVariable: GapCell;
  monthlyTotal: GapCell;
  /** At or above the joint-assessment threshold. */
  flagged: boolean;
  status: string;
}

export interface AdjustedView {
  estimated: boolean;
  title: string;
  text: string;
  figures: { label: string; value: string }[];
}

export interface TransparencyView {
  headline: string;
  population: string;
  notes: string[];
  indicators: IndicatorRow[];
  variableShares: { display: string; women: string | null; men: string | null };
  bands: { hourly: BandRow[] | null; monthly: BandRow[] | null; note: string };
  categories: CategoryRow[];
  categoriesIntro: string;
  categoryChecks: string[];
  jointAssessment: { flagged: string[]; text: string };
  adjusted: AdjustedView;
  criteria: readonly { id: string; label: string; help: string }[];
}

const BAND_LABELS = ["1er quart (les 25\u00a0% les moins payés)", "2e quart", "3e quart", "4e quart (les 25\u00a0% les mieux payés)"];

function bandRows(bands: PayBands): BandRow[] | null {
  if (bands.status !== "ok") return null;
  return bands.bands.map((b) => ({
    ...b,
    label: BAND_LABELS[b.band - 1] ?? `${b.band}e quart`,
    womenDisplay: formatPct(b.womenPct),
    menDisplay: formatPct(b.menPct),
  }));
}

function sharesView(shares: VariableShares | null): TransparencyView["variableShares"] {
  if (shares === null) return { display: NOT_SPLIT_TEXT, women: null, men: null };
  if (shares.status !== "ok" || shares.womenPct === null || shares.menPct === null) return { display: SUPPRESSED_TEXT, women: null, men: null };
  const women = formatPct(shares.womenPct);
  const men = formatPct(shares.menPct);
  return { display: `${women} des femmes, ${men} des hommes`, women, men };
}

const direction = (gap: number) => (gap >= 0 ? "au détriment des femmes" : "au détriment des hommes");

/** The plain-French reading of the unexplained gap. */
export function adjustedView(a: AdjustedGap): AdjustedView {
  const title = "L'écart inexpliqué, toutes choses égales par ailleurs";
  if (a.status === "insuffisant") {
    const why = {
      effectif: `il faut au moins ${REGRESSION_MIN_PER_SEX}${NBSP}femmes et ${REGRESSION_MIN_PER_SEX}${NBSP}hommes rémunérés (vous en avez ${a.women} et ${a.men})`,
      degres_de_liberte: `il y a trop peu de personnes (${a.n}) pour le nombre de facteurs à prendre en compte`,
      confondu:
        "dans vos données, le sexe se confond presque entièrement avec les autres facteurs (par exemple les femmes dans une CSP et les hommes dans une autre, ou les femmes à temps partiel et les hommes à temps plein)",
    }[a.reason];
    return { estimated: false, title, text: `Pas de conclusion possible${NBSP}: ${why}. Les écarts bruts ci-dessus restent valables.`, figures: [] };
  }
  const interval = `entre ${formatPct(a.lowPct)} et ${formatPct(a.highPct)}`;
  // With no neutral factor that differs between people, the « unexplained » gap is the raw one.
  const factors = a.factors.length > 0 ? a.factors.map((f) => f.label).join(", ") : null;
  const given = factors ? `une fois pris en compte ${factors}` : "sans facteur neutre pour l'expliquer";
  const even = factors ? `Même en tenant compte de ${factors}` : "Sans facteur neutre pour l'expliquer";
  const reading = {
    sous_le_seuil: `L'intervalle de confiance reste sous le seuil de tolérance de ${UNEXPLAINED_GAP_TOLERANCE_PCT}${NBSP}%${NBSP}: ${given}, il n'apparaît pas d'écart inexpliqué important.`,
    au_dela_femmes: `${even}, l'écart inexpliqué atteint au moins ${UNEXPLAINED_GAP_TOLERANCE_PCT}${NBSP}% au détriment des femmes${NBSP}: il doit être analysé et corrigé s'il ne repose pas sur des critères objectifs et non sexistes.`,
    au_dela_hommes: `${even}, l'écart inexpliqué atteint au moins ${UNEXPLAINED_GAP_TOLERANCE_PCT}${NBSP}% au détriment des hommes${NBSP}: il doit être analysé.`,
    incertain: `L'intervalle de confiance franchit le seuil de tolérance de ${UNEXPLAINED_GAP_TOLERANCE_PCT}${NBSP}%${NBSP}: avec ${a.n}${NBSP}personnes, les données ne permettent pas de dire si l'écart inexpliqué est inférieur ou supérieur à ce seuil.`,
  }[a.reading];
  return {
    estimated: true,
    title,
    text:
      `${factors ? `À situation comparable (${factors})` : "Vos salariés ne se distinguent par aucun facteur neutre (même CSP, même tranche d'âge, même temps de travail)"}, les femmes sont payées ${a.gapPct >= 0 ? "moins" : "plus"} que les hommes de ${formatPct(Math.abs(a.gapPct))} de l'heure, ` +
      `avec une marge d'incertitude${NBSP}: l'écart réel est probablement ${interval} (intervalle de confiance à 95${NBSP}%). ${reading}`,
    figures: [
      { label: "Écart brut du salaire horaire (moyennes géométriques)", value: `${formatPct(a.rawGapPct)} ${direction(a.rawGapPct)}` },
      { label: "Part expliquée par les facteurs neutres", value: `${nbsp(ONE_DECIMAL.format(a.explainedPts))}${NBSP}points` },
      { label: "Écart inexpliqué", value: `${formatPct(a.gapPct)} ${direction(a.gapPct)}` },
      { label: "Intervalle de confiance à 95\u00a0%", value: `de ${formatPct(a.lowPct)} à ${formatPct(a.highPct)}` },
      { label: "Personnes et degrés de liberté", value: `${nbsp(INTEGER.format(a.n))} personnes, ${nbsp(INTEGER.format(a.df))} degrés de liberté` },
    ],
  };
}

/** The view model of the pay-transparency tab and PDF section; `categoriesFrom` says whether the categories come from the editor or the file. */
export function transparencyView(r: TransparencyResult, options: { categoriesFrom?: "fichier" | "editeur" } = {}): TransparencyView {
  const notes: string[] = [];
  if (r.sources.hours !== "contrat") {
    notes.push(
      r.sources.hours === "mixte"
        ? `Heures hebdomadaires contractuelles manquantes pour une partie des personnes${NBSP}: pour elles, les heures sont déduites du temps de travail (35${NBSP}h × quotité).`
        : `Sans la colonne «${NBSP}Heures hebdomadaires contractuelles${NBSP}», les heures payées sont déduites du temps de travail (35${NBSP}h × quotité).`,
    );
  }
  if (options.categoriesFrom === "editeur") {
    notes.push(
      {
        colonne: "Les catégories sont celles que vous avez définies dans l'éditeur de catégories.",
        mixte: `Les catégories sont celles que vous avez définies dans l'éditeur de catégories${NBSP}; pour les personnes dont le poste n'est classé dans aucune, la CSP en tient lieu.`,
        csp: `Aucun poste n'est classé dans vos catégories${NBSP}: les catégories sont remplacées par les CSP.`,
      }[r.sources.categories],
    );
  } else if (r.sources.categories !== "colonne") {
    const csp =
      r.sources.categories === "mixte"
        ? `La «${NBSP}Catégorie d'emploi de valeur égale${NBSP}» manque pour une partie des personnes${NBSP}: pour elles, la CSP en tient lieu.`
        : `Sans la colonne «${NBSP}Catégorie d'emploi de valeur égale${NBSP}», les catégories sont remplacées par les CSP.`;
    notes.push(`${csp} Une CSP ne regroupe pas forcément des emplois de valeur égale${NBSP}: définissez vos catégories pour préparer la déclaration.`);
  }
  if (!r.sources.paySplit) {
    notes.push(`Sans les colonnes «${NBSP}Salaire de base${NBSP}» et «${NBSP}Rémunération variable${NBSP}», les indicateurs sur les primes et compléments ne peuvent pas être calculés.`);
  }
  if (r.population.excludedNotEmployees > 0) {
    notes.push(`${r.population.excludedNotEmployees} travailleurs accompagnés d'ESAT ne sont pas comptés${NBSP}: ils n'ont pas de contrat de travail.`);
  }
  const row = (letter: string, label: string, help: string, hourly: GapFigure | null, monthly: GapFigure | null): IndicatorRow => ({
    letter,
    label,
    help,
    hourly: gapCell(hourly, "hourly"),
    monthly: gapCell(monthly, "monthly"),
  });
  const mean = r.hourly.meanGap;
  const headline =
    mean.status === "ok" && mean.gapPct !== null
      ? `En moyenne, les femmes gagnent ${formatPct(Math.abs(mean.gapPct))} ${mean.gapPct >= 0 ? "de moins" : "de plus"} que les hommes par heure payée.`
      : `Votre effectif compte moins de ${MIN_PEOPLE_PER_SEX}${NBSP}femmes ou ${MIN_PEOPLE_PER_SEX}${NBSP}hommes${NBSP}: les écarts ne peuvent pas être publiés.`;
  const flagged = r.flaggedCategories;
  return {
    headline,
    population: `${nbsp(INTEGER.format(r.population.counted))} personnes comptées (${nbsp(INTEGER.format(r.population.women))} femmes, ${nbsp(INTEGER.format(r.population.men))} hommes).`,
    notes,
    indicators: [
      row("a", "Écart de rémunération moyen", "Différence entre la rémunération moyenne des hommes et celle des femmes, en % de celle des hommes.", r.hourly.meanGap, r.monthly.meanGap),
      row("b", "Écart moyen des primes et compléments", "Même calcul sur la part variable ou complémentaire, parmi les personnes qui en reçoivent.", r.hourly.variableMeanGap, r.monthly.variableMeanGap),
      row("c", "Écart de rémunération médian", "Même calcul sur la médiane (la moitié gagne moins, l'autre moitié plus)", r.hourly.medianGap, r.monthly.medianGap),
      row("d", "Écart médian des primes et compléments", "Médiane de la part variable ou complémentaire, parmi les personnes qui en reçoivent.", r.hourly.variableMedianGap, r.monthly.variableMedianGap),
    ],
    variableShares: sharesView(r.variableShares),
    bands: {
      hourly: bandRows(r.hourly.bands),
      monthly: bandRows(r.monthly.bands),
      note:
        "Les personnes sont rangées de la moins payée à la mieux payée, puis partagées en quatre groupes de même taille. " +
        "À rémunération égale à une limite entre deux quarts, femmes et hommes sont répartis en proportion de leur nombre.",
    },
    categories: r.categories.map((c) => ({
      label: c.label,
      women: c.women,
      men: c.men,
      publishable: c.publishable,
      hourlyTotal: gapCell(c.hourly.total, "hourly"),
      hourlyBase: gapCell(c.hourly.base, "hourly"),
      hourlyVariable: gapCell(c.hourly.variable, "hourly"),
      monthlyTotal: gapCell(c.monthly.total, "monthly"),
      flagged: c.reachesThreshold,
      status: !c.publishable
        ? "trop petite pour être publiée"
        : c.reachesThreshold
          ? `écart de ${JOINT_ASSESSMENT_GAP_PCT}${NBSP}% ou plus${NBSP}: à justifier ou corriger`
          : `sous ${JOINT_ASSESSMENT_GAP_PCT}${NBSP}%`,
    })),
    categoriesIntro:
      "Une catégorie regroupe des emplois de même valeur, comparés sur quatre critères neutres (compétences, efforts, responsabilités, conditions de travail). " +
      `L'écart moyen y est calculé sur la rémunération totale, puis séparément sur le salaire de base et sur les primes et compléments.`,
    categoryChecks: r.categoryChecks.flatMap((c) => c.messages),
    jointAssessment: {
      flagged,
      text:
        flagged.length === 0
          ? `Aucune catégorie publiable n'atteint un écart moyen de ${JOINT_ASSESSMENT_GAP_PCT}${NBSP}%${NBSP}: pas d'évaluation conjointe à prévoir sur ces chiffres.`
          : `${flagged.length === 1 ? "Une catégorie atteint" : `${flagged.length} catégories atteignent`} un écart moyen de ${JOINT_ASSESSMENT_GAP_PCT}${NBSP}% ou plus (${flagged.map((f) => `«${NBSP}${f}${NBSP}»`).join(", ")}). ` +
            `Si cet écart n'est pas justifié par des critères objectifs et non sexistes, ni corrigé dans les six mois suivant la déclaration, la directive impose une évaluation conjointe des rémunérations avec les représentants du personnel (article 10).`,
    },
    adjusted: adjustedView(r.adjusted),
    criteria: EQUAL_VALUE_CRITERIA,
  };
}
