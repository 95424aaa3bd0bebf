/**
 * The editor features of issue 19 through the real server (`dist/server.js --stdio`), per kind, with positions:
 * formatting (document and range), references and highlights (across files too), document links, semantic tokens,
 * inlay hints, and definition and symbols where they are new (.dockerignore, task definitions).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type Location,
  type Position,
  type SemanticTokensLegend,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine/fixes';
import { LineIndex } from '../../server/src/text/lines';
import { REPO_ROOT } from '../helpers/context';
import { LspClient } from '../helpers/lsp-client';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

const FILES: Record<string, string> = {
  Dockerfile:
    'ARG NODE=20\n' +
    'FROM node:${NODE} AS build\n' +
    'COPY package.json ./\n' +
    'run  npm ci   \n' +
    'FROM build AS final\n' +
    'COPY --from=build /app /app\n' +
    '# hadolint ignore=DL3008\n' +
    'RUN apt-get install -y curl\n',
  'package.json': '{}\n',
  '.dockerignore': 'node_modules  \n# shipshape-ignore DI001\n*.md\n',
  'README.md': '# hi\n',
  'docs/guide.md': '# guide\n',
  '.env': 'A=1\n',
  'compose.yaml':
    'services:\n' +
    '  app:\n' +
    '    build:\n' +
    '      context: .\n' +
    '      target: build\n' +
    '    depends_on: [db]\n' +
    '    env_file: .env\n' +
    '  db:\n' +
    '    image: postgres:16   \n',
  '.github/workflows/ci.yml':
    'on:\n' +
    '  schedule:\n' +
    "    - cron: '30 5 * * 1'\n" +
    'jobs:\n' +
    '  build:\n' +
    '    runs-on: ubuntu-latest\n' +
    '    strategy:\n' +
    '      matrix:\n' +
    '        os: [a, b]\n' +
    '    outputs:\n' +
    '      tag: ${{ steps.meta.outputs.tag }}\n' +
    '    steps:\n' +
    '      - id: meta\n' +
    '        run: echo "tag=${{ matrix.os }}" >> "$GITHUB_OUTPUT"   \n' +
    '      - uses: docker/build-push-action@v6\n' +
    '        with:\n' +
    '          context: .\n' +
    '          target: build\n' +
    '      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n' +
    '        with:\n' +
    '          task-definition: ecs/task-def.json\n' +
    '          container-name: app\n' +
    '          image: x\n' +
    '      - run: nix build .#hello\n' +
    '  deploy:\n' +
    '    needs: build\n' +
    '    runs-on: ubuntu-latest\n' +
    '    steps:\n' +
    '      - run: echo ${{ needs.build.outputs.tag }}\n',
  'ecs/task-def.json':
    '{\n' +
    '"family": "web",\n' +
    '  "cpu": "1024",\n' +
    '  "memory": "3072",\n' +
    '  "containerDefinitions": [\n' +
    '    { "name": "app", "image": "x", "dependsOn": [{ "containerName": "sidecar", "condition": "START" }],\n' +
    '      "secrets": [{ "name": "DB",\n' +
    '        "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC:password::" }] },\n' +
    '    { "name": "sidecar", "image": "y" }\n' +
    '  ]\n' +
    '}\n',
  'flake.nix':
    '{\n' +
    '  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n' +
    '  inputs.local.url = "path:./sub";\n' +
    '  outputs = { self, nixpkgs, local }: {\n' +
    '    packages.x86_64-linux.hello = nixpkgs.legacyPackages.x86_64-linux.hello;  \n' +
    '  };\n' +
    '}\n',
  'sub/flake.nix': '{ outputs = { self }: { }; }\n',
  'default.nix': 'let a = 1; in import ./lib.nix { inherit a; b = builtins.toString a; }   \n',
  'lib.nix': '{ a, b }: a\n',
};

const LANGUAGE_ID: Record<string, string> = {
  Dockerfile: 'dockerfile',
  '.dockerignore': 'dockerignore',
  'compose.yaml': 'dockercompose',
  '.github/workflows/ci.yml': 'yaml',
  'ecs/task-def.json': 'json',
  'flake.nix': 'nix',
  'default.nix': 'nix',
};

describe('editor features over LSP', { skip: !fs.existsSync(SERVER) && 'dist/server.js not built' }, () => {
  let client: LspClient;
  let root: string;
  let legend: SemanticTokensLegend;
  const uri = (rel: string) => `file://${root}/${rel}`;
  /** The position of the `n`th occurrence of `needle` in a file (plus `plus` characters). */
  const pos = (rel: string, needle: string, n = 0, plus = 1): Position => {
    let i = -1;
    for (let k = 0; k <= n; k++) i = FILES[rel].indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} in ${rel}`);
    return new LineIndex(FILES[rel]).position(i + plus);
  };
  const at = (loc: { uri: string; range: { start: Position; end: Position } }) => {
    const rel = loc.uri.slice(`file://${root}/`.length);
    const lines = new LineIndex(FILES[rel]);
    const text = FILES[rel].slice(lines.offset(loc.range.start), lines.offset(loc.range.end));
    return `${rel}:${text}@${loc.range.start.line}`;
  };
  const formatted = (rel: string, edits: TextEdit[]) => {
    const lines = new LineIndex(FILES[rel]);
    return applyEdits(
      FILES[rel],
      edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText })),
    );
  };
  const references = async (rel: string, needle: string, n = 0, plus = 1) =>
    (
      ((await client.conn.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: uri(rel) },
        position: pos(rel, needle, n, plus),
        context: { includeDeclaration: true },
      })) ?? []) as Location[]
    )
      .map(at)
      .sort();
  const highlights = async (rel: string, needle: string, n = 0, plus = 1) =>
    (
      (await client.conn.sendRequest(DocumentHighlightRequest.type, {
        textDocument: { uri: uri(rel) },
        position: pos(rel, needle, n, plus),
      })) ?? []
    ).map((h) => `${at({ uri: uri(rel), range: h.range })}:${h.kind}`);
  const links = async (rel: string) =>
    ((await client.conn.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri(rel) } })) ?? []).map(
      (l) => `${at({ uri: uri(rel), range: l.range })} → ${l.target?.replace(`file://${root}/`, '')}`,
    );
  /** The decoded tokens of a file: `text:type[.modifier…]`. */
  const tokens = async (rel: string) => {
    const r = await client.conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri(rel) } });
    const data = r?.data ?? [];
    const lines = new LineIndex(FILES[rel]);
    const out: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      const start = lines.offset({ line, character: char });
      const mods = legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
      out.push(
        `${FILES[rel].slice(start, start + data[i + 2])}:${[legend.tokenTypes[data[i + 3]], ...mods].join('.')}`,
      );
    }
    return out;
  };
  const hints = async (rel: string) =>
    (
      (await client.conn.sendRequest(InlayHintRequest.type, {
        textDocument: { uri: uri(rel) },
        range: { start: { line: 0, character: 0 }, end: new LineIndex(FILES[rel]).position(FILES[rel].length) },
      })) ?? []
    ).map((h) => `${h.position.line}:${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);
  const format = async (rel: string, tabSize = 2) =>
    formatted(
      rel,
      (await client.conn.sendRequest(DocumentFormattingRequest.type, {
        textDocument: { uri: uri(rel) },
        options: { tabSize, insertSpaces: true },
      })) ?? [],
    );
  const definition = async (rel: string, needle: string, n = 0, plus = 1) => {
    const r = await client.conn.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uri(rel) },
      position: pos(rel, needle, n, plus),
    });
    return ((Array.isArray(r) ? r : r ? [r] : []) as Location[]).map((l) =>
      l.uri.startsWith(`file://${root}/`) && FILES[l.uri.slice(`file://${root}/`.length)] !== undefined
        ? at(l)
        : l.uri.replace(`file://${root}/`, ''),
    );
  };

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-editor-')));
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    client = new LspClient();
    const init = await client.initialize(root);
    legend = (init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    for (const [rel, id] of Object.entries(LANGUAGE_ID)) await client.open(uri(rel), id, FILES[rel]);
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  describe('formatting', () => {
    it('Dockerfile: keyword casing, one space after it, no trailing whitespace', async () => {
      assert.equal((await format('Dockerfile')).split('\n')[3], 'RUN npm ci');
    });
    it('Dockerfile: a range formats only its lines', async () => {
      const edits = await client.conn.sendRequest(DocumentRangeFormattingRequest.type, {
        textDocument: { uri: uri('Dockerfile') },
        range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } },
        options: { tabSize: 2, insertSpaces: true },
      });
      assert.deepEqual(edits, []);
    });
    it('.dockerignore, compose, workflow, flake and Nix: trailing whitespace only', async () => {
      assert.equal((await format('.dockerignore')).split('\n')[0], 'node_modules');
      assert.equal(await format('compose.yaml'), FILES['compose.yaml'].replace('postgres:16   ', 'postgres:16'));
      assert.equal(
        await format('.github/workflows/ci.yml'),
        FILES['.github/workflows/ci.yml'].replace('$GITHUB_OUTPUT"   ', '$GITHUB_OUTPUT"'),
      );
      assert.equal(await format('flake.nix'), FILES['flake.nix'].replace('hello;  \n', 'hello;\n'));
      assert.equal(await format('default.nix'), FILES['default.nix'].replace('; }   \n', '; }\n'));
    });
    it('task definition: JSON with the indent asked for', async () => {
      const out = await format('ecs/task-def.json', 4);
      assert.match(out, /^\{\n {4}"family": "web",\n {4}"cpu": "1024",/);
      assert.deepEqual(JSON.parse(out), JSON.parse(FILES['ecs/task-def.json']));
    });
  });

  describe('references and highlights', () => {
    it('Dockerfile: a stage in the file, a workflow and a compose file', async () => {
      assert.deepEqual(await references('Dockerfile', 'AS build', 0, 4), [
        '.github/workflows/ci.yml:build@17',
        'Dockerfile:build@1',
        'Dockerfile:build@4',
        'Dockerfile:build@5',
        'compose.yaml:build@4',
      ]);
      assert.deepEqual(await highlights('Dockerfile', '--from=build', 0, 8), [
        'Dockerfile:build@1:3',
        'Dockerfile:build@4:2',
        'Dockerfile:build@5:2',
      ]);
    });
    it('Dockerfile: an ARG and its uses', async () => {
      assert.deepEqual(await references('Dockerfile', 'NODE'), ['Dockerfile:NODE@0', 'Dockerfile:NODE@1']);
    });
    it('compose: a service and depends_on', async () => {
      assert.deepEqual(await references('compose.yaml', 'db'), ['compose.yaml:db@5', 'compose.yaml:db@7']);
      assert.deepEqual(await highlights('compose.yaml', 'db:'), ['compose.yaml:db@7:3', 'compose.yaml:db@5:2']);
    });
    it('workflow: a job and needs, a step id and steps.<id>, a matrix key', async () => {
      assert.deepEqual(await references('.github/workflows/ci.yml', 'needs: build', 0, 8), [
        '.github/workflows/ci.yml:build@25',
        '.github/workflows/ci.yml:build@28',
        '.github/workflows/ci.yml:build@4',
      ]);
      assert.deepEqual(await references('.github/workflows/ci.yml', 'meta'), [
        '.github/workflows/ci.yml:meta@10',
        '.github/workflows/ci.yml:meta@12',
      ]);
      assert.deepEqual(await highlights('.github/workflows/ci.yml', 'matrix.os', 0, 8), [
        '.github/workflows/ci.yml:os@8:3',
        '.github/workflows/ci.yml:os@13:2',
      ]);
    });
    it('task definition: a container, its dependsOn and the workflow naming it', async () => {
      assert.deepEqual(await references('ecs/task-def.json', '"app"', 0, 2), [
        '.github/workflows/ci.yml:app@21',
        'ecs/task-def.json:app@5',
      ]);
      assert.deepEqual(await references('ecs/task-def.json', 'sidecar'), [
        'ecs/task-def.json:sidecar@5',
        'ecs/task-def.json:sidecar@8',
      ]);
    });
    it('flake: an input and the outputs argument; an output and nix build .#name', async () => {
      assert.deepEqual(await references('flake.nix', 'nixpkgs'), [
        'flake.nix:nixpkgs@1',
        'flake.nix:nixpkgs@3',
        'flake.nix:nixpkgs@4',
      ]);
      assert.deepEqual(await references('flake.nix', 'hello'), [
        '.github/workflows/ci.yml:hello@23',
        'flake.nix:hello@4',
      ]);
    });
    it('Nix: a let binding and its uses', async () => {
      assert.deepEqual(await references('default.nix', 'a ='), [
        'default.nix:a@0',
        'default.nix:a@0',
        'default.nix:a@0',
      ]);
      assert.equal((await highlights('default.nix', 'a =')).length, 3);
    });
  });

  describe('document links', () => {
    it('Dockerfile: a COPY source and a rule code', async () => {
      assert.deepEqual((await links('Dockerfile')).sort(), [
        'Dockerfile:DL3008@6 → ' + (await links('Dockerfile')).find((l) => l.includes('DL3008'))!.split(' → ')[1],
        'Dockerfile:package.json@2 → package.json',
      ]);
      assert.match((await links('Dockerfile')).find((l) => l.includes('DL3008'))!, /DL3008\.md$/);
    });
    it('.dockerignore: the rule code of an ignore comment', async () => {
      assert.deepEqual(
        (await links('.dockerignore')).map((l) => l.replace(/ → .*\//, ' → ')),
        ['.dockerignore:DI001@1 → DI001.md'],
      );
    });
    it('compose: the build context and env_file', async () => {
      const got = await links('compose.yaml');
      assert.deepEqual(got, [`compose.yaml:.@3 → file://${root}`, 'compose.yaml:.env@6 → .env']);
    });
    it('workflow: the task definition, the build context and a published action', async () => {
      const got = await links('.github/workflows/ci.yml');
      assert.ok(got.includes('.github/workflows/ci.yml:ecs/task-def.json@20 → ecs/task-def.json'), got.join('\n'));
      assert.ok(
        got.includes(
          '.github/workflows/ci.yml:docker/build-push-action@v6@14 → ' +
            'https://github.com/docker/build-push-action/tree/v6',
        ),
        got.join('\n'),
      );
    });
    it('Nix and flake: an imported path, a path: input', async () => {
      assert.deepEqual(await links('default.nix'), ['default.nix:./lib.nix@0 → lib.nix']);
      assert.deepEqual(await links('flake.nix'), ['flake.nix:path:./sub@2 → sub/flake.nix']);
    });
  });

  describe('semantic tokens', () => {
    it('workflow: a ${{ }} expression, part by part', async () => {
      const got = await tokens('.github/workflows/ci.yml');
      const at = got.indexOf('needs:variable.defaultLibrary');
      assert.deepEqual(got.slice(at - 1, at + 5), [
        '${{:macro',
        'needs:variable.defaultLibrary',
        'build:property',
        'outputs:property',
        'tag:property',
        '}}:macro',
      ]);
    });
    it('Dockerfile: ARG declaration and use, stage names, flags', async () => {
      const got = await tokens('Dockerfile');
      assert.deepEqual(got.slice(0, 4), [
        'NODE:variable.declaration',
        'NODE:variable',
        'build:namespace',
        'build:namespace',
      ]);
      assert.ok(got.includes('from:parameter'), got.join(' '));
    });
    it('Nix and flake: bindings by kind, builtins, paths', async () => {
      assert.deepEqual(await tokens('default.nix'), [
        'a:variable.declaration',
        'import:function.defaultLibrary',
        './lib.nix:string',
        'a:property',
        'b:property',
        'builtins:function.defaultLibrary',
        'toString:function.defaultLibrary',
        'a:variable',
      ]);
      assert.ok((await tokens('flake.nix')).includes('nixpkgs:parameter.declaration'));
    });
  });

  describe('inlay hints', () => {
    it('workflow: a cron in words, the jobs of a matrix, where a needs output comes from', async () => {
      const got = await hints('.github/workflows/ci.yml');
      assert.match(got[0], /^2:Runs at 05:30 UTC on Monday · next Mon \d{4}-\d\d-\d\d 05:30 UTC$/);
      assert.deepEqual(got.slice(1), ['7:2 jobs', '28:← build.steps.meta']);
    });
    it("Dockerfile: an ARG's default at its use", async () => {
      assert.deepEqual(await hints('Dockerfile'), ['1:= 20']);
    });
    it('task definition: CPU units and MiB', async () => {
      assert.deepEqual(await hints('ecs/task-def.json'), ['2:1 vCPU', '3:3 GB']);
    });
    it('can be turned off in the settings', async () => {
      client.configuration = { inlayHints: { enabled: false } };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(await hints('Dockerfile'), []);
      client.configuration = {};
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(await hints('Dockerfile'), ['1:= 20']);
    });
  });

  it('registers formatting dynamically where the client can: JSON only by a task definition name', async () => {
    const other = new LspClient();
    try {
      const init = await other.initialize(root, undefined, {
        formatting: { dynamicRegistration: true },
        rangeFormatting: { dynamicRegistration: true },
      });
      assert.equal(init.capabilities.documentFormattingProvider, undefined);
      const deadline = Date.now() + 10_000;
      while (other.registrations.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const formatting = other.registrations.find((r) => r.method === 'textDocument/formatting');
      assert.ok(formatting, 'formatting is registered');
      const selector = (formatting.registerOptions as { documentSelector: { language: string; pattern?: string }[] })
        .documentSelector;
      assert.ok(selector.some((f) => f.language === 'dockerfile'));
      assert.deepEqual(
        selector.filter((f) => f.language === 'json'),
        [{ language: 'json', pattern: '**/*task*def*.json' }],
      );
      assert.ok(other.registrations.some((r) => r.method === 'textDocument/rangeFormatting'));
    } finally {
      await other.stop();
    }
  });

  describe('definition, symbols and hover where they are new', () => {
    it('task definition: dependsOn to the container; a container to the stage its image is built from', async () => {
      assert.deepEqual(await definition('ecs/task-def.json', '"sidecar"', 0, 2), ['ecs/task-def.json:sidecar@8']);
      assert.deepEqual(await definition('ecs/task-def.json', '"app"', 0, 2), ['Dockerfile:build@1']);
    });
    it("task definition: a secret's ARN in parts", async () => {
      const h = await client.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri: uri('ecs/task-def.json') },
        position: pos('ecs/task-def.json', 'arn:aws', 0, 5),
      });
      assert.match(JSON.stringify(h?.contents), /JSON key \| `password`/);
    });
    it('.dockerignore: a symbol per pattern; a pattern to the files it matches', async () => {
      const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri: uri('.dockerignore') },
      })) as DocumentSymbol[];
      assert.deepEqual(
        symbols.map((s) => `${s.name}:${s.detail}`),
        ['node_modules:excludes', '*.md:excludes'],
      );
      assert.deepEqual(await definition('.dockerignore', '*.md'), ['README.md:@0']);
    });
  });
});
