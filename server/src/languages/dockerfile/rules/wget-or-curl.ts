import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { commandsNamed } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4001',
    id: 'wget-or-curl',
    defaultSeverity: 'warning',
    description: 'A stage uses both wget and curl.',
    messages: { both: 'This stage uses both wget and curl (`{{other}}` as well): one download tool is enough.' },
    fixable: false,
    docs: {
      rationale:
        'Two download tools doing the same job means two packages to install, ' +
        'patch and scan. Pick one per image. Checked per stage, since build stages are thrown ' +
        'away; a stage that installs one tool to remove the other is still reported.',
      incorrect: 'RUN wget -q https://a/x && curl -fsSLO https://b/y',
      correct: 'RUN curl -fsSLO https://a/x && curl -fsSLO https://b/y',
      peers: ['hadolint DL4001'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const wget = [...commandsNamed(ctx.model, ['wget'], s.instructions)];
      const curl = [...commandsNamed(ctx.model, ['curl'], s.instructions)];
      if (wget.length === 0 || curl.length === 0) continue;
      const later = wget[0].cmd.start > curl[0].cmd.start ? wget[0] : curl[0];
      const other = later === wget[0] ? 'curl' : 'wget';
      ctx.report({ start: later.cmd.argv[0].start, end: later.cmd.argv[0].end, messageId: 'both', data: { other } });
    }
  },
});
