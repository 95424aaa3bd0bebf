import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { scanTemplate, templateScalars } from '../interpolation';
import { readDotEnv } from '../refs';
import { nodeEnd, nodeStart } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP031',
    id: 'unset-variable',
    kinds: ['compose'],
    defaultSeverity: 'info',
    fixable: 'suggestion',
    description: 'A `${VAR}` without a default that the `.env` beside the file does not set.',
    messages: {
      unset:
        '"{{name}}" has no default and is not set in {{env}}; unless the shell sets it, Compose uses an empty string.',
    },
    docs: {
      severity:
        'Often intended (the variable comes from the shell that runs Compose); Compose only warns and uses an ' +
        'empty string.',
      rationale:
        'Compose takes variables from the shell and from the `.env` file next ' +
        'to the compose file; an unset one becomes an empty string with only a warning, which ' +
        'often yields a broken image tag or an empty password. Give a default (`${VAR:-value}`), ' +
        'require it (`${VAR:?message}`) or set it in `.env`. The suggestion adds a `:-` default to ' +
        'fill in.',
      incorrect: 'services:\n  web:\n    image: "nginx:${NGINX_VERSION}"\n',
      correct: 'services:\n  web:\n    image: "nginx:${NGINX_VERSION:-1.27}"\n',
      peers: ['docker compose (The "X" variable is not set. Defaulting to a blank string.)'],
    },
  },
  check(ctx) {
    const env = readDotEnv(ctx.path, ctx.workspace);
    for (const t of templateScalars(ctx.model)) {
      for (const v of scanTemplate(t.value).vars) {
        if (v.hasDefault || env?.has(v.name)) continue;
        const start = t.base !== undefined ? t.base + v.start : nodeStart(t.node);
        const end = t.base !== undefined ? t.base + v.end : nodeEnd(t.node);
        const fix =
          t.base !== undefined && v.braced
            ? { title: `Give "${v.name}" a default`, safe: false, edits: [{ start: end, end, newText: ':-' }] }
            : undefined;
        ctx.report({
          start,
          end,
          messageId: 'unset',
          data: { name: v.name, env: env ? '.env' : '.env (there is none beside the file)' },
          fix,
        });
      }
    }
  },
});
