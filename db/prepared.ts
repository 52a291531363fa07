import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client.ts";

/**
 * A statement of a hot path (read on every page or every autosave), built once per database handle
 * and run with `sql.placeholder` values: no query building on each call and, on PostgreSQL, a named
 * prepared statement the server parses and plans once per connection (postgres.js prepares it again
 * by itself if a migration invalidated it). A transaction gets its own, built on first use.
 */
export function preparedStatement<S>(build: (db: DbOrTx) => S): (db: DbOrTx) => S {
  const byHandle = new WeakMap<DbOrTx, S>();
  return (db) => {
    let statement = byHandle.get(db);
    if (statement === undefined) byHandle.set(db, (statement = build(db)));
    return statement;
  };
}

/**
 * A raw SQL statement (one the query builder cannot express, with `sql.placeholder` values) prepared
 * the same way; `rows` returns its rows on either driver (postgres.js gives an array, PGlite `{ rows }`).
 */
export function preparedSql<Row>(name: string, statement: SQL) {
  // The same column naming as the handles (db/client.ts).
  const query = new PgDialect({ casing: "snake_case" }).sqlToQuery(statement);
  return preparedStatement((db) => {
    const prepared = db._.session.prepareQuery(query, undefined, name, false);
    return {
      rows: async (values: Record<string, unknown>): Promise<Row[]> => {
        const result = (await prepared.execute(values)) as unknown;
        return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
      },
    };
  });
}
