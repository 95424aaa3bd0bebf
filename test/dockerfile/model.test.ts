/** The Dockerfile model other languages read: stages, ports, args, final image, user. */
import { workspaceOf } from '../helpers/context';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../server/src/languages/dockerfile/parse';
import { language } from '../../server/src/languages/dockerfile';

const EXAMPLE = `FROM node:20-alpine AS builder
WORKDIR /app
COPY package*.json ./
RUN npm ci --only=production
COPY . .
RUN npm run build
FROM node:20-alpine
WORKDIR /app
RUN addgroup -g 1001 -S nodejs && adduser -S nodejs -u 1001
COPY --from=builder --chown=nodejs:nodejs /app/dist ./dist
USER nodejs
EXPOSE 3000
CMD ["node", "dist/main.js"]
`;

test('stages, names, offsets, final image, user and ports', () => {
  const m = parseDockerfile(EXAMPLE);
  assert.equal(m.stages.length, 2);
  assert.equal(m.stages[0].name, 'builder');
  assert.equal(EXAMPLE.slice(m.stages[0].nameStart!, m.stages[0].nameEnd!), 'builder');
  assert.equal(m.baseImage, 'node:20-alpine');
  assert.equal(m.user, 'nodejs');
  assert.deepEqual(
    m.exposedPorts.map((p) => [p.port, p.stage]),
    [[3000, 1]],
  );
  assert.ok(m.ast.getInstructions().length > 0);
});

test('global and stage ARGs, ENVs', () => {
  const m = parseDockerfile('ARG V=1\nFROM a:$V\nARG V\nENV A=1 B=2\n');
  assert.deepEqual(
    m.globalArgs.map((a) => [a.name, a.value]),
    [['V', '1']],
  );
  assert.deepEqual(
    m.args.map((a) => a.stage),
    [-1, 0],
  );
  assert.deepEqual(
    m.envs.map((e) => e.name),
    ['A', 'B'],
  );
});

test('the issue example: only the findings we mean', () => {
  const { runRules } = require('./lint');
  const codes = runRules(language, EXAMPLE, '/w/Dockerfile', { files: { '/w/.dockerignore': '.git\n' } }).map(
    (f: { code: string }) => f.code,
  );
  assert.deepEqual([...new Set(codes)].sort(), ['DF100']);
});

test('broken input never throws', () => {
  for (const t of [
    '',
    'FROM',
    '\\',
    'RUN <<EOF',
    'FROM a AS',
    'ONBUILD',
    'COPY --from= x',
    '# escape=`\nFROM a\nRUN a `\n b',
    '\u0000\uffff',
  ]) {
    assert.doesNotThrow(() => {
      const m = parseDockerfile(t);
      require('./lint').runRules(language, t, '/w/Dockerfile');
      return m;
    }, t);
  }
});

test('ignore comments: hadolint and shipshape forms', () => {
  assert.deepEqual(language.ignoreComment!('# hadolint ignore=DL3007,DL3008'), { codes: ['DL3007', 'DL3008'] });
  assert.deepEqual(language.ignoreComment!('#shipshape ignore=DF101'), { codes: ['DF101'] });
  assert.deepEqual(language.ignoreComment!('# hadolint global ignore=DL3059'), { codes: ['DL3059'], global: true });
  assert.equal(language.ignoreComment!('# just a comment'), undefined);
});

test('.hadolint.yaml ignored: list and override: severities', () => {
  const files: Record<string, string> = {
    '/w/.hadolint.yaml': 'ignored:\n  - DL3008\noverride:\n  info:\n    - DL3018\n',
  };
  const o = language.configOverrides!({
    path: '/w/sub/Dockerfile',
    workspace: workspaceOf(files),
  });
  assert.deepEqual(o, { rules: { DL3018: 'info', DL3008: 'off' }, preset: 'hadolint' });
});
