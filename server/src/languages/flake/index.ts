import type { Language } from '../../engine/types';
import { language as nix, type NixModel } from '../nix';
import { factsOfFile } from './facts';
import { flakeComplete, flakeHover } from './features';
import { flakeLinks, flakeReferences } from './editor';
import { rules as flakeRules } from './rules';

/** flake.nix: the Nix language, plus the flake checks and what a flake adds to completion and hover. */
export const language: Language<NixModel> = {
  ...nix,
  kind: 'flake',
  rules: [...nix.rules, ...flakeRules],
  facts: factsOfFile,
  complete: (ctx, offset) => flakeComplete(ctx, offset) ?? nix.complete?.(ctx, offset) ?? [],
  hover: (ctx, offset) => flakeHover(ctx, offset) ?? nix.hover?.(ctx, offset),
  references: flakeReferences,
  documentLinks: flakeLinks,
};
