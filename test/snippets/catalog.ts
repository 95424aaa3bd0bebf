// Every snippet shipped in snippets/*.json, with the language ids it is contributed for and a
// file path to check its expansion under (so the service detects the right document kind).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandSnippet } from './expand';

export interface SnippetFileInfo {
  file: string;
  /** Language ids the file is offered in (client/src/snippets/where.ts). */
  languages: string[];
  /** Where to put an expansion for checking (document kind by path). */
  checkPath: (prefix: string) => string;
  format: 'dockerfile' | 'dockerignore' | 'yaml' | 'json' | 'nix';
}

export const SNIPPET_FILES: SnippetFileInfo[] = [
  { file: 'dockerfile.json', languages: ['dockerfile'], checkPath: () => 'Dockerfile', format: 'dockerfile' },
  {
    file: 'dockerignore.json',
    languages: ['dockerignore', 'ignore'],
    checkPath: () => '.dockerignore',
    format: 'dockerignore',
  },
  { file: 'compose.json', languages: ['yaml', 'dockercompose'], checkPath: () => 'compose.yaml', format: 'yaml' },
  {
    file: 'workflow.json',
    languages: ['yaml', 'github-actions-workflow'],
    checkPath: (p) => `.github/workflows/${p}.yml`,
    format: 'yaml',
  },
  { file: 'appspec.json', languages: ['yaml'], checkPath: () => 'appspec.yaml', format: 'yaml' },
  {
    file: 'taskdef.json',
    languages: ['json', 'jsonc'],
    checkPath: (p) => (p.startsWith('ecs-taskdef') ? 'task-definition.json' : 'ecs-service.json'),
    format: 'json',
  },
  { file: 'nix.json', languages: ['nix'], checkPath: () => 'flake.nix', format: 'nix' },
];

export interface SnippetEntry {
  file: string;
  name: string;
  prefix: string;
  description: string;
  body: string[];
  format: SnippetFileInfo['format'];
  /** Relative path to check the expansion under. */
  checkPath: string;
  /** The text inserted when every default is accepted. */
  expanded: string;
}

export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

export function loadSnippets(root = repoRoot()): SnippetEntry[] {
  const out: SnippetEntry[] = [];
  for (const info of SNIPPET_FILES) {
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'snippets', info.file), 'utf8')) as Record<
      string,
      { prefix: string; description: string; body: string[] | string }
    >;
    for (const [name, s] of Object.entries(raw)) {
      const body = Array.isArray(s.body) ? s.body : [s.body];
      out.push({
        file: info.file,
        name,
        prefix: s.prefix,
        description: s.description,
        body,
        format: info.format,
        checkPath: info.checkPath(s.prefix),
        expanded: expandSnippet(body),
      });
    }
  }
  return out;
}
