import { z } from "zod";

/**
 * Zod's global settings, installed on import (the browser and the server both load this module
 * through the form helpers; the server also from entry.server).
 *
 * - `jitless`: zod would otherwise probe `new Function` to compile its parsers, which the
 *   Content-Security-Policy (no 'unsafe-eval') reports as a violation on every page with a form.
 * - Zod's own messages in plain French, for every schema that does not carry its own: the cases a
 * hand-built or hostile form reaches (a list where one value is expected, a missing field, a value
 * outside the choices).
 */
const NBSP = "\u00a0";
const zodFrench = z.locales.fr().localeError;

function sizeOf(origin: unknown): "text" | "number" | "list" | "other" {
  if (origin === "string") return "text";
  if (origin === "number" || origin === "int" || origin === "bigint") return "number";
  if (origin === "array" || origin === "set") return "list";
  return "other";
}

export const frenchFormErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "Ce champ est obligatoire.";
      if (Array.isArray(issue.input) && issue.expected !== "array") return "Une seule valeur est attendue pour ce champ.";
      if (issue.expected === "number" || issue.expected === "int") return "Indiquez un nombre.";
      return "Valeur non reconnue pour ce champ.";
    case "invalid_value":
      return "Choisissez une des valeurs proposées.";
    case "too_small": {
      const kind = sizeOf(issue.origin);
      if (kind === "text") return Number(issue.minimum) <= 1 ? "Ce champ est obligatoire." : `Ce texte est trop court${NBSP}: ${issue.minimum}${NBSP}caractères au moins.`;
      if (kind === "number") return `La valeur doit être au moins ${issue.minimum}.`;
      if (kind === "list") return "Choisissez au moins une réponse.";
      break;
    }
    case "too_big": {
      const kind = sizeOf(issue.origin);
      if (kind === "text") return `Ce texte est trop long${NBSP}: ${issue.maximum}${NBSP}caractères au plus.`;
      if (kind === "number") return `La valeur doit être au plus ${issue.maximum}.`;
      if (kind === "list") return `Trop de valeurs${NBSP}: ${issue.maximum} au plus.`;
      break;
    }
    case "unrecognized_keys":
      return "Ce formulaire contient des champs inattendus.";
    default:
      break;
  }
  return zodFrench(issue);
};

z.config({ jitless: true, localeError: frenchFormErrors });
