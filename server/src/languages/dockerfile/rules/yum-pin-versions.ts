import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { subcommands, dynamic } from '../util';

const pinned = (v: string): boolean => /-\d/.test(v);

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3033',
    id: 'yum-pin-versions',
    defaultSeverity: 'warning',
    description: 'yum installs a package without a pinned version.',
    messages: {
      unpinned: 'yum installs {{pkg}} at whatever version the repository has that day: pin it as `{{pkg}}-<version>`.',
    },
    fixable: false,
    docs: {
      rationale:
        'Without a version, a rebuild installs whatever the repository holds ' +
        'that day; pinning makes the build repeatable. Local package files and variables are not ' +
        'reported.',
      incorrect: 'RUN yum install -y httpd',
      correct: 'RUN yum install -y httpd-2.4.57',
      peers: ['hadolint DL3033'],
    },
  },
  check(ctx) {
    for (const { packages } of subcommands(
      ctx.model,
      ['yum'],
      ['install'],
      [
        '-c',
        '--config',
        '--installroot',
        '--releasever',
        '--repo',
        '--enablerepo',
        '--disablerepo',
        '--setopt',
        '-x',
        '--exclude',
        '-r',
        '--repo',
      ],
    )) {
      const unpinned = packages.filter(
        (p) =>
          !pinned(p.value) &&
          !dynamic(p.value) &&
          !p.value.endsWith('.rpm') &&
          !p.value.includes('/') &&
          !p.value.startsWith('@'),
      );
      if (unpinned.length === 0) continue;
      ctx.report({
        start: unpinned[0].start,
        end: unpinned[unpinned.length - 1].end,
        messageId: 'unpinned',
        data: {
          pkg:
            unpinned
              .map((p) => p.value)
              .slice(0, 3)
              .join(', ') + (unpinned.length > 3 ? ', …' : ''),
        },
      });
    }
  },
});
