import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { unparen } from '../../nix/util';
import { flakeInfoOf } from '../model';

const NOT_STRING = new Set([
  'Int',
  'Float',
  'List',
  'AttrSet',
  'Lambda',
  'Path',
  'SearchPath',
  'Binary',
  'Unary',
  'HasAttr',
]);

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL002',
    id: 'flake-description-string',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The flake description is a string.',
    messages: { notString: 'The flake description must be a string.' },
    docs: {
      severity: 'Nix refuses a flake whose description is not a string.',
      rationale:
        'Nix requires `description` to be a string and stops with "expected a ' +
        'string" otherwise; `nix flake metadata` and `nix search` show it.',
      incorrect: '{\n  description = [ "dev" "shell" ];\n  outputs = { self }: { };\n}\n',
      correct: '{\n  description = "Development shell";\n  outputs = { self }: { };\n}\n',
      peers: ['nix flake check'],
    },
  },
  check(ctx) {
    const e = flakeInfoOf(ctx).tree?.entries.get('description');
    if (!e) return;
    if (e.tree) {
      ctx.report({ start: e.keys[0].start, end: e.keys[0].end, messageId: 'notString' });
      return;
    }
    if (!e.value) return;
    const v = unparen(e.value);
    const bad = NOT_STRING.has(v.type) && !(v.type === 'Binary' && v.op === '+');
    if (bad) ctx.report({ start: v.start, end: v.end, messageId: 'notString' });
  },
});
