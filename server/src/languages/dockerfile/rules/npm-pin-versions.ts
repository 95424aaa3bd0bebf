import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, subcommandOf, dynamic } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3016',
    id: 'npm-pin-versions',
    defaultSeverity: 'warning',
    description: 'npm installs a named package without a pinned version.',
    messages: { unpinned: 'npm installs `{{pkg}}` at its newest release: pin it as `{{pkg}}@<version>`.' },
    fixable: false,
    docs: {
      rationale:
        'A package named without a version installs its newest release at ' +
        'build time. `npm install` / `npm ci` without package names install from the lockfile and ' +
        'are fine; so are paths, tarballs, git URLs and `npm install -g npm@10`.',
      incorrect: 'RUN npm install -g typescript',
      correct: 'RUN npm install -g typescript@5.4.5',
      peers: ['hadolint DL3016'],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['npm'])) {
      const sub = subcommandOf(cmd, ['--prefix', '-C', '--registry', '--cache', '--userconfig', '-w', '--workspace']);
      if (!sub || !['install', 'i', 'add', 'isntall', 'in', 'ins', 'inst', 'insta', 'instal'].includes(sub.value))
        continue;
      const a = cmd.argv;
      for (let k = a.indexOf(sub) + 1; k < a.length; k++) {
        const v = a[k].value;
        if (v.startsWith('-')) {
          if (['--prefix', '-C', '--registry', '--cache', '-w', '--workspace', '--userconfig'].includes(v)) k++;
          continue;
        }
        const name = v.startsWith('@') ? v.slice(1) : v;
        if (
          name.includes('@') ||
          /^(\.|\/|~|git[+:]|https?:|file:|github:)/.test(v) ||
          /\.(tgz|tar\.gz)$/.test(v) ||
          dynamic(v)
        )
          continue;
        if (!v.startsWith('@') && v.includes('/')) continue; // user/repo GitHub shorthand
        ctx.report({ start: a[k].start, end: a[k].end, messageId: 'unpinned', data: { pkg: v } });
      }
    }
  },
});
