/**
 * Rename, hover and go to definition across files (crossfile/refs.ts, crossfile/navigate.ts),
 * through the service, from both sides of each link: a Dockerfile stage and the build targets
 * naming it, a task definition container and the render step's container-name, a flake output
 * and `nix build .#name`.
 */
import { applyEdits } from '../../server/src/engine/fixes';
import type { OffsetEdit } from '../../server/src/engine/types';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryService } from '../helpers/context';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/text/lines';

const DF = '/ws/Dockerfile';
const WF = '/ws/.github/workflows/release.yml';
const COMPOSE = '/ws/compose.yaml';
const TD = '/ws/ecs/task-definition.json';
const FLAKE = '/ws/flake.nix';

const files: Record<string, string> = {
  [DF]:
    'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim AS prod\nARG ' +
    'NODE_ENV=development\nCOPY --from=build /app /app\nEXPOSE 8080\n',
  [WF]: [
    'on: push',
    'jobs:',
    '  release:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    '          target: prod',
    '          build-args: NODE_ENV=production',
    '      - uses: aws-actions/amazon-ecs-render-task-definition@v1',
    '        with:',
    '          task-definition: ecs/task-definition.json',
    '          container-name: web',
    '          image: example/web:2',
    '      - uses: cachix/install-nix-action@v31',
    '      - run: nix build .#hello',
    '',
  ].join('\n'),
  [COMPOSE]: 'services:\n  app:\n    build:\n      context: .\n      target: "prod"\n    ports: ["8081:8080"]\n',
  [TD]:
    '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": ' +
    '"web", "image": "example/web:1", "dependsOn": [{ "containerName": "log_router", ' +
    '"condition": "START" }], "portMappings": [{ "containerPort": 3000 }] },\n    { "name": ' +
    '"log_router", "image": "fluent-bit:3" }\n  ]\n}\n',
  [FLAKE]:
    '{\n  outputs = { self, nixpkgs }: {\n    packages.x86_64-linux.hello ' +
    '= nixpkgs.legacyPackages.x86_64-linux.hello;\n    packages.aarch64-linux.hello = ' +
    'nixpkgs.legacyPackages.aarch64-linux.hello;\n    apps.x86_64-linux.default = { type = ' +
    '"app"; program = "${self.packages.x86_64-linux.hello}/bin/hello"; };\n  };\n}\n',
};

