/** DI004 excludes-needed-file: a lock or requirements file a RUN needs, copied in only with a folder or wildcard. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { language } from '../../server/src/languages/dockerignore';
import { factsOfText } from '../../server/src/languages/dockerfile/facts';
import { runRule, testRule } from '../helpers/rule-tester';
import { linked } from '../helpers/context';

const rule = linked('dockerignore').rules.find((x) => x.meta.code === 'DI004')!;
const P = '/ws/.dockerignore';
const node = (run: string, copy = 'COPY package*.json ./', extra: Record<string, string> = {}) => ({
  '/ws/Dockerfile': `FROM node:22\nWORKDIR /app\n${copy}\n${run}\n`,
  '/ws/package.json': '{}',
  '/ws/package-lock.json': '{}',
  ...extra,
});
const npmCi = node('RUN npm ci');

testRule(language, rule, {
  valid: [
    { code: '*.json\n!package.json\n!package-lock.json\n', path: P, files: npmCi, name: 'the lock re-included' },
    { code: '*.json\n!package.json\n', path: P, files: node('RUN npm install'), name: 'npm install needs no lock' },
    { code: '*.json\n!package.json\n', path: P, files: node('RUN cd sub && npm ci'), name: 'cd first' },
    { code: '*.json\n!package.json\n', path: P, files: node('RUN npm ci --prefix web'), name: '--prefix' },
    { code: '*.json\n!package.json\n', path: P, files: node('RUN npm ci || npm install'), name: 'a fallback' },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: node('RUN npm install --package-lock-only && npm ci'),
      name: 'the RUN writes the lock first',
    },
    {
      code: 'package-lock.json\n',
      path: P,
      files: node('RUN npm ci', 'COPY package.json package-lock.json ./'),
      name: 'a COPY names the lock (DI002 reports it)',
    },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: node('RUN npm ci', 'COPY --from=deps /app ./\nCOPY package*.json ./'),
      name: 'COPY --from may bring it',
    },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: node('RUN --mount=type=bind,source=package-lock.json,target=package-lock.json npm ci'),
      name: 'a bind mount brings it',
    },
    {
      code: 'app/package-lock.json\n',
      path: P,
      files: node('RUN npm ci', 'COPY package*.json ./', { '/ws/app/package-lock.json': '{}' }),
      name: 'the lock of another folder than the COPY source',
    },
    { code: '*.json\n!package.json\n', path: P, files: node('RUN npm ci', 'COPY . /src'), name: 'copied elsewhere' },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: node('RUN npm ci', 'COPY web .\nCOPY package*.json ./', { '/ws/web/package-lock.json': '{}' }),
      name: 'a folder named without its slash brings another lock',
    },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: { ...npmCi, '/ws/package-lock.json': undefined as never },
      name: 'no lock in the workspace: nothing to re-include',
    },
    {
      code: '*.lock\n',
      path: P,
      files: {
        '/ws/Dockerfile':
          'FROM rust\nCOPY --from=planner /app/recipe.json .\nRUN cargo chef cook --release\nCOPY . .\nRUN cargo build --locked\n',
        '/ws/Cargo.lock': '',
      },
      name: 'cargo chef cook writes the lock first',
    },
    {
      code: '*.lock\n',
      path: P,
      files: { '/ws/Dockerfile': 'FROM rust\nCOPY . .\nRUN cargo install --locked --path .\n', '/ws/Cargo.lock': '' },
      name: 'cargo install is left out',
    },
    {
      code: 'poetry.lock\n',
      path: P,
      files: { '/ws/Dockerfile': 'FROM python:3\nCOPY . .\nRUN poetry install\n', '/ws/poetry.lock': '' },
      name: 'poetry install works without a lock',
    },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: node(
        'RUN if [ -f yarn.lock ]; then yarn --frozen-lockfile; elif [ -f package-lock.json ]; then npm ci; fi',
        'COPY package.json yarn.lock* package-lock.json* ./',
      ),
      name: 'the RUN tests which lock came (the Next.js example)',
    },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: node('RUN <<EOF\nnpm ci\nEOF'),
      name: 'here-documents are left alone',
    },
  ].map((c) => ({ ...c, files: Object.fromEntries(Object.entries(c.files).filter(([, t]) => t !== undefined)) })),
  invalid: [
    {
      code: 'package-lock.json\n',
      path: P,
      files: node('RUN ["npm", "ci"]', 'COPY ["package.json", "package-lock.json*", "./"]'),
      errors: [{ messageId: 'fails', line: 1 }],
      output: 'package-lock.json\n!package-lock.json\n',
    },
    {
      code: '*.json\n!package.json\n',
      path: P,
      files: npmCi,
      errors: [{ messageId: 'fails', line: 1 }],
      output: '*.json\n!package.json\n!package-lock.json\n',
    },
    {
      code: 'yarn.lock',
      path: P,
      files: {
        '/ws/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\n',
        '/ws/yarn.lock': '',
      },
      errors: [{ messageId: 'unpinned', line: 1 }],
      output: 'yarn.lock\n!yarn.lock\n',
    },
    {
      code: '.git\n*.lock\n',
      path: P,
      files: {
        '/ws/Dockerfile': 'FROM node:22\nCOPY package.json *.lock ./\nRUN yarn install --immutable\n',
        '/ws/yarn.lock': '',
      },
      errors: [{ messageId: 'fails', line: 2 }],
      output: '.git\n*.lock\n!yarn.lock\n',
    },
    {
      code: 'requirements*.txt\n',
      path: P,
      files: {
        '/ws/Dockerfile':
          'FROM python:3\nCOPY requirements*.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\n',
        '/ws/requirements.txt': 'flask\n',
      },
      errors: [{ messageId: 'fails', line: 1 }],
      output: 'requirements*.txt\n!requirements.txt\n',
    },
    {
      code: 'Cargo.lock\n',
      path: P,
      files: {
        '/ws/Dockerfile': 'FROM rust\nWORKDIR /src\nCOPY . .\nRUN cargo build --release --locked\n',
        '/ws/Cargo.lock': '',
      },
      errors: [{ messageId: 'fails', line: 1 }],
      output: 'Cargo.lock\n!Cargo.lock\n',
    },
    {
      code: '**/*.yaml\n',
      path: '/ws/api.Dockerfile.dockerignore',
      files: {
        '/ws/api.Dockerfile':
          'FROM node:22 AS base\nWORKDIR /app\nFROM base\nCOPY web/ ./\nRUN pnpm install --frozen-lockfile\n',
        '/ws/web/pnpm-lock.yaml': '',
      },
      errors: [{ messageId: 'fails', line: 1 }],
      output: '**/*.yaml\n!web/pnpm-lock.yaml\n',
    },
  ],
});

test('DI004 message names the file, the pattern, the Dockerfile, the command and its line', () => {
  const [found] = runRule(language, rule, { code: '*.json\n!package.json\n', path: P, files: npmCi });
  assert.equal(
    found.message,
    '`package-lock.json` is excluded by `*.json`, and Dockerfile copies it only with a folder or a wildcard: ' +
      '`npm ci` on line 4 fails without it.',
  );
});

test('DI004 facts: the command, its line and the context paths the file may come from', () => {
  const f = factsOfText('FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n').neededFiles;
  assert.deepEqual(
    f.map((n) => [n.command, n.line, n.file, n.paths]),
    [['npm ci', 4, 'package-lock.json', ['package-lock.json']]],
  );
  const cargo = factsOfText(
    'FROM rust\nWORKDIR /src\nCOPY . .\nWORKDIR crates/app\nRUN cargo +nightly build --frozen\n',
  );
  assert.deepEqual(cargo.neededFiles[0].paths, ['crates/app/Cargo.lock', 'crates/Cargo.lock', 'Cargo.lock']);
  assert.equal(cargo.neededFiles[0].command, 'cargo +nightly build --frozen');
});
