/**
 * Runs the timing series of test/helpers/complexity.ts in a worker thread, so that a case that
 * hangs (exponential backtracking) or runs out of memory can be stopped and reported as a failure.
 * For each case named in `workerData`: the first size whose run takes at least MIN_MS, then that
 * size doubled three times, each timed as the best of several runs (after a collection). Times are
 * CPU times of the process (the main thread only waits): unlike wall-clock time, they do not count
 * the time the machine's other jobs hold the cores.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

export interface Case {
  /** What doubles, for the failure message. */
  doubles: string;
  /** The input of size n (built outside the timing). */
  make(n: number): unknown;
  /** The work timed. */
  run(input: unknown): unknown;
  /** The first size tried. */
  n: number;
  /** The largest size measured (calibration stops before the series would pass it). */
  max?: number;
}

export interface Point {
  n: number;
  /** -1: a run at that size ended (progress, for the deadline). */
  ms: number;
}

export type Message = { name: string; point: Point } | { name: string; done: true } | { name: string; error: string };

const MIN_MS = 15;
// a collection before each timed run (a worker cannot be started with --expose-gc)
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** CPU milliseconds of one run. */
function time(c: Case, input: unknown): number {
  gc();
  const t0 = process.cpuUsage();
  c.run(input);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

if (parentPort) {
  const port = parentPort;
  const { module, names } = workerData as { module: string; names: string[] };
  const cases = (require(module) as { CASES: Record<string, Case> }).CASES;
  for (const name of names) {
    try {
      const c = cases[name];
      let n = c.n;
      let input = c.make(n);
      // the compiler's warm-up (a cold first size made the growth look steeper or flatter than it is)
      for (let k = 0, spent = 0; k < 20 && spent < 200; k++) spent += time(c, input);
      const best3 = () => Math.min(time(c, input), time(c, input), time(c, input));
      while (n * 16 <= (c.max ?? Number.POSITIVE_INFINITY) && best3() < MIN_MS) {
        n *= 2;
        input = c.make(n);
        port.postMessage({ name, point: { n, ms: -1 } } satisfies Message);
      }
      const sizes = [n, 2 * n, 4 * n, 8 * n];
      const inputs = sizes.map((m, k) => (k ? c.make(m) : input));
      const best = sizes.map(() => Number.POSITIVE_INFINITY);
      // Rounds over all sizes (the best of each size kept), so that the compiler's warm-up and the
      // machine's noise fall on every size alike; fewer rounds when the sizes take long.
      let spent = 0;
      for (let round = 0; round < 5 && (round < 3 || spent < 1000); round++) {
        for (let k = 0; k < sizes.length; k++) {
          const ms = time(c, inputs[k]);
          best[k] = Math.min(best[k], ms);
          spent += ms;
          port.postMessage({ name, point: { n: sizes[k], ms: -1 } } satisfies Message);
        }
      }
      for (let k = 0; k < sizes.length; k++)
        port.postMessage({ name, point: { n: sizes[k], ms: best[k] } } satisfies Message);
      port.postMessage({ name, done: true } satisfies Message);
    } catch (e) {
      port.postMessage({ name, error: (e as Error).stack ?? String(e) } satisfies Message);
    }
  }
}
