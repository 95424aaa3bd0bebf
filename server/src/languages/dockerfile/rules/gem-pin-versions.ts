import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, subcommandOf, dynamic } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3028',
    id: 'gem-pin-versions',
    defaultSeverity: 'warning',
    description: 'gem installs a gem without a pinned version.',
    messages: { unpinned: 'gem installs `{{pkg}}` at its newest release: pin it with `:<version>` or `-v`.' },
    fixable: false,
    docs: {
      rationale:
        'An unpinned gem installs its newest release at build time. `gem ' +
        'install bundler:2.5.6`, `gem install rails -v 7.1.3` and local `.gem` files are fine.',
      incorrect: 'RUN gem install bundler',
      correct: 'RUN gem install bundler:2.5.6',
      peers: ['hadolint DL3028'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['gem'])) {
      const sub = subcommandOf(cmd);
      if (sub?.value !== 'install') continue;
      const a = cmd.argv;
      if (a.some((w) => w.value === '-v' || w.value === '--version' || w.value.startsWith('--version='))) continue;
      for (let k = a.indexOf(sub) + 1; k < a.length; k++) {
        const v = a[k].value;
        if (v.startsWith('-')) {
          if (
            [
              '-i',
              '--install-dir',
              '-n',
              '--bindir',
              '-s',
              '--source',
              '-P',
              '--trust-policy',
              '--platform',
              '-g',
              '--file',
            ].includes(v)
          )
            k++;
          continue;
        }
        if (v.includes(':') || v.endsWith('.gem') || dynamic(v)) continue;
        ctx.report({ start: a[k].start, end: a[k].end, messageId: 'unpinned', data: { pkg: v } });
      }
    }
  },
});
