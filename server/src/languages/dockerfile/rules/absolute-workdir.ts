import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

/** `/x`, `$X` (decided at build time), `C:\x`, `C:/x`, `C:` and `\x` (Windows). */
function isAbsolute(v: string): boolean {
  return v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:([\\/]|$)/.test(v) || v.startsWith('\\');
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3000',
    id: 'absolute-workdir',
    defaultSeverity: 'warning',
    presets: { hadolint: 'error' },
    description: "WORKDIR is a relative path, so it depends on the base image's WORKDIR.",
    messages: { relative: 'Use absolute WORKDIR: `{{dir}}` depends on the WORKDIR of the base image.' },
    fixable: 'suggestion',
    docs: {
      severity:
        'A likely bug: the directory depends on the WORKDIR of a base image you do not control; the build ' +
        'itself succeeds (hadolint calls it an error).',
      rationale:
        'A relative WORKDIR is resolved against the previous one, which may ' +
        'come from a base image you do not control. Same check as BuildKit `WorkdirRelativePath`. ' +
        "Variables and Windows paths (`C:\\app`, also quoted as `'D:\\'`) are not reported. Unlike hadolint, a " +
        'relative WORKDIR after an absolute one in the same stage (or a stage it is built on) is not reported ' +
        'either: it resolves against a directory this file set, and making it absolute would change it. The fix ' +
        'prefixes `/` (a suggestion: correct only when the previous WORKDIR was `/`).',
      incorrect: 'WORKDIR app',
      correct: 'WORKDIR /app',
      peers: ['hadolint DL3000', 'BuildKit WorkdirRelativePath'],
    },
  },
  check(ctx) {
    // a stage whose WORKDIR is already absolute (here or in the stage it is built FROM) resolves a relative one
    const absoluteIn = new Set<number>();
    for (const ins of ctx.model.instructions) {
      if (ins.keyword === 'FROM') {
        const parent = ctx.model.stages[ins.stage]?.parentStage;
        if (parent !== undefined && absoluteIn.has(parent)) absoluteIn.add(ins.stage);
      }
      if (ins.keyword !== 'WORKDIR' || ins.args.length === 0) continue;
      const a = ins.args[0];
      // the text as written: the escape character is a path separator in a Windows path (`'D:\'`)
      const v = ctx.text.slice(a.start, a.end).replace(/^(["'])(.*)\1$/, '$2');
      if (isAbsolute(v)) {
        absoluteIn.add(ins.stage);
        continue;
      }
      if (absoluteIn.has(ins.stage)) continue;
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
