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
  ms: number;
}

export type Message = { name: string; point: Point } | { name: string; done: true } | { name: string; error: string };

const MIN_MS = 4;
// a collection before each timed run (a worker cannot be started with --expose-gc)
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function best(c: Case, input: unknown, runs: number): number {
  let min = Number.POSITIVE_INFINITY,
    spent = 0;
  // fewer runs of a size that takes long: three are enough to see past a pause
  for (let r = 0; r < runs && (r < 3 || spent < 1500); r++) {
    gc();
    const t0 = process.cpuUsage();
    c.run(input);
    const t = process.cpuUsage(t0);
    const ms = (t.user + t.system) / 1000;
    min = Math.min(min, ms);
    spent += ms;
  }
  return min;
}

if (parentPort) {
  const { module, names } = workerData as { module: string; names: string[] };
  const cases = (require(module) as { CASES: Record<string, Case> }).CASES;
  for (const name of names) {
    try {
      const c = cases[name];
      let n = c.n;
      let input = c.make(n);
      best(c, input, 2); // warm-up
      while (n * 16 <= (c.max ?? Number.POSITIVE_INFINITY) && best(c, input, 2) < MIN_MS) {
        n *= 2;
        input = c.make(n);
      }
      for (let k = 0; k < 4; k++, n *= 2) {
        if (k) input = c.make(n);
        const ms = best(c, input, k < 2 ? 7 : 5);
        parentPort.postMessage({ name, point: { n, ms } } satisfies Message);
      }
      parentPort.postMessage({ name, done: true } satisfies Message);
    } catch (e) {
      parentPort.postMessage({ name, error: (e as Error).stack ?? String(e) } satisfies Message);
    }
  }
}
