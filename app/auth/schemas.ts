import { z } from "zod";
import { STRUCTURE_TYPES } from "../../diagnostics/types.ts";
import { isDepartementCode } from "../../diagnostics/departements.ts";
import { normalizeSiret, siretError } from "../../diagnostics/siret.ts";
import { passwordProblem } from "./password-rules.ts";
import { ROLES } from "../../db/schema-enums.ts";

/** Form schemas of the account pages, shared by the browser (Conform) and the server. */

export const EmailSchema = z
  .string({ error: "Indiquez votre adresse électronique." })
  .trim()
  .min(1, "Indiquez votre adresse électronique.")
  .max(254, "Cette adresse est trop longue.")
  .regex(z.regexes.unicodeEmail, "Cette adresse électronique n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr.")
  .transform((v) => v.toLowerCase());

export const NewPasswordSchema = z
  .string({ error: "Choisissez un mot de passe." })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const NameSchema = z
  .string({ error: "Indiquez votre nom." })
  .trim()
  .min(1, "Indiquez votre nom.")
  .max(120, "Le nom ne peut pas dépasser 120 caractères.");

export const SiretSchema = z
  .string({ error: "Indiquez le SIRET de la structure (14 chiffres)." })
  .superRefine((value, ctx) => {
    const problem = siretError(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform(normalizeSiret);

export const StructureFieldsSchema = z.object({
  structureName: z
    .string({ error: "Indiquez le nom de la structure." })
    .trim()
    .min(2, "Indiquez le nom de la structure.")
    .max(160, "Le nom ne peut pas dépasser 160 caractères."),
  siret: SiretSchema,
  structureType: z.enum(STRUCTURE_TYPES, { error: "Choisissez le type de structure." }),
  departement: z
    .string({ error: "Choisissez le département." })
    .refine(isDepartementCode, "Choisissez un département dans la liste."),
  commune: z
    .string({ error: "Indiquez la commune." })
    .trim()
    .min(1, "Indiquez la commune.")
    .max(120, "Le nom de la commune ne peut pas dépasser 120 caractères."),
});

export const SignupSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    password: NewPasswordSchema,
  })
  .extend(StructureFieldsSchema.shape);

/** Sign-up from an invitation: no structure to create. */
export const InvitedSignupSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  password: NewPasswordSchema,
  invitation: z.string().min(1).max(200),
});

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(200),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email: EmailSchema });

export const ResetPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: NewPasswordSchema,
    confirm: z.string({ error: "Confirmez le mot de passe." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Les deux mots de passe ne sont pas identiques." });

export const InviteMemberSchema = z.object({
  intent: z.literal("invite"),
  email: EmailSchema,
  role: z.enum(ROLES, { error: "Choisissez un rôle." }),
});

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  owner: "Propriétaire",
  editor: "Contributeur ou contributrice",
  viewer: "Lecture seule",
};

export const ROLE_HELP: Record<(typeof ROLES)[number], string> = {
  owner: "gère les membres, les accès et peut tout modifier",
  editor: "remplit et modifie le diagnostic et le plan",
  viewer: "consulte sans rien modifier",
};

/** Only relative paths inside the site are followed after sign-in (no open redirect). */
export function safeRedirect(to: string | null | undefined, fallback = "/espace"): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("password"),
    current: z.string({ error: "Indiquez votre mot de passe actuel." }).min(1, "Indiquez votre mot de passe actuel.").max(200),
    password: NewPasswordSchema,
    confirm: z.string({ error: "Confirmez le nouveau mot de passe." }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Les deux mots de passe ne sont pas identiques." });
