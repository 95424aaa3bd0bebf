import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { dynamic } from '../util';
import { pipInstalls, PIP_FLAGS_WITH_VALUE } from './pip-no-cache-dir';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3013',
    id: 'pip-pin-versions',
    defaultSeverity: 'warning',
    description: 'pip installs a package without a pinned version.',
    messages: {
      unpinned:
        'pip installs `{{pkg}}` at its newest release: pin it ' +
        '(`{{pkg}}==<version>`) or install from a requirements file.',
    },
    fixable: false,
    docs: {
      rationale:
        'An unpinned package resolves to its newest release at build time; a ' +
        'rebuild can pull an incompatible major version. Requirement files (`-r`), constraints ' +
        '(`-c`), local paths, wheels, archives and VCS URLs are not reported.',
      incorrect: 'RUN pip install --no-cache-dir flask',
      correct: 'RUN pip install --no-cache-dir flask==3.0.3',
      peers: ['hadolint DL3013'],
    },
  },
  check(ctx) {
    for (const { cmd, sub } of pipInstalls(ctx.model)) {
      if (cmd.argv.some((w) => w.value === '-c' || w.value.startsWith('--constraint'))) continue;
      const a = cmd.argv;
      for (let k = a.indexOf(sub) + 1; k < a.length; k++) {
        const v = a[k].value;
        if (v.startsWith('-')) {
          if (!v.includes('=') && PIP_FLAGS_WITH_VALUE.includes(v)) k++;
          continue;
        }
        if (
          /[=<>~!@]/.test(v) ||
          /^(\.|\/|~)/.test(v) ||
          /\.(whl|tar\.gz|zip|tgz)$/.test(v) ||
          /:\/\//.test(v) ||
          v.startsWith('git+') ||
          dynamic(v)
        )
          continue;
        if (v === '.' || v.includes('/')) continue;
        ctx.report({
          start: a[k].start,
          end: a[k].end,
          messageId: 'unpinned',
          data: { pkg: v.replace(/\[.*\]$/, '') },
        });
      }
    }
  },
});
