import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { shellUses } from './shell-name';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF039',
    id: 'shell-on-windows',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description: '`shell: sh` on a Windows runner: not one of the shells GitHub supports there.',
    messages: { sh: 'Shell "{{shell}}" is not a shell GitHub supports on Windows; use bash, pwsh, powershell or cmd.' },
    fixable: false,
    docs: {
      rationale:
        "GitHub's documented shells on Windows are bash (Git Bash), pwsh, powershell, cmd and python; `sh` is " +
        'for Linux and macOS. It may still resolve to the `sh` of Git for Windows on hosted runners, which is why ' +
        'this is a warning, not an error (severity warning): the script runs somewhere it was not written for.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - run: echo hi\n        shell: sh\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: windows-latest\n    steps:\n      - run: echo hi\n        shell: bash\n',
      peers: ['actionlint shell-name'],
    },
  },
  check(ctx) {
    for (const u of ctx.once('workflow:shells', () => shellUses(ctx.model)))
      if (u.name === 'sh' && u.os === 'windows')
        ctx.report({ start: u.shell.start, end: u.shell.end, messageId: 'sh', data: { shell: u.shell.value.trim() } });
  },
});
