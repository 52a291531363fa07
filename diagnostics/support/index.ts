/** Accompanying organisations: directory and matching with a diagnostic. */
export * from "./directory.ts";
export * from "./match.ts";
