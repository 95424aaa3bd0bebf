/**
 * The architecture's invariants (ARCHITECTURE.md, "What may import what"), checked on the import graph computed from
 * the sources. Layers, bottom up:
 *   common/ · text/ yaml/ → engine/ → languages/<lang>/ → links/ → service/ → lsp/ · cli/ → server.ts cli.ts
 * and the client beside them, sharing only common/ with the server.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

interface Edge {
  from: string;
  to: string;
  /** The module specifier as written. */
  spec: string;
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|require\('([^']+)'\)/gm;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel));
    else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const c of [`${base}.ts`, `${base}/index.ts`, base]) if (fs.existsSync(path.join(REPO_ROOT, c))) return c;
  return undefined;
}

const sources = [...files('server/src'), ...files('client/src'), ...files('common')];
const edges: Edge[] = [];
const externals: Edge[] = [];
for (const from of sources) {
  const text = fs.readFileSync(path.join(REPO_ROOT, from), 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const to = resolve(from, spec);
    if (to) edges.push({ from, to, spec });
    else if (!spec.startsWith('.')) externals.push({ from, to: spec, spec });
  }
}

/** The layer of a server file: its top folder under server/src (a language by its own name). */
function layer(file: string): string {
  if (file.startsWith('common/')) return 'common';
  if (file.startsWith('client/')) return 'client';
  const rel = file.slice('server/src/'.length);
  const parts = rel.split('/');
  if (parts.length === 1) return rel.replace(/\.ts$/, ''); // server.ts, cli.ts, node-fs.ts
  if (parts[0] === 'languages') return parts.length === 2 ? 'languages' : `languages/${parts[1]}`;
  return parts[0];
}

const RANK: Record<string, number> = {
  common: 0,
  text: 1,
  yaml: 1,
  version: 1,
  engine: 2,
  tools: 2,
  languages: 3,
  links: 4,
  service: 5,
  docs: 6,
  'node-fs': 6,
  lsp: 6,
  cli: 7,
  server: 8,
};
const rank = (l: string) => (l.startsWith('languages/') ? RANK.languages : RANK[l]);

test('every server file is in a known layer', () => {
  const unknown = [...new Set(sources.filter((f) => f.startsWith('server/')).map(layer))].filter(
    (l) => rank(l) === undefined,
  );
  assert.deepEqual(unknown, []);
});

test('nothing imports upward: server/cli → lsp → service → links → languages → engine → text/yaml → common', () => {
  const upward = edges
    .filter((e) => e.from.startsWith('server/') && e.to.startsWith('server/'))
    .filter((e) => rank(layer(e.to)) > rank(layer(e.from)))
    .map((e) => `${e.from} → ${e.to}`);
  assert.deepEqual(upward, []);
});

test('a language never imports another language (flake may build on nix), nor links/', () => {
  const bad = edges
    .filter((e) => layer(e.from).startsWith('languages/'))
    .filter((e) => {
      const to = layer(e.to);
      if (to === 'links') return true;
      if (!to.startsWith('languages/') || to === layer(e.from)) return false;
      return !(layer(e.from) === 'languages/flake' && to === 'languages/nix');
    })
    .map((e) => `${e.from} → ${e.to}`);
  assert.deepEqual(bad, []);
});

test('nix knows nothing of flakes (the exception runs one way)', () => {
  const bad = edges.filter((e) => layer(e.from) === 'languages/nix' && layer(e.to) === 'languages/flake');
  assert.deepEqual(
    bad.map((e) => `${e.from} → ${e.to}`),
    [],
  );
});

test('links/ reads the languages only through their facts modules (and registers their index)', () => {
  const bad = edges
    .filter((e) => layer(e.from) === 'links' && layer(e.to).startsWith('languages'))
    .filter(
      (e) =>
        !/\/facts\.ts$/.test(e.to) && !(e.from === 'server/src/links/index.ts' && e.to.endsWith('languages/index.ts')),
    )
    .map((e) => `${e.from} → ${e.to}`);
  assert.deepEqual(bad, []);
});

test('only lsp/ and server.ts import vscode-languageserver*; the client only through vscode-languageclient', () => {
  const bad = externals
    .filter((e) => /^vscode-languageserver/.test(e.spec))
    .filter((e) => !(layer(e.from) === 'lsp' || layer(e.from) === 'server'))
    .map((e) => `${e.from} → ${e.spec}`);
  assert.deepEqual(bad, []);
});

test('the client never imports the server; what both need lives in common/, which imports neither', () => {
  const bad = edges
    .filter(
      (e) =>
        (layer(e.from) === 'client' && e.to.startsWith('server/')) ||
        (e.from.startsWith('server/') && layer(e.to) === 'client') ||
        (layer(e.from) === 'common' && layer(e.to) !== 'common'),
    )
    .map((e) => `${e.from} → ${e.to}`);
  assert.deepEqual(bad, []);
});

test('rules are written with defineRule and share work through ctx.once, never module state', () => {
  const ruleFiles = sources.filter((f) => /\/rules\/[^/]+\.ts$/.test(f) && !f.endsWith('/index.ts'));
  const bad: string[] = [];
  for (const f of ruleFiles) {
    const text = fs.readFileSync(path.join(REPO_ROOT, f), 'utf8');
    if (/^export const rule\b/m.test(text) && !/defineRule|schemaRule|syntaxRule/.test(text))
      bad.push(`${f}: no defineRule`);
    if (/^(const|let) \w+ = new (WeakMap|Map)\b/m.test(text)) bad.push(`${f}: module-level cache`);
  }
  assert.deepEqual(bad, []);
});

test('no file-level import cycle', () => {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (!out.has(e.from)) out.set(e.from, []);
    out.get(e.from)!.push(e.to);
  }
  // Tarjan's strongly connected components, iteratively (no recursion over a deep graph)
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const start of sources) {
    if (idx.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const next = out.get(v) ?? [];
      if (i < next.length) {
        top[1]++;
        const w = next[i];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) cycles.push(scc.sort());
      }
    }
  }
  assert.deepEqual(cycles, []);
});

test('the service, the CLI and the server take the languages from links/ (with the checks across files attached)', () => {
  const bad = edges
    .filter((e) => e.to === 'server/src/languages/index.ts' && e.from !== 'server/src/links/index.ts')
    .filter((e) => !layer(e.from).startsWith('languages') && layer(e.from) !== 'engine')
    .map((e) => `${e.from} → ${e.to}`);
  assert.deepEqual(bad, []);
});
