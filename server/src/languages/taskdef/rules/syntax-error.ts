import { syntaxRule } from '../../../engine/syntax-rule';
import type { TaskDefModel } from '../parse';

/** TD000: the file is not valid JSON; the finding sits where the parser stopped. */
export const rule = syntaxRule<TaskDefModel>('TD000', 'taskdef', 'JSON', {
  incorrect: '{\n  "family": "web",\n  "containerDefinitions": [],\n}',
  correct: '{\n  "family": "web",\n  "containerDefinitions": []\n}',
});
