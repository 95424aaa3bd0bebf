import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandArgs, readArgs, type ShellWord } from '../shell';
import { commandsNamed, dynamic } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3062',
    id: 'go-install-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'go install, go get or go run of a module without a pinned version.',
    messages: {
      unpinned: 'Pin versions in go {{sub}}: `{{pkg}}` has no `@<version>` (`@latest` is not a pin either).',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
      rationale:
        '`go install pkg@latest` or a module-less `go install pkg` builds ' +
        'whatever is newest. `go install` (also `go install tool x`), `go get` (also `-tool`) and `go run` ' +
        "(its package, not the program's arguments after it) are read. Local packages (`./...`, `.`, `/src/x`) " +
        'build from your sources and are fine.',
      incorrect: 'RUN go install golang.org/x/tools/gopls@latest',
      correct: 'RUN go install golang.org/x/tools/gopls@v0.15.3',
      peers: ['hadolint DL3062'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['go'])) {
      const a = commandArgs(cmd, { withValue: GO_FLAGS_WITH_VALUE, singleDash: true, stopAtPositional: false });
      const sub = a.first?.value;
      let modules: ShellWord[];
      if (sub === 'install' || sub === 'get') {
        modules = a.operands;
        if (sub === 'install' && modules[0]?.value === 'tool') modules = modules.slice(1);
      } else if (sub === 'run') {
        // go run's own flags come before the package; what follows the package is the program's
        const run = commandArgs(cmd, { withValue: GO_FLAGS_WITH_VALUE, singleDash: true, stopAtPositional: true });
        const pkg = readArgs(cmd.argv.slice(cmd.argv.indexOf(run.first!) + 1), {
          withValue: GO_FLAGS_WITH_VALUE,
          singleDash: true,
          stopAtPositional: true,
        }).first;
        modules = pkg ? [pkg] : [];
      } else continue;
      for (const m of modules) {
        const v = m.value;
        if (/^(\.|\/)/.test(v) || dynamic(v) || ['std', 'cmd', 'all'].includes(v)) continue;
        const at = v.lastIndexOf('@');
        if (at > 0 && v.slice(at + 1) !== 'latest') continue;
        ctx.report({ start: m.start, end: m.end, messageId: 'unpinned', data: { pkg: v, sub } });
      }
    }
  },
});

/** Flags of go install/get/run (the build flags) that take a value. */
const GO_FLAGS_WITH_VALUE = [
  '-o',
  '-p',
  '-C',
  '-tags',
  '-ldflags',
  '-gcflags',
  '-asmflags',
  '-gccgoflags',
  '-mod',
  '-modfile',
  '-pkgdir',
  '-toolexec',
  '-exec',
  '-overlay',
  '-pgo',
  '-buildmode',
  '-compiler',
  '-installsuffix',
  '-coverpkg',
  '-covermode',
];
