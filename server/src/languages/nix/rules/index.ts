import type { Rule } from '../../../engine/types';
import type { NixModel } from '../ast';
import { rule as syntax } from './syntax-error';
import { rule as undefinedVariable } from './undefined-variable';
import { rule as duplicateAttribute } from './duplicate-attribute';
import { rule as duplicateFormal } from './duplicate-formal';
import { rule as unusedLet } from './unused-let-binding';
import { rule as unusedFormal } from './unused-formal';
import { rule as urlLiteral } from './deprecated-url-literal';
import { rule as legacyLet } from './deprecated-let-body';
import { rule as uselessRec } from './useless-rec';

export const rules: Rule<NixModel>[] = [
  syntax,
  undefinedVariable,
  duplicateAttribute,
  duplicateFormal,
  unusedLet,
  unusedFormal,
  urlLiteral,
  legacyLet,
  uselessRec,
];
