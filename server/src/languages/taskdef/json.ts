/** Small helpers over jsonc-parser nodes: lookups, values, and edits that keep JSON valid. */
import type { Node } from 'jsonc-parser';
import type { OffsetEdit } from '../../engine/types';

export function propNode(obj: Node | undefined, key: string): Node | undefined {
  if (obj?.type !== 'object') return undefined;
  // The last duplicate wins, as in JSON.parse.
  let found: Node | undefined;
  for (const p of obj.children ?? []) if (p.children?.[0]?.value === key) found = p;
  return found;
}

/** The value node of `obj[key]`. */
export function get(obj: Node | undefined, key: string): Node | undefined {
  return propNode(obj, key)?.children?.[1];
}

export function getPath(obj: Node | undefined, ...keys: string[]): Node | undefined {
  let n = obj;
  for (const k of keys) n = get(n, k);
  return n;
}

export function keyOf(prop: Node): string {
  return String(prop.children?.[0]?.value ?? '');
}
export function keyNode(prop: Node): Node {
  return prop.children![0];
}
export function valueNode(prop: Node): Node | undefined {
  return prop.children?.[1];
}

export function props(obj: Node | undefined): Node[] {
  return obj?.type === 'object' ? (obj.children ?? []).filter((p) => p.children?.length) : [];
}
export function items(arr: Node | undefined): Node[] {
  return arr?.type === 'array' ? (arr.children ?? []) : [];
}

export function str(n: Node | undefined): string | undefined {
  return n?.type === 'string' ? (n.value as string) : undefined;
}
export function num(n: Node | undefined): number | undefined {
  return n?.type === 'number' ? (n.value as number) : undefined;
}
export function bool(n: Node | undefined): boolean | undefined {
  return n?.type === 'boolean' ? (n.value as boolean) : undefined;
}

export function end(n: Node): number {
  return n.offset + n.length;
}

/** `${VAR}`, `<PLACEHOLDER>`, `{{ expr }}` or `#{Var}`: a value filled in before registration. */
const TEMPLATE = /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|<[A-Za-z0-9_.:\- ]+>|\{\{[^}]*\}\}|#\{[^}]*\}/;
export function isTemplated(s: string | undefined): boolean {
  return s !== undefined && TEMPLATE.test(s);
}
/** A node whose value is (or contains) a template placeholder, so its final value is unknown. */
export function templatedNode(n: Node | undefined): boolean {
  return n?.type === 'string' && isTemplated(n.value as string);
}

function lineIndent(text: string, offset: number): string {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  const m = /^[ \t]*/.exec(text.slice(s, offset));
  return m ? m[0] : '';
}

function indentUnit(text: string): string {
  let best: string | undefined;
  for (const m of text.matchAll(/\n([ \t]+)\S/g)) if (best === undefined || m[1].length < best.length) best = m[1];
  return best ?? '  ';
}

/** An edit adding `"key": valueJson` as the last member of `obj`. */
export function insertProp(text: string, obj: Node, key: string, valueJson: string): OffsetEdit {
  const members = props(obj);
  if (members.length) {
    const last = members[members.length - 1];
    const sameLine = !/[\r\n]/.test(text.slice(obj.offset, last.offset));
    if (sameLine) return { start: end(last), end: end(last), newText: `, ${JSON.stringify(key)}: ${valueJson}` };
    return {
      start: end(last),
      end: end(last),
      newText: `,\n${lineIndent(text, last.offset)}${JSON.stringify(key)}: ${valueJson}`,
    };
  }
  const outer = lineIndent(text, obj.offset);
  return {
    start: obj.offset + 1,
    end: end(obj) - 1,
    newText: `\n${outer}${indentUnit(text)}${JSON.stringify(key)}: ${valueJson}\n${outer}`,
  };
}

/**
 * Edits removing the given members of `obj` with their commas: one piece per member, so each
 * finding can carry its own fix, and all pieces together never overlap (they only touch).
 */
export function removalPieces(obj: Node, remove: Node[]): Map<Node, OffsetEdit> {
  const members = props(obj);
  const gone = new Set(remove);
  const pieces = new Map<Node, OffsetEdit>();
  let i = 0;
  while (i < members.length) {
    if (!gone.has(members[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < members.length && gone.has(members[j + 1])) j++;
    for (let k = i; k <= j; k++) {
      const m = members[k];
      if (j + 1 < members.length) pieces.set(m, { start: m.offset, end: members[k + 1].offset, newText: '' });
      else if (i > 0) pieces.set(m, { start: end(members[k - 1]), end: end(m), newText: '' });
      else
        pieces.set(m, {
          start: k === 0 ? obj.offset + 1 : m.offset,
          end: k === j ? end(obj) - 1 : members[k + 1].offset,
          newText: '',
        });
    }
    i = j + 1;
  }
  return pieces;
}

export function removeProps(obj: Node, remove: Node[]): OffsetEdit[] {
  return [...removalPieces(obj, remove).values()];
}

export function replaceNode(n: Node, newText: string): OffsetEdit {
  return { start: n.offset, end: end(n), newText };
}
