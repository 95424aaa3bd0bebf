import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { dynamic, reportUnpinned } from '../util';
import { rpmInstalls, rpmPinned } from '../packages';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3033',
    id: 'yum-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'yum installs a package without a pinned version.',
    messages: {
      unpinned: 'yum installs `{{pkg}}` at whatever version the repository has that day: pin it as `{{example}}`.',
      unpinnedMany:
        'yum installs {{pkgs}} at whatever versions the repository has that day: pin each one (`{{example}}`, …).',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
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
    for (const { packages, module } of rpmInstalls(ctx.model, ['yum']))
      reportUnpinned(
        ctx,
        packages.filter((p) => !rpmPinned(p.value, module) && !dynamic(p.value)),
        (pkg) => (module ? `${pkg}:<stream>` : `${pkg}-<version>`),
      );
  },
});
