/**
 * What a flake.nix adds to the Nix editor features: completion of its top-level keys, inputs, input URLs, outputs,
 * systems and the `outputs` function's arguments, and hovers on inputs, top-level keys and outputs. Anything else is
 * the Nix language's own (a flake builds on nix; nix knows nothing of flakes).
 */
import type { Completion, FeatureContext, HoverResult } from '../../engine/types';
import * as A from '../nix/ast';
import { item, keyContext } from '../nix/features';
import { scopes } from '../nix/scope';
import { flakeInfoOf, type FlakeInput } from './model';
import { COMMON_INPUT_URLS, INPUT_KEYS, OUTPUTS, SYSTEMS, TOP_KEYS } from './schema';

type Ctx = FeatureContext<A.NixModel>;

/** Completions only a flake has at the offset; undefined where the Nix ones apply. */
export function flakeComplete(ctx: Ctx, offset: number): Completion[] | undefined {
  const before = ctx.text.slice(Math.max(0, offset - 200), offset);
  if (/\b(builtins|pkgs)\.[\w'-]*$/.test(before)) return undefined;
  const kc = keyContext(ctx.model, offset);
  const info = flakeInfoOf(ctx);
  const linePrefix = /(?<![\w.-])[\w.-]*$/.exec(before)?.[0] ?? '';
  const typed = linePrefix.split('.').slice(0, -1);
  const full = kc.atKey ? [...kc.path, ...typed] : kc.path;
  if (kc.lambdaFormals && info.outputsLambda?.formals === kc.lambdaFormals) {
    const have = new Set(kc.lambdaFormals.formals.map((f) => f.name.name));
    return [...info.inputs.keys(), 'self']
      .filter((n) => !have.has(n))
      .map((n) => item(n, 'variable', 'flake input', info.inputs.get(n)?.url?.value));
  }
  if (kc.inString && full[0] === 'inputs' && full[full.length - 1] === 'url')
    return COMMON_INPUT_URLS.map((u) => item(u.url, 'value', u.name, u.doc));
  if (!kc.atKey) return undefined;
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
  return undefined;
}

const inputHover = (inp: FlakeInput) => {
  const where = inp.url ? `\n\n\`${inp.url.value}\`` : inp.follows ? `\n\nfollows \`${inp.follows.value}\`` : '';
  return `**input ${inp.name}**${where}`;
};

/** Hovers only a flake has at the offset: inputs, top-level keys, outputs; undefined where the Nix ones apply. */
export function flakeHover(ctx: Ctx, offset: number): HoverResult | undefined {
  const chain = A.nodePath(ctx.model.root, offset);
  const last = chain[chain.length - 1];
  const md = (markdown: string, n: { start: number; end: number }): HoverResult => ({
    markdown,
    span: { start: n.start, end: n.end },
  });
  const info = flakeInfoOf(ctx);
  if (last.type === 'Var') {
    const ref = scopes(ctx.model).refs.find((r) => r.start === last.start);
    const inp = ref && typeof ref.target === 'object' ? info.inputs.get(ref.name) : undefined;
    if (inp && typeof ref!.target === 'object' && ref!.target.kind === 'formal') return md(inputHover(inp), last);
  }
  if (last.type !== 'Ident') return undefined;
  const inp = info.inputs.get(last.name);
  if (inp && (info.outputsLambda?.formals?.formals.some((f) => f.name === last) || inp.entry.keys.includes(last)))
    return md(inputHover(inp), last);
  const kc = keyContext(ctx.model, offset);
  if (kc.path.length === 0 && info.top && TOP_KEYS[last.name] && info.tree?.entries.get(last.name)?.keys.includes(last))
    return md(`**${last.name}**\n\n${TOP_KEYS[last.name]}`, last);
  if (info.outputsTree?.entries.get(last.name)?.keys.includes(last) && OUTPUTS[last.name])
    return md(`**${last.name}** (flake output)\n\n${OUTPUTS[last.name].doc}`, last);
  return undefined;
}
