import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Language, ParseProblem } from '../../engine/types';
import { syntaxRule } from '../syntax-rule';

export interface TaskdefModel { root: Node | undefined; problems: ParseProblem[] }

export const language: Language<TaskdefModel> = {
  kind: 'taskdef',
  parse(text) {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    return { root, problems: errors.map((e) => ({ start: e.offset, end: e.offset + e.length, message: `JSON: ${printParseErrorCode(e.error)}` })) };
  },
  rules: [syntaxRule('TD000', 'taskdef', 'JSON', { incorrect: '{ "family": "app", }', correct: '{ "family": "app" }' })],
};
