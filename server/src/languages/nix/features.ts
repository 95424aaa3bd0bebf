/** Editor features for Nix and flake.nix: completion, hover, symbols, folding, definition, selection. */
import type {
  Completion,
  DocumentSymbolInfo,
  FeatureContext,
  FileEdits,
  FileSpan,
  FoldingSpan,
  HoverResult,
  SelectionSpan,
  SymbolKindName,
} from '../../engine/types';
import * as A from './ast';
import { T } from './lexer';
import { BUILTINS, GLOBALS, scopes } from './scope';
import { unparen } from './util';
import builtinDocs from './data/builtins-doc.json';
import pkgsData from './data/pkgs.json';
import { COMMON_INPUT_URLS, INPUT_KEYS, OUTPUTS, SYSTEMS, TOP_KEYS } from '../flake/schema';
import { flakeInfo } from '../flake/model';

type Ctx = FeatureContext<A.NixModel>;
const DOCS = builtinDocs.builtins as unknown as Record<string, [number, string]>;

/** The attribute key path leading to `offset` (`outputs`, `packages`, ...), and whether it is at a key position. */
function keyContext(
  model: A.NixModel,
  offset: number,
): { path: string[]; atKey: boolean; inString?: A.Str; lambdaFormals?: A.Formals; node: A.Node } {
  const chain = A.nodePath(model.root, offset);
  const path: string[] = [];
  let atKey = false;
  let inString: A.Str | undefined;
  let lambdaFormals: A.Formals | undefined;
  for (const n of chain) {
    if (n.type === 'Attribute') {
      if (offset >= n.value.start || n.value.type === 'Missing') {
        for (const a of n.path) path.push(A.staticName(a) ?? '?');
        atKey = false;
      } else atKey = true;
    } else if (n.type === 'AttrSet') atKey = offset > n.open && (n.close < 0 || offset <= n.close);
    else if (n.type === 'Str') inString = n;
    else if (n.type === 'Formals') lambdaFormals = n;
  }
  const last = chain[chain.length - 1];
  if (last.type === 'AttrSet') atKey = true;
  return { path, atKey, inString, lambdaFormals, node: last };
}

function item(label: string, kind: Completion['kind'], detail?: string, doc?: string, insertText?: string): Completion {
  const it: Completion = { label, kind };
  if (detail) it.detail = detail;
  if (doc) it.documentation = doc;
  if (insertText) it.insertText = insertText;
  return it;
}

