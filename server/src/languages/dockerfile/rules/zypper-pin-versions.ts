import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { subcommands, dynamic } from '../util';

const pinned = (v: string): boolean => /[=<>]/.test(v);

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3037',
    id: 'zypper-pin-versions',
    defaultSeverity: 'warning',
    description: 'zypper installs a package without a pinned version.',
    messages: {
      unpinned:
        'zypper installs {{pkg}} at whatever version the repository has that day: pin it as `{{pkg}}=<version>`.',
    },
    fixable: false,
    docs: {
      rationale:
        'Without a version, a rebuild installs whatever the repository holds ' +
        'that day; pinning makes the build repeatable. Local package files and variables are not ' +
        'reported.',
      incorrect: 'RUN zypper install -y httpd',
      correct: 'RUN zypper install -y httpd=2.4.57',
      peers: ['hadolint DL3037'],
    },
  },
  check(ctx) {
    for (const { packages } of subcommands(
      ctx.model,
      ['zypper'],
      ['install', 'in'],
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
