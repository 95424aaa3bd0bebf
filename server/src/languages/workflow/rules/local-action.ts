import { defineRule } from '../../../engine/define';
import type { RuleContext } from '../../../engine/types';
import type { Step, WorkflowModel } from '../parse';
import { usesRef } from '../actions';
import { localActionFile } from '../local-actions';
import { checkActionMetadata, type ActionMetadata } from '../action-metadata';

/** The metadata problems of the local action each step uses (read once per check). */
export function localActionProblems(ctx: RuleContext<WorkflowModel>): { step: Step; meta: ActionMetadata }[] {
  return ctx.once('workflow:local-action-metadata', () => {
    const out: { step: Step; meta: ActionMetadata }[] = [];
    const byFile = new Map<string, ActionMetadata | undefined>();
    for (const job of ctx.model.jobs)
      for (const step of job.steps) {
        if (!step.uses) continue;
        const r = usesRef(step.uses);
        if (r.kind !== 'local') continue;
        // A missing folder is not reported: an earlier step may check it out.
        const file = localActionFile(ctx.path, r.path, ctx.workspace);
        if (!file) continue;
        if (!byFile.has(file)) {
          ctx.workspace.dependOn?.(ctx.path, file);
          const text = ctx.workspace.readText(file);
          byFile.set(file, text === undefined ? undefined : checkActionMetadata(file, text, ctx.workspace));
        }
        const meta = byFile.get(file);
        if (meta) out.push({ step, meta });
      }
    return out;
  });
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF043',
    id: 'local-action',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      "A local action's `action.yml` must be valid: `runs.using` a known runtime, `main`/`image`/`steps` as it " +
      'needs, the files it names present in its folder.',
    messages: { problem: 'The local action {{action}} cannot run: {{problem}} in {{file}}.' },
    fixable: false,
    docs: {
      rationale:
        'A step that uses `./path` runs the action described by `path/action.yml` (read from the workspace), ' +
        "checked against GitHub's action metadata schema: `runs.using` must be `node20`, `node24`, `docker` or " +
        '`composite` (node12/node16 are retired: WF029), a JavaScript action needs `main`, a Docker action ' +
        '`image`, a composite action `steps` whose `run` steps name a `shell`; the files in `main`, `pre`, ' +
        "`post` and a local `image` must be in the action's folder. A missing folder is not reported: an " +
        'earlier step may check it out. Severity error: the step fails.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - uses: ./.github/actions/broken\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
        '      - uses: ./.github/actions/setup\n',
      files: {
        '../actions/setup/action.yml': 'name: setup\ndescription: Set up\nruns:\n  using: node20\n  main: index.js\n',
        '../actions/setup/index.js': 'console.log("set up");\n',
        '../actions/broken/action.yml':
          'name: broken\ndescription: Broken\nruns:\n  using: node20\n  main: dist/index.js\n',
      },
      peers: ['actionlint action'],
    },
  },
  check(ctx) {
    for (const { step, meta } of localActionProblems(ctx))
      for (const p of meta.problems)
        if (p.severity === 'error')
          ctx.report({
            start: step.uses!.start,
            end: step.uses!.end,
            messageId: 'problem',
            data: {
              action: step.uses!.value,
              problem: p.message,
              file: meta.file.slice(meta.file.lastIndexOf('/') + 1),
            },
            related: [{ path: meta.file, start: p.start, end: p.end, message: p.message }],
          });
  },
});
