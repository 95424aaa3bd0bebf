// Every snippet the extension contributes, inserted into a file of its kind, lints clean (no error
// or warning from Shipshape). One test per snippet, generated from the installed extension's
// snippets/ folder (the extension offers them through its completion provider); until there are
// snippets there is one pending test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  closeAll,
  completions,
  create,
  label,
  describe as describeDiagnostics,
  remove,
  setText,
  shipshapeDiagnostics,
  waitForDiagnostics,
} from './helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** Where a snippet of each kind is tried, and a broken text the server reports at once. */
const KINDS: Record<string, { file: string; broken: string; siblings?: Record<string, string> }> = {
  dockerfile: { file: 'Dockerfile', broken: 'FROMM alpine\n' },
  dockerignore: { file: '.dockerignore', broken: 'logs/[0-9.log\n' },
  // A compose snippet that builds `.` (target `production`) needs the Dockerfile a real project has beside it.
  compose: {
    file: 'compose.yaml',
    broken: 'services:\n  a:\n    image: "x\n',
    siblings: {
      Dockerfile:
        'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\n\nFROM ' +
        'node:20-alpine AS production\nCOPY --from=build /app /app\n',
    },
  },
  workflow: { file: '.github/workflows/snippet.yml', broken: 'on: push\njobs:\n  a:\n    runs-on: [x\n' },
  // No name hint: a task definition is recognised by its content, so a snippet for another ECS file
  // (a service definition) is not checked as one.
  taskdef: { file: 'ecs/snippet.json', broken: '{ "containerDefinitions": [,] }\n' },
  flake: { file: 'flake.nix', broken: '{\n' },
  nix: { file: 'snippet.nix', broken: '{\n' },
};

/** The kind of a contributed snippets file: its base name (snippets/compose.json) or its language. */
function kindOf(entry: { language: string; path: string }): string | undefined {
  const base = path.basename(entry.path).replace(/\.(code-snippets|json)$/, '');
  return KINDS[base] ? base : KINDS[entry.language] ? entry.language : undefined;
}

const ext = vscode.extensions.all.find((e) => e.id.toLowerCase() === 'shipshape.shipshape');
// The snippets ship in snippets/*.json and are offered by the extension's completion provider.
const snippetDir = ext ? path.join(ext.extensionPath, 'snippets') : '';
const entries: { language: string; path: string }[] = snippetDir
  ? fs.readdirSync(snippetDir).map((f) => ({ language: '', path: `./snippets/${f}` }))
  : [];
const cases: { kind: string; name: string; body: string }[] = [];
const seen = new Set<string>();
const notOurs: string[] = [];
for (const entry of entries) {
  if (seen.has(entry.path)) continue; // the same file contributed for several language ids
  seen.add(entry.path);
  const kind = kindOf(entry);
  if (!kind) {
    notOurs.push(entry.path); // snippets for files Shipshape does not check (e.g. a CodeDeploy appspec)
    continue;
  }
  const file = path.join(ext!.extensionPath, entry.path);
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, Snippet>;
  for (const [name, s] of Object.entries(snippets))
    cases.push({ kind, name, body: Array.isArray(s.body) ? s.body.join('\n') : s.body });
}

describe('snippets', () => {
  afterEach(closeAll);

  if (cases.length === 0) {
    it('PENDING(snippets): every contributed snippet lints clean (no snippet is contributed yet)');
    return;
  }

  for (const p of notOurs) it(`PENDING(no Shipshape kind): snippets in ${p} are not linted`);

  it('whole-file snippets complete in an empty file and at the top level, never inside a value', async () => {
    try {
      const names = async (editor: vscode.TextEditor, pos: vscode.Position) =>
        (await completions(editor.document.uri, pos)).map(label);
      const compose = await create('_snippets/where/compose.yaml', '');
      assert.ok((await names(compose, new vscode.Position(0, 0))).includes('compose-postgres'), 'in an empty file');
      const workflow = await create(
        '_snippets/where/.github/workflows/build.yml',
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n' +
          '      - uses: docker/build-push-action@v6\n        with:\n          target: \n',
      );
      const inValue = await names(workflow, new vscode.Position(7, 18));
      const whole = inValue.filter((n) => /^(gha-|compose-|appspec-|ecs-|docker-|flake-)/.test(n));
      assert.deepEqual(whole, [], `whole-file snippets inside target's value: ${whole.join(', ')}`);
      assert.ok((await names(workflow, new vscode.Position(8, 0))).includes('gha-ecs-deploy'), 'at the top level');
      const td = await create('_snippets/where/ecs/td.json', '{\n  "family": "web",\n  \n}\n');
      const inObject = (await names(td, new vscode.Position(2, 2))).filter((n) => n.startsWith('ecs-'));
      assert.deepEqual(inObject, [], 'no whole task definition inside one');
    } finally {
      await remove('_snippets/where');
    }
  });

  cases.forEach((c, i) => {
    it(`${c.kind}: "${c.name}" lints clean`, async () => {
      const where = KINDS[c.kind];
      assert.ok(where, `snippets file for an unknown kind: ${c.kind}`);
      const rel = `_snippets/${i}/${where.file}`;
      for (const [name, text] of Object.entries(where.siblings ?? {}))
        await vscode.workspace.fs.writeFile(
          vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '_snippets', String(i), name),
          Buffer.from(text),
        );
      const editor = await create(rel, where.broken);
      try {
        const uri = editor.document.uri;
        // The broken text is reported first, so the clean state below is a fresh check, not silence.
        await waitForDiagnostics(
          uri,
          (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
          'the broken text to be reported',
        );
        await setText(editor, '');
        assert.ok(
          await editor.insertSnippet(new vscode.SnippetString(c.body), new vscode.Position(0, 0)),
          'insertSnippet refused',
        );
        await vscode.commands.executeCommand('leaveSnippet');
        const bad = (ds: vscode.Diagnostic[]) => ds.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        await waitForDiagnostics(uri, (ds) => bad(ds).length === 0, 'no error or warning').catch((e: Error) => {
          throw new Error(
            `${e.message}\n--- inserted text ` +
              `---\n${editor.document.getText()}\n--- findings: ` +
              `${describeDiagnostics(shipshapeDiagnostics(uri))}`,
          );
        });
      } finally {
        await remove(`_snippets/${i}`);
      }
    });
  });
});
