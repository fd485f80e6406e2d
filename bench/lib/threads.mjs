// CPU seconds per thread of a child process, sampled from /proc (Linux only; elsewhere: null).
// On a shared machine the wall-clock speed-up of N threads says more about the neighbours than
// about solieu (the scheduler shares CPU between sessions, not threads). What the threads used
// does not depend on the neighbours, so it gives the speed-up an idle machine would show.
import { readFileSync, readdirSync } from 'node:fs';

const TICK = 100; // USER_HZ: /proc times are in 1/100 s on Linux

function threadTimes(pid) {
  const out = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) / TICK); // utime + stime
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/** Samples the threads of `pid` every `ms` until stop(); stop() returns { main, others, total } CPU seconds. */
export function sampleThreads(pid, ms = 50) {
  const last = new Map();
  const sample = () => {
    try {
      for (const [tid, s] of threadTimes(pid)) last.set(tid, s);
    } catch {
      // the process is gone: keep the last sample
    }
  };
  if (process.platform !== 'linux') return { stop: () => null };
  sample();
  const timer = setInterval(sample, ms);
  return {
    stop() {
      clearInterval(timer);
      const main = last.get(pid) ?? 0;
      const others = [...last].filter(([tid]) => tid !== pid).map(([, s]) => s).sort((a, b) => b - a);
      return { main, others, total: main + others.reduce((a, b) => a + b, 0) };
    },
  };
}
