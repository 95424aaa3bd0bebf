import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF003',
    id: 'from-as-casing',
    defaultSeverity: 'info',
    description: 'The `AS` keyword should match the case of the `FROM` keyword.',
    messages: { casing: '`{{as}}` does not match the case of `{{from}}`: write `{{want}}`.' },
    fixable: 'safe',
    docs: {
      severity: 'Style: the build is the same whatever the case of `AS`.',
      rationale:
        'Consistent casing reads better and is what BuildKit `FromAsCasing` ' +
        "checks. The fix changes the keyword's case and is safe.",
      incorrect: 'FROM node:20 as build',
      correct: 'FROM node:20 AS build',
      peers: ['BuildKit FromAsCasing'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const a = s.from.args;
      if (a.length !== 3 || a[1].value.toLowerCase() !== 'as') continue;
      const from = s.from.written;
      const upper = from === from.toUpperCase();
      const lower = from === from.toLowerCase();
      const want = upper ? 'AS' : lower ? 'as' : undefined;
      if (!want || a[1].value === want) continue;
      ctx.report({
        start: a[1].start,
        end: a[1].end,
        messageId: 'casing',
        data: { as: a[1].value, from, want },
        fix: { title: `Write ${want}`, safe: true, edits: [{ start: a[1].start, end: a[1].end, newText: want }] },
      });
    }
  },
});
