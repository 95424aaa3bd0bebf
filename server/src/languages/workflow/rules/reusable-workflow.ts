import { defineRule } from '../../../engine/define';
import { parseWorkflow, type WorkflowModel } from '../parse';
import { repoRootOf } from '../local-actions';
import { asMap, asScalar, entries, scalarText } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';

function calledModel(
  ctx: {
    path: string;
    workspace: {
      get(p: string): { model: unknown; kind: string } | undefined;
      readText(p: string): string | undefined;
      dependOn?(a: string, b: string): void;
    };
  },
  uses: string,
): WorkflowModel | undefined {
  const root = repoRootOf(ctx.path);
  if (!root) return undefined;
  const file = `${root}/${uses.replace(/^\.\//, '')}`;
  ctx.workspace.dependOn?.(ctx.path, file);
  const parsed = ctx.workspace.get(file);
  if (parsed && parsed.kind === 'workflow') return parsed.model as WorkflowModel;
  const text = ctx.workspace.readText(file);
  return text === undefined ? undefined : parseWorkflow(text);
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF026',
    id: 'reusable-workflow',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      'Calls of local reusable workflows must pass inputs and secrets the ' +
      'called workflow declares, including the required ones.',
    messages: {
      notCallable: '{{file}} has no "workflow_call" trigger, so it cannot be called.',
      unknownInput: 'Input "{{name}}" is not declared by {{file}}.{{hint}}',
      missingInput: 'Required input "{{name}}" of {{file}} is not passed.',
      unknownSecret: 'Secret "{{name}}" is not declared by {{file}}.{{hint}}',
      missingSecret: 'Required secret "{{name}}" of {{file}} is not passed.',
      missingFile: '{{file}} does not exist.',
    },
    fixable: false,
    docs: {
      rationale:
        'GitHub rejects a call with undeclared inputs or secrets, or without ' +
        'the required ones, and only when the run starts.',
      incorrect: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/missing.yml\n',
      correct:
        'on: push\njobs:\n  call:\n    uses: ' +
        'octo-org/deploy/.github/workflows/deploy.yml@v1\n    with:\n      environment: prod\n',
      peers: ['actionlint workflow-call'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const job of ctx.model.jobs) {
      const u = job.uses;
      if (!u || !/^\.\/\.github\/workflows\/[^/]+\.ya?ml$/.test(u.value)) continue;
      const root = repoRootOf(ctx.path);
      if (!root) continue;
      const file = u.value;
      if (!ctx.workspace.exists(`${root}/${file.slice(2)}`)) {
        ctx.report({ start: u.start, end: u.end, messageId: 'missingFile', data: { file } });
        continue;
      }
      const called = calledModel(ctx, u.value);
      if (!called) continue;
      if (!called.hasCallTrigger) {
        ctx.report({ start: u.start, end: u.end, messageId: 'notCallable', data: { file } });
        continue;
      }
      const callInputs = [...called.inputs.values()].filter((i) => i.event === 'workflow_call');
      const withEntries = entries(job.with, doc, false);
      for (const w of withEntries) {
        if (!callInputs.some((i) => i.name.toLowerCase() === w.key.toLowerCase())) {
          const near = nearest(
            w.key,
            callInputs.map((i) => i.name),
          );
          ctx.report({
            start: w.keyStart,
            end: w.keyEnd,
            messageId: 'unknownInput',
            data: { name: w.key, file, hint: near ? ` Did you mean "${near}"?` : '' },
          });
        }
      }
      for (const i of callInputs) {
        const hasDefault =
          !!i.node &&
          i.node.items.some((p) => scalarText(asScalar((p as { key: unknown }).key, called.doc)) === 'default');
        if (i.required && !hasDefault && !withEntries.some((w) => w.key.toLowerCase() === i.name.toLowerCase()))
          ctx.report({ start: u.start, end: u.end, messageId: 'missingInput', data: { name: i.name, file } });
      }
      const sec = job.secrets;
      if (scalarText(asScalar(sec, doc)) === 'inherit') continue;
      const secEntries = entries(asMap(sec, doc), doc, false);
      for (const s of secEntries) {
        if (
          !called.callSecrets.has(s.key) &&
          ![...called.callSecrets.keys()].some((k) => k.toLowerCase() === s.key.toLowerCase())
        ) {
          const near = nearest(s.key, [...called.callSecrets.keys()]);
          ctx.report({
            start: s.keyStart,
            end: s.keyEnd,
            messageId: 'unknownSecret',
            data: { name: s.key, file, hint: near ? ` Did you mean "${near}"?` : '' },
          });
        }
      }
      for (const [name, def] of called.callSecrets) {
        if (def.required && !secEntries.some((s) => s.key.toLowerCase() === name.toLowerCase()))
          ctx.report({ start: u.start, end: u.end, messageId: 'missingSecret', data: { name, file } });
      }
    }
  },
});
