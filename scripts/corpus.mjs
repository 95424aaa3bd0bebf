// Runs the CLI over ../shared/corpus (skips when absent) and prints counts per rule code and kind,
// and every error-severity finding (production files should have none).
// Usage: npm run corpus [-- KIND...] [-- --show CODE]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
if (!fs.existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: skipped`);
  process.exit(0);
}
const args = process.argv.slice(2);
const showIdx = args.indexOf('--show');
const show = showIdx >= 0 ? args.splice(showIdx, 2)[1] : undefined;
const kinds = args.length ? args : ['dockerfile', 'compose', 'workflow', 'taskdef', 'flake', 'nix'];
let errors = 0;
for (const kind of kinds) {
  const dir = path.join(corpus, kind);
  if (!fs.existsSync(dir)) continue;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'dist', 'cli.js'), 'check', '--kind', kind, '--format', 'json', dir],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status === 2) {
    console.error(r.stderr);
    process.exit(2);
  }
  const json = JSON.parse(r.stdout);
  const counts = new Map();
  let withFindings = 0;
  for (const f of json.files) {
    if (f.diagnostics.length) withFindings++;
    for (const d of f.diagnostics) {
      const key = `${d.code} ${d.severity} ${d.rule}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (d.severity === 'error') {
        errors++;
        console.log(
          `  ERROR ` +
            `${path.relative(corpus, f.path)}:${d.range.start.line + 1}:${d.range.start.character + 1} ` +
            `${d.message} [${d.code}]`,
        );
      }
      if (show && d.code === show)
        console.log(
          `  ${path.relative(corpus, f.path)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
        );
    }
  }
  console.log(`${kind}: ${json.files.length} files, ${withFindings} with findings (${ms.toFixed(0)} ms)`);
  for (const [key, n] of [...counts].sort()) console.log(`  ${String(n).padStart(5)}  ${key}`);
}
console.log(`error-severity findings: ${errors}`);
