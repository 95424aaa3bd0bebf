// Follow a CloudWatch Logs group like `aws logs tail --follow`: FilterLogEvents polling from
// a start time, every page of each poll (nextToken), de-duplicated by event id across polls,
// with a small look-back for late-arriving events and a back-off when AWS throttles.
import {
  type CloudWatchLogsClient,
  FilterLogEventsCommand,
  type FilteredLogEvent,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import { sleep } from './rollout';

export interface TailEvent {
  eventId: string;
  timestamp: number;
  ingestionTime: number | undefined;
  logStreamName: string;
  message: string;
}

export interface LogTailOptions {
  logGroupName: string;
  /** Only streams whose name starts with this (sent to AWS and also checked here: some emulators ignore it). */
  logStreamNamePrefix?: string;
  /** A CloudWatch Logs filter pattern, passed to FilterLogEvents. */
  filterPattern?: string;
  /** Epoch ms to start from (default: now - 10 minutes). */
  startTime?: number;
  /** Poll interval in ms (default 2000). */
  intervalMs?: number;
  /** Upper bound for the interval while throttled (default 30000). */
  maxIntervalMs?: number;
  /** Re-read this many ms before the newest event seen, for events that arrive late (default 5000). */
  lookBackMs?: number;
  /** FilterLogEvents page size (default: AWS's own, up to 10000). */
  pageLimit?: number;
  /** Called with each batch of new events, oldest first. */
  onEvents: (events: TailEvent[]) => void;
  /** Called when a poll fails with something other than throttling; the tail stops unless it returns true. */
  onError?: (err: unknown) => boolean | undefined;
  /** Called when AWS throttles, with the new interval. */
  onThrottle?: (intervalMs: number) => void;
  now?: () => number;
}

export const DEFAULT_SINCE_MS = 10 * 60_000;

/** `10m`, `2h`, `1d`, `30s`, `90` (seconds) or an ISO date → epoch ms. */
export function parseSince(value: string, now = Date.now()): number | undefined {
  const v = value.trim();
  const m = /^(\d+)\s*([smhdw]?)$/i.exec(v);
  if (m) {
    const n = Number(m[1]);
    const unit = { '': 1_000, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2]!.toLowerCase()]!;
    return now - n * unit;
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

function isThrottling(err: unknown): boolean {
  const e = err as { name?: string; $retryable?: { throttling?: boolean } } | undefined;
  return e?.name === 'ThrottlingException' || e?.name === 'TooManyRequestsException' || !!e?.$retryable?.throttling;
}

export class LogTail {
  private readonly options: LogTailOptions;
  private readonly abort = new AbortController();
  private readonly seen = new Map<string, number>(); // eventId → timestamp
  private newest: number;
  private readonly floor: number;
  private interval: number;
  private running: Promise<void> | undefined;
  /** Number of FilterLogEvents calls made (pages), for logs and tests. */
  requests = 0;
  /** Number of events delivered. */
  delivered = 0;

  constructor(
    private readonly client: CloudWatchLogsClient,
    options: LogTailOptions,
  ) {
    this.options = options;
    const now = (options.now ?? Date.now)();
    this.floor = options.startTime ?? now - DEFAULT_SINCE_MS;
    this.newest = this.floor;
    this.interval = options.intervalMs ?? 2_000;
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  get currentIntervalMs(): number {
    return this.interval;
  }

  /** Fetch everything new once (all pages); returns the new events, also given to onEvents. */
  async poll(): Promise<TailEvent[]> {
    const o = this.options;
    const lookBack = o.lookBackMs ?? 5_000;
    const floor = this.floor;
    const startTime = Math.max(floor, this.newest - lookBack);
    const fresh: TailEvent[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.client.send(
        new FilterLogEventsCommand({
          logGroupName: o.logGroupName,
          startTime,
          ...(o.logStreamNamePrefix ? { logStreamNamePrefix: o.logStreamNamePrefix } : {}),
          ...(o.filterPattern ? { filterPattern: o.filterPattern } : {}),
          ...(o.pageLimit ? { limit: o.pageLimit } : {}),
          ...(nextToken ? { nextToken } : {}),
        }),
        { abortSignal: this.abort.signal },
      );
      this.requests++;
      for (const e of out.events ?? []) {
        const ev = toTailEvent(e);
        if (!ev || this.seen.has(ev.eventId)) continue;
        if (o.logStreamNamePrefix && !ev.logStreamName.startsWith(o.logStreamNamePrefix)) continue;
        this.seen.set(ev.eventId, ev.timestamp);
        fresh.push(ev);
      }
      nextToken = out.nextToken && out.nextToken !== nextToken ? out.nextToken : undefined;
    } while (nextToken && !this.stopped);
    fresh.sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
    for (const ev of fresh) if (ev.timestamp > this.newest) this.newest = ev.timestamp;
    // Forget ids that are older than any future startTime can return.
    const keepFrom = Math.max(floor, this.newest - lookBack);
    for (const [id, ts] of this.seen) if (ts < keepFrom) this.seen.delete(id);
    if (fresh.length > 0) {
      this.delivered += fresh.length;
      o.onEvents(fresh);
    }
    return fresh;
  }

  /** Poll until stop(); resolves when stopped (or when an error stops it). */
  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    const base = this.options.intervalMs ?? 2_000;
    const max = Math.max(base, this.options.maxIntervalMs ?? 30_000);
    while (!this.stopped) {
      try {
        await this.poll();
        this.interval = base;
      } catch (err) {
        if (this.stopped) break;
        if (isThrottling(err)) {
          this.interval = Math.min(max, this.interval * 2);
          this.options.onThrottle?.(this.interval);
        } else if (!this.options.onError?.(err)) {
          this.abort.abort();
          break;
        }
      }
      await sleep(this.interval, this.abort.signal);
    }
  }

  stop(): void {
    this.abort.abort();
  }
}

function toTailEvent(e: FilteredLogEvent): TailEvent | undefined {
  if (e.timestamp === undefined) return undefined;
  const id = e.eventId ?? `${e.logStreamName}|${e.timestamp}|${e.message}`;
  return {
    eventId: id,
    timestamp: e.timestamp,
    ingestionTime: e.ingestionTime,
    logStreamName: stripControlCharacters(e.logStreamName ?? ''),
    message: stripControlCharacters((e.message ?? '').replace(/\r?\n$/, '')),
  };
}

// Terminal escape sequences (CSI, OSC, and the two-byte ones), then any other C0/C1 control except tab
// and newline. What a process logs is not ours to run in the user's terminal: an OSC can retitle it or
// write to the clipboard, a CSI can clear it or move the cursor over earlier lines, a CR overwrites one.
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]?/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** A log message or stream name without terminal escapes or control characters (tab and newline stay). */
export function stripControlCharacters(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** Log group names, optionally starting with a prefix (for the quick pick). */
export async function listLogGroups(client: CloudWatchLogsClient, prefix?: string, max = 1000): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateDescribeLogGroups({ client }, prefix ? { logGroupNamePrefix: prefix } : {})) {
    for (const g of page.logGroups ?? []) if (g.logGroupName) names.push(g.logGroupName);
    if (names.length >= max) break;
  }
  return names;
}

