import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3074',
    id: 'nuget-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'NuGet (.NET) runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for NuGet (.NET) (`{{mount}}`): rebuilds then reuse what it ' + 'downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'NuGet (.NET) downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `dotnet restore`, `build`, `publish`, `test` or `nuget restore` in a RUN without a ' +
        'cache (or tmpfs) mount at a target containing `.nuget/packages`, as hadolint does.',
      incorrect: 'RUN dotnet restore',
      correct: 'RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore',
      peers: ['hadolint DL3074'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      (cmd) => runs('dotnet', ['restore', 'build', 'publish', 'test'])(cmd) || runs('nuget', ['restore'])(cmd),
      ['.nuget/packages'],
      '--mount=type=cache,target=/root/.nuget/packages',
    );
  },
});
