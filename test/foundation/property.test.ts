/**
 * Random and mutated text of every kind through every service feature: nothing throws, and every
 * range the service returns lies inside the document.
 */
import { toCompletionItem, toDocumentSymbol, toHover, toLocations } from '../../server/src/lsp/convert';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DOCUMENT_KINDS, type DocumentKind } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/text/lines';
import { CORPUS, hasCorpus, memoryService } from '../helpers/context';
import { DEFAULT_PATHS } from '../helpers/rule-tester';

const SEEDS: Record<DocumentKind, string> = {
  dockerfile:
    'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ' +
    './\nRUN npm ci && \\\n    npm run build\nFROM node:20-alpine\nUSER node\nCMD ["node", ' +
    '"x.js"]\n',
  dockerignore: '.git\nnode_modules\n!keep\n**/*.log\n',
  compose:
    'services:\n  app:\n    build: .\n    ports: ["3000:3000"]\n    ' +
    'depends_on:\n      db: { condition: service_healthy }\n  db:\n    image: ' +
    'postgres:16\nvolumes:\n  data: {}\n',
  workflow:
    'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n    ' +
    '  - uses: actions/checkout@v4\n      - run: echo ${{ github.sha }}\n',
  taskdef:
    '{"family":"a","cpu":"256","memory":"512","containerDefinitions":[{"name":"app","image":"x:1","portMappings":[{"containerPort":80}]}]}',
  flake:
    '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { ' +
    'self, nixpkgs }: { packages.x86_64-linux.default = ' +
    'nixpkgs.legacyPackages.x86_64-linux.hello; };\n}\n',
  nix: "let x = 1; s = \"a${toString x}\"; in { inherit x; y = ''\n  z\n''; f = { a ? 1, ... }@args: a + x; }\n",
};

/** Corpus files add real shapes to mutate, when the corpus is beside the checkout. */
function corpusSeeds(kind: DocumentKind): string[] {
  const dir = path.join(CORPUS, kind);
  if (!hasCorpus || !fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (out.length >= 5) return;
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.push(fs.readFileSync(f, 'utf8').slice(0, 4000));
    }
  };
  walk(dir);
  return out;
}

const service = memoryService({ '/ws/Dockerfile': SEEDS.dockerfile, '/ws/.dockerignore': SEEDS.dockerignore });

function inside(
  r: { start: { line: number; character: number }; end: { line: number; character: number } },
  lines: LineIndex,
  what: string,
) {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} inside ${lines.lineCount} lines`);
    assert.ok(
      p.character >= 0 && p.character <= lines.lineText(p.line).length,
      `${what}: character ${p.character} inside line ${p.line}`,
    );
  }
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: start before end`,
  );
}

function exercise(kind: DocumentKind, text: string, offset: number) {
  const doc = { path: DEFAULT_PATHS[kind], text, kind };
  const settings = service.settingsFor(doc.path);
  const lines = new LineIndex(text);
  const result = service.validate(doc, settings, { trusted: false });
  for (const f of result.findings) {
    assert.ok(
      f.start >= 0 && f.end >= f.start && f.end <= text.length,
      `finding ${f.code} [${f.start},${f.end}] inside ${text.length}`,
    );
    for (const fix of [f.fix, ...(f.suggestions ?? [])])
      for (const e of fix?.edits ?? [])
        assert.ok(e.start >= 0 && e.end >= e.start && e.end <= text.length, `fix of ${f.code} inside`);
  }
  const at = Math.min(offset, text.length);
  // every result goes through the one LSP conversion, as the server sends it
  for (const c of service.complete(doc, at, settings)) {
    const item = toCompletionItem(c, lines, at);
    const edit = item.textEdit as
      | { range?: Parameters<typeof inside>[0]; insert?: Parameters<typeof inside>[0] }
      | undefined;
    if (edit?.range) inside(edit.range, lines, `completion ${item.label}`);
    if (edit?.insert) inside(edit.insert, lines, `completion ${item.label}`);
  }
  const hover = service.hover(doc, at, settings);
  const lspHover = hover && toHover(hover, lines);
  if (lspHover?.range) inside(lspHover.range, lines, 'hover');
  const walk = (symbols: DocumentSymbol[]) => {
    for (const s of symbols) {
      inside(s.range, lines, `symbol ${s.name}`);
      inside(s.selectionRange, lines, `symbol ${s.name}`);
      walk(s.children ?? []);
    }
  };
  walk(service.symbols(doc, settings).map((s) => toDocumentSymbol(s, lines)));
  for (const loc of toLocations(service.definition(doc, at, settings), (p) =>
    p === doc.path ? lines : service.linesOf(p),
  ))
    if (loc.uri.endsWith(doc.path)) inside(loc.range, lines, 'definition');
  service.folding(doc, settings);
  service.selectionRanges(doc, [at], settings);
}

/** Mutations that produce the broken input editors see while people type. */
const mutation = (seed: string) =>
  fc.oneof(
    fc
      .record({ at: fc.nat(seed.length), len: fc.nat(12) })
      .map(({ at, len }) => seed.slice(0, at) + seed.slice(at + len)),
    fc
      .record({ at: fc.nat(seed.length), s: fc.string({ maxLength: 8 }) })
      .map(({ at, s }) => seed.slice(0, at) + s + seed.slice(at)),
    fc
      .record({
        at: fc.nat(seed.length),
        c: fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          '"',
          "'",
          '${{',
          '${',
          '\\',
          ':',
          '- ',
          '\t',
          '\r',
          '#',
          "''",
          '&&',
          '\uFFFF',
          '\uD800',
        ),
      })
      .map(({ at, c }) => seed.slice(0, at) + c + seed.slice(at)),
    fc.nat(seed.length).map((at) => seed.slice(0, at)),
  );

describe('property: no throw, ranges inside the document', () => {
  for (const kind of DOCUMENT_KINDS) {
    const seeds = [SEEDS[kind], ...corpusSeeds(kind)];
    it(`${kind}: mutated real text`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...seeds).chain((s) => fc.tuple(mutation(s), fc.nat(s.length + 10))),
          ([text, offset]) => exercise(kind, text, offset),
        ),
        { numRuns: 150, seed: 4242 },
      );
    });
    it(`${kind}: random text`, () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.nat(300), (text, offset) =>
          exercise(kind, text, offset),
        ),
        { numRuns: 100, seed: 7 },
      );
    });
  }
  it('deep nesting and long lines do not crash any kind', () => {
    const deep: Record<DocumentKind, string> = {
      dockerfile: 'FROM a\nRUN ' + '('.repeat(5000) + '\n',
      dockerignore: '['.repeat(20000),
      compose: '['.repeat(20000),
      workflow: 'jobs: ' + '{a: '.repeat(5000),
      taskdef: '['.repeat(20000) + ']'.repeat(20000),
      flake: '{ a = '.repeat(5000),
      nix: '('.repeat(20000),
    };
    for (const kind of DOCUMENT_KINDS) exercise(kind, deep[kind], 10);
    for (const kind of DOCUMENT_KINDS) exercise(kind, 'x'.repeat(200000), 100000);
  });
});
