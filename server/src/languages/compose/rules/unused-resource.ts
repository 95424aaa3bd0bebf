import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { relatedModels, resourceRefs, resourceRefsOf } from '../refs';

const SINGULAR: Record<string, string> = {
  volumes: 'volume',
  networks: 'network',
  secrets: 'secret',
  configs: 'config',
  models: 'model',
};

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP024',
    id: 'unused-resource',
    kinds: ['compose'],
    defaultSeverity: 'info',
    fixable: false,
    description: 'A declared volume, network, secret, config or model that no service uses.',
    messages: { unused: 'The {{what}} "{{name}}" is declared but no service uses it.' },
    docs: {
      severity: 'Practice: an unused declaration only clutters the file (and may create an unused volume or network).',
      rationale:
        'A declaration nobody uses is usually a leftover or a typo on the ' +
        'using side (the service then gets an anonymous volume or the default network instead). ' +
        'Uses in override files of the same folder and in `include`d files count. The network ' +
        '`default` is always used implicitly.',
      incorrect:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ' +
        'db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n  dbdata:\n',
      correct:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ' +
        'db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
      peers: [],
    },
  },
  check(ctx) {
    const used = new Set(resourceRefsOf(ctx).map((r) => `${r.section}:${r.name}`));
    let siblings = false;
    for (const [section, list] of Object.entries(ctx.model.resources)) {
      for (const d of list) {
        if (section === 'networks' && d.name === 'default') continue;
        if (used.has(`${section}:${d.name}`)) continue;
        if (!siblings) {
          for (const m of relatedModels(ctx.model, ctx.path, ctx.workspace))
            for (const r of resourceRefs(m)) used.add(`${r.section}:${r.name}`);
          siblings = true;
          if (used.has(`${section}:${d.name}`)) continue;
        }
        ctx.report({
          start: d.keyStart,
          end: d.keyEnd,
          messageId: 'unused',
          data: { what: SINGULAR[section], name: d.name },
        });
      }
    }
  },
});
