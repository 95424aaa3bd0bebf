import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3073',
    id: 'composer-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'Composer runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for Composer (`{{mount}}`): rebuilds then reuse what it downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'Composer downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `composer install`, `update` or `require` in a RUN without a cache (or tmpfs) mount ' +
        'at a target containing `.composer/cache`, as hadolint does.',
      incorrect: 'RUN composer install --no-dev',
      correct: 'RUN --mount=type=cache,target=/root/.composer/cache composer install --no-dev',
      peers: ['hadolint DL3073'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      runs('composer', ['install', 'update', 'require']),
      ['.composer/cache'],
      '--mount=type=cache,target=/root/.composer/cache',
    );
  },
});
