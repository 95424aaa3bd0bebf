/**
 * The .dockerignore in force for a build whose context another file chooses (a compose service's
 * `build.context`, a workflow's `docker/build-push-action` `context` or `docker build ... <ctx>`),
 * and what it leaves out: the Dockerfile's COPY/ADD sources, and the Dockerfile itself.
 *
 * Docker and BuildKit read `<Dockerfile>.dockerignore` beside the Dockerfile when it exists, else
 * `<context>/.dockerignore`. DF015 (the Dockerfile side) assumes the context is the Dockerfile's
 * folder; when the chosen context is elsewhere, the ignore file in force may be another one, and
 * the sources it excludes are only visible from the file that chose the context (XF014, XF025).
 * Every file read goes through the workspace, so editing the ignore file or the Dockerfile
 * re-checks the compose file or workflow.
 */
import { posix } from 'node:path';
import type { ParsedFile, WorkspaceIndex } from '../../engine/types';
import type { DockerfileModel } from '../dockerfile/parse';
import { parseDockerignore, isExcluded, type DockerignoreModel, type IgnorePattern } from '../dockerignore/patterns';
import { ignoreFileFor } from '../dockerfile/context';
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
  dockerfile?: ParsedFile<DockerfileModel>;
  /** Whether DF015 reads this same ignore file (then it already reports the sources). */
  sameAsDockerfileSide: boolean;
  /** COPY/ADD sources the ignore file in force excludes, and that DF015 does not report. */
  sources: IgnoredSource[];
  /** The Dockerfile's path relative to the context and the pattern excluding it, when it lies inside the context and is excluded. */
  dockerfileExcluded?: { rel: string; pattern: IgnorePattern };
}

function readIgnore(ws: WorkspaceIndex, path: string): DockerignoreModel | undefined {
  const parsed = ws.get(path);
  if (parsed && parsed.kind === 'dockerignore' && (parsed.model as DockerignoreModel).patterns) return parsed.model as DockerignoreModel;
  const text = ws.readText(path);
  return text === undefined ? undefined : parseDockerignore(text);
}

/** The ignore file Docker uses for this context and Dockerfile: `<Dockerfile>.dockerignore`, else `<context>/.dockerignore`. */
export function ignoreInForce(ws: WorkspaceIndex, contextPath: string, dockerfilePath: string): { path: string; model: DockerignoreModel } | undefined {
  for (const p of [dockerfilePath + '.dockerignore', posix.join(contextPath, '.dockerignore')]) {
    const model = readIgnore(ws, p);
    if (model) return { path: p, model };
  }
  return undefined;
}

const literalSource = (v: string) => !!v && !/[$`*?[]/.test(v) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^git@/.test(v);

export function contextIgnore(ws: WorkspaceIndex, contextPath: string, dockerfilePath: string): ContextIgnore | undefined {
  const inForce = ignoreInForce(ws, contextPath, dockerfilePath);
  if (!inForce || !inForce.model.patterns.length) return undefined;
  const dockerSide = ignoreFileFor(dockerfilePath, ws);
  const same = dockerSide?.path === inForce.path;
  const out: ContextIgnore = { ignorePath: inForce.path, ignore: inForce.model, sameAsDockerfileSide: same, sources: [] };
  const rel = posix.relative(contextPath, dockerfilePath);
  if (rel && !rel.startsWith('../') && rel !== '..' && !posix.isAbsolute(rel)) {
    const r = isExcluded(inForce.model, rel);
    if (r.excluded && r.by) out.dockerfileExcluded = { rel, pattern: r.by };
  }
  const df = dockerfileAt(ws, dockerfilePath);
  out.dockerfile = df;
  if (!df || same) return out;
  const seen = new Set<string>();
  for (const ins of df.model.instructions) {
    if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.heredocs.length || ins.flags.some((f) => f.name === 'from')) continue;
    const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
    for (const w of words.slice(0, -1)) {
      const v = w.value;
      if (!literalSource(v) || seen.has(v)) continue;
      const r = isExcluded(inForce.model, v);
      if (!r.excluded || !r.by || r.by.cleaned === '.') continue;
      // DF015 already reports it in the Dockerfile (through the ignore file it reads)
      if (dockerSide && isExcluded(dockerSide.model, v).excluded) continue;
      seen.add(v);
      out.sources.push({ src: v, start: w.start, end: w.end, line: df.lines.position(w.start).line + 1, keyword: ins.keyword, pattern: r.by });
    }
  }
  return out;
}
