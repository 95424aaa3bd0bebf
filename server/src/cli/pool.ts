/**
 * Every core: the files are checked by worker threads, each with its own service over the same
 * list of files (so cross-file checks see all of them), handed out in small batches; the results
 * come back by index, so the report is in the same order, with the same content, as with one thread.
 * Before the checks, the threads read the keys of the reverse index together (each file once per run) and every
 * thread gets the whole index; with one thread the service reads them at its first lookup.
 */
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { DocumentKind } from '../engine/types';
import { languages } from '../links';
import { Checker, type CheckResult, type CheckSetup } from './check';
import type { Target } from './walk';

/** Below this many files one thread is faster than starting workers (each loads every language). */
export const WORKER_THRESHOLD = 200;
/** Files checked before waiting for the external tools' answers to their scripts. */
const CHUNK = 64;

interface WorkerInit {
  shipshapeWorker: true;
  setup: CheckSetup;
  targets: Target[];
  /** The files whose keys make the reverse index (indexes into `setup.known`). */
  keyed: number[];
}
/** A file's entry in the reverse index (Workspace.indexEntry). */
type IndexEntry = { path: string; kind: DocumentKind; keys: string[] };
type ToWorker = { batch: number[] } | { index: number[] } | { seed: IndexEntry[] };
type FromWorker =
  | { results: [number, CheckResult][] }
  | { entries: IndexEntry[]; readFailures: CheckResult['readFailures'] }
  | { error: string };

/** The kinds other files look up by key: their files are read first, once per run (shared out between threads). */
const KEYED = new Set(languages.filter((l) => l.factKeys).map((l) => l.kind));

/** How many threads to use: --jobs, or every core when the run is large enough to gain from it. */
export function threadsFor(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  if (files < WORKER_THRESHOLD) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, Math.ceil(files / 100)));
}

/** Checks every target, in worker threads when `threads` > 1; results in target order. */
export async function checkAll(
  targets: Target[],
  setup: CheckSetup,
  threads: number,
  entry: string,
): Promise<CheckResult[]> {
  if (threads <= 1) {
    const checker = new Checker(setup);
    const out: CheckResult[] = [];
    try {
      // In chunks, so shellcheck gets many scripts per process while the next files are checked.
      for (let i = 0; i < targets.length; i += CHUNK) {
        out.push(...(await checker.checkMany(targets.slice(i, i + CHUNK))));
      }
    } finally {
      await checker.dispose();
    }
    return out;
  }
  const results = new Array<CheckResult>(targets.length);
  const batch = Math.max(1, Math.min(16, Math.ceil(targets.length / (threads * 8))));
  let next = 0;
  const take = (): number[] => {
    const out: number[] = [];
    while (out.length < batch && next < targets.length) out.push(next++);
    return out;
  };
  // First the reverse index (which workflows build this Dockerfile?): the keys of every workflow, compose file and task
  // definition, read once per run by the threads together, then given whole to each before it checks anything.
  const keyed = setup.known.flatMap((f, i) => (KEYED.has(f.kind) ? [i] : []));
  const indexBatch = Math.max(1, Math.min(64, Math.ceil(keyed.length / (threads * 4))));
  let nextKeyed = 0;
  let indexing = 0;
  const entries: IndexEntry[] = [];
  // files that exist but could not be read for the index: reported as any check's reads are
  const indexFailures: CheckResult['readFailures'] = [];
  const ready: (() => void)[] = [];
  const init: WorkerInit = { shipshapeWorker: true, setup, targets, keyed };
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(entry, { workerData: init, stdout: false, stderr: false });
          let finished = false;
          const send = () => {
            const work = take();
            if (!work.length) {
              finished = true;
              void worker.terminate().then(() => resolve());
              return;
            }
            worker.postMessage({ batch: work } satisfies ToWorker);
          };
          const startChecks = () => {
            worker.postMessage({ seed: entries } satisfies ToWorker);
            send();
          };
          const index = () => {
            if (nextKeyed < keyed.length) {
              indexing++;
              worker.postMessage({ index: keyed.slice(nextKeyed, (nextKeyed += indexBatch)) } satisfies ToWorker);
              return;
            }
            // the last batch of keys is in: every thread starts checking
            ready.push(startChecks);
            if (!indexing) for (const go of ready.splice(0)) go();
          };
          worker.on('message', (msg: FromWorker) => {
            if ('error' in msg) {
              finished = true;
              void worker.terminate();
              reject(new Error(msg.error));
              return;
            }
            if ('entries' in msg) {
              entries.push(...msg.entries);
              indexFailures.push(...msg.readFailures);
              indexing--;
              index();
              return;
            }
            for (const [i, r] of msg.results) results[i] = r;
            send();
          });
          worker.on('error', (e) => {
            finished = true;
            reject(e);
          });
          worker.on('exit', (code) => {
            if (!finished) reject(new Error(`a worker thread stopped (exit code ${code})`));
          });
          index();
        }),
    ),
  );
  if (results.length) results[0] = { ...results[0], readFailures: [...indexFailures, ...results[0].readFailures] };
  return results;
}

/** In a worker thread started by checkAll: check the batches the main thread sends. Returns false elsewhere. */
export function runWorkerIfAny(): boolean {
  if (isMainThread || !(workerData as WorkerInit | undefined)?.shipshapeWorker) return false;
  const { setup, targets } = workerData as WorkerInit;
  const checker = new Checker(setup);
  const ws = checker.service.workspace;
  parentPort!.on('message', (msg: ToWorker) => {
    if ('index' in msg) {
      try {
        const before = checker.disk.failures.size;
        const entries = msg.index.flatMap((i) => ws.indexEntry(setup.known[i].key) ?? []);
        const readFailures = [...checker.disk.failures].slice(before).map(([key, reason]) => ({ key, reason }));
        parentPort!.postMessage({ entries, readFailures } satisfies FromWorker);
      } catch (e) {
        parentPort!.postMessage({ error: (e as Error)?.stack ?? String(e) } satisfies FromWorker);
      }
      return;
    }
    if ('seed' in msg) {
      ws.seedIndex(msg.seed);
      return;
    }
    checker.checkMany(msg.batch.map((i) => targets[i])).then(
      (checked) => {
        const results: [number, CheckResult][] = checked.map((r, k) => [msg.batch[k], r]);
        parentPort!.postMessage({ results } satisfies FromWorker);
      },
      (e) => parentPort!.postMessage({ error: (e as Error)?.stack ?? String(e) } satisfies FromWorker),
    );
  });
  return true;
}
