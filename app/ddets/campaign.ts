import { z } from "zod";

/** Most addresses one submission may invite (a département counts a few hundred inclusive structures). */
export const CAMPAIGN_MAX_EMAILS = 200;

const NBSP = "\u00a0";
const EMAIL = z.regexes.unicodeEmail;

/** Addresses pasted one per line or separated by « ; » or « , » (spaces tolerated): trimmed, lower-cased, duplicates removed, in order. */
export function splitEmails(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,;]+/)) {
    const email = raw.trim().replace(/^<|>$/g, "").toLowerCase();
    if (email) seen.add(email);
  }
  return [...seen];
}

const EMPTY = "Indiquez au moins une adresse électronique.";

/** The campaign form: a list of addresses, all valid, at most CAMPAIGN_MAX_EMAILS (French messages). */
export const CampaignInviteSchema = z.object({
  emails: z
    .string({ error: EMPTY })
    .trim()
    .min(1, { error: EMPTY })
    .transform((text, ctx) => {
      const list = splitEmails(text);
      const invalid = list.filter((e) => e.length > 254 || !EMAIL.test(e));
      if (invalid.length > 0) {
        const shown = invalid.slice(0, 5).map((e) => `«${NBSP}${e}${NBSP}»`).join(", ");
        const more = invalid.length > 5 ? ` et ${invalid.length - 5} autres` : "";
        ctx.addIssue({
          code: "custom",
          message:
            invalid.length === 1
              ? `Cette adresse n'est pas valide${NBSP}: ${shown}. Corrigez-la ou retirez-la (une adresse ressemble à contact@structure.fr).`
              : `Ces ${invalid.length} adresses ne sont pas valides${NBSP}: ${shown}${more}. Corrigez-les ou retirez-les (une adresse ressemble à contact@structure.fr).`,
        });
        return z.NEVER;
      }
      if (list.length > CAMPAIGN_MAX_EMAILS) {
        ctx.addIssue({ code: "custom", message: `Invitez ${CAMPAIGN_MAX_EMAILS} adresses au plus à la fois${NBSP}; cette liste en compte ${list.length}.` });
        return z.NEVER;
      }
      return list;
    }),
});
