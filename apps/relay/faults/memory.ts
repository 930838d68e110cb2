/** Resident memory of relay processes over a soak: samples, then first/last/max and the slope after warm-up. */
import { memory } from '../bench/proc-stats';

export interface MemorySample {
  /** Seconds since sampling started. */
  t: number;
  mb: number;
}

export interface MemoryReport {
  samples: number;
  firstMb: number;
  lastMb: number;
  maxMb: number;
  /** The first sample after warm-up: the base the growth bound compares with. */
  afterWarmupMb: number;
  /** Least-squares slope of the samples after warm-up, in MB per minute. */
  slopeMbPerMin: number;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Least-squares slope of `mb` over `t` (seconds), per minute; 0 with fewer than two samples. */
export function slopePerMinute(samples: MemorySample[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const meanT = samples.reduce((s, p) => s + p.t, 0) / n;
  const meanMb = samples.reduce((s, p) => s + p.mb, 0) / n;
  const num = samples.reduce((s, p) => s + (p.t - meanT) * (p.mb - meanMb), 0);
  const den = samples.reduce((s, p) => s + (p.t - meanT) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

/** Summarise one process's samples; warm-up is the first `warmupSeconds`. */
export function memoryReport(samples: MemorySample[], warmupSeconds: number): MemoryReport {
  if (samples.length === 0) throw new Error('no memory samples');
  const steady = samples.filter((s) => s.t >= warmupSeconds);
  const base = steady.length > 0 ? steady : samples.slice(-1);
  return {
    samples: samples.length,
    firstMb: round(samples[0]!.mb),
    lastMb: round(samples.at(-1)!.mb),
    maxMb: round(Math.max(...samples.map((s) => s.mb))),
    afterWarmupMb: round(base[0]!.mb),
    slopeMbPerMin: round(slopePerMinute(base), 2),
  };
}

/** True when the last sample stays within max(1.5 × after-warm-up, after-warm-up + 64 MB). */
export const memoryFlat = (r: MemoryReport) =>
  r.lastMb <= Math.max(1.5 * r.afterWarmupMb, r.afterWarmupMb + 64);

/** Sample each named process's RSS every `everyMs` until `stop()`. */
export function sampleMemory(processes: Record<string, number>, everyMs: number) {
  const started = performance.now();
  const samples: Record<string, MemorySample[]> = Object.fromEntries(
    Object.keys(processes).map((name) => [name, []]),
  );
  const take = async () => {
    const t = (performance.now() - started) / 1000;
    for (const [name, pid] of Object.entries(processes)) {
      const mb = memory(pid)?.rssMb;
      if (mb !== undefined) samples[name]!.push({ t, mb });
    }
  };
  void take();
  const timer = setInterval(() => void take(), everyMs);
  return {
    async stop(): Promise<Record<string, MemorySample[]>> {
      clearInterval(timer);
      await take();
      return samples;
    },
  };
}
