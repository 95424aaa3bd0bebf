import type { Language, Rule } from '../../engine/types';

export interface IgnorePattern { text: string; start: number; end: number; negated: boolean }
export interface DockerignoreModel { patterns: IgnorePattern[] }

/** Why a pattern is not valid Go filepath.Match syntax (what Docker uses), or undefined. */
export function patternError(pattern: string): string | undefined {
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') { if (i + 1 >= pattern.length) return 'ends with an unfinished escape "\\"'; i += 2; continue; }
    if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^' || pattern[j] === '!') j++;
      if (pattern[j] === ']') return 'has an empty character class "[]"';
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      if (j >= pattern.length) return 'has a "[" that is never closed';
      i = j + 1;
      continue;
    }
    i++;
  }
  return undefined;
}

const badPattern: Rule<DockerignoreModel> = {
  meta: {
    code: 'DI001', id: 'invalid-pattern', kinds: ['dockerignore'], defaultSeverity: 'error', fixable: false,
    description: 'A pattern is not valid glob syntax.',
    messages: { invalid: 'The pattern "{{pattern}}" {{reason}}; Docker rejects it.' },
    docs: {
      rationale: 'Docker matches .dockerignore lines with Go\'s `filepath.Match` syntax. A malformed pattern makes `docker build` fail with "syntax error in pattern" before it sends the context.',
      incorrect: 'node_modules\nlogs/[0-9.log', correct: 'node_modules\nlogs/[0-9]*.log',
    },
  },
  check(ctx) {
    for (const p of ctx.model.patterns) {
      const reason = patternError(p.text);
      if (reason) ctx.report({ start: p.start, end: p.end, messageId: 'invalid', data: { pattern: p.text, reason } });
    }
  },
};

export const language: Language<DockerignoreModel> = {
  kind: 'dockerignore',
  lineComment: '#',
  parse(text) {
    const patterns: IgnorePattern[] = [];
    const re = /[^\r\n]*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed && !trimmed.startsWith('#')) {
        const negated = trimmed.startsWith('!');
        const body = negated ? trimmed.slice(1).trim() : trimmed;
        patterns.push({ text: body, start: m.index + lead, end: m.index + lead + trimmed.length, negated });
      }
      re.lastIndex = m.index + raw.length + 1;
      if (m.index + raw.length >= text.length) break;
    }
    return { patterns };
  },
  rules: [badPattern],
};
