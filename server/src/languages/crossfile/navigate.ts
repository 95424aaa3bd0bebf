/**
 * Hover, go to definition and rename across files, for every kind, on both sides of a link
 * (crossfile/refs.ts finds the symbol): on a use, the hover shows the other file's declaration
 * (the stage's FROM line, the container's JSON, the flake output's binding); on a declaration, it
 * lists the files that use it. A language wires them around its own features:
 *   hover: withCrossFileHover(hover), definition: withCrossFileDefinition(definition),
 *   rename: withCrossFileRename(rename)
 */

import type { FeatureContext, FileEdits, FileSpan, HoverResult, ParsedFile, WorkspaceIndex } from '../../engine/types';
import { markdownLink } from '../../engine/uri';
import { LineIndex } from '../../text/lines';
import type * as A from '../nix/ast';
import type { DockerfileModel } from '../dockerfile/parse';
import type { ComposeModel } from '../compose/parse';
import type { TaskDefModel } from '../taskdef/parse';
import { dockerfileAt, exposedPorts, stageChain, taskDefAt, taskDefView } from './models';
import { imageSourceOfContainer, imageSourceOfService, type ImageSource } from './links';
import { servicePorts } from './compose';
import { localBuild } from '../compose/build';
import { contentRange } from '../../yaml/scalar';
import type { WorkflowModel } from '../workflow/parse';
import { buildSteps, ecsSteps } from './workflow';
import { outputEntries, outputsTree } from './nix';
import {
  declarationSpots,
  inside,
  renameEverywhere,
  symbolAt,
  usesElsewhere,
  type CrossSymbol,
  type Spot,
} from './refs';

type Feature<M, T> = (ctx: FeatureContext<M>, offset: number) => T;

function linesOf(ws: WorkspaceIndex, path: string): { lines: LineIndex; text: string } | undefined {
  const f = ws.get(path) as ParsedFile | undefined;
  if (f) return { lines: f.lines, text: f.text };
  const text = ws.readText(path);
  return text === undefined ? undefined : { lines: new LineIndex(text), text };
}

/** A Markdown link to a spot, `[Dockerfile:7](file:///…#L7)`. */
function link(from: string, ws: WorkspaceIndex, s: { path: string; start: number }): string {
  return markdownLink(from, s.path, linesOf(ws, s.path)?.lines.position(s.start).line ?? 0);
}

/** A slice of a file starting at `start`, its lines de-indented together (at most `maxLines`). */
function excerpt(text: string, start: number, end: number, maxLines = 20): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lines = (' '.repeat(start - lineStart) + text.slice(start, end)).replace(/\s+$/, '').split('\n');
  if (lines.length > maxLines) lines = [...lines.slice(0, maxLines), '…'];
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length))).join('\n');
}

/** What the declaration looks like, for a hover on a use. */
function declarationHover(ctx: FeatureContext<unknown>, sym: CrossSymbol, decl: Spot): string | undefined {
  const ws = ctx.workspace;
  const where = link(ctx.path, ws, decl);
  if (sym.kind === 'stage') {
    const df = dockerfileAt(ws, sym.file);
    const stage = df?.model.stages.find((s) => s.name?.toLowerCase() === sym.name.toLowerCase());
    if (!df || !stage) return undefined;
    const ports = [...new Set(exposedPorts(df.model, stage).map((p) => p.port))];
    const from = df.text.slice(stage.from.start, stage.from.end).split('\n')[0];
    return (
      `**Stage \`${stage.name}\`** of ${where}\n\n\`\`\`dockerfile\n${from}\n\`\`\`` +
      (ports.length ? `\n\nEXPOSEs ${ports.join(', ')}.` : '')
    );
  }
  if (sym.kind === 'container') {
    const td = taskDefAt(ws, sym.file);
    const c = td?.containers.find((x) => x.name === sym.name);
    if (!td || !c) return undefined;
    return (
      `**Container \`${sym.name}\`** of ` +
      `${where}${td.family ? ` (family \`${td.family}\`)` : ''}\n\n\`\`\`json\n${excerpt(td.file.text, c.start, c.end)}\n\`\`\``
    );
  }
  const flake = ws.get(sym.file);
  const tree = flake?.kind === 'flake' ? outputsTree(flake.model as A.NixModel) : undefined;
  if (!flake || !tree) return undefined;
  const defs = outputEntries(tree, sym.name)
    .slice(0, 4)
    .map((e) => {
      const b = e.entry.bindings[e.entry.bindings.length - 1];
      return excerpt(flake.text, b.start, b.end, 3);
    });
  return `**Flake output \`${sym.name}\`** of ${where}\n\n\`\`\`nix\n${defs.join('\n')}\n\`\`\``;
}

