import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { scanTemplate, templateScalars } from '../interpolation';
import { nodeEnd, nodeStart } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP030',
    id: 'interpolation-syntax',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A `${...}` variable reference Compose cannot read.',
    messages: { invalid: 'Invalid interpolation: {{problem}}. Write "$$" for a literal dollar sign.' },
    docs: {
      severity: 'Compose refuses a variable reference it cannot read ("invalid interpolation format").',
      rationale:
        'Compose replaces `$VAR` and `${VAR}` (with `:-default`, `-default`, ' +
        '`:?error`, `?error`, `:+alt`, `+alt`) in every value before anything else, and refuses ' +
        'the file on a malformed reference such as an unclosed `${`, `${}` or `${VAR:=x}`. A ' +
        'dollar sign meant for the container (a shell variable in `command`, a `$` in a password) ' +
        'must be doubled: `$$`.',
      incorrect: 'services:\n  web:\n    image: "nginx:${NGINX_VERSION:=1.27}"\n',
      correct: 'services:\n  web:\n    image: "nginx:${NGINX_VERSION:-1.27}"\n',
      peers: ['docker compose config (invalid interpolation format)'],
    },
  },
  check(ctx) {
    for (const t of templateScalars(ctx.model)) {
      for (const e of scanTemplate(t.value).errors) {
        const start = t.base !== undefined ? t.base + e.start : nodeStart(t.node);
        const end = t.base !== undefined ? t.base + e.end : nodeEnd(t.node);
        ctx.report({ start, end, messageId: 'invalid', data: { problem: e.message } });
      }
    }
  },
});
