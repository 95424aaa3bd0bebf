// What the README says about the editor matches the code: the table of editor features per kind is the
// language registry's, and the commands of its opening exist.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { it } from 'node:test';
import type { Language } from '../../server/src/engine/types';
import { languages } from '../../server/src/links';
import { REPO_ROOT } from '../helpers/context';
import { LspClient } from '../helpers/lsp-client';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const KIND_NAMES: Record<string, string> = {
  dockerfile: 'Dockerfile',
  dockerignore: '.dockerignore',
  compose: 'compose',
  workflow: 'workflow',
  taskdef: 'task definition',
  flake: 'flake',
  nix: 'Nix',
};
/** Each column of the table: whether a language has it, and the server capability that announces it. */
const COLUMNS: [string, (l: Language) => boolean, string][] = [
  ['completions', (l) => !!l.complete, 'completionProvider'],
  ['hover', (l) => !!l.hover, 'hoverProvider'],
  ['document symbols', (l) => !!l.symbols, 'documentSymbolProvider'],
  ['go to definition', (l) => !!l.definition, 'definitionProvider'],
  ['references', (l) => !!l.references, 'referencesProvider'],
  ['rename', (l) => !!l.rename, 'renameProvider'],
  ['formatting', (l) => !!l.format, 'documentFormattingProvider'],
  // rule codes in ignore comments link to their pages in every kind with comments
  ['document links', (l) => !!l.documentLinks || !!l.lineComment, 'documentLinkProvider'],
  ['semantic tokens', (l) => !!l.semanticTokens, 'semanticTokensProvider'],
  ['inlay hints', (l) => !!l.inlayHints, 'inlayHintProvider'],
];
const HEADER = `| kind | ${COLUMNS.map((c) => c[0]).join(' | ')} |`;

it("the README's table of editor features per kind is what each language provides", () => {
  const want = languages.map((l) => {
    const cells = COLUMNS.map(([, has]) => (has(l) ? 'yes' : '—'));
    return `| ${KIND_NAMES[l.kind] ?? l.kind} | ${cells.join(' | ')} |`;
  });
  const header = HEADER;
  const at = readme.indexOf(header);
  assert.ok(at >= 0, 'the table is in the README');
  const rows = readme
    .slice(at)
    .split('\n')
    .slice(2)
    .filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')));
  assert.deepEqual(rows, want);
  assert.doesNotMatch(readme, /go to definition work in every kind/);
});

it("the server announces every feature of the README's table (dist/server.js over stdio)", async () => {
  assert.ok(readme.includes(HEADER), 'the table is in the README');
  const client = new LspClient();
  try {
    const r = await client.initialize(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-readme-')));
    for (const [column, , capability] of COLUMNS)
      assert.ok((r.capabilities as Record<string, unknown>)[capability], `${column}: the server has ${capability}`);
    assert.ok(r.capabilities.documentHighlightProvider, 'document highlights come with references');
    assert.ok(r.capabilities.documentRangeFormattingProvider, 'range formatting comes with formatting');
  } finally {
    await client.stop();
  }
});

it('the npm scripts the README names exist', () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  for (const m of readme.matchAll(/(?:^|`|&& )npm (?:run )?([a-z0-9:-]+)/gm)) {
    if (['ci', 'install', 'run', 'pack', 'exec'].includes(m[1]!)) continue; // npm's own commands
    assert.ok(scripts[m[1]!], `npm ${m[1]} (in the README) is a script of package.json`);
  }
});
