import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { dynamic } from '../util';
import { pipInstalls, pipPinned, pipxInstalls } from '../packages';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3013',
    id: 'pip-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'pip installs a package without a pinned version.',
    messages: {
      unpinned:
        'pip installs `{{pkg}}` at its newest release: pin it ' +
        '(`{{pkg}}==<version>`) or install from a requirements file.',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
      rationale:
        'An unpinned package resolves to its newest release at build time; a ' +
        'rebuild can pull an incompatible major version. Requirement files (`-r`), constraints ' +
        '(`-c`), local paths, wheels, archives and version control URLs with an `@ref` are not reported; a ' +
        '`git+https://…` URL without `@ref` installs whatever the branch holds that day and is (unlike hadolint, ' +
        'the `git@` of `git+ssh://git@host/…` is not taken for a ref). `pipx install` ' +
        'is read too. Options that take a value (`--root-user-action ignore`, `--index-url URL`) are not ' +
        'packages.',
      incorrect: 'RUN pip install --no-cache-dir flask',
      correct: 'RUN pip install --no-cache-dir flask==3.0.3',
      peers: ['hadolint DL3013'],
    },
  },
  check(ctx) {
    const installs = [...pipInstalls(ctx.model), ...pipxInstalls(ctx.model)];
    for (const { args, packages } of installs) {
      // requirement and constraint files pin elsewhere; `.` is the project being built
      if (args.has('-r', '--requirement', '-c', '--constraint') || packages.some((p) => p.value === '.')) continue;
      for (const p of packages) {
        if (pipPinned(p.value) || dynamic(p.value)) continue;
        ctx.report({
          start: p.start,
          end: p.end,
          messageId: 'unpinned',
          data: { pkg: withoutExtras(p.value) },
        });
      }
    }
  },
});

/**
 * The package without its `[extras]`: what `v.replace(/\[.*\]$/, '')` gives (the first `[` after the
 * last line break, when the word ends with `]`), without the regex's scan from every `[`.
 */
function withoutExtras(v: string): string {
  if (!v.endsWith(']')) return v;
  const at = v.indexOf(
    '[',
    Math.max(v.lastIndexOf('\n'), v.lastIndexOf('\r'), v.lastIndexOf('\u2028'), v.lastIndexOf('\u2029')) + 1,
  );
  return at >= 0 && at < v.length - 1 ? v.slice(0, at) : v;
}
