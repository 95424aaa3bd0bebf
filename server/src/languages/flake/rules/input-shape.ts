import { defineRule } from '../../../engine/define';
import type { NixModel } from '../../nix/ast';
import { unparen } from '../../nix/util';
import { flakeInfoOf } from '../model';
import { INPUT_KEYS } from '../schema';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL003',
    id: 'flake-input-shape',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'Each flake input is a set of known attributes (url, flake, follows, inputs, ...).',
    messages: {
      notSet: 'The input \'{{name}}\' must be a set like `{ url = "..."; }`.',
      unknownKey:
        "'{{key}}' is not an input attribute (url, flake, follows, inputs, type, owner, repo, ref, rev, dir, ...).",
      flakeBool: '`flake` must be true or false.',
      notStringUrl: "The input '{{name}}' has a `{{key}}` that is not a string.",
    },
    docs: {
      severity: 'Nix refuses an input attribute it does not know.',
      rationale:
        'Nix reads every input as a set whose attributes describe a flake ' +
        'reference; a string in its place ("expected a set") or an attribute no fetcher knows is ' +
        'an error when the flake is locked.',
      incorrect: '{\n  inputs.nixpkgs = "github:NixOS/nixpkgs";\n  outputs = { self, nixpkgs }: { };\n}\n',
      correct: '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { self, nixpkgs }: { };\n}\n',
      peers: ['nix flake lock'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    for (const inp of info.inputs.values()) {
      const e = inp.entry;
      if (!e.tree) {
        if (!e.value) continue;
        const v = unparen(e.value);
        if (v.type === 'Str' || v.type === 'Uri') {
          const key = e.keys[e.keys.length - 1];
          ctx.report({
            start: v.start,
            end: v.end,
            messageId: 'notSet',
            data: { name: inp.name },
            suggestions: [
              {
                title: 'Use it as the url',
                edits: [
                  { start: v.start, end: v.start, newText: '{ url = ' },
                  { start: v.end, end: v.end, newText: '; }' },
                ],
                safe: false,
              },
            ],
          });
          void key;
        } else if (
          v.type === 'Int' ||
          v.type === 'Float' ||
          v.type === 'List' ||
          v.type === 'Lambda' ||
          v.type === 'Path'
        ) {
          ctx.report({ start: v.start, end: v.end, messageId: 'notSet', data: { name: inp.name } });
        }
        continue;
      }
      for (const [key, se] of e.tree.entries) {
        if (!(key in INPUT_KEYS)) {
          ctx.report({ start: se.keys[0].start, end: se.keys[0].end, messageId: 'unknownKey', data: { key } });
          continue;
        }
        const v = se.value ? unparen(se.value) : undefined;
        if (!v) continue;
        if (
          key === 'flake' &&
          (v.type !== 'Var' || (v.name !== 'true' && v.name !== 'false')) &&
          v.type !== 'Select' &&
          v.type !== 'Apply' &&
          v.type !== 'If'
        )
          ctx.report({ start: v.start, end: v.end, messageId: 'flakeBool' });
        if (
          (key === 'url' || key === 'follows') &&
          (v.type === 'Int' ||
            v.type === 'Float' ||
            v.type === 'List' ||
            v.type === 'AttrSet' ||
            v.type === 'Lambda' ||
            (v.type === 'Var' && (v.name === 'true' || v.name === 'false' || v.name === 'null')))
        )
          ctx.report({ start: v.start, end: v.end, messageId: 'notStringUrl', data: { name: inp.name, key } });
      }
    }
  },
});
