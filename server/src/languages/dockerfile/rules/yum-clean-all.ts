import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import type { ShellCommand } from '../shell';
import { reportUncleanedCache } from '../util';

const cleans = (c: ShellCommand, _install: ShellCommand): boolean =>
  (c.name === 'yum' && c.argv.some((w) => w.value === 'clean') && c.argv.some((w) => w.value === 'all')) ||
  (c.name === 'rm' && c.argv.some((w) => w.value.startsWith('/var/cache/yum')));

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3032',
    id: 'yum-clean-all',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A RUN uses yum without cleaning its cache.',
    messages: { noClean: 'The yum cache stays in this layer: end this RUN with `yum clean all`.' },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the image is only bigger.',
      rationale:
        'yum keeps downloaded packages and metadata in its cache; unless the ' +
        'same RUN cleans it (or mounts a cache at `/var/cache/yum` or a folder holding it), the layer keeps it. ' +
        'The fix appends `&& yum ' +
        'clean all` to the RUN (a suggestion).',
      incorrect: 'RUN yum install -y httpd-2.4.57',
      correct: 'RUN yum install -y httpd-2.4.57 && yum clean all',
      peers: ['hadolint DL3032'],
    },
  },
  check(ctx) {
    reportUncleanedCache(
      ctx,
      ['yum'],
      ['install', 'groupinstall', 'localinstall', 'reinstall'],
      cleans,
      () => 'yum clean all',
      ['/var/cache/yum'],
      'anywhere',
    );
  },
});
