import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { filterPatterns, kindOf } from './glob';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF036',
    id: 'glob-never-matches',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'Filter patterns that cannot match: ref names with spaces or `~ ^ :`, `./` or a leading space in paths.',
    messages: { never: 'The {{kind}} pattern "{{pattern}}" never matches: {{reason}}.' },
    fixable: false,
    docs: {
      rationale:
        'A git ref name cannot contain spaces, `~`, `^` or `:`, start with `/` or end with `/` or `.`, so a ' +
        'branch or tag pattern with one never matches (filters are globs, not regular expressions: `^release-.*$` ' +
        'matches nothing). Paths are matched from the repository root, without `./` and without leading spaces. ' +
        'Severity warning: GitHub accepts the pattern, and the workflow silently never runs for it.',
      incorrect: "on:\n  push:\n    branches: ['^release-.*$']\n",
      correct: "on:\n  push:\n    branches: ['release-*']\n",
      peers: ['actionlint glob'],
    },
  },
  check(ctx) {
    for (const f of ctx.once('workflow:filters', () => filterPatterns(ctx)))
      for (const p of f.problems)
        if (p.kind === 'never')
          ctx.report({
            start: Math.min(f.at + p.at, f.end),
            end: Math.min(f.at + p.at + 1, f.end),
            messageId: 'never',
            data: { kind: kindOf(f.key), pattern: f.pattern, reason: p.reason },
          });
  },
});