export function complete(ctx: Ctx, offset: number): Completion[] {
  const before = ctx.text.slice(Math.max(0, offset - 200), offset);
  if (/\bbuiltins\.[\w'-]*$/.test(before)) {
    return BUILTINS.filter((b) => b !== 'builtins').map((b) =>
      item(
        b,
        DOCS[b]?.[0] ? 'function' : 'constant',
        DOCS[b]
          ? `builtins.${b}${DOCS[b][0] ? ` (${DOCS[b][0]} argument${DOCS[b][0] > 1 ? 's' : ''})` : ''}`
          : undefined,
        DOCS[b]?.[1],
      ),
    );
  }
  if (/\bpkgs\.[\w-]*$/.test(before)) return pkgsData.packages.map((p) => item(p, 'module', 'nixpkgs'));
  const kc = keyContext(ctx.model, offset);
  if (ctx.kind === 'flake') {
    const info = flakeInfo(ctx.model);
    const linePrefix = /[\w.-]*$/.exec(before)?.[0] ?? '';
    const typed = linePrefix.split('.').slice(0, -1);
    const full = kc.atKey ? [...kc.path, ...typed] : kc.path;
    if (kc.lambdaFormals && info.outputsLambda?.formals === kc.lambdaFormals) {
      const have = new Set(kc.lambdaFormals.formals.map((f) => f.name.name));
      const out = [...info.inputs.keys(), 'self']
        .filter((n) => !have.has(n))
        .map((n) => item(n, 'variable', 'flake input', info.inputs.get(n)?.url?.value));
      return out;
    }
    if (kc.inString && full[0] === 'inputs' && full[full.length - 1] === 'url') {
      return COMMON_INPUT_URLS.map((u) => item(u.url, 'value', u.name, u.doc));
    }
    if (kc.atKey) {
      if (full.length === 0 && info.top)
        return Object.entries(TOP_KEYS).map(([k, d]) => item(k, 'property', 'flake attribute', d));
      if (full[0] === 'inputs' && full.length === 1)
        return COMMON_INPUT_URLS.filter(
          (u, i, all) => all.findIndex((x) => x.name === u.name) === i && !info.inputs.has(u.name),
        ).map((u) => item(u.name, 'module', u.url, u.doc, `${u.name}.url = "${u.url}";`));
      if (full[0] === 'inputs' && full.length === 2)
        return Object.entries(INPUT_KEYS).map(([k, d]) => item(k, 'property', 'input attribute', d));
      if (full[0] === 'outputs' && full.length === 1)
        return Object.entries(OUTPUTS)
          .filter(([, k]) => !/^Deprecated/.test(k.doc))
          .map(([k, d]) => item(k, 'property', 'flake output', d.doc));
      if (full[0] === 'outputs' && full.length === 2 && OUTPUTS[full[1]]?.perSystem)
        return SYSTEMS.map((s) => item(s, 'enumMember', 'system'));
      if (full[0] === 'outputs' && full.length === 3 && OUTPUTS[full[1]]?.depth === 2)
        return [item('default', 'property', `the default of ${full[1]}`)];
    }
  }
  if (kc.atKey) return [];
  // Names in scope.
  const { defs } = scopes(ctx.model).scopeAt(offset);
  const out = defs.map((d) => item(d.name, d.kind === 'formal' || d.kind === 'param' ? 'variable' : 'field', d.kind));
  const seen = new Set(out.map((o) => o.label));
  for (const g of GLOBALS)
    if (!g.startsWith('__') && !seen.has(g)) out.push(item(g, 'function', 'builtin', DOCS[g]?.[1]));
  for (const kw of ['let', 'in', 'with', 'inherit', 'rec', 'if', 'then', 'else', 'assert'])
    out.push(item(kw, 'keyword'));
  return out;
}

function builtinHover(name: string): string | undefined {
  const d = DOCS[name];
  if (!d) return undefined;
  return `**builtins.${name}**${d[0] ? ` — ${d[0]} argument${d[0] > 1 ? 's' : ''}` : ''}\n\n${d[1]}`;
}

export function hover(ctx: Ctx, offset: number): HoverResult | undefined {
  const chain = A.nodePath(ctx.model.root, offset);
  const last = chain[chain.length - 1];
  const md = (markdown: string, n: { start: number; end: number }): HoverResult => ({
    markdown,
    span: { start: n.start, end: n.end },
  });
  // builtins.x
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i];
    if (
      n.type === 'Select' &&
      n.expr.type === 'Var' &&
      n.expr.name === 'builtins' &&
      n.path[0] &&
      n.path[0].start <= offset &&
      offset <= n.path[0].end
    ) {
      const name = A.staticName(n.path[0]);
      const h = name && builtinHover(name);
      if (h) return md(h, n.path[0]);
    }
  }
  if (last.type === 'Var') {
    const ref = scopes(ctx.model).refs.find((r) => r.start === last.start);
    if (ref?.target === 'global') {
      const h = builtinHover(last.name.replace(/^__/, ''));
      if (h) return md(h, last);
    }
    if (ref && typeof ref.target === 'object' && ctx.kind === 'flake') {
      const inp = flakeInfo(ctx.model).inputs.get(ref.name);
      if (inp && ref.target.kind === 'formal')
        return md(
          `**input ` +
            `${inp.name}**${inp.url ? `\n\n\`${inp.url.value}\`` : inp.follows ? `\n\nfollows \`${inp.follows.value}\`` : ''}`,
          last,
        );
    }
  }
  if (ctx.kind === 'flake') {
    const info = flakeInfo(ctx.model);
    if (last.type === 'Ident') {
      const inp = info.inputs.get(last.name);
      if (inp && (info.outputsLambda?.formals?.formals.some((f) => f.name === last) || inp.entry.keys.includes(last))) {
        return md(
          `**input ` +
            `${inp.name}**${inp.url ? `\n\n\`${inp.url.value}\`` : inp.follows ? `\n\nfollows \`${inp.follows.value}\`` : ''}`,
          last,
        );
      }
      const kc = keyContext(ctx.model, offset);
      if (
        kc.path.length === 0 &&
        info.top &&
        TOP_KEYS[last.name] &&
        info.tree?.entries.get(last.name)?.keys.includes(last)
      )
        return md(`**${last.name}**\n\n${TOP_KEYS[last.name]}`, last);
      if (info.outputsTree?.entries.get(last.name)?.keys.includes(last) && OUTPUTS[last.name])
        return md(`**${last.name}** (flake output)\n\n${OUTPUTS[last.name].doc}`, last);
    }
  }
  return undefined;
}

export function definition(ctx: Ctx, offset: number): FileSpan[] {
  const info = scopes(ctx.model);
  const ref = info.refs.find((r) => r.start <= offset && offset <= r.end);
  if (!ref || typeof ref.target !== 'object') return [];
  const n = ref.target.node;
  return [{ path: ctx.path, start: n.start, end: n.end }];
}

export function symbols(ctx: Ctx): DocumentSymbolInfo[] {
  const range = (n: { start: number; end: number }) => ({ start: n.start, end: n.end });
  const fromBindings = (bindings: A.Binding[], depth: number, kind: SymbolKindName): DocumentSymbolInfo[] => {
    const out: DocumentSymbolInfo[] = [];
    for (const b of bindings) {
      if (b.type === 'Inherit') {
        for (const a of b.names) {
          const n = A.staticName(a);
          if (n) out.push({ name: n, detail: 'inherit', kind, span: range(b), selection: range(a) });
        }
        continue;
      }
      const name = b.path.map((a) => A.staticName(a) ?? '${…}').join('.');
      if (!b.path.length) continue;
      const sym: DocumentSymbolInfo = {
        name,
        kind,
        span: range(b),
        selection: range({ start: b.path[0].start, end: b.path[b.path.length - 1].end }),
      };
      if (depth < 8) {
        const kids = fromExpr(b.value, depth + 1);
        if (kids.length) {
          sym.children = kids;
          if (kind === 'property' || kind === 'variable') sym.kind = kind === 'variable' ? 'variable' : 'namespace';
        }
      }
      out.push(sym);
    }
    return out;
  };
  const fromExpr = (e: A.Expr, depth: number): DocumentSymbolInfo[] => {
    for (let i = 0; i < 50; i++) {
      e = unparen(e);
      if (e.type === 'Lambda' || e.type === 'With' || e.type === 'Assert') {
        e = e.body;
        continue;
      }
      break;
    }
    if (e.type === 'AttrSet' || e.type === 'LegacyLet') return fromBindings(e.bindings, depth, 'property');
    if (e.type === 'Let') {
      const lets = fromBindings(e.bindings, depth, 'variable');
      return [...lets, ...fromExpr(e.body, depth)];
    }
    return [];
  };
  return fromExpr(ctx.model.root, 0);
}

export function folding(ctx: Ctx): FoldingSpan[] {
  const out: FoldingSpan[] = [];
  const add = (start: number, end: number, kind?: 'comment') => {
    out.push(kind ? { start, end, kind } : { start, end });
  };
  const stack: A.Node[] = [ctx.model.root];
  while (stack.length) {
    const n = stack.pop()!;
    if (
      n.type === 'AttrSet' ||
      n.type === 'List' ||
      n.type === 'Let' ||
      n.type === 'Paren' ||
      n.type === 'LegacyLet' ||
      (n.type === 'Str' && n.indented) ||
      n.type === 'Formals'
    )
      add(n.start, Math.max(n.start, n.end - 1));
    for (const c of A.children(n)) stack.push(c);
  }
  // Runs of line comments (from the first comment to the start of the last), and block comments.
  let runStart = -1,
    runEnd = -1,
    runLine = -1;
  for (const t of ctx.model.tokens) {
    if (t.kind !== T.COMMENT) continue;
    if (ctx.text.startsWith('/*', t.start)) {
      add(t.start, t.end - 1, 'comment');
      continue;
    }
    const line = ctx.lines.position(t.start).line;
    if (runStart >= 0 && line === runLine + 1) {
      runEnd = t.start;
      runLine = line;
      continue;
    }
    if (runStart >= 0 && runEnd > runStart) add(runStart, runEnd, 'comment');
    runStart = runEnd = t.start;
    runLine = line;
  }
  if (runStart >= 0 && runEnd > runStart) add(runStart, runEnd, 'comment');
  return out.sort((a, b) => a.start - b.start);
}

export function selectionRanges(ctx: Ctx, offsets: number[]): SelectionSpan[] {
  return offsets.map((offset) => {
    // The innermost 200 levels are plenty, and keep the reply shallow for JSON.
    const chain = A.nodePath(ctx.model.root, offset).slice(-200);
    let sel: SelectionSpan | undefined;
    let last = '';
    for (const n of chain) {
      const key = `${n.start}:${n.end}`;
      if (key === last) continue;
      last = key;
      sel = { start: n.start, end: n.end, parent: sel };
    }
    return sel ?? { start: offset, end: offset };
  });
}

const KEYWORDS = new Set(['if', 'then', 'else', 'assert', 'with', 'let', 'in', 'rec', 'inherit', 'or']);

/**
 * Renames a `let` binding or a lambda's simple argument with every use. Formals, `rec` attributes
 * and names reached through `inherit` are attribute names others see, so they are not renamed.
 */
export function rename(ctx: Ctx, offset: number, newName: string): FileEdits[] | undefined {
  if (!/^[a-zA-Z_][a-zA-Z0-9_'-]*$/.test(newName) || KEYWORDS.has(newName)) return undefined;
  const info = scopes(ctx.model);
  const ref = info.refs.find((r) => r.start <= offset && offset <= r.end);
  const def =
    ref && typeof ref.target === 'object'
      ? ref.target
      : info.defs.find((d) => d.node.start <= offset && offset <= d.node.end);
  if (!def || (def.kind !== 'let' && def.kind !== 'param')) return undefined;
  const uses = info.refs.filter((r) => r.target === def);
  if (uses.some((r) => r.fromInherit)) return undefined;
  const spots: { start: number; end: number }[] = uses.map((r) => ({ start: r.start, end: r.end }));
  if (def.kind === 'param') spots.push({ start: def.node.start, end: def.node.end });
  else {
    const scopeNode = def.scopeNode as A.Let;
    for (const b of scopeNode.bindings) {
      if (b.type !== 'Attribute' || !b.path.length || A.staticName(b.path[0]) !== def.name) continue;
      if (b.path[0].type !== 'Ident') return undefined;
      spots.push({ start: b.path[0].start, end: b.path[0].end });
    }
  }
  return [{ path: ctx.path, edits: spots.map((s) => ({ start: s.start, end: s.end, newText: newName })) }];
}
