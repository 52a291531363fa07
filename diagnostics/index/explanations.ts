/**
 * One plain-French sentence per indicator: the result, or why it cannot be calculated.
 * Typography: no-break space before « : ; ! ? % € », decimal comma.
 */
import {
  INDEX_MIN_CALCULABLE_POINTS,
  INDEX_MAX_POINTS,
  INDEX_MIN_HEADCOUNT,
  PAY_GROUP_MIN_MEN,
  PAY_GROUP_MIN_WOMEN,
  RAISES_AND_PROMOTIONS_MIN_MEN,
  RAISES_AND_PROMOTIONS_MIN_WOMEN,
  RATE_GROUP_MIN_MEN,
  RATE_GROUP_MIN_WOMEN,
  TOP_PAY_COUNT,
  VALID_HEADCOUNT_MIN_SHARE,
} from "./constants.ts";
import {
  NBSP,
  countOf,
  favoursPhrase,
  formatInteger,
  formatOneDecimal,
  formatUpToOneDecimal,
  pointsWord,
} from "./format.ts";
import type {
  Favours,
  IndexInput,
  IndexTotal,
  MaternityResult,
  PayResult,
  RaisesAndPromotionsResult,
  RateIndicatorResult,
  Top10Result,
} from "./types.ts";

const CANNOT = `${NBSP}: l'indicateur ne peut pas être calculé.`;
const MIN_SHARE_PCT = formatUpToOneDecimal(VALID_HEADCOUNT_MIN_SHARE * 100);

function score(points: number, maxPoints: number): string {
  return `${formatInteger(points)} ${pointsWord(points)} sur ${formatInteger(maxPoints)}`;
}

/** Share of the headcount in valid groups, truncated to one decimal so that 39,96 never shows as 40. */
function validShare(validHeadcount: number, totalHeadcount: number): string {
  return formatUpToOneDecimal(Math.floor((validHeadcount / totalHeadcount) * 1000) / 10);
}

/** A gap in percentage points, one decimal, singular under 2 (« 0,4 point de pourcentage »). */
function percentagePoints(value: number): string {
  return `${formatOneDecimal(value)} ${pointsWord(value)} de pourcentage`;
}

function favouredByPay(pay: PayResult): string {
  return pay.favours === "women" ? "les femmes" : "les hommes";
}

/** Sentence for indicator 1; never null. */
export function explainPay(r: Omit<PayResult, "explanation">): string {
  if (!r.calculable || r.value === null || r.points === null) {
    if (r.totalHeadcount === 0) {
      return `Aucun salarié n'est déclaré dans les groupes de rémunération${CANNOT}`;
    }
    return (
      `Moins de ${MIN_SHARE_PCT}${NBSP}% de l'effectif (ici ${validShare(r.validHeadcount, r.totalHeadcount)}${NBSP}%) ` +
      `est dans des groupes comptant au moins ${countOf(PAY_GROUP_MIN_WOMEN, "femme", "femmes")} et ` +
      `${countOf(PAY_GROUP_MIN_MEN, "homme", "hommes")}${CANNOT}`
    );
  }
  const threshold = `Après application du seuil de pertinence de ${formatInteger(r.pertinenceThreshold)} points`;
  if (r.value === 0) {
    return `${threshold}, il n'y a pas d'écart de rémunération entre femmes et hommes${NBSP}: ${score(r.points, r.maxPoints)}.`;
  }
  return (
    `${threshold}, l'écart de rémunération est de ${formatOneDecimal(r.value)}${NBSP}% ${favoursPhrase(r.favours)}` +
    `${NBSP}: ${score(r.points, r.maxPoints)}.`
  );
}

function catchUpSentence(what: string, value: number, favours: Favours, pay: PayResult, maxPoints: number): string {
  return (
    `L'écart de ${what} (${percentagePoints(value)} ${favoursPhrase(favours)}) va dans le sens ` +
    `inverse de l'écart de rémunération, qui favorise ${favouredByPay(pay)}${NBSP}: la note maximale de ` +
    `${formatInteger(maxPoints)} points est accordée au titre des mesures de rattrapage.`
  );
}

