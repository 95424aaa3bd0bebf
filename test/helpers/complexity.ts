/**
 * Complexity tests: a case's input is doubled three times and the growth per doubling is fitted
 * to the times (see judge), in the same run (never an absolute time: the machine is shared). Linear work
 * grows 2× per doubling, quadratic 4×; the limit is 2.5×. Each series runs in a worker thread that is stopped when it takes too long or runs out
 * of memory (exponential backtracking, a heap blown by quadratic copies), which fails the case; a
 * series over the limit is measured again (up to three times) before it fails, to ride out noise
 * from other jobs on the machine.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Message, Point } from './complexity-worker';

export const LIMIT_PER_DOUBLING = 2.5;

export interface Verdict {
  ok: boolean;
  /** The sizes and times, for the message. */
  detail: string;
}

/** Runs the series of the named cases of a compiled module (its `CASES`), one worker per attempt. */
function series(
  module: string,
  names: string[],
  deadlineMs: number,
): Promise<Map<string, { points: Point[]; error?: string; reached?: number }>> {
  return new Promise((resolve) => {
    const out = new Map<string, { points: Point[]; error?: string; reached?: number }>();
    const pending = [...names];
    const start = () => {
      if (!pending.length) return resolve(out);
      const worker = new Worker(path.join(__dirname, 'complexity-worker.js'), {
        workerData: { module, names: pending },
        resourceLimits: { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 64 },
      });
      let current = pending[0];
      let timer: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          fail(`did not finish within ${deadlineMs / 1000} s`);
        }, deadlineMs);
      };
      const entry = (name: string) => {
        let e = out.get(name);
        if (!e) out.set(name, (e = { points: [] }));
        return e;
      };
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const e = entry(current);
        e.error = `${why}${e.reached ? ` (the last size reached: n = ${e.reached})` : ''}`;
        pending.shift();
        void worker.terminate().then(start);
      };
      arm();
      worker.on('message', (m: Message) => {
        current = m.name;
        if ('point' in m) {
          if (m.point.ms >= 0) entry(m.name).points.push(m.point);
          else entry(m.name).reached = m.point.n;
        } else {
          if ('error' in m) entry(m.name).error = m.error;
          pending.shift();
          current = pending[0];
        }
        arm();
      });
      worker.on('error', (e) => fail(`failed: ${e.message}`));
      worker.on('exit', () => {
        if (settled) return;
        if (pending.length) fail('the worker stopped');
        else {
          settled = true;
          clearTimeout(timer);
          resolve(out);
        }
      });
    };
    start();
  });
}

/** The growth exponent fitted to points (least squares of log time on log size). */
function exponent(points: Point[]): number {
  const xs = points.map((p) => Math.log2(p.n)),
    ys = points.map((p) => Math.log2(Math.max(p.ms, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length,
    my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0,
    den = 0;
  xs.forEach((x, k) => {
    num += (x - mx) * (ys[k] - my);
    den += (x - mx) ** 2;
  });
  return den ? num / den : 0;
}

/**
 * The growth per doubling, fitted to the three smaller sizes and to the three larger ones, the
 * lower of the two against the limit: quadratic work grows 4× in both, while a pause of the
 * garbage collector at one size of linear work lifts only one of them.
 */
function judge(points: Point[], limit: number): Verdict {
  const first = points[0],
    last = points[points.length - 1];
  const growth = 2 ** Math.min(exponent(points.slice(0, 3)), exponent(points.slice(1)));
  const detail =
    points.map((p) => `n=${p.n}: ${p.ms.toFixed(2)} ms`).join(', ') +
    ` → ×${(last.ms / Math.max(first.ms, 1e-3)).toFixed(1)} over ${Math.log2(last.n / first.n)} doublings, ` +
    `growth ×${growth.toFixed(2)} per doubling (limit ×${limit})`;
  return { ok: points.length === 4 && growth <= limit, detail };
}

/**
 * Measures the named cases of `module` (a compiled test module exporting `CASES`) and returns a
 * verdict per case. `deadlineMs` bounds one size of one case; `limit` is the growth per doubling
 * allowed (below 2 for work that must not grow with the input, as a lookup in an index).
 */
export async function measureCases(
  module: string,
  names: string[],
  deadlineMs = 30_000,
  limit = LIMIT_PER_DOUBLING,
): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  let todo = names;
  for (let attempt = 0; attempt < 3 && todo.length; attempt++) {
    const got = await series(module, todo, deadlineMs);
    for (const name of todo) {
      const r = got.get(name);
      if (!r) verdicts.set(name, { ok: false, detail: 'no measurement' });
      else if (r.error) verdicts.set(name, { ok: false, detail: r.error });
      else verdicts.set(name, judge(r.points, limit));
    }
    // only a measured series over the limit is worth another try; a hang or a crash is final
    todo = todo.filter((n) => !verdicts.get(n)!.ok && !got.get(n)?.error);
  }
  return verdicts;
}
