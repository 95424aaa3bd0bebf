import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { relatedModels, serviceRefsOf } from '../refs';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP020',
    id: 'unknown-service',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'depends_on, links, volumes_from, extends or network_mode names a service that is not defined.',
    messages: {
      missing: '{{kind}} names the service "{{name}}", which is not defined.',
      missingSuggest: '{{kind}} names the service "{{name}}", which is not defined; did you mean "{{suggestion}}"?',
    },
    docs: {
      severity: 'Compose refuses to load a file that names a service it does not define.',
      rationale:
        'Compose stops with "depends on undefined service" (or the like for ' +
        'links, volumes_from, extends and `network_mode: service:`) only when the project is ' +
        'loaded. Services of override files in the same folder (compose.override.yaml and the ' +
        'like) and of `include`d files count as defined.',
      incorrect:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - ' +
        'databse\n  database:\n    image: postgres:16\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - ' +
        'database\n  database:\n    image: postgres:16\n',
      peers: ['docker compose config'],
    },
  },
  check(ctx) {
    const names = new Set(ctx.model.services.map((s) => s.name));
    let siblingsLoaded = false;
    for (const ref of serviceRefsOf(ctx)) {
      if (names.has(ref.name)) continue;
      if (!siblingsLoaded) {
        for (const m of relatedModels(ctx.model, ctx.path, ctx.workspace))
          for (const s of m.services) names.add(s.name);
        siblingsLoaded = true;
        if (names.has(ref.name)) continue;
      }
      const suggestion = nearest(
        ref.name,
        ctx.model.services.map((s) => s.name),
      );
      ctx.report({
        start: ref.start,
        end: ref.end,
        messageId: suggestion ? 'missingSuggest' : 'missing',
        data: { kind: ref.kind, name: ref.name, suggestion: suggestion ?? '' },
        fix: suggestion
          ? {
              title: `Change to "${suggestion}"`,
              safe: false,
              edits: [{ start: ref.start, end: ref.end, newText: suggestion }],
            }
          : undefined,
      });
    }
  },
});
