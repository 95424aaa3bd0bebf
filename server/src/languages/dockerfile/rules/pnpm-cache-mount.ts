import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3075',
    id: 'pnpm-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'pnpm runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for pnpm (`{{mount}}`): rebuilds then reuse what it downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'pnpm downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `pnpm install`, `i`, `add` or `fetch` in a RUN without a cache (or tmpfs) mount at a ' +
        'target containing `pnpm`, as hadolint does.',
      incorrect: 'RUN pnpm install --frozen-lockfile',
      correct: 'RUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm install --frozen-lockfile',
      peers: ['hadolint DL3075'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      runs('pnpm', ['install', 'add', 'fetch', 'i']),
      ['pnpm'],
      '--mount=type=cache,target=/root/.local/share/pnpm/store',
    );
  },
});
