/**
 * A background job's clock: runs `task` every `intervalMs`, never two runs of it at once in this process (a slow run
 * makes the next ticks skip), hands errors to `onError`, and does not keep the process alive. The outbox, expiry
 * reminders and rule-change alerts each run on one; claims in the database keep processes apart.
 */
export function startPeriodic(
  task: () => Promise<unknown>,
  options: { intervalMs: number; onError?: (error: unknown) => void }
) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
