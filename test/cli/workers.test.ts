/**
 * Worker threads change nothing but the time: the same report, byte for byte, with one thread and
 * with several, on a tree of real files (the corpus at its original paths, cross-file links kept).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { CORPUS, hasCorpus } from '../helpers/context';
import { cli } from './helpers';

/** Up to `count` corpus files at their original paths under `dest` (workflows under .github/workflows). */
export function corpusTree(dest: string, count: number): number {
  const rows = fs
    .readFileSync(path.join(CORPUS, 'FILES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));
  // every kind, in turns, so a small tree still has some of each
  const byKind = new Map<string, string[][]>();
  for (const r of rows) byKind.set(r[0], [...(byKind.get(r[0]) ?? []), r]);
  let written = 0;
  for (let i = 0; written < count && i < rows.length; i++)
    for (const list of byKind.values()) {
      const r = list[i];
      if (!r || written >= count) continue;
      const [kind, repo, , original, corpusPath] = r;
      let rel = original;
      if (kind === 'workflow' && !rel.startsWith('.github/workflows/'))
        rel = `.github/workflows/${rel.split('/').join('-')}`;
      const file = path.join(dest, repo.replace('/', '__'), rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.copyFileSync(path.join(CORPUS, corpusPath), file);
      written++;
    }
  return written;
}

it('the report is identical with one thread and with four', { skip: !hasCorpus, timeout: 600_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-workers-'));
  const n = corpusTree(dir, 300);
  // and a pair of files linked across (a finding with its place in the other file)
  fs.mkdirSync(path.join(dir, 'xf', '.github', 'workflows'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'xf', 'ecs'));
  fs.writeFileSync(
    path.join(dir, 'xf', 'ecs', 'task-definition.json'),
    '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n}\n',
  );
  fs.writeFileSync(
    path.join(dir, 'xf', '.github', 'workflows', 'deploy.yml'),
    'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' +
      '      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n' +
      '          task-definition: ecs/task-definition.json\n          container-name: app\n          image: nginx:1.28\n',
  );
  assert.equal(n, 300);
  // shellcheck (one process per run: step) would be most of the time; it runs the same in a worker
  fs.writeFileSync(path.join(dir, '.shipshape.yaml'), 'rules:\n  WF028: off\n');
  for (const format of ['json', 'sarif']) {
    const one = cli(['check', '--format', format, '-j', '1', '.'], dir);
    const four = cli(['check', '--format', format, '-j', '4', '.'], dir);
    assert.ok(one.code === 0 || one.code === 1, one.stderr);
    assert.equal(four.code, one.code);
    assert.equal(four.stdout, one.stdout, `${format}: same report`);
    if (format === 'json') {
      const json = JSON.parse(one.stdout);
      assert.equal(json.files.length, 302);
      assert.ok(json.files.some((f: { diagnostics: { related?: unknown }[] }) => f.diagnostics.some((d) => d.related)));
    }
  }
  // --fix through the workers too: the same files written
  const copy = `${dir}-copy`;
  fs.cpSync(dir, copy, { recursive: true });
  const fixedOne = cli(['check', '--fix', '-j', '1', '.'], dir);
  const fixedFour = cli(['check', '--fix', '-j', '4', '.'], copy);
  assert.equal(fixedFour.stdout, fixedOne.stdout);
  assert.match(fixedOne.stdout, /^fixed \d+ problems in \d+ files$/m);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(copy, { recursive: true, force: true });
});
