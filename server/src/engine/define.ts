import type { Rule, RuleContext, RuleMeta, SecurityMeta } from './types';

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
  if (m.security) problems.push(...securityProblems(m));
  if (problems.length) throw new Error(`rule ${m.code} (${m.id}): ${problems.join('; ')}`);
  if (m.security && m.defaultSeverity === 'warning' && !m.docs.severity) m.docs.severity = SECURITY_WARNING;
  return { meta: m, check: rule.check };
}

/** Why a security rule is a warning, by the policy, unless the rule says more. */
export const SECURITY_WARNING =
  'A real risk, not a refusal: the consumer accepts the file and it works, so it is not an error. `security: error` ' +
  'in `.shipshape.yaml` makes the whole security group fail the CI run.';

function securityProblems(m: RuleMeta): string[] {
  const out: string[] = [];
  const sev = m.security?.severity;
  if (typeof sev !== 'number' || !(sev >= 0.1 && sev <= 10))
    out.push(`security severity ${String(sev)} is not between 0.1 and 10`);
  if (!m.docs.attack?.trim()) out.push('a security rule says what an attacker gains (docs.attack)');
  return out;
}

/**
 * Puts a rule that was written before the security group into it (from its language's `rules/index.ts`, so the rule's
 * own file stays as it is): its SARIF security severity and what an attacker gains, checked like `defineRule` does.
 * Returns the same rule object, so the registry still finds the file's export.
 */
export function markSecurity<M>(rule: Rule<M>, security: SecurityMeta, attack: string): Rule<M> {
  const m = rule.meta;
  if (!m.security) {
    m.security = security;
    m.docs.attack ??= attack;
  }
  const problems = securityProblems(m);
  if (problems.length) throw new Error(`rule ${m.code} (${m.id}): ${problems.join('; ')}`);
  return rule;
}
