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

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number format',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected',
  CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

export function parseTaskDef(text: string, _path?: string): TaskDefModel {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch (e) {
    return { problems: [{ start: 0, end: Math.min(1, text.length), message: `cannot parse: ${String(e)}` }] };
  }
  const problems: ParseProblem[] = errors.map((e) => {
    const code = printParseErrorCode(e.error);
    const message = MESSAGES[code] ?? code;
    return { start: e.offset, end: e.offset + Math.max(e.length, 0), message, messageId: 'syntax', data: { detail: message } };
  });
  if (root && root.type !== 'object' && text.trim() !== '') {
    problems.push({ start: root.offset, end: root.offset + root.length, message: 'a task definition is a JSON object', messageId: 'syntax', data: { detail: 'a task definition is a JSON object' } });
  }
  let taskDef = root?.type === 'object' ? root : undefined;
  let wrapper: Node | undefined;
  if (taskDef) {
    const inner = taskDef.children?.find((p) => p.children?.[0]?.value === 'taskDefinition');
    if (inner && inner.children?.[1]?.type === 'object' && !taskDef.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions')) {
      wrapper = inner;
      taskDef = inner.children[1];
    }
  }
  return { root, taskDef, wrapper, problems };
}
