import { defineRule } from '../../../engine/define';
import { asMap, entries, entry, scalarText, asScalar, type YMap } from '../../../yaml/view';
import type { WorkflowModel } from '../parse';
import { deleteEntryLines } from '../edits';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF106',
    id: 'insecure-commands-enabled',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 7.5 },
    fixable: 'suggestion',
    description: '`ACTIONS_ALLOW_UNSECURE_COMMANDS` turns the removed `set-env` and `add-path` commands back on.',
    messages: {
      enabled:
        '`ACTIONS_ALLOW_UNSECURE_COMMANDS` lets anything printed to the log set environment variables and PATH ' +
        'for the next steps; write to $GITHUB_ENV and $GITHUB_PATH instead.',
    },
    docs: {
      rationale:
        'The `::set-env::` and `::add-path::` workflow commands were disabled in 2020 because any text a step ' +
        'prints can contain them: the title of an issue echoed by a script, the output of a test, a log line of ' +
        'a dependency. `ACTIONS_ALLOW_UNSECURE_COMMANDS: true` turns them back on. Write to the files named by ' +
        '`$GITHUB_ENV` and `$GITHUB_PATH`, which only the step itself can append to. The suggestion removes the ' +
        'variable.',
      attack:
        'Whoever controls any text the job prints (an issue title, a branch name, a test fixture) sets ' +
        '`LD_PRELOAD`, `NODE_OPTIONS` or `PATH` for the later steps and runs their code there, with the job’s ' +
        'secrets.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n' +
        '    steps:\n      - run: make\n',
      correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      peers: ['zizmor insecure-commands', 'checkov CKV_GHA_1'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const maps: (YMap | undefined)[] = [asMap(entry(model.root, model.doc, 'env', false)?.value, model.doc)];
    for (const job of model.jobs) {
      maps.push(job.env);
      for (const step of job.steps) maps.push(step.env);
    }
    for (const map of maps)
      for (const e of entries(map, model.doc, false)) {
        if (e.key !== 'ACTIONS_ALLOW_UNSECURE_COMMANDS') continue;
        const v = (scalarText(asScalar(e.value, model.doc)) ?? '').trim().toLowerCase();
        if (v !== 'true' && v !== '1' && !v.includes('${{')) continue;
        const edit =
          map && !map.flow && entries(map, model.doc, false).length > 1
            ? deleteEntryLines(ctx.text, e.keyStart, e.value)
            : undefined;
        ctx.report({
          start: e.keyStart,
          end: e.keyEnd,
          messageId: 'enabled',
          fix: edit && { title: 'Remove ACTIONS_ALLOW_UNSECURE_COMMANDS', safe: false, edits: [edit] },
        });
      }
  },
});
