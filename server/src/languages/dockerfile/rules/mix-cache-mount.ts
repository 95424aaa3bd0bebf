import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3076',
    id: 'mix-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'Mix (Elixir) runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for Mix (Elixir) (`{{mount}}`): rebuilds then reuse what it ' + 'downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'Mix (Elixir) downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `mix deps.get`, `deps.compile` or `compile` in a RUN without a cache (or tmpfs) ' +
        'mount at a target containing `.hex` or `.mix`, as hadolint does.',
      incorrect: 'RUN mix deps.get',
      correct: 'RUN --mount=type=cache,target=/root/.hex --mount=type=cache,target=/root/.mix mix deps.get',
      peers: ['hadolint DL3076'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      runs('mix', ['deps.get', 'deps.compile', 'compile']),
      ['.hex', '.mix'],
      '--mount=type=cache,target=/root/.hex --mount=type=cache,target=/root/.mix',
    );
  },
});
