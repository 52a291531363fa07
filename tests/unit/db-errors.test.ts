import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../db/errors.ts";

/** Which driver errors become « service momentanément indisponible » (503) rather than a 500. */
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

const ROWS: Array<{ label: string; error: unknown; unavailable: boolean }> = [
  { label: "connection refused (server stopped)", error: withCode("ECONNREFUSED"), unavailable: true },
  { label: "connection reset", error: withCode("ECONNRESET"), unavailable: true },
  { label: "postgres.js CONNECTION_CLOSED", error: withCode("CONNECTION_CLOSED"), unavailable: true },
  { label: "postgres.js CONNECTION_ENDED", error: withCode("CONNECTION_ENDED"), unavailable: true },
  { label: "postgres.js CONNECTION_DESTROYED", error: withCode("CONNECTION_DESTROYED"), unavailable: true },
  { label: "postgres.js CONNECT_TIMEOUT", error: withCode("CONNECT_TIMEOUT"), unavailable: true },
  { label: "57P01 admin_shutdown (pg_ctl stop, pg_terminate_backend)", error: withCode("57P01"), unavailable: true },
  { label: "57P02 crash_shutdown", error: withCode("57P02"), unavailable: true },
  { label: "57P03 cannot_connect_now (starting up)", error: withCode("57P03"), unavailable: true },
  { label: "53300 too_many_connections", error: withCode("53300"), unavailable: true },
  { label: "08006 connection_failure", error: withCode("08006"), unavailable: true },
  { label: "drizzle-wrapped 57P01", error: wrapped(withCode("57P01")), unavailable: true },
  { label: "doubly wrapped ECONNREFUSED", error: wrapped(wrapped(withCode("ECONNREFUSED"))), unavailable: true },
  { label: "AggregateError of refused addresses (IPv4 and IPv6)", error: new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]), unavailable: true },
  { label: "23505 unique_violation", error: wrapped(withCode("23505")), unavailable: false },
  { label: "42P01 undefined_table", error: withCode("42P01"), unavailable: false },
  { label: "57014 query_canceled (statement timeout)", error: withCode("57014"), unavailable: false },
  { label: "40001 serialization_failure", error: withCode("40001"), unavailable: false },
  { label: "plain Error", error: new Error("boom"), unavailable: false },
  { label: "a Response thrown by a route", error: new Response("", { status: 404 }), unavailable: false },
  { label: "null", error: null, unavailable: false },
  { label: "a string", error: "ECONNREFUSED", unavailable: false },
];

describe("isDatabaseUnavailable", () => {
  it.each(ROWS)("$label → $unavailable", ({ error, unavailable }) => {
    expect(isDatabaseUnavailable(error)).toBe(unavailable);
  });

  it("stops on a cause cycle", () => {
    const a: { code?: string; cause?: unknown } = new Error("a");
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
