/**
 * Rules that read other files (.hadolint.yaml, .dockerignore), on the shared tester: cases carry
 * `files`, and the rules' doc examples carry theirs in `meta.docs.files`.
 */
import { linked } from '../helpers/context';
import { testRule } from '../helpers/rule-tester';

const language = linked('dockerfile');

const r = (code: string) => language.rules.find((x) => x.meta.code === code)!;
const TRUSTED = { '/w/.hadolint.yaml': 'trustedRegistries:\n  - registry.example.com\n' };

testRule(language, r('DL3026'), {
  valid: [
    { code: 'FROM node:20', path: '/w/Dockerfile' },
    { code: 'FROM registry.example.com/node:20', path: '/w/Dockerfile', files: TRUSTED },
    { code: 'FROM registry.example.com/node:20 AS build\nFROM build', path: '/w/Dockerfile', files: TRUSTED },
    { code: 'FROM scratch', path: '/w/sub/Dockerfile', files: TRUSTED },
  ],
  invalid: [
    {
      code: 'FROM node:20',
      path: '/w/Dockerfile',
      files: TRUSTED,
      errors: [{ messageId: 'registry', line: 1, data: { registry: 'docker.io' } }],
    },
    {
      code: 'FROM ghcr.io/a/b:1',
      path: '/w/sub/Dockerfile',
      files: TRUSTED,
      errors: [{ messageId: 'registry', line: 1, data: { registry: 'ghcr.io' } }],
    },
  ],
});

testRule(language, r('DF015'), {
  valid: [
    { code: 'FROM a:1\nCOPY README.md /app/', path: '/w/Dockerfile' },
    {
      code: 'FROM a:1\nCOPY README.md /app/',
      path: '/w/Dockerfile',
      files: { '/w/.dockerignore': '*.md\n!README.md\n' },
    },
    {
      code: 'FROM a:1\nCOPY --from=build /docs/x.md /app/',
      path: '/w/Dockerfile',
      files: { '/w/.dockerignore': '*.md\n' },
    },
  ],
  invalid: [
    {
      code: 'FROM a:1\nCOPY README.md src /app/',
      path: '/w/Dockerfile',
      files: { '/w/.dockerignore': '*.md\n' },
      errors: [{ messageId: 'ignored', line: 2, data: { src: 'README.md', pattern: '*.md' } }],
    },
    {
      code: 'FROM a:1\nCOPY config/app.env /app/',
      path: '/w/api.Dockerfile',
      files: { '/w/api.Dockerfile.dockerignore': 'config\n', '/w/.dockerignore': '' },
      errors: [{ messageId: 'ignored', line: 2, data: { file: 'api.Dockerfile.dockerignore' } }],
    },
  ],
});
