import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CHECK_USAGE, parseArgs, UsageError } from '../../server/src/cli/args';
import { REPO_ROOT } from '../helpers/context';

const check = (...args: string[]) => {
  const c = parseArgs(['check', ...args]);
  assert.equal(c.name, 'check');
  return (c as Extract<typeof c, { name: 'check' }>).options;
};

/** Every option of check, with a value when it takes one. */
const OPTIONS: [string, string?][] = [
  ['--kind', 'dockerfile'],
  ['--format', 'github'],
  ['--config', 'x.yaml'],
  ['--fix'],
  ['--unsafe-fixes'],
  ['--fix-suggestions'],
  ['--diff'],
  ['--fail-level', 'warning'],
  ['--max-warnings', '3'],
  ['--exclude', 'vendor/'],
  ['--no-ignore'],
  ['--skip-unreadable'],
  ['--jobs', '2'],
  ['-j', '2'],
  ['--stdin-filename', 'Dockerfile'],
  ['--help'],
];

describe('shipshape check arguments', () => {
  it('--help lists every option, and every listed option parses', () => {
    for (const [flag, value] of OPTIONS) {
      assert.match(CHECK_USAGE, new RegExp(`(^|\\s)${flag.replace(/-/g, '\\-')}\\b`), `${flag} in --help`);
      const args = flag === '--stdin-filename' ? ['-', flag, value!] : value ? [flag, value] : [flag];
      assert.doesNotThrow(() => parseArgs(['check', ...args]), flag);
    }
    const listed = [...CHECK_USAGE.matchAll(/^\s+(-[\w-]+(?:, --[\w-]+)?)/gm)].map((x) => x[1]);
    for (const l of listed)
      for (const f of l.split(', '))
        assert.ok(OPTIONS.some(([o]) => o === f) || f === '-h', `${f} is in --help: add it to this test`);
  });
  it('the README’s CLI section shows every option too', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## The CLI'),
      readme.indexOf('\n## ', readme.indexOf('## The CLI') + 3),
    );
    for (const [flag] of OPTIONS)
      if (flag !== '--help') assert.ok(section.includes(`\`${flag}`), `${flag} in the README`);
    for (const command of ['shipshape rules', 'shipshape explain', 'action.yml', '.pre-commit-config.yaml'])
      assert.ok(section.includes(command), command);
  });
  it('reads values inline or separately, and repeats --exclude', () => {
    const o = check('--format=json', '--kind', 'compose', '--exclude', 'a', '--exclude=b', 'x', 'y');
    assert.equal(o.format, 'json');
    assert.equal(o.kind, 'compose');
    assert.deepEqual(o.exclude, ['a', 'b']);
    assert.deepEqual(o.paths, ['x', 'y']);
    assert.deepEqual(check().paths, ['.']);
    assert.deepEqual(check('--', '--fix').paths, ['--fix']);
  });
  it('--unsafe-fixes, --fix-suggestions and --diff imply fixing', () => {
    assert.equal(check().fix, undefined);
    assert.equal(check('--fix').fix, 'safe');
    assert.equal(check('--unsafe-fixes').fix, 'unsafe');
    assert.equal(check('--fix-suggestions').fix, 'unsafe');
    assert.equal(check('--diff').fix, 'safe');
    assert.equal(check('--diff').diff, true);
    assert.equal(check('--diff', '--unsafe-fixes').fix, 'unsafe');
  });
  it('defaults: text, fail on errors, .gitignore read, every core decided later', () => {
    const o = check();
    assert.equal(o.format, 'text');
    assert.equal(o.failLevel, 'error');
    assert.equal(o.gitignore, true);
    assert.equal(o.skipUnreadable, false);
    assert.equal(o.jobs, undefined);
    assert.equal(check('--no-ignore').gitignore, false);
    assert.equal(check('-j', '3').jobs, 3);
    assert.equal(check('--max-warnings', '0').maxWarnings, 0);
  });
  it('refuses what it cannot use', () => {
    for (const args of [
      ['--format', 'xml'],
      ['--kind', 'helm'],
      ['--fail-level', 'fatal'],
      ['--max-warnings', '-1'],
      ['--max-warnings', 'many'],
      ['--jobs', '0'],
      ['--fix=yes'],
      ['--bogus'],
      ['--format'],
      ['-', 'Dockerfile'],
      ['--stdin-filename', 'Dockerfile', 'Dockerfile'],
    ])
      assert.throws(() => parseArgs(['check', ...args]), UsageError, args.join(' '));
    assert.throws(() => parseArgs(['lint']), UsageError);
    assert.throws(() => parseArgs([]), UsageError);
    assert.throws(() => parseArgs(['explain']), UsageError);
    assert.throws(() => parseArgs(['rules', '--format', 'xml']), UsageError);
  });
  it('knows the other commands', () => {
    assert.deepEqual(parseArgs(['--version']), { name: 'version' });
    assert.deepEqual(parseArgs(['explain', 'DL3007']), { name: 'explain', code: 'DL3007' });
    assert.deepEqual(parseArgs(['rules', '--kind', 'nix', '--format', 'json']), {
      name: 'rules',
      kind: 'nix',
      format: 'json',
    });
    assert.deepEqual(parseArgs(['check', '-h']), { name: 'help', topic: 'check' });
    assert.deepEqual(parseArgs(['github-action']), { name: 'github-action' });
  });
});
