/** Facts about Dockerfile instructions shared by the syntax rule, completions and hovers. */

export const INSTRUCTIONS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
];

/** Flags each instruction accepts; `multi` flags may repeat. */
export const FLAGS: Record<string, { name: string; multi?: boolean; values?: string[]; doc: string }[]> = {
  FROM: [{ name: 'platform', doc: 'The platform of the base image, e.g. `linux/arm64` or `$BUILDPLATFORM`.' }],
  COPY: [
    {
      name: 'from',
      doc: 'Copy from a build stage (name or index), an image, or a named build context instead of the build context.',
    },
    { name: 'chown', doc: 'Owner (`user:group`, names or ids) of the copied files; Linux only.' },
    { name: 'chmod', doc: 'Permissions of the copied files, octal (`0755`) or symbolic (`u=rwx,go=rx`).' },
    {
      name: 'link',
      doc: 'Copy into an independent layer so it survives changes to the layers below (faster rebuilds, better cache).',
    },
    {
      name: 'parents',
      doc: 'Keep the parent directories of the sources (`COPY --parents ./a/b.txt /dst/` gives `/dst/a/b.txt`).',
    },
    { name: 'exclude', multi: true, doc: 'A path pattern to leave out of the copy; may repeat.' },
  ],
  ADD: [
    { name: 'chown', doc: 'Owner (`user:group`) of the added files; Linux only.' },
    { name: 'chmod', doc: 'Permissions of the added files.' },
    { name: 'link', doc: 'Add into an independent layer (see COPY --link).' },
    { name: 'checksum', doc: 'The expected digest of a remote file (`sha256:...`); the build fails if it differs.' },
    { name: 'keep-git-dir', doc: 'For a Git URL source: keep the `.git` directory.' },
    { name: 'exclude', multi: true, doc: 'A path pattern to leave out; may repeat.' },
    { name: 'unpack', doc: 'Whether to extract a local or remote archive (`true`/`false`).' },
  ],
  RUN: [
    {
      name: 'mount',
      multi: true,
      doc: 'Mount something for this RUN only: `type=cache` (persistent cache), `bind`, `tmpfs`, `secret`, `ssh`.',
    },
    {
      name: 'network',
      values: ['default', 'none', 'host'],
      doc: 'Network for this RUN: `default`, `none` (no network) or `host` (needs an entitlement).',
    },
    {
      name: 'security',
      values: ['sandbox', 'insecure'],
      doc: '`insecure` runs with full privileges (needs an entitlement); `sandbox` is the default.',
    },
  ],
  HEALTHCHECK: [
    { name: 'interval', doc: 'Time between checks (default 30s), a duration like `30s` or `1m30s`.' },
    { name: 'timeout', doc: 'A check taking longer fails (default 30s).' },
    { name: 'start-period', doc: 'Grace period after start during which failures do not count (default 0s).' },
    { name: 'start-interval', doc: 'Time between checks during the start period (default 5s).' },
    { name: 'retries', doc: 'Consecutive failures before the container is unhealthy (default 3).' },
  ],
};

/** Instructions that need at least one argument. */
export const NEEDS_ARGS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

export const SIGNALS = [
  'SIGABRT',
  'SIGALRM',
  'SIGBUS',
  'SIGCHLD',
  'SIGCLD',
  'SIGCONT',
  'SIGFPE',
  'SIGHUP',
  'SIGILL',
  'SIGINT',
  'SIGIO',
  'SIGIOT',
  'SIGKILL',
  'SIGPIPE',
  'SIGPOLL',
  'SIGPROF',
  'SIGPWR',
  'SIGQUIT',
  'SIGSEGV',
  'SIGSTKFLT',
  'SIGSTOP',
  'SIGSYS',
  'SIGTERM',
  'SIGTRAP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGUNUSED',
  'SIGURG',
  'SIGUSR1',
  'SIGUSR2',
  'SIGVTALRM',
  'SIGWINCH',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGRTMIN',
  'SIGRTMAX',
];

export const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;

export const DIRECTIVES = ['syntax', 'escape', 'check'];

import images from './data/images.json';

/** Current tags of official images, in order of preference (shipped data; no network). */
export const IMAGE_TAGS: Record<string, string[]> = (images as { images: Record<string, string[]> }).images;

/**
 * A tag to pin an image with, as a fix: a snippet that offers the image's current tags as a choice (or a `tag`
 * placeholder for an image we do not know), and the first current tag as plain text for clients without snippets.
 */
export function tagChoice(imageName: string): { snippet: string; plain?: string } {
  const name = imageName.replace(/^(docker\.io\/)?(library\/)?/, '');
  const tags = IMAGE_TAGS[name];
  if (!tags?.length) return { snippet: '${1:tag}' };
  return { snippet: `\${1|${tags.map((t) => t.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`, plain: tags[0] };
}
