/** Editor features: completion, hover, definition, rename, symbols. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { language } from '../../server/src/languages/dockerfile';
import { LineIndex } from '../../server/src/text/lines';
import type { FeatureContext } from '../../server/src/engine/types';
import type { DockerfileModel } from '../../server/src/languages/dockerfile/parse';
import { createOnce } from '../../server/src/engine/once';

function at(src: string): { ctx: FeatureContext<DockerfileModel>; offset: number } {
  const offset = src.indexOf('|');
  const text = src.replace('|', '');
  return {
    ctx: {
      path: '/w/Dockerfile',
      kind: 'dockerfile',
      text,
      lines: new LineIndex(text),
      model: language.parse(text, '/w/Dockerfile'),
      workspace: undefined as never,
      settings: { rules: {} },
      once: createOnce(),
    },
    offset,
  };
}
const labels = (src: string) => {
  const { ctx, offset } = at(src);
  return language.complete!(ctx, offset).map((i) => i.label);
};

test('completes instructions with snippets at the start of a line', () => {
  const { ctx, offset } = at('FROM a:1\nRU|');
  const items = language.complete!(ctx, offset);
  const run = items.find((i) => i.label === 'RUN')!;
  assert.ok(run);
  assert.equal(run.insertText, 'RUN ${1:command}');
});

test('completes flags per instruction', () => {
  assert.deepEqual(labels('FROM a:1\nCOPY --|').sort(), [
    '--chmod',
    '--chown',
    '--exclude',
    '--from',
    '--link',
    '--parents',
  ]);
  assert.ok(labels('FROM a:1\nRUN --|').includes('--mount'));
  assert.ok(labels('FROM a:1\nHEALTHCHECK --|').includes('--start-period'));
});

test('completes stage names after --from=', () => {
  assert.deepEqual(labels('FROM a:1 AS build\nFROM b:1 AS test\nFROM c:1\nCOPY --from=b|'), ['build', 'test']);
});

test('completes variables in scope, with predefined args', () => {
  const l = labels('ARG G=1\nFROM a:1\nARG V=2\nENV E=3\nRUN echo $|');
  assert.ok(l.includes('V') && l.includes('E') && l.includes('TARGETARCH'));
  assert.ok(!l.includes('G'), 'a global ARG is not visible in a stage unless re-declared');
  assert.ok(labels('ARG G=1\nFROM a:${|').includes('G'));
});

test('completes directives and base images with tags', () => {
  assert.ok(labels('# s|').includes('syntax'));
  assert.ok(labels('FROM no|').includes('node'));
  assert.ok(labels('FROM node:|').includes('24-alpine'));
  assert.ok(labels('FROM node:24 |').includes('AS'));
});

test('hovers instructions, flags, variables and stages', () => {
  const h = (src: string) => {
    const { ctx, offset } = at(src);
    const r = language.hover!(ctx, offset);
    return r?.markdown ?? '';
  };
  assert.match(h('FROM a:1\nCO|PY x /x'), /COPY/);
  assert.match(h('FROM a:1\nRUN --mo|unt=type=cache,target=/c x'), /--mount/);
  assert.match(h('FROM a:1\nARG V=2\nRUN echo $|V'), /ARG V=2/);
  assert.match(h('FROM a:1 AS build\nFROM b:1\nCOPY --from=bu|ild /x /x'), /Stage 0/);
  assert.match(h('# syn|tax=docker/dockerfile:1\nFROM a:1'), /frontend/);
  assert.match(h('FROM a:1\nHEALTHCHECK --inter|val=5s CMD x'), /Time between checks/);
});

test('go to definition of stages and ARGs', () => {
  const { ctx, offset } = at('ARG V=1\nFROM a:1 AS build\nARG V\nFROM b:1\nCOPY --from=bu|ild /x /x');
  const loc = language.definition!(ctx, offset);
  assert.deepEqual(ctx.lines.position(loc[0].start), { line: 1, character: 12 });
  const v = at('ARG V=1\nFROM a:1\nARG V\nRUN echo $|V');
  assert.deepEqual(
    v.ctx.lines.position(language.definition!(v.ctx, v.offset)[0].start),
    { line: 0, character: 4 },
    'a stage ARG without default goes to the global one',
  );
});

test('rename a stage and an ARG', () => {
  const { ctx, offset } = at(
    'FROM a:1 AS bu|ild\nFROM build\nCOPY --from=build /x /x\nRUN --mount=from=build,target=/b ls',
  );
  const edits = language.rename!(ctx, offset, 'compile')![0].edits;
  assert.equal(edits.length, 4);
  const a = at('ARG VER|SION=1\nFROM a:${VERSION}\nARG VERSION\nRUN echo $VERSION');
  assert.equal(language.rename!(a.ctx, a.offset, 'V')![0].edits.length, 4);
});

test('document symbols list the stages', () => {
  const { ctx } = at('FROM a:1 AS build\nARG X=1\nFROM b:1|');
  const s = language.symbols!(ctx);
  assert.deepEqual(
    s.map((x) => x.name),
    ['build', 'stage 1'],
  );
  assert.deepEqual(
    s[0].children!.map((c) => c.name),
    ['X'],
  );
});
