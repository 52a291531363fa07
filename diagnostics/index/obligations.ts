/**
 * What an index value obliges a structure to do (Code du travail L.1142-8 to L.1142-10, D.1142-4 to
 * D.1142-6, décret 2022-243): below 75 corrective measures, 75–84 progress objectives, 85 and over nothing more.
 */
import {
  CORRECTIVE_DEADLINE_YEARS,
  INDEX_CORRECTIVE_THRESHOLD,
  INDEX_MAX_POINTS,
  INDEX_MIN_HEADCOUNT,
  INDEX_OBJECTIVES_THRESHOLD,
} from "./constants.ts";
import { NBSP, formatInteger, formatUpToOneDecimal } from "./format.ts";
import type { IndexObligation } from "./types.ts";

const T75 = formatInteger(INDEX_CORRECTIVE_THRESHOLD);
const T84 = formatInteger(INDEX_OBJECTIVES_THRESHOLD - 1);
const T85 = formatInteger(INDEX_OBJECTIVES_THRESHOLD);

/** Obligations of an index value (0–100 points, null when not calculable): "not-applicable" under 50 employees or for a null index; never returns null. */
export function indexObligation(value: number | null, headcountIs50Plus: boolean): IndexObligation {
  if (!headcountIs50Plus) {
    return {
      level: "not-applicable",
      label: "Estimation indicative",
      text:
        `La structure compte moins de ${formatInteger(INDEX_MIN_HEADCOUNT)} salariés${NBSP}: elle n'est pas tenue ` +
        "de calculer ni de publier l'index, et ce résultat n'a qu'une valeur indicative.",
    };
  }
  if (value === null || !Number.isFinite(value)) {
    return {
      level: "not-applicable",
      label: "Index non calculable",
      text:
        `L'index ne peut pas être calculé${NBSP}: la structure publie les points des indicateurs calculables et ` +
        `les transmet au CSE et à l'administration, sans obligation liée aux seuils de ${T75} et ${T85} points.`,
    };
  }
  const score = `${formatUpToOneDecimal(value)} sur ${formatInteger(INDEX_MAX_POINTS)}`;
  if (value < INDEX_CORRECTIVE_THRESHOLD) {
    return {
      level: "corrective",
      label: `Index inférieur à ${T75}${NBSP}: mesures de correction obligatoires`,
      text:
        `Avec un index de ${score}, la structure doit adopter des mesures de correction et de rattrapage ` +
        "(par accord ou, à défaut, par décision unilatérale après consultation du CSE), les publier et atteindre " +
        `au moins ${T75} points dans un délai de ${formatInteger(CORRECTIVE_DEADLINE_YEARS)} ans${NBSP}; elle doit ` +
        "aussi fixer et publier des objectifs de progression pour chaque indicateur qui n'a pas atteint son maximum.",
    };
  }
  if (value < INDEX_OBJECTIVES_THRESHOLD) {
    return {
      level: "objectives",
      label: `Index de ${T75} à ${T84}${NBSP}: objectifs de progression`,
      text:
        `Avec un index de ${score} (entre ${T75} et ${T84} points inclus), la structure doit fixer et publier des ` +
        "objectifs de progression pour chaque indicateur calculable qui n'a pas atteint son maximum, et les " +
        "transmettre au CSE et à l'administration.",
    };
  }
  return {
    level: "none",
    label: `Index d'au moins ${T85}${NBSP}: pas d'obligation supplémentaire`,
    text:
      `Avec un index de ${score}, aucune mesure de correction ni aucun objectif de progression n'est exigé${NBSP}: ` +
      "il reste à publier l'index et ses indicateurs chaque année avant le 1er mars.",
  };
}
