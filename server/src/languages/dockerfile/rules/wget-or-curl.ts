import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4001',
    id: 'wget-or-curl',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A stage uses both wget and curl.',
    messages: { both: 'This stage uses both wget and curl (`{{other}}` as well): one download tool is enough.' },
    fixable: false,
    docs: {
      severity: 'Practice: the image only carries two tools for one job.',
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
      // once both were used in the stage, every RUN using one of them is reported (as hadolint does)
      const seen = new Set<string>();
      for (const outer of s.instructions) {
        const ins = outer.trigger ?? outer;
        const uses = (ins.commands ?? []).filter((c) => c.name === 'wget' || c.name === 'curl');
        if (!uses.length) continue;
        for (const c of uses) seen.add(c.name);
        if (seen.size < 2) continue;
        const first = uses[0];
        ctx.report({
          start: first.argv[0].start,
          end: first.argv[0].end,
          messageId: 'both',
          data: { other: first.name === 'wget' ? 'curl' : 'wget' },
        });
      }
    }
  },
});