// ---- formatting -------------------------------------------------------------------------

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const LEVEL_WORDS: Array<[RegExp, LogLevel]> = [
  [/^(fatal|panic|crit(ical)?|emerg(ency)?|alert)$/i, 'fatal'],
  [/^(err(or)?|severe|exception)$/i, 'error'],
  [/^(warn(ing)?)$/i, 'warn'],
  [/^(info|notice|information)$/i, 'info'],
  [/^(debug|dbg|fine)$/i, 'debug'],
  [/^(trace|verbose|finest)$/i, 'trace'],
];

function levelOfWord(word: string): LogLevel | undefined {
  for (const [re, level] of LEVEL_WORDS) if (re.test(word)) return level;
  return undefined;
}

/**
 * Guess the level of a log line: JSON `level`/`severity` fields, `level=warn`, `[ERROR]`, `ERROR:`, `E/`-less plain
 * words.
 */
export function detectLevel(message: string): LogLevel | undefined {
  const m = message.trimStart();
  if (m.startsWith('{')) {
    try {
      const obj = JSON.parse(m) as Record<string, unknown>;
      for (const key of ['level', 'severity', 'lvl', 'log.level', 'levelname', 'loglevel']) {
        const v = obj[key];
        if (typeof v === 'string') return levelOfWord(v);
        if (typeof v === 'number' && key === 'level') {
          // pino / bunyan numeric levels
          return v >= 60
            ? 'fatal'
            : v >= 50
              ? 'error'
              : v >= 40
                ? 'warn'
                : v >= 30
                  ? 'info'
                  : v >= 20
                    ? 'debug'
                    : 'trace';
        }
      }
    } catch {
      // not JSON after all
    }
  }
  const kv = /\b(?:level|lvl|severity)=["']?([A-Za-z]+)/i.exec(m);
  if (kv) return levelOfWord(kv[1]!);
  const head = m.slice(0, 120);
  const bracket = /[[(<]\s*(FATAL|PANIC|CRITICAL|ERROR|ERR|WARN|WARNING|INFO|NOTICE|DEBUG|TRACE)\s*[\])>]/i.exec(head);
  if (bracket) return levelOfWord(bracket[1]!);
  const word = /(?:^|[\s|:])(FATAL|PANIC|CRITICAL|ERROR|WARN|WARNING|INFO|NOTICE|DEBUG|TRACE)(?=[\s:|]|$)/.exec(head);
  if (word) return levelOfWord(word[1]!);
  if (/^(Traceback \(most recent call last\)|Exception in thread|Unhandled|panic:)/.test(m)) return 'error';
  return undefined;
}

export interface FormatOptions {
  /** Show the stream name (default true). */
  stream?: boolean;
  /** Shorten `prefix/container/taskid` stream names to `container/taskid-prefix` (default true). */
  shortStream?: boolean;
  /** `utc` (default) prints ISO-8601 UTC; `local` prints local time without a zone. */
  timeZone?: 'utc' | 'local';
  /** Wrap in ANSI colours by level (for a terminal). */
  color?: boolean;
}

export function shortStreamName(name: string): string {
  // awslogs streams are prefix/container/taskId; the task id's first 8 characters are enough to tell tasks apart.
  const parts = name.split('/');
  if (parts.length === 3 && /^[0-9a-f]{32}$/.test(parts[2]!)) return `${parts[1]}/${parts[2]!.slice(0, 8)}`;
  return name;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function formatTimestamp(ms: number, zone: 'utc' | 'local' = 'utc'): string {
  const d = new Date(ms);
  if (zone === 'utc') return d.toISOString();
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

const ANSI: Record<LogLevel, string> = {
  fatal: '\x1b[1;31m',
  error: '\x1b[31m',
  warn: '\x1b[33m',
  info: '',
  debug: '\x1b[2m',
  trace: '\x1b[2m',
};

export interface FormattedLine {
  text: string;
  level: LogLevel | undefined;
}

export function formatLogEvent(ev: TailEvent, options: FormatOptions = {}): FormattedLine {
  const level = detectLevel(ev.message);
  const ts = formatTimestamp(ev.timestamp, options.timeZone ?? 'utc');
  const stream =
    options.stream === false
      ? ''
      : ` ${options.shortStream === false ? ev.logStreamName : shortStreamName(ev.logStreamName)}`;
  const message = ev.message.replace(/\r?\n$/, '').replace(/\r?\n/g, '\n    ');
  if (!options.color) return { text: `${ts}${stream} ${message}`, level };
  const dim = '\x1b[2m';
  const reset = '\x1b[0m';
  const colour = level ? ANSI[level] : '';
  return { text: `${dim}${ts}${reset}\x1b[36m${stream}${reset} ${colour}${message}${colour ? reset : ''}`, level };
}
