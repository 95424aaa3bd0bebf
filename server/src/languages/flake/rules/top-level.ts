import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { unparen } from '../../nix/util';
import { flakeInfoOf } from '../model';
import { TOP_KEYS } from '../schema';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL001',
    id: 'flake-top-level',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A flake.nix is an attribute set with only description, inputs, outputs and nixConfig.',
    messages: {
      notSet: 'A flake.nix must be an attribute set ({ description = ...; inputs = ...; outputs = ...; }).',
      unknownKey:
        "'{{name}}' is not a flake attribute; Nix rejects it (allowed: description, inputs, outputs, nixConfig).",
      noOutputs: 'The flake has no outputs.',
    },
    docs: {
      severity: 'Nix refuses a flake with other top-level attributes.',
      rationale:
        'Nix reads flake.nix as a set and refuses any top-level attribute ' +
        'other than `description`, `inputs`, `outputs` and `nixConfig` ("unsupported attribute"). ' +
        'Outputs belong inside the `outputs` function.',
      incorrect: '{\n  description = "x";\n  packages = { };\n  outputs = { self }: { };\n}\n',
      correct: '{\n  description = "x";\n  outputs = { self }: { packages = { }; };\n}\n',
      peers: ['nix flake check'],
    },
  },
  check(ctx) {
    if (ctx.model.problems.length) return;
    const info = flakeInfoOf(ctx);
    const root = unparen(ctx.model.root);
    if (!info.top) {
      if (
        root.type !== 'Let' &&
        root.type !== 'With' &&
        root.type !== 'Apply' &&
        root.type !== 'Var' &&
        root.type !== 'Select'
      )
        ctx.report({ start: root.start, end: Math.min(root.end, root.start + 1), messageId: 'notSet' });
      return;
    }
    for (const [name, e] of info.tree!.entries) {
      if (name in TOP_KEYS) continue;
      ctx.report({ start: e.keys[0].start, end: e.keys[0].end, messageId: 'unknownKey', data: { name } });
    }
    if (
      !info.tree!.entries.has('outputs') &&
      !info.top.bindings.some((b) => b.type === 'Attribute' && b.path.some((a) => a.type !== 'Ident'))
    ) {
      ctx.report({ start: info.top.start, end: info.top.start + 1, messageId: 'noOutputs' });
    }
  },
});
