import { z } from "zod";
import { ProfileFields, requireSomeone } from "../../diagnostics/profile.ts";
import { parseFrenchNumber } from "../../diagnostics/questionnaire.ts";

const yesNo = (message: string) => z.enum(["oui", "non"], { error: message }).transform((v) => v === "oui");

/** A decimal typed the French way (« 12,5 »); empty → null. */
const frenchDecimal = (message: string, inner: z.ZodType<number | null, number | null>) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return null;
      const n = parseFrenchNumber(v);
      if (n === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    })
    .pipe(inner);

/**
 * The profile form: the engine's fields, with the form's own encodings (oui / non radios, decimal
 * commas, activities one per line or separated by commas).
 */
export const ProfileFormSchema = ProfileFields.extend({
  hasCse: yesNo("Indiquez si votre structure a un CSE."),
  hasDelegueSyndical: yesNo("Indiquez si un délégué syndical est désigné."),
  permanentFte: frenchDecimal("Indiquez les ETP de l'équipe permanente en chiffres, par exemple 12,5.", ProfileFields.shape.permanentFte.unwrap()),
  parcoursFte: frenchDecimal("Indiquez les ETP des personnes en parcours en chiffres, par exemple 12,5.", ProfileFields.shape.parcoursFte.unwrap()),
  activities: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/[\n,;]+/)
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(ProfileFields.shape.activities.unwrap()),
}).superRefine(requireSomeone);

/** The stored profile shown back in the form's fields. */
export function profileToFormValues(profile: Record<string, unknown> | null): Record<string, string> {
  if (!profile) return {};
  const out: Record<string, string> = {};
  const fr = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2, useGrouping: false });
  for (const [key, value] of Object.entries(profile)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "boolean") out[key] = value ? "oui" : "non";
    else if (Array.isArray(value)) out[key] = value.join("\n");
    else if (typeof value === "number") out[key] = key.endsWith("Fte") ? fr.format(value) : String(value);
    else out[key] = String(value);
  }
  return out;
}
