import type { Rule } from '../../../engine/types';
import type { ComposeModel } from '../parse';
import { rule as syntax } from './compose-syntax-error';
import { rule as unknownKey } from './unknown-key';
import { rule as wrongType } from './wrong-type';
import { rule as invalidValue } from './invalid-value';
import { rule as missingRequired } from './missing-required-key';
import { rule as duplicateItem } from './duplicate-item';

export const rules: Rule<ComposeModel>[] = [
  syntax, unknownKey, wrongType, invalidValue, missingRequired, duplicateItem,
];
