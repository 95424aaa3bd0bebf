import type { Language } from '../../engine/types';
import type { NixModel } from './ast';
import { parse } from './parser';
import { rules } from './rules';
import { complete, definition, folding, hover, rename, selectionRanges, symbols } from './features';
import { documentLinks, format, references, semanticTokens } from './editor';

export type { NixModel } from './ast';

/** Any `.nix` file: our own parser (conformant with `nix-instantiate --parse`), checks and editor features. */
export const language: Language<NixModel> = {
  kind: 'nix',
  lineComment: '#',
  parse: (text) => parse(text),
  rules,
  complete,
  hover,
  symbols,
  definition,
  rename,
  folding,
  selectionRanges,
  format,
  references,
  documentLinks,
  semanticTokens,
};