/** Who uses a declaration, for a hover on it. */
function usesHover(ctx: FeatureContext<unknown>, sym: CrossSymbol): string | undefined {
  const ws = ctx.workspace;
  const uses = usesElsewhere(ws, sym);
  const lines = uses.slice(0, 10).map((u) => `- ${link(ctx.path, ws, u)}: \`${u.what}\``);
  if (uses.length > 10) lines.push(`- … and ${uses.length - 10} more`);
  if (sym.kind === 'container') {
    const src = imageSourceOfContainer(ws, sym.file, sym.name);
    if (src)
      lines.push(
        `- image built from ` +
          `${link(ctx.path, ws, { path: src.dockerfile.path, start: src.stage.start })}${src.stage.name ? ` (stage \`${src.stage.name}\`)` : ''}`,
      );
  }
  if (!lines.length) return undefined;
  const what = sym.kind === 'stage' ? 'Stage' : sym.kind === 'container' ? 'Container' : 'Flake output';
  return `**${what} \`${sym.name}\`**, used in other files:\n\n${lines.join('\n')}`;
}

// --- ports: what the other files say about a port ----------------------------------------------

function exposedBy(ctx: FeatureContext<unknown>, src: ImageSource): string {
  const ports = [...new Set(exposedPorts(src.dockerfile.model, src.stage).map((p) => p.port))];
  const stage = `${link(ctx.path, ctx.workspace, { path: src.dockerfile.path, start: src.stage.start })}${src.stage.name ? ` (stage \`${src.stage.name}\`)` : ''}`;
  return ports.length
    ? `The image is built from ${stage}, which EXPOSEs ${ports.join(', ')}.`
    : `The image is built from ${stage}, which EXPOSEs no port.`;
}

/** On a task definition's `containerPort` or a compose port: what the image's Dockerfile EXPOSEs. */
function portUseHover(ctx: FeatureContext<unknown>, offset: number): string | undefined {
  if (ctx.kind === 'taskdef') {
    const view = taskDefView({
      path: ctx.path,
      kind: 'taskdef',
      text: ctx.text,
      lines: ctx.lines,
      model: ctx.model as TaskDefModel,
    });
    for (const c of view?.containers ?? []) {
      const port = c.ports.find((p) => inside(offset, p));
      const src = port && c.name ? imageSourceOfContainer(ctx.workspace, ctx.path, c.name) : undefined;
      if (port && src) return `**containerPort ${port.port}** of \`${c.name}\`\n\n${exposedBy(ctx, src)}`;
    }
  }
  if (ctx.kind === 'compose') {
    const model = ctx.model as ComposeModel;
    for (const svc of model.services ?? []) {
      // on `build.context` / `build.dockerfile`: the Dockerfile that builds the service, and its stages
      const info = localBuild(model, svc, ctx.path);
      if (info && [info.contextNode, info.dockerfileNode].some((n) => n && inside(offset, contentRange(n)))) {
        const df = dockerfileAt(ctx.workspace, info.dockerfilePath);
        if (df) return dockerfileSummary(ctx, info.dockerfilePath, df.model);
      }
      const port = servicePorts(model, svc).targets.find((p) => inside(offset, p));
      const src = port ? imageSourceOfService(ctx.workspace, model, svc, ctx.path) : undefined;
      if (port && src) return `**Port ${port.port}** of service \`${svc.name}\`\n\n${exposedBy(ctx, src)}`;
    }
  }
  return undefined;
}

