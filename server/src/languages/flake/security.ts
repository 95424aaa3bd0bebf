/**
 * What the flake security rules (FL1xx) read: the settings of `nixConfig` with the strings each holds (a list of
 * strings, or one space-separated string), with their nodes.
 */
import type * as A from '../nix/ast';
import { literalString, unparen } from '../nix/util';
import type { FlakeInfo } from './model';

export interface ConfigString {
  value: string;
  node: A.Expr;
}

/** The strings of one `nixConfig` setting (undefined when the flake does not set it, or not literally). */
export function configStrings(info: FlakeInfo, key: string): ConfigString[] | undefined {
  const e = info.tree?.entries.get('nixConfig')?.tree?.entries.get(key);
  if (!e?.value) return undefined;
  const v = unparen(e.value);
  const one = (x: A.Expr): ConfigString[] => {
    const u = unparen(x);
    if (u.type === 'Uri') return [{ value: u.value, node: u }];
    const s = literalString(u);
    return s === undefined
      ? []
      : s
          .split(/\s+/)
          .filter(Boolean)
          .map((value) => ({ value, node: u }));
  };
  if (v.type === 'List') return v.items.flatMap(one);
  return one(v);
}

/** A setting of `nixConfig` whose value is the literal `false` (or "false"). */
export function configFalse(info: FlakeInfo, key: string): A.Expr | undefined {
  const e = info.tree?.entries.get('nixConfig')?.tree?.entries.get(key);
  if (!e?.value) return undefined;
  const v = unparen(e.value);
  if (v.type === 'Var' && v.name === 'false') return v;
  return literalString(v) === 'false' ? v : undefined;
}

/** Whether a URL's host is this machine (plain HTTP there crosses no network). */
export function isLocalHost(url: string): boolean {
  return /^[a-z+]+:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])([:/]|$)/i.test(url);
}
