import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { PREDEFINED_ARGS } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF012',
    id: 'invalid-default-arg-in-from',
    defaultSeverity: 'warning',
    description: 'The default values of the ARGs used in FROM should give a valid image reference.',
    messages: {
      invalid:
        'With the ARG defaults, this FROM gives `{{image}}`, which is not a ' +
        'valid image reference: give the ARG a default.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: a build without `--build-arg` fails on the invalid image reference.',
      rationale:
        'Without `--build-arg`, FROM uses the ARG defaults; an ARG without a ' +
        'default leaves `node:` or an empty name and the build fails. BuildKit ' +
        '`InvalidDefaultArgInFrom`.',
      incorrect: 'ARG TAG\nFROM node:${TAG}',
      correct: 'ARG TAG=20-alpine\nFROM node:${TAG}',
      peers: ['BuildKit InvalidDefaultArgInFrom'],
    },
  },
  check(ctx) {
    const defaults = new Map<string, string>();
    for (const a of ctx.model.globalArgs) defaults.set(a.name, a.value ?? '');
    for (const s of ctx.model.stages) {
      if (!s.image?.includes('$')) continue;
      let unknown = false;
      const expanded = s.image.replace(
        /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
        (_m, n1, op, word, n2) => {
          const n = n1 ?? n2;
          if (PREDEFINED_ARGS.includes(n)) {
            unknown = true;
            return 'x';
          }
          const v = defaults.get(n);
          if (v === undefined) {
            unknown = true;
            return 'x';
          } // DF007 reports it
          if (op === '-') return v === '' ? word : v;
          if (op === '+') return v === '' ? '' : word;
          return v;
        },
      );
      if (unknown || expanded.includes('$')) continue;
      if (
        !/^[a-z0-9]+([._-]+[a-z0-9]+|:[0-9]+)*(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@[a-z0-9]+:[a-fA-F0-9]{32,})?$/.test(
          expanded,
        )
      ) {
        ctx.report({ start: s.imageStart, end: s.imageEnd, messageId: 'invalid', data: { image: expanded } });
      }
    }
  },
});
