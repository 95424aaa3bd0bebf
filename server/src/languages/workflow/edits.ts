/** Text helpers for building fixes on workflow YAML. */
import type { Document } from 'yaml';
import type { OffsetEdit } from '../../engine/types';
import { entries, nodeRange, type YMap } from '../../yaml/view';
import type { Str } from './parse';

export function lineStartOf(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  return i + 1;
}
export function lineEndOf(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The source range of a scalar's content (inside quotes). */
export function contentRange(text: string, s: Str): [number, number] {
  const c = text[s.start];
  if ((c === '"' || c === "'") && s.end - s.start >= 2) return [s.start + 1, s.end - 1];
  return [s.start, s.end];
}

/** Deletes the lines a block-mapping entry occupies (key line through the end of its value). */
export function deleteEntryLines(text: string, keyStart: number, valueNode: unknown): OffsetEdit | undefined {
  const ls = lineStartOf(text, keyStart);
  if (text.slice(ls, keyStart).trim() !== '' && text.slice(ls, keyStart).trim() !== '-') return undefined;
  const [, ve] = valueNode ? nodeRange(valueNode) : [0, keyStart];
  let end = lineEndOf(text, Math.max(ve - 1, keyStart));
  if (end < text.length) end++;
  return { start: ls, end, newText: '' };
}

/**
 * An edit that adds `key: value` lines to a block mapping (after its last entry, same indentation),
 * or undefined when the mapping is written in flow style.
 */
export function appendToBlockMap(doc: Document, text: string, map: YMap, lines: string[]): OffsetEdit | undefined {
  if (map.flow) return undefined;
  const es = entries(map, doc, false);
  if (!es.length) return undefined;
  const first = es[0];
  const indent = ' '.repeat(columnOf(text, first.keyStart));
  const last = es[es.length - 1];
  const [, ve] = last.value ? nodeRange(last.value) : [0, last.keyEnd];
  let at = lineEndOf(text, Math.max(ve - 1, last.keyEnd));
  // Block scalars end after their trailing newline; step back to the line's end.
  if (text[at - 1] === '\n') at--;
  return { start: at, end: at, newText: lines.map((l) => `\n${indent}${l}`).join('') };
}

/** The line break used by the text. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
