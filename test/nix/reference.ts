/**
 * The reference: `nix-instantiate --parse` (Nix 2.8, Debian's nix-bin) and our verdict on the same
 * text, in the same shape, for the conformance test and scripts/nix-conformance.mjs.
 */
import { spawnSync } from 'node:child_process';
import { parse } from '../../server/src/languages/nix/parser';
import { scopes } from '../../server/src/languages/nix/scope';
import { LineIndex } from '../../server/src/text/lines';

export interface Verdict {
  ok: boolean;
  line?: number;
  message?: string;
  undefinedName?: string;
}

export function hasNixInstantiate(): boolean {
  const r = spawnSync('nix-instantiate', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

export function reference(file: string): Verdict {
  const r = spawnSync('nix-instantiate', ['--store', 'dummy://', '--parse', '--log-format', 'internal-json', file], {
    encoding: 'utf8',
  });
  if (r.status === 0) return { ok: true };
  for (const l of r.stderr.split('\n')) {
    if (!l.startsWith('@nix ')) continue;
    const m = JSON.parse(l.slice(5));
    if (m.action === 'msg' && m.level === 0) {
      const msg = String(m.msg).replace(/\x1b\[[0-9;]*m/g, '');
      const u = /undefined variable '([^']*)'/.exec(msg);
      return { ok: false, line: m.line, message: msg.split('\n')[0], undefinedName: u?.[1] };
    }
  }
  return { ok: false, message: r.stderr.trim().split('\n')[0] };
}

/** Our verdict: the first parse problem, else the undefined variables (Nix reports one of them). */
export function ours(text: string): Verdict & { undefinedNames?: string[] } {
  const model = parse(text);
  const lines = new LineIndex(text);
  const p = model.problems[0];
  if (p) return { ok: false, line: lines.position(p.start).line + 1, message: p.message };
  const undef = scopes(model).refs.filter((r) => r.target === 'undefined');
  if (undef.length)
    return {
      ok: false,
      line: lines.position(undef[0].start).line + 1,
      message: `undefined variable '${undef[0].name}'`,
      undefinedNames: undef.map((u) => u.name),
    };
  return { ok: true };
}

/** Whether two verdicts agree: same acceptance; on rejection the same line, or the same undefined name. */
export function agree(ref: Verdict, us: ReturnType<typeof ours>): boolean {
  if (ref.ok !== us.ok) return false;
  if (ref.ok) return true;
  if (ref.undefinedName !== undefined) return !!us.undefinedNames?.includes(ref.undefinedName);
  return ref.line === us.line;
}
