/** Answer sets shared by the catalogue files. */

/** Any yes / partly / no answer other than « Oui », « Je ne sais pas » included. */
export const NOT_YES = ["non", "en_partie", "ne_sait_pas"] as const;

/** « Non » or « En partie », without « Je ne sais pas ». */
export const NO_OR_PARTLY = ["non", "en_partie"] as const;
