import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import type { ShellCommand } from '../shell';
import { DNF, reportUncleanedCache } from '../util';

/** `dnf clean all` by the tool that installed (microdnf's cache is not dnf's), or removing the cache folder. */
const cleans = (c: ShellCommand, install: ShellCommand): boolean =>
  (c.name === install.name && c.argv.some((w) => w.value === 'clean') && c.argv.some((w) => w.value === 'all')) ||
  (c.name === 'rm' && c.argv.some((w) => /^\/var\/cache\/(dnf|yum)/.test(w.value)));

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3040',
    id: 'dnf-clean-all',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A RUN uses dnf without cleaning its cache.',
    messages: { noClean: 'The dnf cache stays in this layer: end this RUN with `{{clean}}`.' },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'dnf keeps downloaded packages and metadata in its cache; unless the ' +
        'same RUN cleans it after installing (`dnf clean all` by the same tool: microdnf and dnf5 have their own ' +
        'caches; or `rm -rf /var/cache/dnf` or `/var/cache/yum`), or mounts a cache at `/var/cache/dnf` (or a ' +
        'folder holding it), the layer keeps it. A clean before the install does not count. The fix appends `&& dnf ' +
        'clean all` to the RUN (a suggestion).',
      incorrect: 'RUN dnf install -y httpd-2.4.57',
      correct: 'RUN dnf install -y httpd-2.4.57 && dnf clean all',
      peers: ['hadolint DL3040'],
    },
  },
  check(ctx) {
    reportUncleanedCache(
      ctx,
      DNF,
      ['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update'],
      cleans,
      (install) => `${install.name} clean all`,
      ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
    );
  },
});
