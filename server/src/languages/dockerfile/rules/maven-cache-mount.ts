import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3071',
    id: 'maven-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'Maven runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for Maven (`{{mount}}`): rebuilds then reuse what it downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'Maven downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `mvn install`, `compile`, `package`, `test`, `verify`, `deploy` or ' +
        '`dependency:resolve` in a RUN without a cache (or tmpfs) mount at a target containing `.m2`, as ' +
        'hadolint does.',
      incorrect: 'RUN mvn -B package',
      correct: 'RUN --mount=type=cache,target=/root/.m2 mvn -B package',
      peers: ['hadolint DL3071'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      runs('mvn', ['install', 'compile', 'package', 'test', 'verify', 'deploy', 'dependency:resolve']),
      ['.m2'],
      '--mount=type=cache,target=/root/.m2',
    );
  },
});
