import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // About 45 routes: the browser loads their whole manifest once (a cached asset) rather than asking
  // the server for it as it navigates, and the server no longer matches each page's path prefixes
  // to inline a partial manifest in every document.
  routeDiscovery: { mode: "initial" },
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: false,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
