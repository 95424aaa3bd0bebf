import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandArgs } from '../shell';
import { commandsNamed, dynamic } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3028',
    id: 'gem-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'gem installs a gem without a pinned version.',
    messages: { unpinned: 'gem installs `{{pkg}}` at its newest release: pin it with `:<version>` or `-v`.' },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
      rationale:
        'An unpinned gem installs its newest release at build time. `gem ' +
        'install bundler:2.5.6`, `gem install rails -v 7.1.3` and local `.gem` files are fine; `gem i` is ' +
        '`gem install`, and what follows `--` are build options, not gems.',
      incorrect: 'RUN gem install bundler',
      correct: 'RUN gem install bundler:2.5.6',
      peers: ['hadolint DL3028'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['gem'])) {
      const a = commandArgs(cmd, { withValue: GEM_OPTIONS_WITH_VALUE });
      if ((a.first?.value !== 'install' && a.first?.value !== 'i') || a.has('-v', '--version')) continue;
      // words after `--` are the gem's build options
      for (const p of a.operands)
        if (!p.value.includes(':') && !p.value.endsWith('.gem') && !dynamic(p.value))
          ctx.report({ start: p.start, end: p.end, messageId: 'unpinned', data: { pkg: p.value } });
    }
  },
});

const GEM_OPTIONS_WITH_VALUE = [
  '-v',
  '--version',
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
  '--document',
  '--build-root',
  '-p',
  '--http-proxy',
  '--config-file',
];
