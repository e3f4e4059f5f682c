/** Percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface LatencySummary {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(latenciesMs: number[], seconds: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/**
 * Closed-loop load: `concurrency` workers each run `task` back to back for `seconds` (after `warmupSeconds`
 * not recorded), cycling through the inputs. Returns the latency of every recorded call.
 */
export async function runLoad<T>(
  inputs: T[],
  task: (input: T) => Promise<void>,
  options: { concurrency: number; seconds: number; warmupSeconds: number },
): Promise<LatencySummary> {
  let next = 0;
  const latencies: number[] = [];
  const warmupEnd = performance.now() + options.warmupSeconds * 1000;
  const end = warmupEnd + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const input = inputs[next++ % inputs.length];
      const started = performance.now();
      await task(input);
      if (started >= warmupEnd) latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarize(latencies, options.seconds);
}
