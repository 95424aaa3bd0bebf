// Workflow inlay hints' arithmetic: the next run of a cron schedule (UTC, POSIX day rules) and a matrix's job count.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { nextRun } from '../../server/src/languages/workflow/features/editor';
import { memoryService } from '../helpers/context';

const MONDAY_NOON = new Date(Date.UTC(2026, 11, 7, 12, 0));

it('finds the next run of a schedule after a moment, in UTC', () => {
  const next = (cron: string) => nextRun(cron, MONDAY_NOON)?.toISOString();
  assert.equal(next('30 5 * * 1'), '2026-12-14T05:30:00.000Z');
  assert.equal(next('30 12 * * 1'), '2026-12-07T12:30:00.000Z');
  assert.equal(next('*/15 * * * *'), '2026-12-07T12:15:00.000Z');
  assert.equal(next('0 0 1 1 *'), '2027-01-01T00:00:00.000Z');
  // both day fields restricted: either one matches (the 13th, or a Friday)
  assert.equal(next('0 0 13 * 5'), '2026-12-11T00:00:00.000Z');
  assert.equal(next('0 0 30 2 *'), undefined);
  assert.equal(next('not a cron'), undefined);
});

it("counts a matrix's jobs: the product of its lists, exclude removes, an include that fits no job adds one", () => {
  const service = memoryService();
  const hint = (matrix: string) => {
    const head = 'on: push\njobs:\n  a:\n    runs-on: x\n    strategy:\n      matrix:\n';
    const text = `${head}${matrix}    steps:\n      - run: x\n`;
    const doc = { path: '/r/.github/workflows/ci.yml', text, kind: 'workflow' as const };
    const hints = service.inlayHints(doc, { start: 0, end: text.length }, service.settingsFor(doc.path));
    return hints.map((h) => h.label);
  };
  assert.deepEqual(hint('        os: [a, b]\n        node: [1, 2, 3]\n'), ['6 jobs']);
  assert.deepEqual(hint('        os: [a, b]\n        exclude:\n          - os: a\n'), ['1 job']);
  assert.deepEqual(
    hint('        os: [a, b]\n        include:\n          - os: a\n            x: 1\n          - os: c\n'),
    ['3 jobs'],
  );
  assert.deepEqual(hint('        include:\n          - os: a\n          - os: b\n'), ['2 jobs']);
  assert.deepEqual(hint('        os: ${{ fromJSON(inputs.list) }}\n'), []);
});
