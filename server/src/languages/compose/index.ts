import type { Language } from '../../engine/types';
import { parseCompose, type ComposeModel } from './parse';
import { rules } from './rules';
import { complete } from './complete';
import { definition, hover, references, rename, symbols } from './navigate';
import { documentLinks, format } from './editor';
import { factsOfFile } from './facts';

export type { ComposeModel } from './parse';

export const language: Language<ComposeModel> = {
  kind: 'compose',
  lineComment: '#',
  parse: (text, path) => parseCompose(text, path),
  rules,
  facts: factsOfFile,
  complete,
  hover,
  definition,
  rename,
  symbols,
  format,
  references,
  documentLinks,
};
