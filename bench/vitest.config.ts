/** `npm run bench` also runs bench/*.measure.ts under Vitest, for domain code that runs in Node as it does in the page. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // BENCH_ONLY=interactions runs none of them.
    include: process.env.BENCH_ONLY === "interactions" ? [] : ["bench/*.measure.ts"],
    passWithNoTests: true,
    setupFiles: ["test/setup.ts"],
    testTimeout: 300_000,
  },
});
