import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, subcommandOf, packagesAfter, dynamic, hasFlag } from '../util';

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
    defaultSeverity: 'warning',
    description: 'apt-get installs a package without a pinned version.',
    messages: {
      unpinned: 'apt-get installs {{pkg}} at whatever version the archive has that day: pin it as `{{pkg}}={{hint}}`.',
    },
    fixable: false,
    docs: {
      rationale:
        'Without a version, a rebuild installs whatever the archive holds that ' +
        'day; pinning (`pkg=1.2.*`) makes the build repeatable and makes upgrades deliberate.',
      incorrect: 'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      correct: 'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5',
      peers: ['hadolint DL3008'],
    },
  },
  check(ctx) {
    for (const { packages } of aptInstalls(ctx.model)) {
      const unpinned = packages.filter((p) => {
        if (p.value.includes('=') || p.value.endsWith('.deb') || p.value.includes('/') || dynamic(p.value))
          return false;
        return true;
      });
      if (unpinned.length === 0) continue;
      // one finding per command, as hadolint reports one per instruction
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
          hint: '<version>',
        },
      });
    }
  },
});
