/**
 * The facts of other files, by path, typed by their kind: the links layer's only window into the languages. Every
 * read goes through the workspace index, so it becomes a dependency (a change to that file re-checks the reader).
 */
import type { Once, WorkspaceIndex } from '../engine/types';
import { composeFacts, parseCompose, type ComposeFacts } from '../languages/compose/facts';
import { factsOfText as dockerfileText, type DockerfileFacts } from '../languages/dockerfile/facts';
import { factsOfText as ignoreText, type IgnoreFacts } from '../languages/dockerignore/facts';
import type { FlakeFacts } from '../languages/flake/facts';
import type { TaskDefFacts } from '../languages/taskdef/facts';
import type { WorkflowFacts } from '../languages/workflow/facts';

/** What a check or feature across files has: the index, and `once` for work shared within the check. */
export interface LinkContext extends Once {
  readonly path: string;
  readonly workspace: WorkspaceIndex;
}

function of<T>(ws: WorkspaceIndex, path: string, kind: string): T | undefined {
  const f = ws.facts(path);
  return f?.kind === kind ? (f.facts as T) : undefined;
}

/** A Dockerfile's facts; a file another file names as its Dockerfile is read as one, whatever its name. */
export function dockerfileAt(ws: WorkspaceIndex, path: string): DockerfileFacts | undefined {
  const f = ws.facts(path);
  if (f) return f.kind === 'dockerfile' ? (f.facts as DockerfileFacts) : undefined;
  const text = ws.readText(path);
  return text === undefined || text.includes('\u0000') ? undefined : dockerfileText(text);
}
export const taskDefAt = (ws: WorkspaceIndex, path: string) => of<TaskDefFacts>(ws, path, 'taskdef');
export const workflowAt = (ws: WorkspaceIndex, path: string) => of<WorkflowFacts>(ws, path, 'workflow');
export const flakeAt = (ws: WorkspaceIndex, path: string) => of<FlakeFacts>(ws, path, 'flake');

/** A compose file's facts; any file named by `extends.file` is read as compose, whatever its name. */
export function composeAt(ws: WorkspaceIndex, path: string, anyName = false): ComposeFacts | undefined {
  const f = of<ComposeFacts>(ws, path, 'compose');
  if (f || !anyName) return f;
  const text = ws.readText(path);
  return text === undefined ? undefined : composeFacts(parseCompose(text, path), path);
}

/** An ignore file's facts: a `.dockerignore` the index knows, or any file read as one (`Dockerfile.dockerignore`). */
export function ignoreAt(ws: WorkspaceIndex, path: string): IgnoreFacts | undefined {
  const f = of<IgnoreFacts>(ws, path, 'dockerignore');
  if (f) return f;
  const text = ws.readText(path);
  return text === undefined ? undefined : ignoreText(text);
}

/** The flake.nix at the root of the repository a workflow belongs to. */
export function flakeOf(wf: WorkflowFacts): string | undefined {
  return wf.root === undefined ? undefined : `${wf.root === '/' ? '' : wf.root}/flake.nix`;
}

/** The facts of the document being checked, of the kind its language gives them. */
export function own<T>(ctx: LinkContext): T | undefined {
  return ctx.workspace.facts(ctx.path)?.facts as T | undefined;
}

export { dockerfileText };
