// Peers timed in a fresh V8 isolate (a worker thread of the same process), for peer modules that say
// `export const isolate = true` (scripts/bench/nix.mjs). Why: V8 decides per allocation site whether to allocate
// objects straight in the old generation ("pretenuring"), from how many survived. The service contender keeps every
// parse result of a pass, and the flake kind's service runs our Nix parser too, so by the time our parse-only
// contender runs, V8 has learned that our parser's objects live long: in the parse-only passes, which drop each
// result at once, they then fill the old generation, and every scavenge copies and every mark-compact walks them.
// That made our parse-only row 2-3 times slower than the same code measured alone, while Lezer, which the service
// never runs, was not touched. In a worker of their own both parsers start from the same untrained state, and they
// still take turns pass by pass, as in the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const { peerFile, texts, paths, passes } = workerData;
const mod = await import(pathToFileURL(peerFile).href);
const fns = [];
const failed = [];
for (const peer of mod.peers ?? []) {
  try {
    fns.push([peer.name, await peer.load()]);
  } catch (e) {
    failed.push(`${peer.name} (failed: ${String(e.message ?? e).split('\n')[0]})`);
  }
}
/** CPU milliseconds of this thread; the process's without /proc. */
function threadCpu() {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [, fn] of fns)
  for (let w = 1; w <= 3; w++) for (let k = 0; k < texts.length; k++) fn(texts[k], paths[k], -w);
const wall = fns.map(() => []);
const cpu = fns.map(() => []);
for (let p = 0; p < passes; p++)
  fns.forEach(([, fn], i) => {
    const t0 = process.hrtime.bigint();
    const c0 = threadCpu();
    for (let k = 0; k < texts.length; k++) fn(texts[k], paths[k], p);
    const c = threadCpu() - c0;
    wall[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu[i].push(c);
  });
parentPort.postMessage({
  times: fns.map(([name], i) => [name, { wall: median(wall[i]), cpu: median(cpu[i]) }]),
  failed,
});
