// Summaries of samples for the bench's JSON output.

/** Mean and 99th percentile of samples, 3 decimals. */
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { mean: mean(samples).toFixed(3), p99: percentile(sorted, 0.99).toFixed(3), n: samples.length };
}

export const mean = (samples: number[]) => samples.reduce((s, x) => s + x, 0) / samples.length;

/** The middle sample (the upper one of an even count). */
export function median(samples: number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
}

/** The p-quantile (0..1) of sorted samples: the sample at index ⌊n·p⌋. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** CPU time (user + system) of this process spent in `f`, in milliseconds. */
export async function cpuMs(f: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
