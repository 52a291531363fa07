/** A SIRET has 14 digits (9 of SIREN + 5 of NIC) and passes the Luhn check (INSEE). */
export const SIRET_LENGTH = 14;

/**
 * La Poste's establishments share the SIREN 356000000 and use a digit sum divisible by 5 instead of
 * the Luhn check (INSEE rule).
 */
const LA_POSTE_SIREN = "356000000";

/** Removes spaces (ordinary, no-break, narrow no-break) and dots users type between groups. */
export function normalizeSiret(input: string): string {
  return input.replace(/[\s\u00a0\u202f.]/g, "");
}

/** True when `digits` (only digits) passes the Luhn checksum. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** French message explaining why `input` is not a valid SIRET, or null when it is valid. */
export function siretError(input: string): string | null {
  const siret = normalizeSiret(input);
  if (siret.length === 0) return "Indiquez le SIRET de la structure (14 chiffres).";
  if (!/^\d+$/.test(siret)) return "Le SIRET ne contient que des chiffres.";
  if (siret.length !== SIRET_LENGTH)
    return `Le SIRET compte 14 chiffres ; celui-ci en a ${siret.length}.`;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...siret].reduce((s, c) => s + Number(c), 0);
    if (digitSum % 5 === 0) return null;
  }
  if (!luhnValid(siret))
    return "Ce SIRET n'est pas valide : vérifiez les chiffres (il figure sur vos fiches de paie ou sur l'avis de situation Insee).";
  return null;
}
