/** The service and the tools: a check that waits for answers says so, and `recheck` completes it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languages } from '../../server/src/languages';
import { Service } from '../../server/src/service/service';
import type { ShellcheckRequest, ToolRunner } from '../../server/src/engine/types';
import { memoryFs } from '../helpers/context';

/** A runner that answers later: pending first, then a finding for every script that names `$UNQUOTED`. */
function laterRunner() {
  const known = new Map<string, boolean>();
  let release!: () => void;
  const ready = new Promise<void>((r) => {
    release = r;
  });
  const sessions: string[] = [];
  const runner: ToolRunner = {
    session(owner) {
      sessions.push(owner);
      let waiting = false;
      return {
        shellcheck(req: ShellcheckRequest) {
          if (known.has(req.script)) {
            const comments = req.script.includes('$UNQUOTED')
              ? [
                  {
                    line: 2,
                    column: 6,
                    endLine: 2,
                    endColumn: 15,
                    level: 'info' as const,
                    code: 2086,
                    message: 'quote it',
                  },
                ]
              : [];
            return { state: 'done', comments };
          }
          waiting = true;
          void ready.then(() => known.set(req.script, true));
          return { state: 'pending' };
        },
        settled: () => (waiting ? ready.then(() => undefined) : undefined),
      };
    },
  };
  return { runner, release, sessions };
}

const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo $UNQUOTED\n';
const path = '/ws/.github/workflows/ci.yml';

test('a check waiting for shellcheck is completed by recheck, only the rules that read its answers run again', async () => {
  const { runner, release } = laterRunner();
  const service = new Service(languages, memoryFs({}), undefined, { tools: runner });
  const settings = service.settingsFor(path);
  const first = service.validate({ path, text }, settings, { trusted: true });
  assert.ok(first.pending, 'the check waits');
  assert.deepEqual(first.waiting, ['WF028', 'WF047']);
  assert.ok(!first.findings.some((f) => f.code === 'WF047'));
  release();
  await first.pending;
  const done = service.recheck({ path, text }, settings, first, { trusted: true });
  assert.deepEqual(
    done.findings.filter((f) => f.code === 'WF047').map((f) => text.slice(f.start, f.end)),
    ['$UNQUOTED'],
  );
  // The other rules' findings are those of the first check.
  assert.deepEqual(
    done.findings.filter((f) => f.code !== 'WF047').map((f) => f.code),
    first.findings.map((f) => f.code),
  );
  assert.equal(done.pending, undefined);
});

test('untrusted checks and fix-all ask no tool', () => {
  const { runner, sessions } = laterRunner();
  const service = new Service(languages, memoryFs({}), undefined, { tools: runner });
  const settings = service.settingsFor(path);
  assert.equal(service.validate({ path, text }, settings, { trusted: false }).pending, undefined);
  service.fixAll({ path, text }, settings, { trusted: true });
  assert.deepEqual(sessions, []);
});
