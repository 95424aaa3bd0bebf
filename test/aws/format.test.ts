import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectLevel, formatLogEvent, parseSince, shortStreamName } from '../../client/src/aws';

describe('detectLevel', () => {
  const cases: Array<[string, string | undefined]> = [
    ['{"level":"error","msg":"db down"}', 'error'],
    ['{"level":40,"msg":"pino warn"}', 'warn'],
    ['{"severity":"INFO","message":"x"}', 'info'],
    ['time=2026-01-01 level=warn msg="slow"', 'warn'],
    ['[ERROR] connection refused', 'error'],
    ['2026-11-27 03:00:00,123 WARNING django.request: Not Found', 'warn'],
    ['2026-11-27T03:00:00Z INFO  listening on :8080', 'info'],
    ['Traceback (most recent call last):', 'error'],
    ['panic: runtime error: index out of range', 'error'],
    ['GET /health 200 2ms', undefined],
    ['user errors are counted', undefined],
  ];
  for (const [line, level] of cases) it(`${line} → ${level}`, () => assert.equal(detectLevel(line), level));
});

describe('formatLogEvent', () => {
  const ev = {
    eventId: '1',
    timestamp: Date.UTC(2026, 10, 27, 3, 4, 5, 6),
    ingestionTime: undefined,
    logStreamName: 'ecs/web/0123456789abcdef0123456789abcdef',
    message: '[ERROR] boom\n',
  };
  it('prints timestamp, short stream and message', () => {
    assert.deepEqual(formatLogEvent(ev), {
      text: '2026-11-27T03:04:05.006Z web/01234567 [ERROR] boom',
      level: 'error',
    });
    assert.equal(
      formatLogEvent({ ...ev, message: '[ERROR] boom' }).text,
      '2026-11-27T03:04:05.006Z web/01234567 [ERROR] boom',
    );
    assert.equal(formatLogEvent({ ...ev, message: 'x' }, { stream: false }).text, '2026-11-27T03:04:05.006Z x');
  });
  it('colours errors red for a terminal', () => {
    const { text } = formatLogEvent({ ...ev, message: '[ERROR] boom' }, { color: true });
    assert.ok(text.includes('\x1b[31m[ERROR] boom\x1b[0m'));
  });
  it('shortens only awslogs-shaped stream names', () => {
    assert.equal(shortStreamName('ecs/web/0123456789abcdef0123456789abcdef'), 'web/01234567');
    assert.equal(shortStreamName('2026/11/27/[$LATEST]abc'), '2026/11/27/[$LATEST]abc');
  });
});

describe('parseSince', () => {
  const now = 1_000_000_000;
  it('reads durations and dates', () => {
    assert.equal(parseSince('10m', now), now - 600_000);
    assert.equal(parseSince('2h', now), now - 7_200_000);
    assert.equal(parseSince('90', now), now - 90_000);
    assert.equal(parseSince('2026-01-01T00:00:00Z', now), Date.UTC(2026, 0, 1));
    assert.equal(parseSince('soon', now), undefined);
  });
});
