import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { unquote } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3045',
    id: 'copy-relative-without-workdir',
    defaultSeverity: 'warning',
    description: 'COPY to a relative destination in a stage without WORKDIR.',
    messages: {
      relative: "`{{dest}}` is relative but this stage sets no WORKDIR: it lands wherever the base image's WORKDIR is.",
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: the destination depends on the WORKDIR of a base image you do not control.',
      rationale:
        "A relative destination depends on the base image's working directory, " +
        'which can change between tags. Set WORKDIR first (in this stage or a stage it builds on). ' +
        'Variables and Windows paths are not reported; quotes are dropped. An `ONBUILD COPY` is judged too; ' +
        'unlike hadolint, a plain WORKDIR before it counts as well as an `ONBUILD WORKDIR` (the image built on ' +
        'this one starts in this WORKDIR).',
      incorrect: 'FROM node:20\nCOPY package.json .',
      correct: 'FROM node:20\nWORKDIR /app\nCOPY package.json .',
      peers: ['hadolint DL3045'],
    },
  },
  check(ctx) {
    const hasWorkdir = new Map<number, boolean>();
    for (const s of ctx.model.stages) {
      let wd = s.parentStage !== undefined ? (hasWorkdir.get(s.parentStage) ?? false) : false;
      for (const outer of s.instructions) {
        // an ONBUILD trigger runs in the image built on this one, which has this stage's WORKDIR
        const ins = outer.trigger ?? outer;
        if (ins.keyword === 'WORKDIR') wd = true;
        if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || wd || ins.heredocs.length) continue;
        const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
        if (words.length < 2) continue;
        const dest = words[words.length - 1];
        const v = unquote(dest.value);
        if (v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:/.test(v) || v.startsWith('\\')) continue;
        ctx.report({ start: dest.start, end: dest.end, messageId: 'relative', data: { dest: v } });
      }
      hasWorkdir.set(s.index, wd);
    }
  },
});