/** Sentence for indicator "2 et 3" (50–250); `headcount` is the workforce total of each sex; never null. */
export function explainRaisesAndPromotions(
  r: Omit<RaisesAndPromotionsResult, "explanation">,
  headcount: { women: number; men: number },
  pay: PayResult,
): string {
  if (r.reason === "fewer-than-5-women-or-5-men") {
    return (
      `Il faut au moins ${countOf(RAISES_AND_PROMOTIONS_MIN_WOMEN, "femme", "femmes")} et ` +
      `${countOf(RAISES_AND_PROMOTIONS_MIN_MEN, "homme", "hommes")} dans l'effectif (ici ` +
      `${countOf(headcount.women, "femme", "femmes")} et ${countOf(headcount.men, "homme", "hommes")})${CANNOT}`
    );
  }
  if (r.reason === "no-raises" || r.value === null || r.employeeGap === null || r.points === null) {
    return `Aucune augmentation individuelle n'a été accordée sur la période${CANNOT}`;
  }
  if (r.correctionApplied && r.pointsBeforeCorrection !== null && r.pointsBeforeCorrection < r.maxPoints) {
    return catchUpSentence("taux d'augmentation", r.value, r.favours, pay, r.maxPoints);
  }
  if (r.favours === null) {
    return `Les femmes et les hommes ont été augmentés dans la même proportion${NBSP}: ${score(r.points, r.maxPoints)}.`;
  }
  const employees = `${formatOneDecimal(r.employeeGap)} ${r.employeeGap < 2 ? "salarié" : "salariés"}`;
  return (
    `L'écart de taux d'augmentation est de ${percentagePoints(r.value)} ` +
    `${favoursPhrase(r.favours)}, soit ${employees}, et la meilleure des deux notes est retenue` +
    `${NBSP}: ${score(r.points, r.maxPoints)}.`
  );
}

/** Sentence for indicator 2 (raises) or 3 (promotions), 251+; never null. */
export function explainRateIndicator(
  kind: "raises" | "promotions",
  r: Omit<RateIndicatorResult, "explanation">,
  pay: PayResult,
): string {
  const what = kind === "raises" ? "taux d'augmentation hors promotions" : "taux de promotion";
  if (r.reason === "valid-groups-below-40pct") {
    if (r.totalHeadcount === 0) return `Aucun salarié n'est déclaré dans l'effectif${CANNOT}`;
    return (
      `Moins de ${MIN_SHARE_PCT}${NBSP}% de l'effectif (ici ${validShare(r.validHeadcount, r.totalHeadcount)}${NBSP}%) ` +
      `est dans des catégories socioprofessionnelles comptant au moins ` +
      `${countOf(RATE_GROUP_MIN_WOMEN, "femme", "femmes")} et ${countOf(RATE_GROUP_MIN_MEN, "homme", "hommes")}${CANNOT}`
    );
  }
  if (r.reason !== null || r.value === null || r.points === null) {
    return kind === "raises"
      ? `Aucune augmentation individuelle (hors promotions) n'a été accordée sur la période${CANNOT}`
      : `Aucune promotion n'a eu lieu sur la période${CANNOT}`;
  }
  if (r.correctionApplied && r.pointsBeforeCorrection !== null && r.pointsBeforeCorrection < r.maxPoints) {
    return catchUpSentence(what, r.value, r.favours, pay, r.maxPoints);
  }
  if (r.value === 0) {
    return `Il n'y a pas d'écart de ${what} entre femmes et hommes${NBSP}: ${score(r.points, r.maxPoints)}.`;
  }
  return (
    `L'écart de ${what} est de ${percentagePoints(r.value)} ${favoursPhrase(r.favours)}` +
    `${NBSP}: ${score(r.points, r.maxPoints)}.`
  );
}

