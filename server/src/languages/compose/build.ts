/** A service's build settings resolved to workspace paths, and its Dockerfile through the index. */
import { posix } from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { ComposeModel, ServiceModel } from './parse';
import { entry, str, type YNode } from '../../yaml/view';

export interface BuildInfo {
  /** The context as written, and its node. */
  context: string;
  contextNode?: YNode;
  contextPath: string;
  remote: boolean;
  dockerfile: string;
  dockerfileNode?: YNode;
  dockerfilePath: string;
  inline: boolean;
  /** The text of `dockerfile_inline`, when given. */
  inlineText?: string;
  target?: string;
  targetNode?: YNode;
}

export function isRemoteContext(s: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(s) || /\.git(#|$)/.test(s);
}

export function buildInfo(model: ComposeModel, svc: ServiceModel, composePath: string): BuildInfo | undefined {
  const build = svc.get('build')?.value;
  if (!build) return undefined;
  const dir = posix.dirname(composePath) || '/';
  let context = '.';
  let contextNode: YNode | undefined;
  let dockerfile = 'Dockerfile';
  let dockerfileNode: YNode | undefined;
  let inline = false;
  let inlineText: string | undefined;
  let target: string | undefined;
  let targetNode: YNode | undefined;
  if (isScalar(build)) {
    context = str(build) ?? '.';
    contextNode = build;
  } else if (isMap(build)) {
    const c = entry(build, model.doc, 'context')?.value;
    if (c && str(c) !== undefined) {
      context = str(c)!;
      contextNode = c;
    }
    const d = entry(build, model.doc, 'dockerfile')?.value;
    if (d && str(d) !== undefined) {
      dockerfile = str(d)!;
      dockerfileNode = d;
    }
    const inl = entry(build, model.doc, 'dockerfile_inline');
    inline = !!inl;
    inlineText = str(inl?.value);
    const t = entry(build, model.doc, 'target')?.value;
    if (t && str(t) !== undefined) {
      target = str(t);
      targetNode = t;
    }
  } else return undefined;
  const remote = isRemoteContext(context);
  const contextPath = posix.resolve(dir, context);
  const dockerfilePath = posix.isAbsolute(dockerfile) ? dockerfile : posix.resolve(contextPath, dockerfile);
  return {
    context,
    contextNode,
    contextPath,
    remote,
    dockerfile,
    dockerfileNode,
    dockerfilePath,
    inline,
    inlineText,
    target,
    targetNode,
  };
}

/** A service's build when it is a Dockerfile in the workspace: not inline, not remote, no variable in its paths. */
export function localBuild(model: ComposeModel, svc: ServiceModel, composePath: string): BuildInfo | undefined {
  const info = buildInfo(model, svc, composePath);
  return info && isLocal(info) ? info : undefined;
}

/** Whether a build is a Dockerfile in the workspace (see `localBuild`). */
export function isLocal(info: BuildInfo): boolean {
  return !info.inline && !info.remote && !/\$/.test(info.context + info.dockerfile);
}
