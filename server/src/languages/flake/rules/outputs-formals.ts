import { defineRule } from '../../../engine/define';
import type { Fix } from '../../../engine/types';
import type { NixModel } from '../../nix/ast';
import { unparen } from '../../nix/util';
import { flakeInfoOf } from '../model';
import { formalEdit } from '../../nix/flake-inputs';

export const rule = defineRule<NixModel>({
  meta: {
    code: 'FL006',
    id: 'flake-outputs-formals',
    kinds: ['flake'],
    defaultSeverity: 'error',
    fixable: 'safe',
    description: '`outputs` is a function whose pattern matches the declared inputs.',
    messages: {
      notFunction: '`outputs` must be a function, e.g. `{ self, nixpkgs }: { ... }`.',
      missingFormal:
        "The input '{{name}}' is passed to outputs but its pattern has no " +
        '\'{{name}}\' and no `...`; Nix fails with "unexpected argument".',
      missingSelf:
        "Nix passes `self` to outputs, but its pattern has no 'self' and no `...`; Nix fails with " +
        '"called with unexpected argument \'self\'".',
    },
    docs: {
      severity: 'Evaluation fails when `outputs` cannot be called with the inputs.',
      rationale:
        'Nix calls `outputs` with `self` and every input. A pattern without ' +
        '`...` that lacks one of them fails ("called with unexpected argument"); a pattern name ' +
        'that no input declares is silently fetched from the global flake registry, which is ' +
        'rarely what was meant (FL011). Adding a missing `self` is a safe fix (Nix passes it anyway, and nothing ' +
        'else named `self` is in scope at the top of flake.nix); a missing input is offered as a suggestion: add ' +
        'its name, or `...`.',
      incorrect:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  inputs.utils.url ' +
        '= "github:numtide/flake-utils";\n  outputs = { self, nixpkgs }: { };\n}\n',
      correct:
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  inputs.utils.url ' +
        '= "github:numtide/flake-utils";\n  outputs = { self, nixpkgs, utils }: { };\n}\n',
      peers: ['nix flake check'],
    },
  },
  check(ctx) {
    const info = flakeInfoOf(ctx);
    if (!info.outputs?.value) return;
    const v = unparen(info.outputs.value);
    if (!info.outputsLambda) {
      if (['Int', 'Float', 'Str', 'List', 'AttrSet', 'Path', 'Uri'].includes(v.type))
        ctx.report({ start: v.start, end: v.end, messageId: 'notFunction' });
      return;
    }
    const fn = info.outputsLambda;
    const formals = fn.formals;
    if (!formals) return;
    const names = new Set(formals.formals.map((f) => f.name.name));
    if (!formals.ellipsis && !names.has('self')) {
      // Safe: the pattern then takes what Nix passes anyway, and no other `self` is in scope of a flake's top level.
      const first = formals.formals[0];
      ctx.report({
        start: formals.start,
        end: formals.end,
        messageId: 'missingSelf',
        fix: {
          title: "Add 'self' to the outputs arguments",
          edits: first
            ? [{ start: first.start, end: first.start, newText: 'self, ' }]
            : [{ start: formals.start, end: formals.end, newText: '{ self }' }],
          safe: true,
        },
      });
    }
    if (!info.inputsComplete) return;
    if (!formals.ellipsis) {
      for (const inp of info.inputs.values()) {
        if (names.has(inp.name)) continue;
        const suggestions: Fix[] = [];
        const add = formalEdit(formals, inp.name);
        const all = formalEdit(formals, '...');
        if (add && all && formals.formals.length) {
          suggestions.push({ title: `Add '${inp.name}' to the outputs arguments`, edits: [add], safe: false });
          // `...` goes last: after the last name (and its comma), without a comma after it
          all.newText = all.newText.replace(/,$/, '');
          suggestions.push({ title: 'Accept every input with `...`', edits: [all], safe: false });
        }
        ctx.report({
          start: formals.start,
          end: formals.end,
          messageId: 'missingFormal',
          data: { name: inp.name },
          suggestions: suggestions.length ? suggestions : undefined,
        });
      }
    }
  },
});
