import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import type { ShellCommand } from '../shell';
import { reportUncleanedCache } from '../util';

const cleans = (c: ShellCommand, _install: ShellCommand): boolean =>
  (c.name === 'zypper' && c.argv.some((w) => w.value === 'clean' || w.value === 'cc')) ||
  (c.name === 'rm' && c.argv.some((w) => w.value.startsWith('/var/cache/zypp')));

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3036',
    id: 'zypper-clean',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A RUN uses zypper without cleaning its cache.',
    messages: { noClean: 'The zypper cache stays in this layer: end this RUN with `zypper clean`.' },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'zypper keeps downloaded packages and metadata in its cache; unless ' +
        'the same RUN cleans it after installing (a clean before does not count), or mounts a cache at ' +
        '`/var/cache/zypp` (or a folder holding it), the layer keeps it. The fix appends `&& ' +
        'zypper clean` to the RUN (a suggestion).',
      incorrect: 'RUN zypper install -y httpd-2.4.57',
      correct: 'RUN zypper install -y httpd-2.4.57 && zypper clean',
      peers: ['hadolint DL3036'],
    },
  },
  check(ctx) {
    reportUncleanedCache(
      ctx,
      ['zypper'],
      ['install', 'in', 'source-install', 'si', 'patch', 'update', 'up'],
      cleans,
      () => 'zypper clean',
      ['/var/cache/zypp'],
    );
  },
});
