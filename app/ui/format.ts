const DATE = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const TIME = new Intl.DateTimeFormat("fr-FR", { hour: "numeric", minute: "2-digit", timeZone: "Europe/Paris" });

/** « 22 novembre 2026 » */
export function formatDate(value: string | Date): string {
  return DATE.format(typeof value === "string" ? new Date(value) : value);
}

/** « 14 h 32 » (French typography). */
export function formatTime(value: string | Date): string {
  const parts = TIME.formatToParts(typeof value === "string" ? new Date(value) : value);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "";
  return `${Number(hour)}\u00a0h\u00a0${minute}`;
}
