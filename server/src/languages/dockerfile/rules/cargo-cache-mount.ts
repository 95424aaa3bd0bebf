import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { reportMissingCacheMount, runs } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3069',
    id: 'cargo-cache-mount',
    defaultSeverity: 'off',
    presets: { hadolint: 'info' },
    description: 'Rust (cargo) runs without a BuildKit cache mount for its downloads.',
    messages: {
      mount: 'Use a BuildKit cache mount for Rust (cargo) (`{{mount}}`): rebuilds then reuse what it ' + 'downloaded.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: a cache mount only makes rebuilds faster, and hadolint has the rule in its ' +
        'sources but not yet in a release (`preset: hadolint` turns it on as info).',
      rationale:
        'Rust (cargo) downloads dependencies on every build that changes the layer. A cache mount (`RUN ' +
        '--mount=type=cache,target=...`) keeps them between builds without putting them in the image. ' +
        'Reported on `cargo build`, `install`, `fetch`, `test`, `check` or `clippy` in a RUN without a ' +
        'cache (or tmpfs) mount at a target containing `.cargo`, as hadolint does, or (unlike hadolint) ' +
        '`cargo/registry` or `cargo/git`: the official rust image keeps them in `/usr/local/cargo`.',
      incorrect: 'RUN cargo build --release',
      correct:
        'RUN --mount=type=cache,target=/usr/local/cargo/registry \\\n' +
        '    --mount=type=cache,target=/usr/local/cargo/git \\\n' +
        '    cargo build --release',
      peers: ['hadolint DL3069'],
    },
  },
  check(ctx) {
    reportMissingCacheMount(
      ctx,
      runs('cargo', ['build', 'install', 'fetch', 'test', 'check', 'clippy']),
      ['.cargo', 'cargo/registry', 'cargo/git'],
      '--mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git',
    );
  },
});
