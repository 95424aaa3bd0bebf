import type { Language } from '../../engine/types';
import { parseYaml, type YamlParse } from '../../yaml/parse';
import { syntaxRule } from '../syntax-rule';

export type WorkflowModel = YamlParse;

export const language: Language<WorkflowModel> = {
  kind: 'workflow',
  lineComment: '#',
  parse: (text) => parseYaml(text),
  rules: [syntaxRule('WF000', 'workflow', 'YAML', { incorrect: 'on: push\njobs:\n  build:\n    runs-on: [ubuntu-latest\n', correct: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n' })],
};
