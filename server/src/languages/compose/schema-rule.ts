/** Shared by the rules that report the spec validator's findings. */
import { defineRule } from '../../engine/define';
import type { Rule, RuleContext, RuleMeta } from '../../engine/types';
import type { ComposeModel } from './parse';
import { validate, type IssueKind, type SchemaIssue } from './spec';

export function where(path: string): string {
  return path === '' ? 'the file' : path;
}
export function parentOf(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? 'the top level' : path.slice(0, i);
}

export function schemaRule(
  meta: RuleMeta,
  kinds: IssueKind[],
  report: (ctx: RuleContext<ComposeModel>, issue: SchemaIssue) => void,
): Rule<ComposeModel> {
  return defineRule<ComposeModel>({
    meta,
    check(ctx) {
      for (const issue of validate(ctx.model)) if (kinds.includes(issue.kind)) report(ctx, issue);
    },
  });
}
