/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, nested defaults, and `$$` for a
 * literal dollar sign.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { ComposeModel } from './parse';
import type { YNode } from '../../yaml/view';

export interface VarUse {
  name: string;
  start: number;
  end: number;
  hasDefault: boolean;
  braced: boolean;
}
export interface TemplateError {
  start: number;
  end: number;
  message: string;
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Scans one string; offsets are within the string. */
export function scanTemplate(s: string): { vars: VarUse[]; errors: TemplateError[] } {
  const vars: VarUse[] = [];
  const errors: TemplateError[] = [];
  const scan = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      const d = s.indexOf('$', i);
      if (d < 0 || d >= to) return;
      const next = s[d + 1];
      if (next === '$') {
        i = d + 2;
        continue;
      }
      if (next === '{') {
        const close = matchBrace(s, d + 1, to);
        if (close < 0) {
          errors.push({ start: d, end: to, message: '"${" is never closed with "}"' });
          return;
        }
        const inner = s.slice(d + 2, close);
        const m = NAME.exec(inner);
        if (!m)
          errors.push({
            start: d,
            end: close + 1,
            message:
              inner === ''
                ? '"${}" names no variable'
                : `"${inner.split(/[:?+-]/)[0] || inner}" is not a variable name ` +
                  `(letters, digits and _, not starting with a digit)`,
          });
        else {
          const rest = inner.slice(m[0].length);
          const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest);
          if (rest && !op)
            errors.push({
              start: d,
              end: close + 1,
              message: `"${rest.slice(0, 2)}" is not an interpolation operator (use :-, -, :?, ?, :+ or +)`,
            });
          else {
            vars.push({ name: m[0], start: d + 2, end: d + 2 + m[0].length, hasDefault: !!op, braced: true });
            if (op) scan(d + 2 + m[0].length + op[0].length, close);
          }
        }
        i = close + 1;
        continue;
      }
      const m = NAME.exec(s.slice(d + 1));
      if (m) vars.push({ name: m[0], start: d + 1, end: d + 1 + m[0].length, hasDefault: false, braced: false });
      i = d + 1 + (m ? m[0].length : 0);
    }
  };
  scan(0, s.length);
  return { vars, errors };
}

function matchBrace(s: string, open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    if (s[i] === '$' && s[i + 1] === '$') {
      i++;
      continue;
    }
    if (s[i] === '{') depth++;
    else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export interface TemplateScalar {
  node: YNode;
  value: string /** text offset of value[0], or undefined when escapes make offsets unreliable */;
  base: number | undefined;
}

/** Every string value in the file that Compose interpolates (keys are not interpolated). */
export function templateScalars(model: ComposeModel): TemplateScalar[] {
  const out: TemplateScalar[] = [];
  const walk = (node: any, depth: number) => {
    if (!node || depth > 100) return;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.value.includes('$'))
        out.push({ node, value: node.value, base: baseOffset(model.text, node) });
    } else if (isMap(node)) {
      for (const p of node.items) if (isPair(p)) walk(p.value, depth + 1);
    } else if (isSeq(node)) for (const i of node.items) walk(i, depth + 1);
  };
  walk(model.root, 0);
  return out;
}

/** Where the value's characters start in the text, when the source maps 1:1 onto the value. */
function baseOffset(text: string, node: any): number | undefined {
  const [start, end] = node.range ?? [0, 0];
  const src = text.slice(start, end);
  if (node.type === 'PLAIN' && src === node.value) return start;
  if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && src.slice(1, -1) === node.value)
    return start + 1;
  return undefined;
}