/** On an EXPOSE: the task definitions and compose services that run this stage, and the ports they map. */
function exposeHover(ctx: FeatureContext<unknown>, offset: number): string | undefined {
  const model = ctx.model as DockerfileModel;
  const expose = model.exposedPorts.find((p) => inside(offset, p));
  if (!expose) return undefined;
  const ws = ctx.workspace;
  // a stage runs this EXPOSE when it is that stage or built on it
  const runs = (src: ImageSource | undefined) =>
    !!src && src.dockerfile.path === ctx.path && stageChain(model, src.stage).some((s) => s.index === expose.stage);
  const lines: string[] = [];
  for (const p of ws.list('taskdef')) {
    const view = taskDefAt(ws, p);
    for (const c of view?.containers ?? []) {
      if (!c.name || !runs(imageSourceOfContainer(ws, p, c.name))) continue;
      const ports = c.ports.map((x) => x.port);
      lines.push(
        `- container \`${c.name}\` of ` +
          `${link(ctx.path, ws, { path: p, start: c.nameSpan?.start ?? c.start })} maps ` +
          `${ports.length ? ports.join(', ') : 'no port'}`,
      );
    }
  }
  for (const p of ws.list('compose')) {
    const file = ws.get(p);
    if (file?.kind !== 'compose') continue;
    const cm = file.model as ComposeModel;
    for (const svc of cm.services ?? []) {
      if (!runs(imageSourceOfService(ws, cm, svc, p))) continue;
      const ports = servicePorts(cm, svc);
      const targets = [...new Set([...ports.targets.map((x) => x.port), ...ports.expose])];
      lines.push(
        `- service \`${svc.name}\` of ` +
          `${link(ctx.path, ws, { path: p, start: svc.keyStart })} ` +
          `${targets.length ? `uses ${targets.join(', ')}` : 'publishes no port'}`,
      );
    }
  }
  return lines.length
    ? `**EXPOSE ${expose.value}**, where this image runs:\n\n${lines.slice(0, 10).join('\n')}`
    : undefined;
}

