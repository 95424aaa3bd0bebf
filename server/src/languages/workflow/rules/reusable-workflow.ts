import { posix } from 'node:path';
import { defineRule } from '../../../engine/define';
import { isWholeExpression, type Str, type WorkflowModel } from '../parse';
import { readLocalWorkflow, repoRootOf } from '../local-actions';
import { asMap, asScalar, entries, entry, nodeRange, scalarText } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';
import { expressionCheck } from '../expr/check';

/** The type of a value written in `with:` of a call: a literal's YAML type; an expression's is not known here. */
function literalType(node: unknown, doc: WorkflowModel['doc']): string | undefined {
  const s = asScalar(node, doc);
  if (!s) return undefined;
  if (typeof s.value === 'string' && s.value.includes('${{')) return undefined;
  if (s.value === null) return 'null';
  return typeof s.value === 'boolean' ? 'boolean' : typeof s.value === 'number' ? 'number' : 'string';
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF026',
    id: 'reusable-workflow',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description:
      'Calls of local reusable workflows must pass the inputs and secrets the called workflow declares, the ' +
      'required ones included, with values of the declared type.',
    messages: {
      notCallable: '{{file}} has no "workflow_call" trigger, so it cannot be called.',
      unknownInput: 'Input "{{name}}" is not declared by {{file}}.{{hint}}',
      missingInput: 'Required input "{{name}}" of {{file}} is not passed.',
      inputType: 'Input "{{name}}" of {{file}} is a {{type}}, but {{given}} is passed.',
      unknownSecret: 'Secret "{{name}}" is not declared by {{file}}.{{hint}}',
      missingSecret: 'Required secret "{{name}}" of {{file}} is not passed.',
      missingFile: '{{file}} does not exist.',
    },
    fixable: false,
    docs: {
      rationale:
        'The called workflow (read from the workspace) declares its inputs with types, its secrets and its ' +
        'outputs; `needs.<job>.outputs` of the calling job are typed from those outputs (WF030). GitHub rejects ' +
        'a call with an undeclared input or secret, a required one left out, or a value of another type ' +
        '(`true` to a `number` input), when the run starts. Severity error: the run fails.',
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
      if (!ctx.workspace.exists(posix.join(root, file.slice(2)))) {
        ctx.report({ start: u.start, end: u.end, messageId: 'missingFile', data: { file } });
        continue;
      }
      const called = readLocalWorkflow(ctx.path, u.value, ctx.workspace);
      if (!called) continue;
      if (!called.callable) {
        ctx.report({ start: u.start, end: u.end, messageId: 'notCallable', data: { file } });
        continue;
      }
      const withEntries = entries(job.with, doc, false);
      for (const w of withEntries) {
        const def = called.inputs.find((i) => i.name.toLowerCase() === w.key.toLowerCase());
        if (!def) {
          const near = nearest(
            w.key,
            called.inputs.map((i) => i.name),
          );
          ctx.report({
            start: w.keyStart,
            end: w.keyEnd,
            messageId: 'unknownInput',
            data: { name: w.key, file, hint: near ? ` Did you mean "${near}"?` : '' },
          });
          continue;
        }
        const given = literalType(w.value, doc) ?? expressionType(ctx, w.value);
        if (given && !fits(def.type, given)) {
          const [s, e] = nodeRange(w.value);
          ctx.report({
            start: s,
            end: e,
            messageId: 'inputType',
            data: { name: def.name, file, type: def.type, given },
          });
        }
      }
      for (const i of called.inputs) {
        const hasDefault = !!entry(i.node, called.model.doc, 'default', false);
        if (i.required && !hasDefault && !withEntries.some((w) => w.key.toLowerCase() === i.name.toLowerCase()))
          ctx.report({ start: u.start, end: u.end, messageId: 'missingInput', data: { name: i.name, file } });
      }
      const sec = job.secrets;
      if (scalarText(asScalar(sec, doc)) === 'inherit') continue;
      const secEntries = entries(asMap(sec, doc), doc, false);
      const declared = [...called.secrets.keys()];
      for (const s of secEntries) {
        if (declared.some((k) => k.toLowerCase() === s.key.toLowerCase())) continue;
        const near = nearest(s.key, declared);
        ctx.report({
          start: s.keyStart,
          end: s.keyEnd,
          messageId: 'unknownSecret',
          data: { name: s.key, file, hint: near ? ` Did you mean "${near}"?` : '' },
        });
      }
      for (const [name, def] of called.secrets) {
        if (def.required && !secEntries.some((s) => s.key.toLowerCase() === name.toLowerCase()))
          ctx.report({ start: u.start, end: u.end, messageId: 'missingSecret', data: { name, file } });
      }
    }
  },
});

/** Whether a value of type `given` may be passed to an input of `type` (numbers as strings are fine). */
function fits(type: string, given: string): boolean {
  if (type === 'string') return given === 'string' || given === 'number';
  if (type === 'number') return given === 'number';
  if (type === 'boolean') return given === 'boolean';
  return true;
}

/** The type of a value that is one `${{ }}`, as the expression checker typed it (when a scalar type). */
function expressionType(ctx: Parameters<typeof expressionCheck>[0], node: unknown): string | undefined {
  const s = asScalar(node, ctx.model.doc);
  if (!s || typeof s.value !== 'string' || !isWholeExpression({ value: s.value } as Str)) return undefined;
  const check = expressionCheck(ctx);
  for (const [site, t] of check.types)
    if (site.scalar.node === s) return t.k === 'bool' ? 'boolean' : t.k === 'any' ? undefined : t.k;
  return undefined;
}
