import { defineRule } from '../../../engine/define';
import { isWholeExpression, type Str, type WorkflowModel } from '../parse';
import { asMap, asScalar, entries, entry, nodeRange, scalarText } from '../../../yaml/view';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF025',
    id: 'hardcoded-credentials',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    description:
      'Registry passwords of `container:` and `services:` must come from secrets, not be written in the file.',
    messages: { password: 'Hard-coded password in the {{where}} credentials; use "${{ secrets.NAME }}".' },
    fixable: false,
    docs: {
      rationale:
        'Everything in a workflow file is visible to anyone who can read the repository, and stays in its ' +
        'history. Text around a `${{ secrets.X }}` (`pa ${{ secrets.SUFFIX }}`) is still written in the file. ' +
        'Severity warning: a security risk; the workflow runs.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    ' +
        'container:\n      image: ghcr.io/org/img\n      credentials:\n        username: me\n      ' +
        '  password: hunter2\n    steps:\n      - run: make\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    ' +
        'container:\n      image: ghcr.io/org/img\n      credentials:\n        username: me\n      ' +
        '  password: ${{ secrets.REGISTRY_PASSWORD }}\n    steps:\n      - run: make\n',
      peers: ['actionlint credentials'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const check = (container: unknown, where: string) => {
      const cred = asMap(entry(asMap(container, doc), doc, 'credentials', false)?.value, doc);
      const pw = asScalar(entry(cred, doc, 'password', false)?.value, doc);
      const v = scalarText(pw);
      // Only a password that is exactly one `${{ }}` comes entirely from a secret or a variable.
      if (!pw || v === undefined || v === '' || isWholeExpression({ value: v } as Str)) return;
      const [a, b] = nodeRange(pw);
      ctx.report({ start: a, end: b, messageId: 'password', data: { where } });
    };
    for (const job of ctx.model.jobs) {
      check(entry(job.node, doc, 'container', false)?.value, 'container');
      for (const s of entries(asMap(entry(job.node, doc, 'services', false)?.value, doc), doc, false))
        check(s.value, `service "${s.key}"`);
    }
  },
});
