import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { dynamic, reportUnpinned, subcommands } from '../util';

const ZYPPER_OPTIONS_WITH_VALUE = ['-c', '--config', '--root', '-R', '-r', '--repo', '--from', '-t', '--type'];

const pinned = (v: string): boolean => /[=<>]/.test(v);

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3037',
    id: 'zypper-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'zypper installs a package without a pinned version.',
    messages: {
      unpinned: 'zypper installs `{{pkg}}` at whatever version the repository has that day: pin it as `{{example}}`.',
      unpinnedMany:
        'zypper installs {{pkgs}} at whatever versions the repository has that day: pin each one (`{{example}}`, …).',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
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
    for (const { packages } of subcommands(ctx.model, ['zypper'], ['install', 'in'], ZYPPER_OPTIONS_WITH_VALUE))
      reportUnpinned(
        ctx,
        packages.filter(
          (p) =>
            !pinned(p.value) &&
            !dynamic(p.value) &&
            !p.value.endsWith('.rpm') &&
            !p.value.includes('/') &&
            !p.value.startsWith('@'),
        ),
        (pkg) => `${pkg}=<version>`,
      );
  },
});
