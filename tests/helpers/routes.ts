/**
 * Calls a route module's loader or action as React Router would, and normalises what comes back
 * (a thrown or returned Response, a `data()` value or a plain object) to {status, headers, data}.
 */
export interface RouteResult<T = any> {
  status: number;
  headers: Headers;
  data: T;
  location: string | null;
}

type RouteFn = (args: any) => Promise<unknown> | unknown;

export async function callRoute<T = any>(fn: RouteFn, request: Request, params: Record<string, string> = {}): Promise<RouteResult<T>> {
  let value: unknown;
  try {
    value = await fn({ request, params, context: {} });
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    return { status: value.status, headers: value.headers, data: text as T, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: T; init: ResponseInit | null };
    return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), data: d.data, location: null };
  }
  if (value instanceof Error) throw value;
  return { status: 200, headers: new Headers(), data: value as T, location: null };
}

const BASE = "http://localhost";

/** A GET request, with the session cookie when given. */
export function get(path: string, cookie?: string): Request {
  return new Request(BASE + path, { headers: cookie ? { Cookie: cookie, "x-client-ip": "127.0.0.1" } : { "x-client-ip": "127.0.0.1" } });
}

/** A form POST, with the session cookie when given. */
export function post(path: string, form: Record<string, string | string[]>, cookie?: string, ip = "127.0.0.1"): Request {
  const body = new FormData();
  for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  const headers: Record<string, string> = { "x-client-ip": ip };
  if (cookie) headers.Cookie = cookie;
  return new Request(BASE + path, { method: "POST", body, headers });
}

/** "name=value" from a Set-Cookie header, to send back as Cookie. */
export function cookieFrom(result: RouteResult): string {
  const setCookie = result.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0];
}