/** Sentence for indicator 4 (maternity or adoption leave); never null. */
export function explainMaternity(
  r: Omit<MaternityResult, "explanation">,
  maternity: IndexInput["maternity"],
): string {
  if (r.reason === "no-returns" || maternity === null) {
    return `Personne n'est revenu de congé de maternité ou d'adoption sur la période${CANNOT}`;
  }
  if (r.reason === "no-raises-during-leave" || r.points === null || r.ratePctDeclared === null) {
    return `Aucune augmentation n'a eu lieu pendant les congés de maternité ou d'adoption des personnes revenues${CANNOT}`;
  }
  const counts = `${formatInteger(maternity.raisedOnReturn)} sur ${formatInteger(maternity.returned)}`;
  if (r.points > 0) {
    return (
      `Toutes les personnes revenues de congé de maternité ou d'adoption (${counts}) ont été augmentées ` +
      `à leur retour${NBSP}: ${score(r.points, r.maxPoints)}.`
    );
  }
  return (
    `${formatInteger(r.ratePctDeclared)}${NBSP}% des personnes revenues de congé de maternité ou d'adoption ont été ` +
    `augmentées à leur retour (${counts}), or seul un taux de 100${NBSP}% rapporte des points${NBSP}: ` +
    `${score(r.points, r.maxPoints)}.`
  );
}

/** Sentence for indicator 5 (10 highest pays); never null. */
export function explainTop10(r: Omit<Top10Result, "explanation">, top10: IndexInput["top10"]): string {
  const total = top10.women + top10.men;
  if (!r.calculable || r.points === null || r.underRepresentedCount === null) {
    return (
      `Les ${formatInteger(TOP_PAY_COUNT)} plus hautes rémunérations doivent compter ${formatInteger(TOP_PAY_COUNT)} ` +
      `personnes (ici ${formatInteger(total)})${CANNOT}`
    );
  }
  const who = `${countOf(top10.women, "femme", "femmes")} et ${countOf(top10.men, "homme", "hommes")}`;
  if (r.favours === null) {
    return `Les ${formatInteger(TOP_PAY_COUNT)} plus hautes rémunérations comptent ${who}${NBSP}: ${score(r.points, r.maxPoints)}.`;
  }
  const under =
    r.underRepresentedCount === 0 ? "aucune personne" : countOf(r.underRepresentedCount, "personne", "personnes");
  return (
    `Les ${formatInteger(TOP_PAY_COUNT)} plus hautes rémunérations comptent ${who}, soit ${under} du sexe ` +
    `sous-représenté${NBSP}: ${score(r.points, r.maxPoints)}.`
  );
}

/** Sentence for the index as a whole; never null. */
export function explainIndex(r: Omit<IndexTotal, "explanation">, indicative: boolean): string {
  const indicativeTail = indicative
    ? ` (estimation indicative, la structure comptant moins de ${formatInteger(INDEX_MIN_HEADCOUNT)} salariés)`
    : "";
  if (!r.calculable || r.value === null) {
    return (
      `Les indicateurs calculables ne valent que ${formatInteger(r.maxPoints)} ${pointsWord(r.maxPoints)} sur ` +
      `${formatInteger(INDEX_MAX_POINTS)}, moins que les ${formatInteger(INDEX_MIN_CALCULABLE_POINTS)} requis${NBSP}: ` +
      (indicative
        ? `l'index ne pourrait pas être calculé${indicativeTail}.`
        : "l'index ne peut pas être calculé, mais les points des indicateurs calculables doivent être publiés.")
    );
  }
  const detail =
    r.maxPoints === INDEX_MAX_POINTS
      ? `${score(r.totalPoints, r.maxPoints)} possibles`
      : `${score(r.totalPoints, r.maxPoints)} possibles, ramenés sur ${formatInteger(INDEX_MAX_POINTS)}`;
  return indicative
    ? `L'index serait de ${formatInteger(r.value)} sur ${formatInteger(INDEX_MAX_POINTS)} (${detail})${indicativeTail}.`
    : `L'index est de ${formatInteger(r.value)} sur ${formatInteger(INDEX_MAX_POINTS)} (${detail}).`;
}
