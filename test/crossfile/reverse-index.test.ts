/**
 * The reverse index of the workspace (which workflows and compose files build this Dockerfile?): the same files as a
 * scan of every file of the kind, kept up to date through the events the server sends (open, change, close, disk), the
 * lookups recorded as dependencies (a workflow that starts building a Dockerfile re-checks it), and the CLI's index
 * read in one service and given to another (its worker threads) answering alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentKind } from '../../server/src/engine/types';
import { languages } from '../../server/src/links';
import { Service } from '../../server/src/service/service';

const DF = '/w/web/Dockerfile';
const WF = '/w/.github/workflows/build.yml';
const OTHER_WF = '/w/.github/workflows/other.yml';
const COMPOSE = '/w/web/compose.yaml';

const dockerfile = 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-alpine\n';
const building = (target: string) =>
  `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n` +
  `        with:\n          context: web\n          file: web/Dockerfile\n          target: ${target}\n`;
const notBuilding = 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n';
const compose = 'services:\n  web:\n    build:\n      context: .\n      target: nope\n';

/** A service over files in memory that it cannot enumerate (as the server and the CLI: every file made known). */
function known(files: Map<string, string>): Service {
  const s = new Service(languages, { readFile: (p) => files.get(p), exists: (p) => files.has(p) });
  const kinds: Record<string, DocumentKind> = { [DF]: 'dockerfile', [WF]: 'workflow', [OTHER_WF]: 'workflow' };
  for (const p of files.keys()) s.workspace.addKnown(p, kinds[p] ?? 'compose');
  return s;
}
const codes = (s: Service, path: string, text: string) =>
  s
    .validate({ path, text }, s.settingsFor(path))
    .findings.map((f) => f.code)
    .filter((c) => c.startsWith('XF'));

describe('reverse index', () => {
  it('finds the files that hold a key, as a scan would, and follows changes on disk', () => {
    const files = new Map([
      [DF, dockerfile],
      [WF, building('nope')],
      [OTHER_WF, notBuilding],
      [COMPOSE, compose],
    ]);
    const s = known(files);
    const ws = s.workspace;
    assert.deepEqual(ws.withKey('workflow', `build:${DF}`), [WF]);
    assert.deepEqual(ws.withKey('compose', `build:${DF}`), [COMPOSE]);
    assert.deepEqual(codes(s, DF, dockerfile), ['XF013', 'XF013']);
    // the other workflow starts building it; the first one stops
    files.set(OTHER_WF, building('build'));
    ws.changedOnDisk(OTHER_WF);
    files.set(WF, notBuilding);
    ws.changedOnDisk(WF);
    assert.deepEqual(ws.withKey('workflow', `build:${DF}`), [OTHER_WF]);
    // a file that is gone
    files.delete(COMPOSE);
    ws.changedOnDisk(COMPOSE);
    assert.deepEqual(ws.withKey('compose', `build:${DF}`), []);
    assert.deepEqual(codes(s, DF, dockerfile), []);
  });

  it('sees an open document as the editor has it, and the disk again once it is closed', () => {
    const files = new Map([
      [DF, dockerfile],
      [WF, notBuilding],
    ]);
    const s = known(files);
    const ws = s.workspace;
    assert.deepEqual(ws.withKey('workflow', `build:${DF}`), []);
    ws.setOpen(WF, building('nope'));
    assert.deepEqual(ws.withKey('workflow', `build:${DF}`), [WF]);
    ws.close(WF);
    assert.deepEqual(ws.withKey('workflow', `build:${DF}`), []);
  });

  it('re-checks a Dockerfile when a workflow that did not build it starts to (its lookup is a dependency)', () => {
    const files = new Map([
      [DF, dockerfile],
      [WF, notBuilding],
    ]);
    const s = known(files);
    s.workspace.setOpen(DF, dockerfile);
    assert.deepEqual(codes(s, DF, dockerfile), []);
    // the workflow was never read (it holds no key for the Dockerfile), yet a change to it concerns the Dockerfile
    assert.deepEqual(s.workspace.dependenciesOf(DF).includes(WF), false);
    s.workspace.setOpen(WF, building('nope'));
    assert.deepEqual(s.workspace.dependentsOf(WF), [DF]);
    assert.deepEqual(codes(s, DF, dockerfile), ['XF013']);
    // a Dockerfile that looked nothing up is not re-checked; nor after it is forgotten
    s.workspace.forgetDependencies(DF);
    assert.deepEqual(s.workspace.dependentsOf(WF), []);
  });

  it('an index read in one service and given to another answers as the other would have read it', () => {
    const files = new Map([
      [DF, dockerfile],
      [WF, building('nope')],
      [OTHER_WF, notBuilding],
      [COMPOSE, compose],
    ]);
    const reader = known(files);
    const entries = [...files.keys()].flatMap((p) => reader.workspace.indexEntry(p) ?? []);
    const seeded = known(files);
    seeded.workspace.seedIndex(entries);
    const fresh = known(files);
    for (const [kind, key] of [
      ['workflow', `build:${DF}`],
      ['compose', `build:${DF}`],
      ['workflow', 'ecs:/w/web/td.json'],
    ] as const)
      assert.deepEqual(seeded.workspace.withKey(kind, key), fresh.workspace.withKey(kind, key));
    assert.deepEqual(codes(seeded, DF, dockerfile), codes(fresh, DF, dockerfile));
  });

  it('read ahead in slices (the server after its scan), the index answers as when read at the lookup', async () => {
    const files = new Map([
      [DF, dockerfile],
      [WF, building('nope')],
      [OTHER_WF, notBuilding],
      [COMPOSE, compose],
    ]);
    const ahead = known(files);
    await ahead.indexAhead(0);
    const entries = [...files.keys()].map((p) => ahead.workspace.indexEntry(p));
    const fresh = known(files);
    assert.deepEqual(
      entries,
      [...files.keys()].map((p) => fresh.workspace.indexEntry(p)),
    );
    assert.deepEqual(ahead.workspace.withKey('workflow', `build:${DF}`), [WF]);
    assert.deepEqual(codes(ahead, DF, dockerfile), codes(fresh, DF, dockerfile));
  });

  it('an enumerable file system (tests, docs) is listed again at each lookup', () => {
    const files: Record<string, string> = { [DF]: dockerfile };
    const s = new Service(languages, {
      readFile: (p) => files[p],
      exists: (p) => p in files,
      list: () => Object.keys(files),
    });
    assert.deepEqual(s.workspace.withKey('workflow', `build:${DF}`), []);
    files[WF] = building('nope');
    assert.deepEqual(s.workspace.withKey('workflow', `build:${DF}`), [WF]);
    delete files[WF];
    assert.deepEqual(s.workspace.withKey('workflow', `build:${DF}`), []);
  });
});
