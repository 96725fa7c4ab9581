// Small statistics and timing helpers for the benchmark (figures are medians of repeated runs).

export function median(values) {
  return quantile(values, 0.5);
}

export function p90(values) {
  return quantile(values, 0.9);
}

/** Nearest-rank quantile: a value that was actually measured, never an interpolation. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs fn `runs` times (after `warmup` unmeasured runs) and returns the durations in ms. With --expose-gc,
 * garbage left by the previous run is collected first: in use, refreshes are spaced by engine events, so one
 * run should not pay for the garbage of another.
 */
export async function timeRuns(runs, warmup, fn) {
  for (let i = 0; i < warmup; i++) await fn();
  const durations = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = nowMs();
    await fn();
    durations.push(nowMs() - start);
  }
  return durations;
}

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}
