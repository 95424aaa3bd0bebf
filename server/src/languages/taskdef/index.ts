import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Language, ParseProblem } from '../../engine/types';
import { syntaxRule } from '../syntax-rule';

export interface TaskdefModel { root: Node | undefined; problems: ParseProblem[] }

export const language: Language<TaskdefModel> = {
  kind: 'taskdef',
  parse(text) {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    // After the first error the rest are mostly echoes of it: report the first only.
    return { root, problems: errors.slice(0, 1).map((e) => ({ start: e.offset, end: e.offset + e.length, message: `JSON: ${printParseErrorCode(e.error)}` })) };
  },
  rules: [syntaxRule('TD000', 'taskdef', 'JSON', { incorrect: '{ "family": "app", }', correct: '{ "family": "app" }' })],
};
