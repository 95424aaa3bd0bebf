/** Readers of expression trees shared by the workflow rules and features. */
import type { Expr } from './parser';

/**
 * The dotted path of a property chain as written (`github.event.issue.title`; `[*]` and `.*` filters as `*`, a string
 * index as a segment), or undefined when the chain does not start at a context.
 */
export function propertyPath(e: Expr): string | undefined {
  switch (e.kind) {
    case 'var':
      return e.name;
    case 'prop': {
      const o = propertyPath(e.object);
      return o === undefined ? undefined : `${o}.${e.name}`;
    }
    case 'index': {
      const o = propertyPath(e.object);
      if (o === undefined) return undefined;
      return e.index.kind === 'string' ? `${o}.${e.index.value}` : `${o}.*`;
    }
    case 'filter': {
      const o = propertyPath(e.object);
      return o === undefined ? undefined : `${o}.*`;
    }
    default:
      return undefined;
  }
}

/** Every node of the tree, parents first (with a stack: the depth is bounded by the parser, not by the call stack). */
export function* nodesOf(e: Expr | undefined): Generator<Expr> {
  const stack: Expr[] = e ? [e] : [];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    switch (n.kind) {
      case 'prop':
      case 'filter':
        stack.push(n.object);
        break;
      case 'index':
        stack.push(n.object, n.index);
        break;
      case 'call':
        stack.push(...n.args);
        break;
      case 'not':
        stack.push(n.operand);
        break;
      case 'binary':
        stack.push(n.left, n.right);
        break;
    }
  }
}
