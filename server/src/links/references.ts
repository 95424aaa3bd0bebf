/**
 * Find references across files, and go to definition from a task definition's container to the Dockerfile stage its
 * image is built from (when a workflow links them). The symbol under the cursor is found on either side (`refs.ts`):
 * its declaration and uses in the defining file, then its uses in every other file.
 */
import type { FeatureContext, FileSpan, Occurrence } from '../engine/types';
import type { TaskDefFacts } from '../languages/taskdef/facts';
import { imageSourceOfContainer } from './builds';
import { own } from './facts';
import { declarationSpots, inside, symbolAt, usesElsewhere } from './refs';

type Feature<M, T> = (ctx: FeatureContext<M>, offset: number) => T;

const DECLARATIONS = new Set(['stage', 'container', 'output']);

/** Every place naming the stage, container or flake output under the cursor; otherwise the language's own. */
export function withCrossFileReferences<M>(ownRefs?: Feature<M, Occurrence[]>): Feature<M, Occurrence[]> {
  return (ctx, offset) => {
    const sym = ctx.workspace && symbolAt(ctx, offset);
    const decl = sym ? declarationSpots(ctx.workspace, sym) : undefined;
    if (!sym || !decl) return ownRefs?.(ctx, offset) ?? [];
    const spots = [...decl, ...usesElsewhere(ctx, sym)];
    return spots.map((s) => ({
      path: s.path,
      start: s.start,
      end: s.end,
      kind: DECLARATIONS.has(s.what) ? ('write' as const) : ('read' as const),
    }));
  };
}

/** In a task definition: from a container's name or image to the stage of the Dockerfile that builds its image. */
export function withImageDefinition<M>(ownDefinition?: Feature<M, FileSpan[]>): Feature<M, FileSpan[]> {
  return (ctx, offset) => {
    const mine = ownDefinition?.(ctx, offset) ?? [];
    if (mine.length || !ctx.workspace) return mine;
    const c = own<TaskDefFacts>(ctx)?.containers.find(
      (x) => x.name && (inside(offset, x.nameSpan) || inside(offset, x.imageSpan)),
    );
    const src = c?.name ? imageSourceOfContainer(ctx, ctx.path, c.name) : undefined;
    if (!src) return [];
    const at = src.stage.nameSpan ?? src.stage.from;
    return [{ path: src.dockerfilePath, start: at.start, end: at.end }];
  };
}
