import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { appendToBlockMap } from '../edits';
import { actionOf, input, stepsAfter } from '../security';

/** Upload actions and whether a `path` value takes the whole workspace (and so `.git/config`). */
const UPLOADERS = new Set(['actions/upload-artifact', 'actions/upload-pages-artifact']);
// `[ \t]*`, not `\s*`, at the ends of a line: `\s` crosses lines, and a run of blank lines was rescanned from each
const WHOLE_WORKSPACE = /^[ \t]*(\.\/?|\*\*?(\/\*)?|\$\{\{\s*github\.workspace\s*\}\}\/?|\.git(\/.*)?)[ \t\r]*$/m;

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF109',
    id: 'persisted-credentials-uploaded',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 7.5 },
    fixable: 'suggestion',
    description: '`actions/checkout` leaves the token in `.git/config`, and a later step uploads the whole workspace.',
    messages: {
      upload:
        'The checkout keeps the GITHUB_TOKEN in `.git/config` (`persist-credentials` defaults to true) and step ' +
        '{{step}} uploads the workspace with it: anyone who can download the artifact gets the token.',
    },
    docs: {
      rationale:
        '`actions/checkout` writes the token into `.git/config` so later `git push` works. An artifact of the ' +
        'whole workspace (`path: .`) then carries that file, and artifacts of public repositories can be ' +
        'downloaded by anyone while the token is still valid (the "ArtiPACKED" finding). Set ' +
        '`persist-credentials: false` on the checkout (the suggestion, offered when no later step pushes), and ' +
        'upload only the build output.',
      attack:
        'Anyone who can read the artifact (everyone, on a public repository) takes the token out of `.git/config` ' +
        'and uses it before the job ends: push to the repository, create releases, approve pull requests.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - run: make\n      - uses: actions/upload-artifact@v4\n        with:\n          name: site\n' +
        '          path: .\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '        with:\n          persist-credentials: false\n      - run: make\n' +
        '      - uses: actions/upload-artifact@v4\n        with:\n          name: site\n          path: dist/\n',
      peers: ['zizmor artipacked'],
    },
  },
  check(ctx) {
    const { model, text } = ctx;
    for (const job of model.jobs)
      for (const step of job.steps) {
        if (actionOf(step) !== 'actions/checkout') continue;
        const persist = input(model, step, 'persist-credentials')?.value.trim().toLowerCase();
        if (persist === 'false') continue;
        const later = stepsAfter(job, step);
        const upload = later.find((s) => {
          const a = actionOf(s);
          if (!a || !UPLOADERS.has(a)) return false;
          const path = input(model, s, 'path')?.value ?? (a === 'actions/upload-pages-artifact' ? '_site/' : '');
          return WHOLE_WORKSPACE.test(path);
        });
        if (!upload || !step.uses) continue;
        const pushes = later.some((s) => s.run && /\bgit\s+push\b/.test(s.run.value));
        let edit;
        if (!pushes && persist === undefined) {
          if (step.with) edit = appendToBlockMap(model.doc!, text, step.with, ['persist-credentials: false']);
          else if (!step.node.flow)
            edit = appendToBlockMap(model.doc!, text, step.node, ['with:', '  persist-credentials: false']);
        }
        const name = upload.name ? `"${upload.name.value}"` : `${upload.index + 1} (\`${actionOf(upload)}\`)`;
        ctx.report({
          start: step.uses.start,
          end: step.uses.end,
          messageId: 'upload',
          data: { step: name },
          fix: edit && { title: 'Set persist-credentials: false', safe: false, edits: [edit] },
          related: [{ path: ctx.path, start: upload.start, end: upload.end, message: 'uploads the workspace' }],
        });
      }
  },
});
