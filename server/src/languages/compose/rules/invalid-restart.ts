import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { entry, nodeEnd, nodeStart, str } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';

const RESTART = ['no', 'always', 'on-failure', 'unless-stopped'];
const CONDITIONS = ['none', 'on-failure', 'any'];

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP029',
    id: 'invalid-restart',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description:
      '`restart` is not one of no, always, on-failure[:N], unless-stopped ' +
      '(or `deploy.restart_policy.condition` not none, on-failure, any).',
    messages: {
      restart: '"{{value}}" is not a restart policy: use no, always, on-failure[:max-retries] or unless-stopped.',
      condition: '"{{value}}" is not a restart_policy condition: use none, on-failure or any.',
    },
    docs: {
      severity: 'Compose refuses a restart policy it does not know.',
      rationale:
        'The spec types `restart` as any string, but Docker only knows four ' +
        'policies and fails at `up` on anything else. `deploy.restart_policy.condition` has its ' +
        'own words (`none`, `on-failure`, `any`); mixing the two up is a common slip.',
      incorrect: 'services:\n  web:\n    image: nginx:1.27\n    restart: on-failure:three\n',
      correct: 'services:\n  web:\n    image: nginx:1.27\n    restart: on-failure:3\n',
      peers: ['docker compose up'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const n = svc.get('restart')?.value;
      const v = str(n);
      if (
        n &&
        typeof (n as any).value === 'string' &&
        v !== undefined &&
        !v.includes('$') &&
        !/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(v)
      ) {
        const s = nearest(v, RESTART);
        ctx.report({
          start: nodeStart(n),
          end: nodeEnd(n),
          messageId: 'restart',
          data: { value: v },
          fix: s
            ? {
                title: `Change to "${s}"`,
                safe: false,
                edits: [{ start: nodeStart(n), end: nodeEnd(n), newText: s === 'no' ? '"no"' : s }],
              }
            : undefined,
        });
      }
      const policy = entry(svc.get('deploy')?.value, ctx.model.doc, 'restart_policy')?.value;
      const c = entry(policy, ctx.model.doc, 'condition')?.value;
      const cv = str(c);
      if (c && cv !== undefined && !cv.includes('$') && !CONDITIONS.includes(cv)) {
        const s = nearest(cv, CONDITIONS) ?? (cv === 'always' || cv === 'unless-stopped' ? 'any' : undefined);
        ctx.report({
          start: nodeStart(c),
          end: nodeEnd(c),
          messageId: 'condition',
          data: { value: cv },
          fix: s
            ? { title: `Change to "${s}"`, safe: false, edits: [{ start: nodeStart(c), end: nodeEnd(c), newText: s }] }
            : undefined,
        });
      }
    }
  },
});
