import { defineRule } from '../../../engine/define';
import { isMap } from 'yaml';
import type { ComposeModel } from '../parse';
import { entries, entry, nodeEnd, nodeStart, str } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP038',
    id: 'completed-with-restart',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: '`condition: service_completed_successfully` waits for a service that is restarted whenever it exits.',
    messages: {
      restarts:
        '"{{name}}" is awaited until it exits successfully, but `restart: {{restart}}` starts it again when it exits.',
    },
    docs: {
      severity: 'A likely bug: the waiting service may never start, or start again and again.',
      rationale:
        'A one-shot service (a migration, a seed job) that others wait for ' +
        'with `service_completed_successfully` must be allowed to stay exited. With `restart: ' +
        'always` or `unless-stopped`, Docker restarts it as soon as it exits, so the dependants ' +
        'may never start, or the job runs again and again. Use `restart: "no"` or `on-failure`; ' +
        'the suggestion changes it to `on-failure`.',
      incorrect:
        'services:\n  app:\n    image: app:1.0\n    depends_on:\n      ' +
        'migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: ' +
        'app:1.0\n    command: ["./migrate"]\n    restart: always\n',
      correct:
        'services:\n  app:\n    image: app:1.0\n    depends_on:\n      ' +
        'migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: ' +
        'app:1.0\n    command: ["./migrate"]\n    restart: on-failure\n',
      peers: [],
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const byName = new Map(ctx.model.services.map((s) => [s.name, s]));
    const reported = new Set<string>();
    for (const svc of ctx.model.services) {
      const dep = svc.get('depends_on')?.value;
      if (!dep || !isMap(dep)) continue;
      for (const e of entries(dep, doc)) {
        if (str(entry(e.value, doc, 'condition')?.value) !== 'service_completed_successfully') continue;
        const target = byName.get(e.key);
        const restart = target?.get('restart')?.value;
        const value = str(restart);
        if (!target || !restart || (value !== 'always' && value !== 'unless-stopped') || reported.has(target.name))
          continue;
        reported.add(target.name);
        const start = nodeStart(restart),
          end = nodeEnd(restart);
        ctx.report({
          start,
          end,
          messageId: 'restarts',
          data: { name: target.name, restart: value },
          fix: { title: 'Restart only on failure', safe: false, edits: [{ start, end, newText: 'on-failure' }] },
          related: [{ path: ctx.path, start: e.keyStart, end: e.keyEnd, message: `"${svc.name}" waits for it here` }],
        });
      }
    }
  },
});
