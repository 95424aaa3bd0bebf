/** Shared bits for taskdef rules: the rule type and reporting at a node. */
import type { Node } from 'jsonc-parser';
import type { RuleContext, Report } from '../../engine/types';
import type { TaskDefModel } from './parse';

export type Ctx = RuleContext<TaskDefModel>;

export function at(n: Node, messageId: string, data?: Report['data'], extra?: Partial<Report>): Report {
  return { start: n.offset, end: n.offset + n.length, messageId, data, ...extra };
}
/** The key of a property node (for a report that should underline just the name). */
export function keyRange(prop: Node): { start: number; end: number } {
  const k = prop.children![0];
  return { start: k.offset, end: k.offset + k.length };
}

/**
 * Practice rules (TD3xx) wait until the JSON parses: while the file is broken, nagging about
 * tags or health checks only buries the syntax error.
 */
export function parsesCleanly(ctx: Ctx): boolean {
  return ctx.model.problems.length === 0;
}
