import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous: the suite spawns processes (npm start, the CLIs) on a small, often shared machine.
    testTimeout: 60_000,
  },
});
