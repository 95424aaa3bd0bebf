// Where a whole-file snippet (a Dockerfile, a compose file, a workflow, a task definition, a flake…) makes
// sense: in a document that is empty but for the prefix being typed and comments, or, in the line-based
// formats (YAML, Dockerfile), at the top level: the prefix starts a line that no value or instruction
// continues. Never inside a value (a workflow's `target:`, a JSON string, a RUN line). No `vscode` import.

export type SnippetFormat = 'dockerfile' | 'dockerignore' | 'yaml' | 'json' | 'nix';

/** The snippet files, the language ids each is offered in, and their format. */
export const SNIPPET_FILES: Array<{ file: string; languages: string[]; format: SnippetFormat }> = [
  { file: 'dockerfile.json', languages: ['dockerfile'], format: 'dockerfile' },
  { file: 'dockerignore.json', languages: ['dockerignore', 'ignore'], format: 'dockerignore' },
  { file: 'compose.json', languages: ['yaml', 'dockercompose'], format: 'yaml' },
  { file: 'workflow.json', languages: ['yaml', 'github-actions-workflow'], format: 'yaml' },
  { file: 'appspec.json', languages: ['yaml'], format: 'yaml' },
  { file: 'taskdef.json', languages: ['json', 'jsonc'], format: 'json' },
  { file: 'nix.json', languages: ['nix'], format: 'nix' },
];

/** The prefix being typed at `offset`: the run of word characters and dashes before it. */
export function wordBefore(text: string, offset: number): { start: number; word: string } {
  const m = /[\w-]*$/.exec(text.slice(Math.max(0, offset - 100), offset));
  const word = m ? m[0] : '';
  return { start: offset - word.length, word };
}

function withoutComments(text: string, format: SnippetFormat): string {
  if (format === 'json') return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const hashed = text.replace(/^\s*#.*$/gm, '');
  return format === 'nix' ? hashed.replace(/\/\*[\s\S]*?\*\//g, '') : hashed;
}

/** Whether a whole-file snippet may be offered at `offset` of `text`. */
export function wholeFileFits(text: string, offset: number, format: SnippetFormat): boolean {
  const { start } = wordBefore(text, offset);
  const rest = text.slice(0, start) + text.slice(offset);
  if (withoutComments(rest, format).trim() === '') return true;
  if (format !== 'yaml' && format !== 'dockerfile') return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start !== lineStart) return false; // indented, or after a key or an instruction on the same line
  if (format === 'dockerfile') {
    // Not on a line that continues the instruction before it (`RUN a \`).
    const before = text.slice(0, lineStart).replace(/\r?\n$/, '');
    const previous = before.slice(before.lastIndexOf('\n') + 1);
    return !/\\\s*$/.test(previous);
  }
  // YAML: a line at column 0 is a top-level key, except inside a flow collection left open above.
  const before = text.slice(0, lineStart);
  const opens = (before.match(/[[{]/g) ?? []).length;
  const closes = (before.match(/[\]}]/g) ?? []).length;
  return opens <= closes;
}

/**
 * Which YAML snippet files suit a file by its path: a compose file gets the compose snippets, a workflow
 * the workflow ones, an appspec the appspec one; a YAML file that is none of these (or untitled) gets all.
 */
export function yamlSnippetFilesFor(path: string): string[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^(docker-)?compose[^/]*\.ya?ml$/.test(name)) return ['compose.json'];
  if (/\/\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return ['workflow.json'];
  if (/^appspec\.ya?ml$/.test(name)) return ['appspec.json'];
  return ['compose.json', 'workflow.json', 'appspec.json'];
}
