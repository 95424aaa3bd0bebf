import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3000',
    id: 'absolute-workdir',
    defaultSeverity: 'error',
    description: "WORKDIR is a relative path, so it depends on the base image's WORKDIR.",
    messages: { relative: 'Use absolute WORKDIR: `{{dir}}` depends on the WORKDIR of the base image.' },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A relative WORKDIR is resolved against the previous one, which may ' +
        'come from a base image you do not control. Same check as BuildKit `WorkdirRelativePath`. ' +
        'Variables and Windows paths (`C:\\app`) are not reported. The fix prefixes `/` (a ' +
        'suggestion: correct only when the previous WORKDIR was `/`).',
      incorrect: 'WORKDIR app',
      correct: 'WORKDIR /app',
      peers: ['hadolint DL3000', 'BuildKit WorkdirRelativePath'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'WORKDIR' || ins.args.length === 0) continue;
      const a = ins.args[0];
      const v = a.value.replace(/^["']|["']$/g, '');
      if (v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\')) continue;
      ctx.report({
        start: a.start,
        end: a.end,
        messageId: 'relative',
        data: { dir: v },
        fix: { title: `Use /${v}`, safe: false, edits: [{ start: a.start, end: a.end, newText: '/' + v }] },
      });
    }
  },
});
