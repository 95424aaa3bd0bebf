/** Small readers of expression trees shared by the workflow rules. */
import type { Expr } from './parser';

/** `github.event.pull_request.user.login` for a chain of properties on a context, undefined otherwise. */
export function contextPath(e: Expr): string | undefined {
  const parts: string[] = [];
  let cur: Expr = e;
  while (cur.kind === 'prop') {
    parts.push(cur.name);
    cur = cur.object;
  }
  if (cur.kind !== 'var') return undefined;
  parts.push(cur.name);
  return parts.reverse().join('.');
}

/** Calls `f` on every node of the tree, parents first (the parser bounds the depth, see MAX_EXPRESSION_DEPTH). */
export function eachNode(e: Expr, f: (e: Expr) => void): void {
  f(e);
  switch (e.kind) {
    case 'prop':
    case 'filter':
      eachNode(e.object, f);
      break;
    case 'index':
      eachNode(e.object, f);
      eachNode(e.index, f);
      break;
    case 'call':
      for (const a of e.args) eachNode(a, f);
      break;
    case 'not':
      eachNode(e.operand, f);
      break;
    case 'binary':
      eachNode(e.left, f);
      eachNode(e.right, f);
      break;
  }
}

/** Calls `f` on every function call of the tree. */
export function eachCall(e: Expr, f: (call: Expr & { kind: 'call' }) => void): void {
  eachNode(e, (n) => {
    if (n.kind === 'call') f(n);
  });
}
