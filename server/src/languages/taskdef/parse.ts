/**
 * Parses an ECS task definition (JSON) into a jsonc-parser tree that keeps offsets, and finds the
 * task definition object itself: the document's root, or the `taskDefinition` member of the
 * `{"taskDefinition": {...}}` wrapper that `aws ecs describe-task-definition` prints.
 * Never throws: broken JSON gives a partial tree plus problems.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParseProblem } from '../../engine/types';

export type { Node as JsonNode } from 'jsonc-parser';

export interface TaskDefModel {
  /** The whole document's root value, when there is one. */
  root?: Node;
  /** The object holding the task definition (the root, or the wrapper's inner object). */
  taskDef?: Node;
  /** The `taskDefinition` property of the describe-task-definition wrapper, when present. */
  wrapper?: Node;
  /** Syntax errors, with exact offsets. */
  problems: ParseProblem[];
}

export function parseTaskDef(text: string, _path?: string): TaskDefModel {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    // A byte-order mark is no JSON token: read as a space, so every offset stays the text's.
    const json = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    root = parseTree(json, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch (e) {
    return { problems: [{ start: 0, end: Math.min(1, text.length), message: `JSON: cannot parse (${String(e)})` }] };
  }
  // After the first error the rest are mostly echoes of it: report the first only, at its exact offset.
  const problems: ParseProblem[] = errors
    .slice(0, 1)
    .map((e) => ({ start: e.offset, end: e.offset + e.length, message: `JSON: ${printParseErrorCode(e.error)}` }));
  if (root && root.type !== 'object' && text.trim() !== '') {
    problems.push({
      start: root.offset,
      end: root.offset + root.length,
      message: 'JSON: a task definition is an object',
    });
  }
  let taskDef = root?.type === 'object' ? root : undefined;
  let wrapper: Node | undefined;
  if (taskDef) {
    const inner = taskDef.children?.find((p) => p.children?.[0]?.value === 'taskDefinition');
    if (
      inner &&
      inner.children?.[1]?.type === 'object' &&
      !taskDef.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions')
    ) {
      wrapper = inner;
      taskDef = inner.children[1];
    }
  }
  return { root, taskDef, wrapper, problems };
}
