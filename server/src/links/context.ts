/**
 * The .dockerignore in force for a build, and the Dockerfile's COPY/ADD sources it leaves out.
 *
 * Docker and BuildKit read `<Dockerfile>.dockerignore` beside the Dockerfile when it exists, else
 * `<context>/.dockerignore`. DF015 (the Dockerfile side) assumes the context is the Dockerfile's folder; when another
 * file chooses a context elsewhere (a compose service's `build.context`, a workflow's `context` or
 * `docker build ... <ctx>`), the ignore file in force may be another one, and the sources it excludes are only visible
 * from the file that chose the context (XF014, XF025). Every file read goes through the workspace, so editing the
 * ignore file or the Dockerfile re-checks the compose file or workflow.
 */
import { posix } from 'node:path';
import type { WorkspaceIndex } from '../engine/types';
import { isExcluded, type IgnoreFacts, type IgnorePattern } from '../languages/dockerignore/facts';
import { dockerfileAt, ignoreAt } from './facts';

export interface IgnoredSource {
  /** The source as written in the COPY/ADD, its offsets in the Dockerfile and its 1-based line. */
  src: string;
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
  ignore: IgnoreFacts;
  /** COPY/ADD sources the ignore file in force excludes, and that DF015 does not report. */
  sources: IgnoredSource[];
}

/** The Dockerfile an ignore file beside it is paired with: `.dockerignore` → `Dockerfile`, `X.dockerignore` → `X`. */
export function dockerfileOfIgnore(ignorePath: string): string {
  const dir = posix.dirname(ignorePath);
  const base = posix.basename(ignorePath);
  return posix.join(dir, base === '.dockerignore' ? 'Dockerfile' : base.slice(0, -'.dockerignore'.length));
}

/** The ignore file Docker uses for this context and Dockerfile: `<Dockerfile>.dockerignore`, else the context's. */
export function ignoreInForce(
  ws: WorkspaceIndex,
  contextPath: string,
  dockerfilePath: string,
): { path: string; facts: IgnoreFacts } | undefined {
  for (const p of [`${dockerfilePath}.dockerignore`, posix.join(contextPath, '.dockerignore')]) {
    const facts = ignoreAt(ws, p);
    if (facts) return { path: p, facts };
  }
  return undefined;
}

/** The ignore file in force when the context is the Dockerfile's own folder (what DF015 reads). */
export function ignoreBesideDockerfile(
  ws: WorkspaceIndex,
  dockerfilePath: string,
): { path: string; facts: IgnoreFacts } | undefined {
  return ignoreInForce(ws, posix.dirname(dockerfilePath), dockerfilePath);
}

export function contextIgnore(
  ws: WorkspaceIndex,
  contextPath: string,
  dockerfilePath: string,
): ContextIgnore | undefined {
  const inForce = ignoreInForce(ws, contextPath, dockerfilePath);
  if (!inForce?.facts.patterns.length) return undefined;
  const dockerSide = ignoreBesideDockerfile(ws, dockerfilePath);
  const out: ContextIgnore = { ignorePath: inForce.path, ignore: inForce.facts, sources: [] };
  const df = dockerfileAt(ws, dockerfilePath);
  // the same ignore file as DF015's: DF015 reports in the Dockerfile
  if (!df || dockerSide?.path === inForce.path) return out;
  const seen = new Set<string>();
  for (const w of df.copySources) {
    const v = w.value;
    if (seen.has(v)) continue;
    const r = isExcluded(inForce.facts, v);
    if (!r.excluded || !r.by || r.by.cleaned === '.') continue;
    // DF015 already reports it in the Dockerfile (through the ignore file it reads)
    if (dockerSide && isExcluded(dockerSide.facts, v).excluded) continue;
    seen.add(v);
    out.sources.push({ src: v, start: w.start, end: w.end, line: w.line, keyword: w.keyword, pattern: r.by });
  }
  return out;
}