/** A Dockerfile in a hover: a link to it and its stages. */
function dockerfileSummary(ctx: FeatureContext<unknown>, path: string, model: DockerfileModel): string {
  const stages = model.stages.map(
    (st) => `- ${st.name ? `\`${st.name}\`` : `stage ${st.index}`}: FROM ${st.image ?? '?'}`,
  );
  return `**Dockerfile** ${link(ctx.path, ctx.workspace, { path, start: 0 })}\n\n${stages.join('\n')}`;
}

// --- workflow values naming a file or an ARG ----------------------------------------------------

/** On a `task-definition` path, a Dockerfile `file` or a build arg: what that file holds. */
function workflowValueHover(ctx: FeatureContext<unknown>, offset: number): string | undefined {
  const model = ctx.model as WorkflowModel;
  const ws = ctx.workspace;
  for (const s of ecsSteps(model, ctx.path)) {
    if (!s.taskDefPath || !s.taskDef || !inside(offset, { start: s.taskDef.contentStart, end: s.taskDef.contentEnd }))
      continue;
    const td = taskDefAt(ws, s.taskDefPath);
    if (!td) return undefined;
    const containers = td.containers.map(
      (c) =>
        `- ` +
        `\`${c.name ?? '?'}\`${c.image ? `: ${c.image}` : ''}${c.ports.length ? ` (ports ${c.ports.map((p) => p.port).join(', ')})` : ''}`,
    );
    return (
      `**Task definition** ` +
      `${link(ctx.path, ws, { path: s.taskDefPath, start: 0 })}${td.family ? `, family \`${td.family}\`` : ''}\n\n${containers.join('\n') || 'No containers.'}`
    );
  }
  for (const b of buildSteps(model, ctx.path)) {
    if (!b.dockerfilePath) continue;
    const df =
      inside(offset, b.file) || inside(offset, b.context) || b.buildArgs.some((a) => inside(offset, a))
        ? dockerfileAt(ws, b.dockerfilePath)
        : undefined;
    if (!df) continue;
    const arg = b.buildArgs.find((a) => inside(offset, a));
    if (arg) {
      const defs = df.model.args.filter((a) => a.name === arg.value);
      if (!defs.length) return undefined;
      return defs
        .slice(0, 4)
        .map(
          (d) =>
            `**ARG ${d.name}${d.value !== null ? `=${d.value}` : ''}** in ` +
            `${link(ctx.path, ws, { path: b.dockerfilePath!, start: d.nameStart })}${d.stage >= 0 ? ` (stage ${df.model.stages[d.stage]?.name ?? d.stage})` : ' (before the first FROM)'}`,
        )
        .join('\n\n');
    }
    return dockerfileSummary(ctx, b.dockerfilePath, df.model);
  }
  return undefined;
}

export function crossFileHover(ctx: FeatureContext<unknown>, offset: number): HoverResult | undefined {
  // (a context without a workspace, as some unit tests build: nothing to look across)
  if (!ctx.workspace) return undefined;
  const sym = symbolAt(ctx, offset);
  if (!sym) {
    const value =
      ctx.kind === 'dockerfile'
        ? exposeHover(ctx, offset)
        : ctx.kind === 'workflow'
          ? workflowValueHover(ctx, offset)
          : portUseHover(ctx, offset);
    return value ? { markdown: value } : undefined;
  }
  let value: string | undefined;
  if (sym.file === ctx.path) value = usesHover(ctx, sym);
  else {
    const decl = declarationSpots(ctx.workspace, sym)?.[0];
    value = decl && declarationHover(ctx, sym, decl);
  }
  return value ? { markdown: value } : undefined;
}

function merge(a: HoverResult | undefined, b: HoverResult | undefined): HoverResult | undefined {
  if (!a || !b) return a ?? b;
  return { markdown: `${a.markdown}\n\n---\n\n${b.markdown}`, span: b.span ?? a.span };
}

/** The other file's side first, then the language's own hover. */
export function withCrossFileHover<M>(own?: Feature<M, HoverResult | undefined>): Feature<M, HoverResult | undefined> {
  return (ctx, offset) => merge(crossFileHover(ctx as FeatureContext<unknown>, offset), own?.(ctx, offset));
}

/** From a use to the declaration in the other file; otherwise the language's own definition. */
export function withCrossFileDefinition<M>(own?: Feature<M, FileSpan[]>): Feature<M, FileSpan[]> {
  return (ctx, offset) => {
    const sym = ctx.workspace && symbolAt(ctx as FeatureContext<unknown>, offset);
    if (sym && sym.file !== ctx.path) {
      const decl = declarationSpots(ctx.workspace, sym)?.[0];
      if (decl) return [{ path: decl.path, start: decl.start, end: decl.end }];
    }
    return own?.(ctx, offset) ?? [];
  };
}

/** Renames a stage, container or flake output in every file; otherwise the language's own rename. */
export function withCrossFileRename<M>(
  own?: (ctx: FeatureContext<M>, offset: number, newName: string) => FileEdits[] | undefined,
) {
  return (ctx: FeatureContext<M>, offset: number, newName: string) => {
    const sym = ctx.workspace && symbolAt(ctx as FeatureContext<unknown>, offset);
    const across = sym && renameEverywhere(ctx.workspace, sym, newName);
    return across ?? own?.(ctx, offset, newName);
  };
}
