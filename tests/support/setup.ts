import { afterEach, beforeEach, vi } from "vitest";

// A console.error during a test is a bug being swallowed: fail the test (Epic Stack).
let spy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => spy?.mockRestore());