const service = () => memoryService(files);
const doc = (path: string) => ({ path, text: files[path] });
/** The offset of the n-th occurrence of `needle` in a file, plus `delta`. */
function at(path: string, needle: string, delta = 1, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = files[path].indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} in ${path}`);
  return i + delta;
}
function apply(text: string, edits: OffsetEdit[]): string {
  return applyEdits(text, edits);
}
function renamed(path: string, offset: number, newName: string): Record<string, string> | undefined {
  const result = service().rename(doc(path), offset, newName, DEFAULT_SETTINGS);
  if (!result) return undefined;
  return Object.fromEntries(result.map((r) => [r.path, apply(files[r.path], r.edits)]));
}
function hoverText(path: string, offset: number): string {
  const h = service().hover(doc(path), offset, DEFAULT_SETTINGS);
  return h?.markdown ?? '';
}

test('rename a stage in the Dockerfile: the workflow and compose targets follow', () => {
  const out = renamed(DF, at(DF, 'AS prod', 4), 'runtime')!;
  assert.deepEqual(Object.keys(out).sort(), [WF, DF, COMPOSE].sort());
  assert.match(out[DF], /FROM node:22-slim AS runtime\n/);
  assert.match(out[DF], /COPY --from=build /, 'another stage is untouched');
  assert.match(out[WF], /target: runtime\n/);
  assert.match(out[COMPOSE], /target: "runtime"\n/, 'inside the quotes');
});

test('rename a stage from a use (the workflow target): the Dockerfile and the other uses follow', () => {
  const out = renamed(WF, at(WF, 'target: prod', 9), 'runtime')!;
  assert.match(out[DF], /AS runtime\n/);
  assert.match(out[COMPOSE], /target: "runtime"/);
  assert.match(out[WF], /target: runtime/);
  const fromCompose = renamed(COMPOSE, at(COMPOSE, '"prod"', 2), 'final')!;
  assert.match(fromCompose[DF], /AS final\n/);
  assert.match(fromCompose[WF], /target: final/);
});

test('rename a stage referenced only inside the Dockerfile stays in the Dockerfile', () => {
  const out = renamed(DF, at(DF, 'AS build', 4), 'deps')!;
  assert.deepEqual(Object.keys(out), [DF]);
  assert.match(out[DF], /AS deps\nRUN npm ci\nFROM node:22-slim AS prod\nARG NODE_ENV=development\nCOPY --from=deps /);
});

test('an invalid stage name is refused', () => {
  assert.equal(renamed(DF, at(DF, 'AS prod', 4), '9lives'), undefined);
});

test('rename a container in the task definition: dependsOn and the render step follow', () => {
  const out = renamed(TD, at(TD, '"log_router", "image"'), 'logs')!;
  assert.deepEqual(Object.keys(out), [TD]);
  assert.match(out[TD], /"containerName": "logs"/);
  assert.match(out[TD], /\{ "name": "logs", "image": "fluent-bit:3" \}/);
  const fromWorkflow = renamed(WF, at(WF, 'container-name: web', 16), 'api')!;
  assert.match(fromWorkflow[WF], /container-name: api\n/);
  assert.match(fromWorkflow[TD], /\{ "name": "api", "image": "example\/web:1"/);
  assert.match(fromWorkflow[TD], /"family": "web"/, 'the family is another name');
});

test('rename a flake output: every system, self.packages uses and nix build .#name follow', () => {
  const out = renamed(FLAKE, at(FLAKE, 'hello =', 0), 'greeter')!;
  assert.equal(out[FLAKE].match(/packages\.[a-z0-9_-]+\.greeter = /g)?.length, 2);
  assert.match(out[FLAKE], /self\.packages\.x86_64-linux\.greeter\}/);
  assert.match(out[FLAKE], /legacyPackages\.x86_64-linux\.hello;/, "nixpkgs' hello is another name");
  assert.match(out[WF], /nix build \.#greeter\n/);
  const fromWorkflow = renamed(WF, at(WF, '.#hello', 2), 'greeter')!;
  assert.equal(fromWorkflow[FLAKE], out[FLAKE]);
});

test("hover on a use shows the other file's declaration", () => {
  const stage = hoverText(WF, at(WF, 'target: prod', 9));
  assert.match(stage, /Stage `prod`/);
  assert.match(stage, /FROM node:22-slim AS prod/);
  assert.match(stage, /EXPOSEs 8080/);
  assert.match(stage, /\[Dockerfile:3\]\(file:\/\/\/ws\/Dockerfile#L3\)/);
  const container = hoverText(WF, at(WF, 'container-name: web', 16));
  assert.match(container, /Container `web`.*family `web`/);
  assert.match(container, /"image": "example\/web:1"/);
  const output = hoverText(WF, at(WF, '.#hello', 2));
  assert.match(output, /packages\.x86_64-linux\.hello = nixpkgs/);
  assert.match(hoverText(COMPOSE, at(COMPOSE, '"prod"', 2)), /FROM node:22-slim AS prod/);
});

test('hover on a declaration lists its uses in other files', () => {
  const stage = hoverText(DF, at(DF, 'AS prod', 4));
  assert.match(stage, /\.github\/workflows\/release\.yml:8.*`target`/);
  assert.match(stage, /compose\.yaml:5.*`target of service app`/);
  const container = hoverText(TD, at(TD, '"web", "image"'));
  assert.match(container, /release\.yml:13.*`container-name`/);
  assert.match(container, /image built from \[Dockerfile:3\].*stage `prod`/);
  const output = hoverText(FLAKE, at(FLAKE, 'hello =', 0));
  assert.match(output, /release\.yml:16.*`nix build`/);
  assert.equal(
    hoverText(DF, at(DF, 'AS build', 4)).includes('used in other files'),
    false,
    'a stage no other file names',
  );
});

test('go to definition from a compose target and from .#name', () => {
  const s = service();
  const toStage = s.definition(doc(COMPOSE), at(COMPOSE, '"prod"', 2), DEFAULT_SETTINGS);
  const pos = (x: { path: string; start: number }) => new LineIndex(files[x.path]).position(x.start);
  assert.deepEqual([toStage[0]?.path, pos(toStage[0])], ['/ws/Dockerfile', { line: 2, character: 21 }]);
  const toOutput = s.definition(doc(WF), at(WF, '.#hello', 2), DEFAULT_SETTINGS);
  assert.deepEqual([toOutput[0]?.path, pos(toOutput[0]).line], ['/ws/flake.nix', 2]);
});

test('completions after nix build .# and nix run .#: the outputs the flake defines where nix looks', () => {
  const text = files[WF].replace('nix build .#hello', 'nix build .#he');
  const labels = (t: string, needle: string) =>
    service()
      .complete({ path: WF, text: t }, t.indexOf(needle) + needle.length, DEFAULT_SETTINGS)
      .map((i) => i.label);
  assert.deepEqual(labels(text, '.#he'), ['hello']);
  const run = files[WF].replace('nix build .#hello', 'nix run .#');
  assert.deepEqual(labels(run, 'nix run .#'), ['default', 'hello'], 'apps first, then packages');
});

test('ports across files: a mapped port hovers what the image EXPOSEs; an EXPOSE hovers where the image runs', () => {
  assert.match(
    hoverText(TD, at(TD, '3000')),
    /containerPort 3000\*\* of `web`[\s\S]*\[Dockerfile:3\]\(file:\/\/\/ws\/Dockerfile#L3\) \(stage `prod`\), which EXPOSEs 8080/,
  );
  assert.match(hoverText(COMPOSE, at(COMPOSE, ':8080', 2)), /Port 8080\*\* of service `app`[\s\S]*EXPOSEs 8080/);
  assert.match(hoverText(COMPOSE, at(COMPOSE, '8081')), /Port 8080\*\*/, 'the mapping hovers with its container side');
  assert.doesNotMatch(hoverText(COMPOSE, at(COMPOSE, 'context')), /EXPOSE/);
  const expose = hoverText(DF, at(DF, 'EXPOSE 8080', 8));
  assert.match(expose, /container `web` of \[ecs\/task-definition\.json:4\].* maps 3000/);
  assert.match(expose, /service `app` of \[compose\.yaml:2\].* uses 8080/);
});

test('a workflow hovers the files its values name: the task definition, the Dockerfile, a build arg', () => {
  const td = hoverText(WF, at(WF, 'ecs/task-definition.json'));
  assert.match(td, /\*\*Task definition\*\* \[ecs\/task-definition\.json:1\].*family `web`/);
  assert.match(td, /- `web`: example\/web:1 \(ports 3000\)\n- `log_router`: fluent-bit:3/);
  assert.match(
    hoverText(WF, at(WF, 'NODE_ENV=')),
    /\*\*ARG NODE_ENV=development\*\* in \[Dockerfile:4\].*\(stage prod\)/,
  );
  assert.equal(hoverText(WF, at(WF, 'image: example/web:2', 8)).includes('Task definition'), false);
});

test('prepare rename: the name under the cursor and its range, or nothing to rename', () => {
  const s = service();
  const prep = (path: string, offset: number) => s.prepareRename(doc(path), offset, DEFAULT_SETTINGS);
  assert.equal(prep(WF, at(WF, '.#hello', 4))?.placeholder, 'hello');
  const span = prep(WF, at(WF, '.#hello', 4))!.span;
  assert.deepEqual(new LineIndex(files[WF]).range(span.start, span.end), {
    start: { line: 15, character: 25 },
    end: { line: 15, character: 30 },
  });
  assert.equal(prep(DF, at(DF, 'AS prod', 5))?.placeholder, 'prod');
  assert.equal(prep(TD, at(TD, '"log_router", "image"', 3))?.placeholder, 'log_router');
  assert.equal(prep(FLAKE, at(FLAKE, 'x86_64-linux.hello =', 14))?.placeholder, 'hello');
  assert.equal(prep(WF, at(WF, 'runs-on')), undefined, 'a key is not a name that renames');
  assert.equal(prep(WF, at(WF, 'ubuntu-latest')), undefined);
});

test('compose: build.context hovers the Dockerfile that builds the service, and its stages', () => {
  const h = hoverText(COMPOSE, at(COMPOSE, 'context: .', 9));
  assert.match(h, /\*\*Dockerfile\*\* \[Dockerfile:1\]/);
  assert.match(h, /- `build`: FROM node:22\n- `prod`: FROM node:22-slim/);
});
