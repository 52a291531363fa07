import routes from "../../app/routes.ts";

export interface FlatRoute {
  path: string;
  file: string;
}

/** Every route of app/routes.ts with its full path and module file. */
export function flatRoutes(): FlatRoute[] {
  const out: FlatRoute[] = [];
  const walk = (entries: Array<{ path?: string; file: string; index?: boolean; children?: unknown[] }>, prefix: string) => {
    for (const entry of entries) {
      const full = [prefix, entry.path ?? ""].filter(Boolean).join("/");
      out.push({ path: `/${full}`, file: entry.file });
      if (entry.children) walk(entry.children as never, full);
    }
  };
  walk(routes as never, "");
  return out;
}

/** Loads a route module by its file (relative to app/). */
export async function loadRouteModule(file: string): Promise<{ loader?: (a: unknown) => unknown; action?: (a: unknown) => unknown }> {
  return import(/* @vite-ignore */ new URL(`../../app/${file}`, import.meta.url).href);
}
