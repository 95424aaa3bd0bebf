#!/usr/bin/env node
/**
 * Times the compose language over the corpus: parse, all rules, and completion/hover at every
 * 50th offset. Needs `npx tsc -b` first (reads out/). Usage: node scripts/bench/compose-detail.mjs [rounds]
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const harnessPath = resolve(root, 'out/test/compose/harness.js');
if (!existsSync(harnessPath)) {
  console.error('build first: npx tsc -b');
  process.exit(2);
}
const { check, diskWorkspace, featureAt } = require(harnessPath);
const { language } = require(resolve(root, 'out/server/src/languages/compose/index.js'));

const corpus = [resolve(root, '../shared/corpus/compose'), resolve(root, '../../shared/corpus/compose')].find(
  existsSync,
);
if (!corpus) {
  console.error('corpus not found beside the checkout');
  process.exit(2);
}
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = resolve(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(e.name)) files.push(p);
  }
};
walk(corpus);
const texts = files.map((f) => [f, readFileSync(f, 'utf8')]);
const rounds = Number(process.argv[2] ?? 5);
const bytes = texts.reduce((n, [, t]) => n + t.length, 0);

const time = (fn) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
for (const [f, t] of texts) check(t, { path: f, workspace: diskWorkspace() }); // warm up
let parse = 0,
  rules = 0,
  features = 0,
  featureCalls = 0;
for (let r = 0; r < rounds; r++) {
  for (const [f, t] of texts) {
    parse += time(() => language.parse(t, f));
    rules += time(() => check(t, { path: f, workspace: diskWorkspace() }));
    const { ctx } = featureAt(t, { path: f });
    features += time(() => {
      for (let o = 0; o < t.length; o += 50) {
        language.complete(ctx, o);
        language.hover(ctx, o);
        featureCalls += 2;
      }
    });
  }
}
const n = rounds * texts.length;
console.log(`compose: ${texts.length} files, ${(bytes / 1024).toFixed(1)} KiB, ${rounds} rounds`);
console.log(`  parse            ${(parse / n).toFixed(3)} ms/file`);
console.log(`  parse + ${language.rules.length} rules ${(rules / n).toFixed(3)} ms/file`);
console.log(`  complete/hover   ${(features / featureCalls).toFixed(3)} ms/call (${featureCalls} calls)`);
