import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL1001',
    id: 'inline-ignore-pragma',
    defaultSeverity: 'off',
    description:
      'An inline `# hadolint ignore=` pragma: prefer the rule list of `.hadolint.yaml` or `.shipshape.yaml`.',
    messages: { pragma: 'Inline ignore pragma: prefer configuring rules in .hadolint.yaml or .shipshape.yaml.' },
    fixable: false,
    docs: {
      severity: 'Off, as in hadolint: using ignore comments is a team decision, not a problem.',
      rationale:
        'Off by default, as in hadolint. Teams that want every exception in ' +
        'one reviewed configuration file turn it on.',
      incorrect: '# hadolint ignore=DL3008\nRUN apt-get install -y curl',
      correct: 'RUN apt-get install -y curl=7.88.1-10+deb12u5',
      peers: ['hadolint DL1001'],
    },
  },
  check(ctx) {
    // read lines, not dockerfile-ast comments: a pragma on the first line parses as a directive
    for (let l = 0; l < ctx.lines.lineCount; l++) {
      const t = ctx.lines.lineText(l);
      const m = /^(\s*)#\s*(hadolint|shipshape)\s+ignore\s*=/.exec(t);
      if (m)
        ctx.report({ start: ctx.lines.lineStart(l) + m[1].length, end: ctx.lines.lineEnd(l), messageId: 'pragma' });
    }
  },
});
