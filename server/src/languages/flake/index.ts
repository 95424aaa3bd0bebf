import type { Language } from '../../engine/types';
import { language as nix, type NixModel } from '../nix';

/** flake.nix: the Nix language, plus the flake checks. */
export const language: Language<NixModel> = {
  ...nix,
  kind: 'flake',
  rules: [...nix.rules],
};
