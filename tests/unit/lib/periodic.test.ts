import { afterEach, describe, expect, it, vi } from "vitest";
import { startPeriodic } from "~/lib/periodic.server";

describe("startPeriodic (the background jobs' clock)", () => {
  afterEach(() => vi.useRealTimers());

  it("never starts a run while the last one is still going, and runs again once it has finished", async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const task = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const job = startPeriodic(task, { intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(350);
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(2);
    job.stop();
  });

  it("hands a failed run's error to onError and keeps ticking; stop ends it", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const task = vi.fn(async () => {
      throw new Error("database down");
    });
    const job = startPeriodic(task, { intervalMs: 50, onError: (e) => errors.push(e) });
    await vi.advanceTimersByTimeAsync(120);
    expect(task).toHaveBeenCalledTimes(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(["database down", "database down"]);
    job.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
