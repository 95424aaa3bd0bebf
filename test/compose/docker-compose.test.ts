/**
 * Where Debian's docker-compose 1.29 is installed, our verdict on each fixture (valid / invalid)
 * matches `docker-compose -f FILE config -q`. Fixtures whose first line says
 * `# docker-compose-1.29: skip` use what its older spec lacks; findings of rules about checks that
 * Docker only makes later (at build, create or up) do not count against validity here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { check, diskWorkspace } from './harness';
import { language } from '../../server/src/languages/compose';

const root = resolve(__dirname, '../../..');
const fixtures = resolve(root, 'test/fixtures/compose');
/** Checks docker-compose makes only at build, create or up time, not in `config`. */
const CHECKED_LATER = new Set(['CP026', 'CP027', 'CP028', 'CP029', 'CP035', 'CP043']);
const severity = new Map(language.rules.map((r) => [r.meta.code, r.meta.defaultSeverity]));

let available = false;
try {
  execFileSync('docker-compose', ['version', '--short'], { stdio: 'ignore', timeout: 30000 });
  available = true;
} catch {
  available = false;
}

function theirVerdict(file: string): Promise<{ valid: boolean; output: string }> {
  return new Promise((done) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('COMPOSE_') && !k.startsWith('DOCKER_')),
    );
    execFile(
      'docker-compose',
      ['-f', file, 'config', '-q'],
      { cwd: dirname(file), env, timeout: 60000 },
      (error, stdout, stderr) =>
        done({ valid: !error, output: `${stdout}${stderr}`.trim().split('\n').slice(-3).join('\n') }),
    );
  });
}

describe('compose verdicts match docker-compose 1.29', {
  skip: !available && 'docker-compose is not installed (apt-get install -y docker-compose)',
}, () => {
  const files: string[] = [];
  for (const sub of ['err', 'ok'])
    for (const n of readdirSync(resolve(fixtures, sub))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort())
      files.push(resolve(fixtures, sub, n));
  const covered = files.filter((f) => !/^# docker-compose-1\.29: skip/.test(readFileSync(f, 'utf8')));
  it('covers most fixtures', () =>
    assert.ok(covered.length >= files.length - 5, `${covered.length} of ${files.length}`));
  // start every run at once (each takes seconds), then compare
  const verdicts = new Map<string, Promise<{ valid: boolean; output: string }>>();
  const queue = covered.slice();
  const running: Promise<unknown>[] = [];
  const next = (): Promise<unknown> | undefined => {
    const f = queue.shift();
    if (!f) return undefined;
    const p = theirVerdict(f);
    verdicts.set(f, p);
    return p.then(() => next());
  };
  if (available) for (let i = 0; i < 3; i++) running.push(next() ?? Promise.resolve());
  for (const file of covered) {
    it(file.slice(fixtures.length + 1), async () => {
      while (!verdicts.has(file))
        await Promise.race(running.length ? running : [Promise.resolve()]).then(
          () => new Promise((r) => setTimeout(r, 50)),
        );
      const theirs = await verdicts.get(file)!;
      const found = check(readFileSync(file, 'utf8'), { path: file, workspace: diskWorkspace() });
      const errors = found.filter((f) => severity.get(f.code) === 'error' && !CHECKED_LATER.has(f.code));
      assert.equal(
        errors.length === 0,
        theirs.valid,
        `ours: ` +
          `${errors.map((e) => `${e.line}: ${e.message} [${e.code}]`).join('; ') || 'valid'}\ndocker-compose: ` +
          `${theirs.valid ? 'valid' : theirs.output}`,
      );
    });
  }
});
