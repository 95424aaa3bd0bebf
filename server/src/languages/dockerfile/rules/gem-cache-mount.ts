import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3077',
    id: 'gem-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'gem and Bundler runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount:
        'Use a BuildKit cache mount for gem and Bundler (`{{mount}}`): rebuilds then reuse what it ' + 'downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'gem and Bundler downloads dependencies on every build that changes the layer. A cache mount ' +
        '(`RUN --mount=type=cache,target=...`) keeps them between builds without putting them in the ' +
        'image. Reported on `gem install`, `bundle install` or `bundle update` in a RUN without a cache ' +
        '(or tmpfs) mount at a target containing `.gem` or `bundle`, as hadolint does.',
      incorrect: 'RUN bundle install',
      correct: 'RUN --mount=type=cache,target=/usr/local/bundle bundle install',
      peers: ['hadolint DL3077'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      (cmd) => runs('gem', ['install'])(cmd) || runs('bundle', ['install', 'update'])(cmd),
      ['.gem', 'bundle'],
      '--mount=type=cache,target=/usr/local/bundle',
    );
  },
});
