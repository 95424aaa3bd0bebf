import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { unquote } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3021',
    id: 'copy-multiple-sources-dir',
    defaultSeverity: 'error',
    description: 'COPY or ADD with several sources has a destination that does not end with `/`.',
    messages: { slash: '{{keyword}} with more than one source requires the destination to end with `/`.' },
    fixable: 'safe',
    docs: {
      severity: 'BuildKit refuses several sources into a destination that is not a directory: the build fails.',
      rationale:
        'With several sources the destination must be a directory; without the ' +
        'trailing slash the build fails. The fix appends `/`, which is safe: the build could not ' +
        'succeed otherwise.',
      incorrect: 'COPY package.json yarn.lock /app',
      correct: 'COPY package.json yarn.lock /app/',
      peers: ['hadolint DL3021'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.heredocs.length) continue;
      const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
      if (words.length < 3) continue;
      const dest = words[words.length - 1];
      const v = unquote(dest.value);
      if (v.endsWith('/') || v.endsWith('\\') || /[$]/.test(v)) continue;
      const at = ins.json || v !== dest.value ? dest.end - 1 : dest.end;
      ctx.report({
        start: dest.start,
        end: dest.end,
        messageId: 'slash',
        data: { keyword: ins.keyword },
        fix: { title: 'Add a trailing /', safe: true, edits: [{ start: at, end: at, newText: '/' }] },
      });
    }
  },
});
