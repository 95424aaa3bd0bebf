import { defineRule } from '../../../engine/define';
import type { NixModel } from '../ast';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'NX002',
    id: 'duplicate-attribute',
    kinds: ['nix', 'flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'An attribute is defined twice in the same set.',
    messages: { duplicate: "The attribute '{{name}}' is defined twice; Nix rejects the file." },
    docs: {
      severity: 'Nix refuses a set that defines an attribute twice.',
      rationale:
        'Nix refuses a set (or `let`) that defines the same attribute twice, ' +
        'unless both definitions are plain sets, which it merges (`a.b = 1; a.c = 2;`). The error ' +
        'stops evaluation of the whole file.',
      incorrect: '{\n  version = "1.0";\n  version = "1.1";\n}\n',
      correct: '{\n  version = "1.1";\n  meta.description = "x";\n  meta.license = "MIT";\n}\n',
      peers: ['nix-instantiate (attribute already defined)', 'nil duplicated_key'],
    },
  },
  check(ctx) {
    for (const p of ctx.model.problems)
      if (p.messageId === 'duplicateAttr')
        ctx.report({ start: p.start, end: p.end, messageId: 'duplicate', data: { name: String(p.data?.name ?? '') } });
  },
});
