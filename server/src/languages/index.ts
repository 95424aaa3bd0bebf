import type { Language } from '../engine/types';
import { language as compose } from './compose';
import { language as dockerfile } from './dockerfile';
import { language as dockerignore } from './dockerignore';
import { language as flake } from './flake';
import { language as nix } from './nix';
import { language as taskdef } from './taskdef';
import { language as workflow } from './workflow';

/** Every language Shipshape knows, one per document kind. */
export const languages: Language[] = [dockerfile, dockerignore, compose, workflow, taskdef, flake, nix];
