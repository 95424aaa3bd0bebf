/** The ECS task definition language: JSON files registered with `aws ecs register-task-definition`. */
import type { Language } from '../../engine/types';
import { parseTaskDef, type TaskDefModel } from './parse';
import { rules } from './rules';
import { complete } from './complete';
import { hover } from './hover';
import { symbols } from './symbols';
import { factsOfFile } from './facts';
import { arnHover, definition, format, inlayHints, references } from './editor';

export type { TaskDefModel } from './parse';

export const language: Language<TaskDefModel> = {
  kind: 'taskdef',
  // JSON has no comments, so there is no lineComment and no inline ignore comment.
  parse: (text, path) => parseTaskDef(text, path),
  rules,
  facts: factsOfFile,
  complete,
  hover: (ctx, offset) => arnHover(ctx, offset) ?? hover(ctx, offset),
  symbols,
  definition,
  format,
  references,
  inlayHints,
};
