import { defineRule } from '../../../engine/define';
import { aptInstalls } from '../packages';
import type { DockerfileModel } from '../parse';
import { dynamic, reportUnpinned } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3008',
    id: 'apt-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'apt-get installs a package without a pinned version.',
    messages: {
      unpinned: 'apt-get installs `{{pkg}}` at whatever version the archive has that day: pin it as `{{example}}`.',
      unpinnedMany:
        'apt-get installs {{pkgs}} at whatever versions the archive has that day: pin each one (`{{example}}`, …).',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
      rationale:
        'Without a version, a rebuild installs whatever the archive holds that ' +
        'day; pinning (`pkg=1.2.*`) makes the build repeatable and makes upgrades deliberate.',
      incorrect: 'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      correct: 'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5',
      peers: ['hadolint DL3008'],
    },
  },
  check(ctx) {
    for (const { packages } of aptInstalls(ctx))
      reportUnpinned(
        ctx,
        packages.filter(
          (p) => !(p.value.includes('=') || p.value.endsWith('.deb') || p.value.includes('/') || dynamic(p.value)),
        ),
        (pkg) => `${pkg}=<version>`,
      );
  },
});
