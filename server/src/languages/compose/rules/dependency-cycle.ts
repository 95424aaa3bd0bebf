import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { serviceRefsOf, type ServiceRef } from '../refs';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP021',
    id: 'dependency-cycle',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'Services depend on each other in a circle, so none of them can start first.',
    messages: { cycle: 'Dependency cycle: {{cycle}}.' },
    docs: {
      severity: 'Compose refuses a dependency cycle: no service could start first.',
      rationale:
        'Compose orders startup by `depends_on`, `links`, `volumes_from` and ' +
        '`network_mode: service:`; a circle among them makes `docker compose up` fail with ' +
        '"dependency cycle detected". Break the circle, usually by letting one side retry its ' +
        'connection instead of depending.',
      incorrect:
        'services:\n  api:\n    image: api:1.0\n    depends_on: [worker]\n  ' +
        'worker:\n    image: worker:1.0\n    depends_on: [api]\n',
      correct: 'services:\n  api:\n    image: api:1.0\n    depends_on: [worker]\n  worker:\n    image: worker:1.0\n',
      peers: ['docker compose up (dependency cycle detected)'],
    },
  },
  check(ctx) {
    const edges = new Map<string, ServiceRef[]>();
    for (const r of serviceRefsOf(ctx)) {
      if (r.kind === 'extends') continue;
      const list = edges.get(r.service.name) ?? [];
      list.push(r);
      edges.set(r.service.name, list);
    }
    const state = new Map<string, 1 | 2>();
    const stack: ServiceRef[] = [];
    const reported = new Set<string>();
    const visit = (name: string) => {
      state.set(name, 1);
      for (const edge of edges.get(name) ?? []) {
        const s = state.get(edge.name);
        if (s === 1) {
          const from = stack.findIndex((e) => e.service.name === edge.name);
          const cycle = [...stack.slice(from < 0 ? stack.length : from), edge];
          const key = cycle
            .map((e) => e.service.name)
            .sort()
            .join(',');
          if (!reported.has(key)) {
            reported.add(key);
            const text = [...cycle.map((e) => e.service.name), edge.name].join(' → ');
            ctx.report({ start: edge.start, end: edge.end, messageId: 'cycle', data: { cycle: text } });
          }
        } else if (s === undefined && edges.has(edge.name)) {
          stack.push(edge);
          visit(edge.name);
          stack.pop();
        }
      }
      state.set(name, 2);
    };
    for (const svc of ctx.model.services) if (!state.has(svc.name)) visit(svc.name);
  },
});
