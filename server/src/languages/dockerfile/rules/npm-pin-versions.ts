import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { npmInstalls, npmPinned } from '../packages';
import { dynamic } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3016',
    id: 'npm-pin-versions',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'npm installs a named package without a pinned version.',
    messages: { unpinned: 'npm installs `{{pkg}}` at its newest release: pin it as `{{pkg}}@<version>`.' },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the build works; a rebuild may get other versions.',
      rationale:
        'A package named without a version installs its newest release at ' +
        'build time. `npm install` / `npm ci` without package names install from the lockfile and ' +
        'are fine; so are paths, tarballs (`.tar`, `.tgz`), git URLs and GitHub shorthands with a `#ref`, and ' +
        '`npm install -g npm@10`. A git URL without `#ref` installs whatever the branch holds that day; so does a ' +
        'GitHub shorthand (`user/repo`) without one, which hadolint does not read. Options ' +
        'that take a value (`--loglevel warn`, `--omit dev`) are not packages.',
      incorrect: 'RUN npm install -g typescript',
      correct: 'RUN npm install -g typescript@5.4.5',
      peers: ['hadolint DL3016'],
    },
  },
  check(ctx) {
    for (const { packages } of npmInstalls(ctx.model))
      for (const p of packages)
        if (!npmPinned(p.value) && !dynamic(p.value))
          ctx.report({ start: p.start, end: p.end, messageId: 'unpinned', data: { pkg: p.value } });
  },
});
