import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed, subcommandOf } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF100',
    id: 'npm-omit-dev',
    defaultSeverity: 'info',
    description: '`npm ci --only=production` / `npm install --production` are deprecated: use `--omit=dev`.',
    messages: {
      deprecated:
        '`{{flag}}` is deprecated since npm 7 (and ignored with a warning by ' +
        'npm 9+ in some commands): use `--omit=dev`.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Practice: the deprecated flag still works today, with a warning from npm.',
      rationale:
        'npm 7 replaced `--only=production` and `--production` with ' +
        '`--omit=dev`; newer npm versions warn, and `npm ci --only=production` has installed dev ' +
        'dependencies in some releases, bloating the image. The fix replaces the flag (a ' +
        'suggestion: npm 6 and older do not know `--omit`).',
      incorrect: 'RUN npm ci --only=production',
      correct: 'RUN npm ci --omit=dev',
      peers: [],
    },
  },
  check(ctx) {
    for (const { cmd } of commandsNamed(ctx.model, ['npm'])) {
      const sub = subcommandOf(cmd);
      if (!sub || !['ci', 'install', 'i', 'prune', 'update'].includes(sub.value)) continue;
      for (const w of cmd.argv) {
        if (!/^--(only=prod(uction)?|production(=true)?)$/.test(w.value)) continue;
        ctx.report({
          start: w.start,
          end: w.end,
          messageId: 'deprecated',
          data: { flag: w.value },
          fix: cmd.via
            ? undefined
            : { title: 'Use --omit=dev', safe: false, edits: [{ start: w.start, end: w.end, newText: '--omit=dev' }] },
        });
      }
    }
  },
});
