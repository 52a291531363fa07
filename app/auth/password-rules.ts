/** Minimum password length (ANSSI recommends at least 12 for ordinary accounts; the brief fixes 10). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Passwords that appear at the top of every leak list, French ones included. Compared lower-cased. */
const COMMON_PASSWORDS = new Set([
  "123456789", "1234567890", "12345678910", "azertyuiop", "qwertyuiop", "motdepasse", "motdepasse1",
  "motdepasse123", "password", "password1", "password12", "password123", "passw0rd123", "0123456789",
  "1111111111", "0000000000", "azerty1234", "azerty12345", "azerty123456", "soleil1234", "bonjour123",
  "bonjour1234", "jetaime123", "marseille13", "doudou1234", "loulou1234", "chouchou12", "123456789a",
  "a123456789", "iloveyou12", "1q2w3e4r5t", "qwerty1234", "qwerty12345", "abcdef1234", "abc1234567",
  "football12", "princesse1", "1234567891", "9876543210", "0987654321", "aaaaaaaaaa", "administrateur",
  "admin12345", "changeme12", "bienvenue1", "bienvenue12", "bienvenue123", "egalite2026", "boussole123",
]);

/** French message when the password is not acceptable, else null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères ; celui-ci en a ${password.length}.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || /^(.)\1+$/.test(password))
    return "Ce mot de passe est trop courant et serait deviné facilement. Choisissez une phrase ou une suite de mots.";
  return null;
}
