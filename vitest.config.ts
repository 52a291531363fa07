import { defineConfig } from "vitest/config";

const dbProject = (name: string, env: Record<string, string>) => ({
  test: {
    name,
    include: ["tests/db/**/*.test.ts", "tests/app/**/*.test.ts"],
    environment: "node",
    env: { NODE_ENV: "test", ...env },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

// Separate from vite.config.ts so that the React Router plugin is not loaded in tests.
// Database tests run on PGlite always, and on the PostgreSQL server of TEST_DATABASE_URL when set.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      dbProject("db", { TEST_DRIVER: "pglite" }),
      ...(process.env.TEST_DATABASE_URL ? [dbProject("db-pg", { TEST_DRIVER: "postgres" })] : []),
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
