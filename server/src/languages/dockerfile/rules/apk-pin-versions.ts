import { defineRule } from '../../../engine/define';
import { apkAdds } from '../packages';
import type { DockerfileModel } from '../parse';
import { dynamic, reportUnpinned } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3018',
    id: 'apk-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'apk adds a package without a pinned version.',
    messages: {
      unpinned: 'apk installs `{{pkg}}` at whatever version the repository has that day: pin it as `{{example}}`.',
      unpinnedMany:
        'apk installs {{pkgs}} at whatever versions the repository has that day: pin each one (`{{example}}`, …).',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
      rationale:
        'Without a version, `apk add` installs whatever the repository holds ' +
        'that day; `pkg=1.2.3-r0` (or `pkg~1.2`) keeps builds repeatable. Packages of a ' +
        '`--virtual` group that is deleted later still count: hadolint does the same.',
      incorrect: 'RUN apk add --no-cache curl',
      correct: 'RUN apk add --no-cache curl=8.5.0-r0',
      peers: ['hadolint DL3018'],
    },
  },
  check(ctx) {
    for (const { packages } of apkAdds(ctx))
      reportUnpinned(
        ctx,
        packages.filter(
          (p) => !(/[=~<>]/.test(p.value) || p.value.endsWith('.apk') || p.value.includes('/') || dynamic(p.value)),
        ),
        (pkg) => `${pkg}=<version>`,
      );
  },
});
