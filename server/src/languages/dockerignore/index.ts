/** The .dockerignore language: pattern checks against the sibling Dockerfile, completions, hovers. */
import type { Completion, FeatureContext, HoverResult, Language } from '../../engine/types';
import { parseDockerignore, type DockerignoreModel } from './patterns';
import { rules } from './rules';
import { factsOfFile } from './facts';
import { definition, format, symbols } from './editor';

export type { DockerignoreModel };

const COMMON: [string, string][] = [
  ['.git', 'The Git history: large, and may hold secrets from old commits.'],
  ['.gitignore', 'Git configuration, not needed in the image.'],
  ['.env', 'Local environment files, often with credentials.'],
  ['.env.*', 'Other local environment files (`.env.local`, `.env.production`).'],
  ['node_modules', 'Dependencies installed on the host, possibly for another OS; install them in the image.'],
  ['npm-debug.log*', 'npm debug logs.'],
  ['**/__pycache__', 'Python byte-code caches.'],
  ['**/*.pyc', 'Python byte-code files.'],
  ['.venv', 'A local Python virtual environment.'],
  ['dist', 'Build output from the host (build it in the image instead).'],
  ['build', 'Build output from the host.'],
  ['target', 'Maven/Cargo build output.'],
  ['coverage', 'Test coverage reports.'],
  ['*.log', 'Log files.'],
  ['.DS_Store', 'macOS folder metadata.'],
  ['.vscode', 'Editor settings.'],
  ['.idea', 'JetBrains IDE settings.'],
  ['Dockerfile*', 'Dockerfiles (Docker still reads the one it builds).'],
  ['.dockerignore', 'This file (Docker still reads it).'],
  ['docker-compose*.yml', 'Compose files.'],
  ['**/*.md', 'Documentation.'],
  ['!README.md', 'Re-include a file excluded by an earlier pattern.'],
];

function complete(ctx: FeatureContext<DockerignoreModel>, offset: number): Completion[] {
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = ctx.text.slice(lineStart, offset);
  if (prefix.trimStart().startsWith('#')) return [];
  const present = new Set(ctx.model.patterns.map((p) => (p.negated ? '!' : '') + p.text));
  return COMMON.filter(([e]) => !present.has(e) && e.startsWith(prefix.trim())).map(([label, doc], k) => ({
    label,
    kind: 'file',
    documentation: doc,
    sortText: String(k).padStart(3, '0'),
  }));
}

/** Explains a pattern in words. */
export function explainPattern(raw: string): string {
  const negated = raw.startsWith('!');
  const p = negated ? raw.slice(1).trim() : raw;
  const parts: string[] = [];
  parts.push(
    negated ? '**Re-includes** paths that an earlier pattern excluded:' : '**Excludes** from the build context:',
  );
  const anyDepth = p.startsWith('**/');
  const body = anyDepth ? p.slice(3) : p;
  let what = body.replace(/\*\*/g, '⟨any path⟩').replace(/\*/g, '⟨anything but /⟩').replace(/\?/g, '⟨one character⟩');
  what = '`' + what + '`';
  parts.push(
    anyDepth
      ? `${what} in any folder.`
      : `${what}, relative to the context root (a leading \`/\` or \`./\` changes nothing).`,
  );
  if (!/[*?[]/.test(body.split('/').pop() ?? ''))
    parts.push('A folder that matches is excluded with everything in it.');
  if (!anyDepth && !p.includes('/') && /[*?]/.test(p))
    parts.push('Only at the top level: write `**/' + p + '` for every folder.');
  parts.push('The last pattern that matches a path decides.');
  return parts.join('\n\n');
}

function hover(ctx: FeatureContext<DockerignoreModel>, offset: number): HoverResult | undefined {
  const p = ctx.model.patterns.find((x) => offset >= x.start && offset <= x.end);
  if (!p) return undefined;
  return {
    markdown: explainPattern(ctx.text.slice(p.start, p.end)),
    span: { start: p.start, end: p.end },
  };
}

export const language: Language<DockerignoreModel> = {
  kind: 'dockerignore',
  lineComment: '#',
  parse: (text) => parseDockerignore(text),
  rules,
  facts: factsOfFile,
  complete,
  hover,
  symbols,
  definition,
  format,
};
