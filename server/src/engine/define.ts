import type { Rule, RuleContext, RuleMeta } from './types';

const CODE = /^[A-Z]{2}\d{3,4}$/;
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MESSAGE_ID = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The one way to write a rule, in every language: its metadata (stable code, kebab-case id unique across kinds, the
 * kinds it applies to, default severity, messages by id, fix kind and doc examples) and its check. The metadata is
 * checked once, when the rule module loads, so a malformed rule fails every test that imports it.
 */
export function defineRule<M>(rule: { meta: RuleMeta; check(ctx: RuleContext<M>): void }): Rule<M> {
  const m = rule.meta;
  const problems: string[] = [];
  if (!CODE.test(m.code)) problems.push(`code "${m.code}" is not two capitals and 3-4 digits`);
  if (!ID.test(m.id)) problems.push(`id "${m.id}" is not kebab-case`);
  if (!m.kinds.length) problems.push('no kinds');
  if (!m.description.trim()) problems.push('no description');
  const messageIds = Object.keys(m.messages);
  if (!messageIds.length) problems.push('no messages');
  for (const id of messageIds) if (!MESSAGE_ID.test(id)) problems.push(`message id "${id}" is not an identifier`);
  if (!m.docs.rationale.trim()) problems.push('no rationale');
  if (problems.length) throw new Error(`rule ${m.code} (${m.id}): ${problems.join('; ')}`);
  return { meta: m, check: rule.check };
}
