import type { Language, ParseProblem } from '../../engine/types';
import { syntaxRule } from '../syntax-rule';

/**
 * A first Nix model: the balance of brackets, strings and comments. The full parser replaces it;
 * until then this catches the errors people make most (an unclosed `{`, `''` or `"`).
 */
export interface NixModel { problems: ParseProblem[] }

const CLOSE: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

export function scanNix(text: string): NixModel {
  const problems: ParseProblem[] = [];
  const stack: { ch: string; at: number }[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && problems.length === 0) {
    const c = text[i];
    if (c === '#') { while (i < n && text[i] !== '\n') i++; continue; }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) { problems.push({ start: i, end: i + 2, message: 'unterminated comment' }); break; }
      i = end + 2; continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= n) { problems.push({ start: i, end: i + 1, message: 'unterminated string' }); break; }
      i = j + 1; continue;
    }
    if (c === "'" && text[i + 1] === "'") {
      let j = i + 2;
      for (;;) {
        const k = text.indexOf("''", j);
        if (k < 0) { j = -1; break; }
        if (text[k + 2] === "'" || text[k + 2] === '$' || text[k + 2] === '\\') { j = k + 3; continue; }
        j = k; break;
      }
      if (j < 0) { problems.push({ start: i, end: i + 2, message: "unterminated indented string ''" }); break; }
      i = j + 2; continue;
    }
    if (c in CLOSE) stack.push({ ch: c, at: i });
    else if (c === '}' || c === ']' || c === ')') {
      const top = stack.pop();
      if (!top || CLOSE[top.ch] !== c) { problems.push({ start: i, end: i + 1, message: `unexpected '${c}'` }); break; }
    }
    i++;
  }
  if (problems.length === 0 && stack.length) {
    const top = stack[stack.length - 1];
    problems.push({ start: top.at, end: top.at + 1, message: `'${top.ch}' is never closed` });
  }
  return { problems };
}

export const language: Language<NixModel> = {
  kind: 'nix',
  lineComment: '#',
  parse: (text) => scanNix(text),
  rules: [syntaxRule('NX000', 'nix', 'Nix', { incorrect: '{ pkgs }: pkgs.mkShell {\n  buildInputs = [ pkgs.nodejs ];\n', correct: '{ pkgs }: pkgs.mkShell {\n  buildInputs = [ pkgs.nodejs ];\n}\n' })],
};
