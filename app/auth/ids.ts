/**
 * Identifiers from URLs and forms are checked for shape before any query: every primary key is a
 * UUID (db/ids.ts), and PostgreSQL refuses some text outright (a NUL byte), which would otherwise
 * turn a hand-made URL into a server error instead of a « page introuvable ».
 */
const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeId(value: unknown): value is string {
  return typeof value === "string" && ID_SHAPE.test(value);
}
