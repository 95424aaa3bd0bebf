import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX007',
    id: 'deprecated-let-body',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'The old `let { ...; body = ...; }` form.',
    messages: { legacy: 'The `let { ... body = ...; }` form is deprecated; use `let ... in ...`.' },
    docs: {
      severity: 'A real risk: a deprecated form that Nix warns about and may drop.',
      rationale:
        'Nix still accepts `let { a = 1; body = a; }`, a recursive set whose ' +
        '`body` attribute is the value, but it is deprecated and unknown to most readers and ' +
        'tools. `let a = 1; in a` says the same.',
      incorrect: 'let { a = 1; body = a; }\n',
      correct: 'let a = 1; in a\n',
      peers: ['nil legacy_let_syntax'],
    },
  },
  check(ctx) {
    for (const n of ctx.model.index.legacyLets) ctx.report({ start: n.start, end: n.start + 3, messageId: 'legacy' });
  },
});
