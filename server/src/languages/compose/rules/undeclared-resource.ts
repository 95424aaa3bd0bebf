import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { relatedModels, resourceRefsOf } from '../refs';
import { nearest } from '../../../text/nearest';

const SINGULAR: Record<string, string> = {
  volumes: 'volume',
  networks: 'network',
  secrets: 'secret',
  configs: 'config',
  models: 'model',
};

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP023',
    id: 'undeclared-resource',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'A service uses a named volume, network, secret, config or model that the top level does not declare.',
    messages: {
      undeclared: 'The {{what}} "{{name}}" is used by "{{service}}" but not declared under top-level `{{section}}:`.',
      undeclaredSuggest:
        'The {{what}} "{{name}}" is used by "{{service}}" but not declared ' +
        'under top-level `{{section}}:`; did you mean "{{suggestion}}"?',
    },
    docs: {
      severity: 'Compose refuses to load a file that uses an undeclared volume, network, secret, config or model.',
      rationale:
        'Compose refuses to start a project whose service refers to an ' +
        'undefined volume, network, secret or config ("refers to undefined volume"). Declarations ' +
        'in override files of the same folder and in `include`d files count. The network `default` ' +
        'needs no declaration.',
      incorrect: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n',
      correct:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ' +
        'pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
      peers: ['docker compose config'],
    },
  },
  check(ctx) {
    const declared = new Map<string, Set<string>>();
    const load = (m: ComposeModel) => {
      for (const [section, list] of Object.entries(m.resources)) {
        const set = declared.get(section) ?? new Set();
        list.forEach((d) => set.add(d.name));
        declared.set(section, set);
      }
    };
    load(ctx.model);
    let siblings = false;
    for (const ref of resourceRefsOf(ctx)) {
      if (ref.section === 'networks' && ref.name === 'default') continue;
      if (declared.get(ref.section)?.has(ref.name)) continue;
      if (!siblings) {
        relatedModels(ctx.model, ctx.path, ctx.workspace).forEach(load);
        siblings = true;
        if (declared.get(ref.section)?.has(ref.name)) continue;
      }
      const suggestion = nearest(
        ref.name,
        ctx.model.resources[ref.section].map((d) => d.name),
      );
      ctx.report({
        start: ref.start,
        end: ref.end,
        messageId: suggestion ? 'undeclaredSuggest' : 'undeclared',
        data: {
          what: SINGULAR[ref.section],
          name: ref.name,
          service: ref.service.name,
          section: ref.section,
          suggestion: suggestion ?? '',
        },
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
