import type { Language } from '../../engine/types';
import { parseYaml, type YamlParse } from '../../yaml/parse';
import { syntaxRule } from '../syntax-rule';

export type ComposeModel = YamlParse;

export const language: Language<ComposeModel> = {
  kind: 'compose',
  lineComment: '#',
  parse: (text) => parseYaml(text),
  rules: [syntaxRule('CP000', 'compose', 'YAML', { incorrect: 'services:\n  app:\n    image: "nginx', correct: 'services:\n  app:\n    image: nginx:1.27' })],
};
