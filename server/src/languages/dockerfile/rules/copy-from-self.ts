import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3023',
    id: 'copy-from-self',
    defaultSeverity: 'error',
    description: '`COPY --from` names the stage it is in.',
    messages: { self: '`--from={{name}}` names the stage this instruction is in: a stage cannot copy from itself.' },
    fixable: false,
    docs: {
      severity: 'BuildKit refuses a stage that copies from itself (a cycle): the build fails.',
      rationale: 'A stage cannot read its own result while it is being built; BuildKit reports a cycle.',
      incorrect: 'FROM node:20 AS build\nCOPY --from=build /a /b',
      correct: 'FROM node:20 AS deps\nFROM node:20 AS build\nCOPY --from=deps /a /b',
      peers: ['hadolint DL3023'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const f = ins.flags.find((x) => x.name === 'from');
      if (!f?.value || f.valueStart === undefined) continue;
      const s = ctx.model.stages[ins.stage];
      if (s?.name && s.name.toLowerCase() === f.value.toLowerCase())
        ctx.report({ start: f.valueStart, end: f.valueEnd!, messageId: 'self', data: { name: f.value } });
    }
  },
});
