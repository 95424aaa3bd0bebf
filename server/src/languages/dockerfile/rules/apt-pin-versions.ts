import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, dynamic, hasFlag, packagesAfter, reportUnpinned, subcommandOf } from '../util';

export const APT_FLAGS_WITH_VALUE = ['-o', '-c', '-t', '--target-release', '--option', '--config-file'];

/** The packages of each `apt-get install` command. */
export function* aptInstalls(model: DockerfileModel) {
  for (const x of commandsNamed(model, ['apt-get'])) {
    const sub = subcommandOf(x.cmd, APT_FLAGS_WITH_VALUE);
    if (sub?.value !== 'install') continue;
    // a simulation (`apt-get install -s pkg`) installs nothing
    if (hasFlag(x.cmd, ['simulate', 'dry-run', 'just-print', 'no-act', 'recon'], 's')) continue;
    yield { ...x, sub, packages: packagesAfter(x.cmd, sub, APT_FLAGS_WITH_VALUE) };
  }
}

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
    for (const { packages } of aptInstalls(ctx.model))
      reportUnpinned(
        ctx,
        packages.filter(
          (p) => !(p.value.includes('=') || p.value.endsWith('.deb') || p.value.includes('/') || dynamic(p.value)),
        ),
        (pkg) => `${pkg}=<version>`,
      );
  },
});
