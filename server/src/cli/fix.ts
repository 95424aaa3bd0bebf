import type { Finding, Fix, OffsetEdit } from '../engine/types';

export type FixMode = 'safe' | 'unsafe';

/** At most this many passes of fix, re-check (as eslint): a fix that enables another is applied too. */
export const MAX_PASSES = 10;

/** A fix the CLI can apply by itself: plain edits in this file (no snippet placeholders, no other file). */
function applicable(fix: Fix | undefined, length: number): fix is Fix {
  if (!fix || fix.snippet || fix.otherFiles?.length || !fix.edits.length) return false;
  return fix.edits.every((e) => 0 <= e.start && e.start <= e.end && e.end <= length);
}

/**
 * The fix to apply for a finding: its safe fix; with 'unsafe', also its fix or suggestion when it
 * has exactly one (several suggestions are a choice for a person to make).
 */
export function fixToApply(f: Finding, mode: FixMode, length: number): Fix | undefined {
  if (f.fix?.safe && applicable(f.fix, length)) return f.fix;
  if (mode !== 'unsafe') return undefined;
  const options = [f.fix, ...(f.suggestions ?? [])].filter((x): x is Fix => !!x);
  return options.length === 1 && applicable(options[0], length) ? options[0] : undefined;
}

const overlap = (a: OffsetEdit, b: OffsetEdit) =>
  (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));

/**
 * The edits of one pass: each finding's fix whole or not at all, in finding order, skipping those
 * that touch what an earlier one changes (the next pass sees them again).
 */
export function chooseEdits(
  findings: Finding[],
  mode: FixMode,
  length: number,
): { edits: OffsetEdit[]; fixes: number; applied: Finding[] } {
  const chosen: OffsetEdit[] = [];
  const applied: Finding[] = [];
  let fixes = 0;
  for (const f of findings) {
    const fix = fixToApply(f, mode, length);
    if (!fix) continue;
    const edits = fix.edits;
    if (edits.some((e, i) => edits.some((o, j) => j < i && overlap(e, o)))) continue;
    if (edits.some((e) => chosen.some((c) => overlap(e, c)))) continue;
    chosen.push(...edits);
    applied.push(f);
    fixes++;
  }
  return { edits: chosen.sort((a, b) => a.start - b.start), fixes, applied };
}

export interface FixOutcome<R> {
  text: string;
  /** The check of the final text. */
  result: R;
  /** Fixes applied, over every pass. */
  fixes: number;
  /** The findings whose fix the first pass applied. */
  firstPass: Finding[];
  /** Still something to fix after MAX_PASSES passes. */
  unstable: boolean;
}

/**
 * Fix, check again, and again while a pass changes something (at most MAX_PASSES), as eslint
 * does: a fix may uncover another, and two fixes that touched were left for a later pass.
 */
export function fixLoop<R extends { findings: Finding[] }>(
  text: string,
  mode: FixMode,
  check: (text: string) => R,
  first: R = check(text),
): FixOutcome<R> {
  let result = first;
  let fixes = 0;
  let firstPass: Finding[] = [];
  for (let pass = 0; ; pass++) {
    const chosen = chooseEdits(result.findings, mode, text.length);
    if (!chosen.edits.length) return { text, result, fixes, firstPass, unstable: false };
    if (pass === MAX_PASSES) return { text, result, fixes, firstPass, unstable: true };
    if (pass === 0) firstPass = chosen.applied;
    text = applyEdits(text, chosen.edits);
    fixes += chosen.fixes;
    result = check(text);
  }
}

/** Applies non-overlapping edits. */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

// --- unified diff ------------------------------------------------------------------------------

function splitLines(text: string): string[] {
  if (!text) return [];
  const lines = text.split('\n').map((l, i, all) => (i < all.length - 1 ? l + '\n' : l));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

type Op = { op: ' ' | '-' | '+'; line: string };

/** Myers' O((N+M)·D) line diff of the part that differs, after the common head and tail are set aside. */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const middle = myers(x, y);
  return [
    ...a.slice(0, head).map((line): Op => ({ op: ' ', line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ op: ' ', line })),
  ];
}

/** Past this many differences the middle is shown as removed then added (a rewrite, not a fix). */
const MAX_D = 2000;

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_D);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let xPos =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let yPos = xPos - k;
      while (xPos < n && yPos < m && a[xPos] === b[yPos]) {
        xPos++;
        yPos++;
      }
      v[offset + k] = xPos;
      if (xPos >= n && yPos >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [...a.map((line): Op => ({ op: '-', line })), ...b.map((line): Op => ({ op: '+', line }))];
  // walk back through the saved frontiers
  const ops: Op[] = [];
  let xPos = n;
  let yPos = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d];
    const k = xPos - yPos;
    const down = k === -d || (k !== d && prev[offset + k - 1] < prev[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK];
    const prevY = prevX - prevK;
    while (xPos > prevX && yPos > prevY) {
      ops.push({ op: ' ', line: a[--xPos] });
      yPos--;
    }
    if (down) ops.push({ op: '+', line: b[--yPos] });
    else ops.push({ op: '-', line: a[--xPos] });
  }
  while (xPos > 0 && yPos > 0) {
    ops.push({ op: ' ', line: a[--xPos] });
    yPos--;
  }
  return ops.reverse();
}

/** A unified diff (git's format, 3 lines of context) from `before` to `after`; '' when they are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const name = path.split('\\').join('/');
  let out = `--- a/${name}\n+++ b/${name}\n`;
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].op === ' ') i++;
    if (i >= ops.length) break;
    // a hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2·context unchanged lines from the previous one
    const start = Math.max(0, i - context);
    let end = i;
    for (let j = i, same = 0; j < ops.length; j++) {
      if (ops[j].op === ' ') {
        if (++same > 2 * context) break;
      } else {
        same = 0;
        end = j;
      }
    }
    const stop = Math.min(ops.length, end + 1 + context);
    let aLine = 1;
    let bLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j].op !== '+') aLine++;
      if (ops[j].op !== '-') bLine++;
    }
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((o) => o.op !== '+').length;
    const bCount = hunk.filter((o) => o.op !== '-').length;
    out += `@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@\n`;
    for (const o of hunk) {
      out += o.op + o.line;
      if (!o.line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    }
    i = stop;
  }
  return out;
}

function range(line: number, count: number): string {
  if (count === 0) return `${line - 1},0`;
  return count === 1 ? `${line}` : `${line},${count}`;
}
