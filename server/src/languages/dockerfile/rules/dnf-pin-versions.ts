import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { DNF, dynamic, reportUnpinned } from '../util';
import { rpmInstalls, rpmPinned } from '../packages';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3041',
    id: 'dnf-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'dnf installs a package without a pinned version.',
    messages: {
      unpinned: 'dnf installs `{{pkg}}` at whatever version the repository has that day: pin it as `{{example}}`.',
      unpinnedMany:
        'dnf installs {{pkgs}} at whatever versions the repository has that day: pin each one (`{{example}}`, …).',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
      rationale:
        'Without a version, a rebuild installs whatever the repository holds ' +
        'that day; pinning makes the build repeatable. Local package files and variables are not ' +
        'reported.',
      incorrect: 'RUN dnf install -y httpd',
      correct: 'RUN dnf install -y httpd-2.4.57',
      peers: ['hadolint DL3041'],
    },
  },
  check(ctx) {
    for (const { packages, module } of rpmInstalls(ctx.model, DNF))
      reportUnpinned(
        ctx,
        packages.filter((p) => !rpmPinned(p.value, module) && !dynamic(p.value)),
        (pkg) => (module ? `${pkg}:<stream>` : `${pkg}-<version>`),
      );
  },
});
