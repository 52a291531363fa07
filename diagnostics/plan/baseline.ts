/**
 * Baseline (valeur de départ) of an action's indicator: where it comes from, in French, and its value
 * when the diagnostic already holds it.
 */
import { adaptWording, getQuestion } from "../questionnaire.ts";
import type { Profile } from "../types.ts";
import { quote } from "./format.ts";
import { INDEX_INDICATOR_LABELS, type DiagnosticInput } from "./inputs.ts";
import { classifiedJobs, profileWomenShare, usableAnswer } from "./triggers.ts";
import type { BaselineSource } from "./types.ts";

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Where the baseline comes from, in plain French (« À mesurer : … » when the diagnostic does not hold it). */
export function baselineSourceLabel(source: BaselineSource, profile?: Profile): string {
  switch (source.kind) {
    case "answer": {
      const text = getQuestion(source.question)?.text ?? source.question;
      return `Votre réponse à la question ${quote(profile ? adaptWording(text, profile.structureType) : text)}`;
    }
    case "mixity": {
      const who = source.population === "parcours" ? " en parcours" : source.population === "permanent" ? " permanentes" : "";
      return `Vos métiers\u00a0: part de femmes parmi les personnes${who} des métiers à prédominance masculine`;
    }
    case "index":
      if (source.figure === "pay_gap") return `Index de l'égalité professionnelle, indicateur ${quote(INDEX_INDICATOR_LABELS.pay)}`;
      if (source.figure === "maternity_rate") {
        return `Index de l'égalité professionnelle, indicateur ${quote(INDEX_INDICATOR_LABELS.maternity)}`;
      }
      return "Index de l'égalité professionnelle, note globale";
    case "profile":
      return {
        parcours: "Votre profil\u00a0: part de femmes parmi les salariés en parcours",
        permanent: "Votre profil\u00a0: part de femmes dans l'équipe permanente",
        board: "Votre profil\u00a0: part de femmes au conseil d'administration ou au bureau",
        direction: "Votre profil\u00a0: part de femmes dans l'équipe de direction",
      }[source.group];
    case "to_measure":
      return `À mesurer\u00a0: ${source.how}`;
  }
}

/** The baseline value found in the diagnostic (1 decimal), or null when it is not there (« to_measure », missing data, « Je ne sais pas »). */
export function resolveBaseline(source: BaselineSource, input: DiagnosticInput): number | null {
  switch (source.kind) {
    case "answer": {
      const question = getQuestion(source.question);
      if (!question) return null;
      const value = usableAnswer(question, input.answers[source.question], input.profile);
      return typeof value === "number" ? round1(value) : null;
    }
    case "mixity": {
      if (!input.mixity) return null;
      const jobs = classifiedJobs(input.mixity, source.population);
      let women = 0;
      let people = 0;
      for (const job of jobs.filter((j) => j.class === "masculin")) {
        if (typeof job.women !== "number" || typeof job.men !== "number") return null;
        women += job.women;
        people += job.women + job.men;
      }
      return people === 0 ? null : round1((100 * women) / people);
    }
    case "index": {
      const index = input.index;
      if (!index) return null;
      if (source.figure === "pay_gap") return index.pay?.calculable && typeof index.pay.value === "number" ? index.pay.value : null;
      if (source.figure === "maternity_rate") {
        const m = index.maternity;
        return m?.calculable && typeof m.ratePctDeclared === "number" ? m.ratePctDeclared : null;
      }
      return index.index.calculable ? index.index.value : null;
    }
    case "profile": {
      const share = profileWomenShare(input.profile, source.group);
      return share === null ? null : round1(share);
    }
    case "to_measure":
      return null;
  }
}
