import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3072',
    id: 'gradle-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'Gradle runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for Gradle (`{{mount}}`): rebuilds then reuse what it downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'Gradle downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `gradle` or the `gradlew` wrapper in a RUN without a cache (or tmpfs) mount at a ' +
        'target containing `.gradle`, as hadolint does.',
      incorrect: 'RUN ./gradlew assemble',
      correct: 'RUN --mount=type=cache,target=/root/.gradle ./gradlew assemble',
      peers: ['hadolint DL3072'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      (cmd) => cmd.name === 'gradle' || cmd.name === 'gradlew',
      ['.gradle'],
      '--mount=type=cache,target=/root/.gradle',
    );
  },
});
