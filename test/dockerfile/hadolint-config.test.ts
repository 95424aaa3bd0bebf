/**
 * hadolint's configuration as the service applies it: ignore comments (above multi-line instructions, global, turned
 * off by disable-ignore-pragma), `.hadolint.yaml` keys, `preset: hadolint`, failure-threshold, and the codes rules had
 * before they took hadolint's (DF006, DF010, DF011).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failsRun } from '../../server/src/cli/run';
import { Registry } from '../../server/src/engine/registry';
import type { Finding, Rule } from '../../server/src/engine/types';
import { languages } from '../../server/src/links';
import { parseHadolintConfig } from '../../server/src/languages/dockerfile/hadolint-config';
import { memoryService } from '../helpers/context';

const PATH = '/ws/app/Dockerfile';

function check(dockerfile: string, files: Record<string, string> = {}, rules: Record<string, 'off'> = {}) {
  const svc = memoryService({ ...files, [PATH]: dockerfile });
  const result = svc.validate({ path: PATH, text: dockerfile, kind: 'dockerfile' }, svc.settingsFor(PATH, { rules }));
  return {
    ...result,
    codes: result.findings.map((f) => `${f.code}@${result.lines.position(f.start).line + 1}:${f.severity}`),
  };
}
const has = (codes: string[], code: string) => codes.some((c) => c.startsWith(code + '@'));

describe('ignore comments', () => {
  const multiLine = 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache \\\n    curl \\\n    git\n';

  it('an ignore comment above a multi-line instruction covers all of its lines', () => {
    assert.ok(has(check(multiLine.replace('# hadolint ignore=DL3018\n', '')).codes, 'DL3018'));
    assert.ok(!has(check(multiLine).codes, 'DL3018'));
    assert.ok(!has(check(multiLine.replace('hadolint ignore=', 'shipshape-ignore ')).codes, 'DL3018'));
  });

  it('does not reach the next instruction', () => {
    const text =
      'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n';
    assert.deepEqual(
      check(text)
        .codes.filter((c) => c.startsWith('DL3018'))
        .map((c) => c.split(':')[0]),
      ['DL3018@4'],
    );
  });

  it('# hadolint global ignore= silences the whole file', () => {
    const text = '# hadolint global ignore=DL3018,DL3059\nFROM alpine:3.20\nRUN apk add curl\nRUN apk add git\n';
    const { codes } = check(text);
    assert.ok(!has(codes, 'DL3018') && !has(codes, 'DL3059'), codes.join(' '));
    assert.ok(has(codes, 'DL3019'), 'other rules still report');
  });

  it('disable-ignore-pragma turns hadolint comments off, not shipshape-ignore', () => {
    const files = { '/ws/.hadolint.yaml': 'disable-ignore-pragma: true\n' };
    assert.ok(has(check(multiLine, files).codes, 'DL3018'));
    assert.ok(!has(check(multiLine.replace('hadolint ignore=', 'shipshape-ignore '), files).codes, 'DL3018'));
  });
});

describe('.hadolint.yaml', () => {
  it('reads every key that changes findings', () => {
    const c = parseHadolintConfig(
      [
        'ignored: [DL3008]',
        'override:',
        '  error: [DL3013]',
        '  style: [DL3015]',
        'failure-threshold: warning',
        'trustedRegistries: docker.io',
        'label-schema:',
        '  owner: text',
        '  docs: url',
        '  bogus: nothing',
        'strict-labels: true',
        'disable-ignore-pragma: true',
      ].join('\n'),
    )!;
    assert.deepEqual(c.ignored, ['DL3008']);
    assert.deepEqual(c.override, { DL3013: 'error', DL3015: 'hint' });
    assert.equal(c.failureThreshold, 'warning');
    assert.deepEqual(c.trustedRegistries, ['docker.io'], 'a single string is a list of one');
    assert.deepEqual(c.labelSchema, { owner: 'text', docs: 'url' });
    assert.ok(c.strictLabels && c.disableIgnorePragma);
    assert.equal(parseHadolintConfig('no-fail: true\nfailure-threshold: error\n')!.failureThreshold, 'none');
  });

  it('override and failure-threshold give the DL rules hadolint severities; ignored alone does not', () => {
    const text = 'FROM debian:12\nMAINTAINER someone\nWORKDIR app\n';
    assert.deepEqual(check(text).codes, ['DL4000@2:info', 'DL3000@3:warning']);
    const threshold = check(text, { '/ws/.hadolint.yaml': 'failure-threshold: error\n' });
    assert.deepEqual(threshold.codes, ['DL4000@2:error', 'DL3000@3:error']);
    assert.equal(threshold.failureThreshold, 'error');
    const override = check(text, { '/ws/.hadolint.yaml': 'override:\n  info: [DL3000]\n' });
    assert.deepEqual(override.codes, ['DL4000@2:error', 'DL3000@3:info']);
    assert.deepEqual(check(text, { '/ws/.hadolint.yaml': 'ignored: [DL4000]\n' }).codes, ['DL3000@3:warning']);
  });

  it('preset: hadolint in .shipshape.yaml; explicit rules still win', () => {
    const text = 'FROM debian:12\nMAINTAINER someone\nWORKDIR app\n';
    assert.deepEqual(check(text, { '/ws/.shipshape.yaml': 'preset: hadolint\n' }).codes, [
      'DL4000@2:error',
      'DL3000@3:error',
    ]);
    assert.deepEqual(check(text, { '/ws/.shipshape.yaml': 'preset: hadolint\nrules:\n  DL4000: hint\n' }).codes, [
      'DL4000@2:hint',
      'DL3000@3:error',
    ]);
  });
});

describe('the CLI exit status follows failure-threshold for DL findings', () => {
  const f = (code: string, severity: Finding['severity']) => ({ code, severity }) as Finding;
  it('table', () => {
    assert.equal(failsRun(f('DL3008', 'error'), 'error', undefined), true);
    assert.equal(failsRun(f('DL3008', 'warning'), 'error', undefined), false);
    assert.equal(failsRun(f('DL3008', 'warning'), 'error', 'warning'), true);
    assert.equal(failsRun(f('DL3008', 'info'), 'error', 'warning'), false);
    assert.equal(failsRun(f('DL3008', 'error'), 'error', 'none'), false);
    assert.equal(
      failsRun(f('DF000', 'error'), 'error', 'none'),
      true,
      'a syntax error fails whatever hadolint is told',
    );
    assert.equal(failsRun(f('DF000', 'warning'), 'warning', 'error'), true, '--fail-level for the rest');
  });
});

describe('codes rules had before they took hadolint codes', () => {
  const text = 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS scratch\nARG NPM_TOKEN\n';

  it('the old code still turns the rule off, and still ignores it', () => {
    const all = check(text).codes;
    assert.ok(has(all, 'DL3063') && has(all, 'DL3064') && has(all, 'DL3065'), all.join(' '));
    const off = check(text, {}, { DF006: 'off', DF010: 'off' }).codes;
    assert.ok(!has(off, 'DL3063') && !has(off, 'DL3065') && has(off, 'DL3064'), off.join(' '));
    const ignored = check(text.replace('\nARG', '\n# hadolint ignore=DF011\nARG')).codes;
    assert.ok(!has(ignored, 'DL3064'), ignored.join(' '));
  });

  it('the registry finds a rule by its old code and refuses to give that code to another rule', () => {
    const registry = new Registry(languages);
    assert.equal(registry.rule('DF010')?.meta.code, 'DL3065');
    const dockerfile = languages.find((l) => l.kind === 'dockerfile')!;
    const thief: Rule = { ...dockerfile.rules[0], meta: { ...dockerfile.rules[0].meta, code: 'DF006', id: 'thief' } };
    assert.throws(
      () => new Registry([{ ...dockerfile, rules: [...dockerfile.rules, thief] }]),
      /codes are never reused|claimed twice/,
    );
  });
});
