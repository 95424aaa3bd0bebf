import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { relatedModels, serviceRefsOf } from '../refs';
import { nearest } from '../../../text/nearest';
import type { ServiceModel } from '../parse';
import { str } from '../../../yaml/view';

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
      missingImage:
        '{{kind}} names the service "{{name}}", which is not defined; the service "{{suggestion}}" runs the ' +
        '{{name}} image: did you mean it?',
    },
    docs: {
      severity: 'Compose refuses to load a file that names a service it does not define.',
      rationale:
        'Compose stops with "depends on undefined service" (or the like for ' +
        'links, volumes_from, extends and `network_mode: service:`) only when the project is ' +
        'loaded. Services of override files in the same folder (compose.override.yaml and the ' +
        'like) and of `include`d files count as defined. When a defined service has a close name ' +
        '(`databse` for `database`, `postgres` for `postgres-db`) or is the one that runs the image the name names (`redis` when ' +
        'the service `cache` runs `redis:7`), the fix changes the name to it (a suggestion).',
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
    const images = new Map<string, string[]>();
    const addImages = (services: ServiceModel[]) => {
      for (const s of services) {
        const image = imageName(str(s.get('image')?.value ?? null));
        if (image) images.set(image, [...(images.get(image) ?? []), s.name]);
      }
    };
    addImages(ctx.model.services);
    let siblingsLoaded = false;
    for (const ref of serviceRefsOf(ctx)) {
      if (names.has(ref.name)) continue;
      if (!siblingsLoaded) {
        for (const m of relatedModels(ctx.model, ctx.path, ctx.workspace)) {
          for (const s of m.services) names.add(s.name);
          addImages(m.services);
        }
        siblingsLoaded = true;
        if (names.has(ref.name)) continue;
      }
      // never the service itself: `web` depending on `wbe` does not mean itself
      const others = [...names].filter((n) => n !== ref.service.name);
      const typo = nearest(ref.name, others) ?? nearest(ref.name, others, { mode: 'rename', containment: 'either' });
      const byImage = images.get(ref.name.toLowerCase())?.filter((n) => n !== ref.service.name);
      const runsImage = !typo && byImage?.length === 1 ? byImage[0] : undefined;
      const suggestion = typo ?? runsImage;
      ctx.report({
        start: ref.start,
        end: ref.end,
        messageId: runsImage ? 'missingImage' : suggestion ? 'missingSuggest' : 'missing',
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

/** `redis` for `redis:7.4-alpine`, `docker.io/library/postgres@sha256:…` and `bitnami/redis:7`; lowercased. */
function imageName(image: string | undefined): string | undefined {
  if (!image || image.includes('$')) return undefined;
  const path = image.split('@')[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return (colon < 0 ? last : last.slice(0, colon)).toLowerCase() || undefined;
}
