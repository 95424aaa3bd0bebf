/**
 * The .dockerignore in force for a build whose context another file chooses (a compose service's
 * `build.context`, a workflow's `docker/build-push-action` `context` or `docker build ... <ctx>`),
 * and the Dockerfile's COPY/ADD sources it leaves out.
 *
 * Docker and BuildKit read `<Dockerfile>.dockerignore` beside the Dockerfile when it exists, else
 * `<context>/.dockerignore`. DF015 (the Dockerfile side) assumes the context is the Dockerfile's
 * folder; when the chosen context is elsewhere, the ignore file in force may be another one, and
 * the sources it excludes are only visible from the file that chose the context (XF014, XF025).
 * Every file read goes through the workspace, so editing the ignore file or the Dockerfile
 * re-checks the compose file or workflow.
 */
import { posix } from 'node:path';
import type { WorkspaceIndex } from '../../engine/types';
import { isExcluded, type DockerignoreModel, type IgnorePattern } from '../dockerignore/patterns';
import { ignoreFileFor, readIgnoreFile } from '../dockerfile/context';
import { literalCopySources } from '../dockerfile/util';
import { dockerfileAt } from './models';

export interface IgnoredSource {
  /** The source as written in the COPY/ADD. */
  src: string;
  /** Offsets of the source in the Dockerfile, and its 1-based line. */
  start: number;
  end: number;
  line: number;
  keyword: string;
  /** The pattern that excludes it (its offsets are in the ignore file). */
  pattern: IgnorePattern;
}

export interface ContextIgnore {
  /** The ignore file in force, and its patterns. */
  ignorePath: string;
  ignore: DockerignoreModel;
  /** COPY/ADD sources the ignore file in force excludes, and that DF015 does not report. */
  sources: IgnoredSource[];
}

/**
 * The ignore file Docker uses for this context and Dockerfile: `<Dockerfile>.dockerignore`, else
 * `<context>/.dockerignore`.
 */
export function ignoreInForce(
  ws: WorkspaceIndex,
  contextPath: string,
  dockerfilePath: string,
): { path: string; model: DockerignoreModel } | undefined {
  for (const p of [dockerfilePath + '.dockerignore', posix.join(contextPath, '.dockerignore')]) {
    const model = readIgnoreFile(ws, p);
    if (model) return { path: p, model };
  }
  return undefined;
}

export function contextIgnore(
  ws: WorkspaceIndex,
  contextPath: string,
  dockerfilePath: string,
): ContextIgnore | undefined {
  const inForce = ignoreInForce(ws, contextPath, dockerfilePath);
  if (!inForce?.model.patterns.length) return undefined;
  const dockerSide = ignoreFileFor(dockerfilePath, ws);
  const out: ContextIgnore = { ignorePath: inForce.path, ignore: inForce.model, sources: [] };
  const df = dockerfileAt(ws, dockerfilePath);
  // the same ignore file as DF015's: DF015 reports in the Dockerfile
  if (!df || dockerSide?.path === inForce.path) return out;
  const seen = new Set<string>();
  for (const { ins, word: w } of literalCopySources(df.model)) {
    const v = w.value;
    if (seen.has(v)) continue;
    const r = isExcluded(inForce.model, v);
    if (!r.excluded || !r.by || r.by.cleaned === '.') continue;
    // DF015 already reports it in the Dockerfile (through the ignore file it reads)
    if (dockerSide && isExcluded(dockerSide.model, v).excluded) continue;
    seen.add(v);
    out.sources.push({
      src: v,
      start: w.start,
      end: w.end,
      line: df.lines.position(w.start).line + 1,
      keyword: ins.keyword,
      pattern: r.by,
    });
  }
  return out;
}
