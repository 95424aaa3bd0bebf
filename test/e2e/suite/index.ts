// The entry of the extension integration suite: VS Code loads it in the extension host (through
// `extensionTestsPath`, from scripts/e2e.mjs in code-server or scripts/desktop-test.mjs in desktop VS
// Code) and calls `run()`. It runs every `*.test.js` beside it with mocha; SHIPSHAPE_E2E_GREP picks
// tests by title. Each result is logged as one line and, when SHIPSHAPE_E2E_RESULTS names a file,
// written there as JSON for the launcher to count.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Result {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: Reporter as unknown as Mocha.ReporterConstructor,
  });
  if (process.env.SHIPSHAPE_E2E_GREP) mocha.grep(process.env.SHIPSHAPE_E2E_GREP);
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}

class Reporter {
  constructor(runner: Mocha.Runner) {
    const results: Result[] = [];
    const out = process.env.SHIPSHAPE_E2E_RESULTS;
    const save = () => {
      if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
    };
    runner.on('pass', (t) => {
      results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
      console.log(`  ✓ ${t.fullTitle()} (${t.duration} ms)`);
      save();
    });
    runner.on('fail', (t, err: Error) => {
      results.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) });
      console.log(`  ✗ ${t.fullTitle()}\n${indent(err?.stack ?? String(err))}`);
      save();
    });
    runner.on('pending', (t) => {
      results.push({ title: t.fullTitle(), state: 'pending' });
      console.log(`  - ${t.fullTitle()} (pending)`);
      save();
    });
    runner.on('end', () => {
      const n = (s: Result['state']) => results.filter((r) => r.state === s).length;
      console.log(`integration: ${n('passed')} passed, ${n('failed')} failed, ${n('pending')} pending`);
      save();
    });
  }
}

const indent = (s: string) =>
  s
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
