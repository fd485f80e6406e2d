// Runs, medians, spreads and the machine: what every case reports.
import { cpus, freemem, loadavg, totalmem, availableParallelism, platform, release } from 'node:os';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Three significant figures is all a benchmark can claim. */
export function round(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return x ?? null;
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A case entry for results.json: the median of the runs, their spread, and whatever else it wants to say. */
export function summarize(values, unit, extra = {}) {
  if (!values.length) return { value: null, unit, runs: 0, min: null, max: null, ...extra };
  return { value: round(median(values)), unit, runs: values.length, min: round(Math.min(...values)), max: round(Math.max(...values)), ...extra };
}

/** A case that could not be measured: null, and why. */
export function missing(unit, note) {
  return { value: null, unit, runs: 0, min: null, max: null, note };
}

/** Seconds taken by fn (sync or async). */
export async function seconds(fn) {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Wall and CPU seconds of fn. On a shared machine the wall clock depends on the neighbours; the
 * CPU time of single-threaded work does not, so cases report both. */
export async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

export const mb = (kb) => Math.round((kb / 1024) * 10) / 10;

/** Peak RSS of this process so far, in MB (maxRSS is in kilobytes). */
export const peakRssMb = () => mb(process.resourceUsage().maxRSS);

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model?.trim() ?? 'unknown',
    cores: availableParallelism(),
    memory_gb: Math.round(totalmem() / 2 ** 30 * 10) / 10,
    free_memory_gb: Math.round(freemem() / 2 ** 30 * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    // Other work on the machine skews every number: the load average says how much there was.
    loadavg_start: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
