import type { Language } from '../../engine/types';
import { language as nix, type NixModel } from '../nix';
import { rules as flakeRules } from './rules';

/** flake.nix: the Nix language, plus the flake checks. */
export const language: Language<NixModel> = {
  ...nix,
  kind: 'flake',
  rules: [...nix.rules, ...flakeRules],
};
