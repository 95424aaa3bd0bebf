/**
 * Rules that read other files (.hadolint.yaml, .dockerignore). The shared tester also lints each
 * rule's doc examples without other files, which these rules cannot report on; until the docs can
 * carry files, their tables run through the local tester (same case format).
 */
import { language } from '../../server/src/languages/dockerfile';
import { testRule } from './tester';

const r = (code: string) => language.rules.find((x) => x.meta.code === code)!;

testRule(language, r('DL3026'), {
  valid: [{ code: 'FROM node:20', path: '/w/Dockerfile' }, { code: 'FROM registry.example.com/node:20', path: '/w/Dockerfile', files: { '/w/.hadolint.yaml': 'trustedRegistries:\n  - registry.example.com\n' } }],
  invalid: [{ code: 'FROM node:20', path: '/w/Dockerfile', files: { '/w/.hadolint.yaml': 'trustedRegistries:\n  - registry.example.com\n' }, errors: [{ messageId: 'registry', line: 1 }] }],
});

testRule(language, r('DF015'), {
  valid: [
    { code: 'FROM a:1\nCOPY README.md /app/', path: '/w/Dockerfile' },
    { code: 'FROM a:1\nCOPY README.md /app/', path: '/w/Dockerfile', files: { '/w/.dockerignore': '*.md\n!README.md\n' } },
  ],
  invalid: [
    { code: 'FROM a:1\nCOPY README.md src /app/', path: '/w/Dockerfile', files: { '/w/.dockerignore': '*.md\n' }, errors: [{ messageId: 'ignored', line: 2 }] },
    { code: 'FROM a:1\nCOPY config/app.env /app/', path: '/w/api.Dockerfile', files: { '/w/api.Dockerfile.dockerignore': 'config\n', '/w/.dockerignore': '' }, errors: [{ messageId: 'ignored', line: 2 }] },
  ],
});
