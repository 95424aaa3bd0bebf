import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cli-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

describe('shipshape check (dist/cli.js)', () => {
  const ws = workspace({
    Dockerfile: 'FROM alpine:3.20\nFRUM x\n',
    'svc/compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n',
    'ecs/app.json': '{ "family": "a", "containerDefinitions": [ ], }',
    'node_modules/x/Dockerfile': 'BROKEN\n',
    'README.md': '# not infra\n',
  });

  it('prints the JSON contract and exits 1 on an error finding', () => {
    const r = cli(['check', '--format', 'json', '--kind', 'dockerfile', 'Dockerfile'], ws);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.files, [
      {
        path: 'Dockerfile',
        kind: 'dockerfile',
        diagnostics: [
          {
            code: 'DF001',
            rule: 'unknown-instruction',
            severity: 'error',
            message: 'Unknown instruction: FRUM',
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
            fixable: true,
          },
        ],
      },
    ]);
  });

  it('walks folders, skips node_modules, detects task definitions by content, text format', () => {
    const r = cli(['check', '.'], ws);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, -1), [
      'Dockerfile:2:1: error Unknown instruction: FRUM [DF001]',
      'ecs/app.json:1:47: error JSON: PropertyNameExpected [TD000]',
    ]);
    assert.match(lines.at(-1)!, /^2 problems \(2 errors, 0 warnings, 0 info, 0 hints\) in 2 files of 3 checked$/);
  });

  it('exits 0 when nothing is an error, and honours --config', () => {
    const cfg = path.join(ws, 'quiet.yaml');
    fs.writeFileSync(cfg, 'rules:\n  DF001: warning\n  TD000: off\n');
    const r = cli(['check', '--config', cfg, '.'], ws);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /Dockerfile:2:1: warning Unknown instruction: FRUM \[DF001\]/);
    assert.doesNotMatch(r.stdout, /TD000/);
  });

  it('reads the nearest .shipshape.yaml', () => {
    const ws2 = workspace({ '.shipshape.yaml': 'rules:\n  unknown-instruction: off\n', 'a/Dockerfile': 'FRUM x\n' });
    const r = cli(['check', '.'], ws2);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^no problems in 1 file$/m);
  });

  it('prints SARIF 2.1.0 with 1-based regions and the rule in the driver', () => {
    const r = cli(['check', '--format', 'sarif', 'Dockerfile'], ws);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'shipshape');
    assert.deepEqual(
      run.tool.driver.rules.map((x: { id: string }) => x.id),
      ['DF001'],
    );
    assert.equal(run.results[0].ruleId, 'DF001');
    assert.equal(run.results[0].level, 'error');
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, {
      startLine: 2,
      startColumn: 1,
      endLine: 2,
      endColumn: 5,
    });
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'Dockerfile');
  });

  it('gives a cross-file finding its location in the other file: "related" in JSON, relatedLocations in SARIF', () => {
    const xf = workspace({
      'ecs/task-definition.json':
        '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n}\n',
      '.github/workflows/deploy.yml':
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          container-name: app\n          ' +
        'image: nginx:1.28\n',
    });
    const json = JSON.parse(cli(['check', '--format', 'json', '.'], xf).stdout);
    const wf = json.files.find((f: { path: string }) => f.path === '.github/workflows/deploy.yml');
    const xf002 = wf.diagnostics.find((d: { code: string }) => d.code === 'XF002');
    assert.deepEqual(
      xf002.related.map((r: { path: string; range: { start: { line: number } } }) => [r.path, r.range.start.line]),
      [['ecs/task-definition.json', 2]],
    );
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', '.'], xf).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'XF002');
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'ecs/task-definition.json');
    assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 3);
    const td = json.files.find((f: { path: string }) => f.path === 'ecs/task-definition.json');
    assert.equal(
      td.diagnostics.find((d: { code: string }) => d.code === 'XF005').related[0].path,
      '.github/workflows/deploy.yml',
    );
    fs.rmSync(xf, { recursive: true, force: true });
  });

  it('exits 2 with a message on usage errors', () => {
    for (const args of [
      ['lint'],
      ['check', '--format', 'xml'],
      ['check', '--kind', 'helm'],
      ['check', 'missing-file'],
      ['check', '--bogus'],
    ]) {
      const r = cli(args, ws);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^shipshape: /);
    }
  });
});
