import { data, type ServerBuild } from "react-router";
import { isDatabaseUnavailable } from "../db/errors.ts";

/** What a user reads when PostgreSQL cannot be reached (the root error boundary titles it for 503). */
export const UNAVAILABLE_MESSAGE =
  "Service momentanément indisponible\u00a0: la base de données ne répond pas. Rien de ce qui était déjà enregistré n'est perdu. Réessayez dans un instant.";

type Route = NonNullable<ServerBuild["routes"][string]>;
type Module = Route["module"];
type AnyFn = (...args: any[]) => unknown;

/**
 * The 503 thrown in place of a database connection error: a JSON body for resource routes (the
 * autosave fetch reads `status`), an error response rendered by the root error boundary otherwise.
 */
export function unavailable(resourceRoute: boolean): unknown {
  if (resourceRoute) {
    return Response.json({ status: "unavailable", message: UNAVAILABLE_MESSAGE }, { status: 503, headers: { "Retry-After": "5" } });
  }
  return data(UNAVAILABLE_MESSAGE, { status: 503, headers: { "Retry-After": "5" } });
}

function guard<F extends AnyFn>(fn: F, resourceRoute: boolean): F {
  return (async (...args: unknown[]) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        console.error("Base de données injoignable\u00a0:", (error as Error)?.message ?? error);
        throw unavailable(resourceRoute);
      }
      throw error;
    }
  }) as F;
}

type Middleware = NonNullable<Module["middleware"]>[number];

/** A middleware that fails after `next()` already answered 503 keeps that answer (and its JSON body). */
function guardMiddleware(mw: Middleware, resourceRoute: boolean): Middleware {
  return async (args, next) => {
    let downstream: unknown;
    const trackedNext = (async () => {
      downstream = await next();
      return downstream;
    }) as typeof next;
    try {
      return await mw(args, trackedNext);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      if (downstream instanceof Response && downstream.status === 503) return downstream;
      throw unavailable(resourceRoute);
    }
  };
}

/**
 * The same build with every loader, action and middleware turning "database unreachable" errors
 * (PostgreSQL stopped, restarting, connection cut) into a 503 instead of a 500. One place, so that
 * no route needs to know; the connection pool reconnects by itself on the next request.
 */
export function withDatabaseUnavailableAs503(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const module: Module = { ...route.module };
    const resourceRoute = !module.default;
    if (module.loader) module.loader = guard(module.loader, resourceRoute);
    if (module.action) module.action = guard(module.action, resourceRoute);
    if (module.middleware) module.middleware = module.middleware.map((mw) => guardMiddleware(mw, resourceRoute));
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}
