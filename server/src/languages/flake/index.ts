import type { Language } from '../../engine/types';
import { language as nix, type NixModel } from '../nix';
import { rules as flakeRules } from './rules';
import { withCrossFileHover, withCrossFileRename } from '../crossfile/navigate';

/** flake.nix: the Nix language, plus the flake checks. */
export const language: Language<NixModel> = {
  ...nix,
  kind: 'flake',
  rules: [...nix.rules, ...flakeRules],
  // An output's users (`nix build .#name` in workflows) in its hover; renamed with them.
  hover: withCrossFileHover(nix.hover),
  rename: withCrossFileRename(nix.rename),
};
