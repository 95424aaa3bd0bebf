import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3070',
    id: 'go-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'Go runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for Go (`{{mount}}`): rebuilds then reuse what it downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'Go downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `go build`, `get`, `install`, `test` or `mod` in a RUN without a cache (or tmpfs) ' +
        'mount at a target containing `.cache/go-build` or `go/pkg/mod`, as hadolint does.',
      incorrect: 'RUN go build -o /out/app ./cmd/app',
      correct:
        'RUN --mount=type=cache,target=/root/.cache/go-build \\\n' +
        '    --mount=type=cache,target=/go/pkg/mod \\\n' +
        '    go build -o /out/app ./cmd/app',
      peers: ['hadolint DL3070'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      runs('go', ['build', 'get', 'install', 'test', 'mod']),
      ['.cache/go-build', 'go/pkg/mod'],
      '--mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod',
    );
  },
});
