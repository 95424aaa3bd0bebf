import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, subcommandOf, dynamic } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3062',
    id: 'go-install-pin-versions',
    defaultSeverity: 'warning',
    description: 'go install of a package without a pinned version.',
    messages: {
      unpinned: 'Pin versions in go install: `{{pkg}}` has no `@<version>` (`@latest` is not a pin either).',
    },
    fixable: false,
    docs: {
      rationale:
        '`go install pkg@latest` or a module-less `go install pkg` builds ' +
        'whatever is newest. Local packages (`./...`, `.`) build from your sources and are fine.',
      incorrect: 'RUN go install golang.org/x/tools/gopls@latest',
      correct: 'RUN go install golang.org/x/tools/gopls@v0.15.3',
      peers: ['hadolint DL3062'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['go'])) {
      const sub = subcommandOf(cmd);
      if (sub?.value !== 'install') continue;
      const a = cmd.argv;
      for (let k = a.indexOf(sub) + 1; k < a.length; k++) {
        const v = a[k].value;
        if (v.startsWith('-')) {
          if (
            [
              '-o',
              '-tags',
              '-ldflags',
              '-gcflags',
              '-mod',
              '-modfile',
              '-p',
              '-pkgdir',
              '-toolexec',
              '-asmflags',
            ].includes(v)
          )
            k++;
          continue;
        }
        if (v.startsWith('.') || v.startsWith('/') || dynamic(v) || !v.includes('.')) continue;
        if (v.includes('@') && !v.endsWith('@latest')) continue;
        ctx.report({ start: a[k].start, end: a[k].end, messageId: 'unpinned', data: { pkg: v } });
      }
    }
  },
});
