import type { Language } from '../../engine/types';
import { parseCompose, type ComposeModel } from './parse';
import { rules } from './rules';
import { complete } from './complete';
import { definition, hover, rename, symbols } from './navigate';
import { withCrossFileDefinition, withCrossFileHover, withCrossFileRename } from '../crossfile/navigate';

export type { ComposeModel } from './parse';

export const language: Language<ComposeModel> = {
  kind: 'compose',
  lineComment: '#',
  parse: (text, path) => parseCompose(text, path),
  rules,
  complete,
  // A build `target` resolves, hovers and renames with the Dockerfile's stage.
  hover: withCrossFileHover(hover),
  definition: withCrossFileDefinition(definition),
  rename: withCrossFileRename(rename),
  symbols,
};
