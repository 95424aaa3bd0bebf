/**
 * Hover, go to definition and rename across files, for every kind, on both sides of a link (`refs.ts` finds the
 * symbol): on a use, the hover shows the other file's declaration (the stage's FROM line, the container's JSON, the
 * flake output's binding); on a declaration, it lists the files that use it. `index.ts` wraps each language's own
 * features with them.
 */
import type { FeatureContext, FileEdits, FileSpan, HoverResult, WorkspaceIndex } from '../engine/types';
import { markdownLink } from '../engine/uri';
import type { ComposeFacts } from '../languages/compose/facts';
import { exposedPorts, stageChain, type DockerfileFacts, type StageFacts } from '../languages/dockerfile/facts';
import { outputDefinitions } from '../languages/flake/facts';
import type { TaskDefFacts } from '../languages/taskdef/facts';
import type { WorkflowFacts } from '../languages/workflow/facts';
import { LineIndex } from '../text/lines';
import { imageSourceOfContainer, imageSourceOfService, type ImageSource } from './builds';
import { composeAt, dockerfileAt, flakeAt, own, taskDefAt, type LinkContext } from './facts';
import { buildsKey } from './keys';
import {
  declarationSpots,
  inside,
  renameEverywhere,
  symbolAt,
  usesElsewhere,
  type CrossSymbol,
  type Spot,
  type SymbolContext,
} from './refs';

type Feature<M, T> = (ctx: FeatureContext<M>, offset: number) => T;

function textOf(ws: WorkspaceIndex, path: string): { lines: LineIndex; text: string } | undefined {
  const f = ws.get(path);
  if (f) return { lines: f.lines, text: f.text };
  const text = ws.readText(path);
  return text === undefined ? undefined : { lines: new LineIndex(text), text };
}

/** A Markdown link to a spot, `[Dockerfile:7](file:///…#L7)`. */
function link(from: string, ws: WorkspaceIndex, s: { path: string; start: number }): string {
  return markdownLink(from, s.path, textOf(ws, s.path)?.lines.position(s.start).line ?? 0);
}

/** A slice of a file starting at `start`, its lines de-indented together (at most `maxLines`). */
function excerpt(text: string, start: number, end: number, maxLines = 20): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lines = (' '.repeat(start - lineStart) + text.slice(start, end)).trimEnd().split('\n');
  if (lines.length > maxLines) lines = [...lines.slice(0, maxLines), '…'];
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length))).join('\n');
}

const stageLabel = (s: StageFacts) => (s.name ? ` (stage \`${s.name}\`)` : '');

/** What the declaration looks like, for a hover on a use. */
function declarationHover(ctx: LinkContext, sym: CrossSymbol, decl: Spot): string | undefined {
  const ws = ctx.workspace;
  const where = link(ctx.path, ws, decl);
  if (sym.kind === 'stage') {
    const df = dockerfileAt(ws, sym.file);
    const stage = df?.stages.find((s) => s.name?.toLowerCase() === sym.name.toLowerCase());
    if (!df || !stage) return undefined;
    const ports = [...new Set(exposedPorts(df, stage).map((p) => p.port))];
    return (
      `**Stage \`${stage.name}\`** of ${where}\n\n\`\`\`dockerfile\n${stage.fromLine}\n\`\`\`` +
      (ports.length ? `\n\nEXPOSEs ${ports.join(', ')}.` : '')
    );
  }
  if (sym.kind === 'container') {
    const td = taskDefAt(ws, sym.file);
    const c = td?.containers.find((x) => x.name === sym.name);
    const text = textOf(ws, sym.file)?.text;
    if (!td || !c || text === undefined) return undefined;
    const family = td.family ? ` (family \`${td.family.value}\`)` : '';
    return `**Container \`${sym.name}\`** of ${where}${family}\n\n\`\`\`json\n${excerpt(text, c.start, c.end)}\n\`\`\``;
  }
  const flake = flakeAt(ws, sym.file);
  const text = textOf(ws, sym.file)?.text;
  if (!flake?.outputsKnown || text === undefined) return undefined;
  const defs = outputDefinitions(flake, sym.name)
    .slice(0, 4)
    .map((d) => excerpt(text, d.binding.start, d.binding.end, 3));
  return `**Flake output \`${sym.name}\`** of ${where}\n\n\`\`\`nix\n${defs.join('\n')}\n\`\`\``;
}

/** Who uses a declaration, for a hover on it. */
function usesHover(ctx: LinkContext, sym: CrossSymbol): string | undefined {
  const ws = ctx.workspace;
  const uses = usesElsewhere(ctx, sym);
  const lines = uses.slice(0, 10).map((u) => `- ${link(ctx.path, ws, u)}: \`${u.what}\``);
  if (uses.length > 10) lines.push(`- … and ${uses.length - 10} more`);
  if (sym.kind === 'container') {
    const src = imageSourceOfContainer(ctx, sym.file, sym.name);
    if (src)
      lines.push(
        `- image built from ${link(ctx.path, ws, { path: src.dockerfilePath, start: src.stage.start })}` +
          stageLabel(src.stage),
      );
  }
  if (!lines.length) return undefined;
  const what = sym.kind === 'stage' ? 'Stage' : sym.kind === 'container' ? 'Container' : 'Flake output';
  return `**${what} \`${sym.name}\`**, used in other files:\n\n${lines.join('\n')}`;
}

// --- ports: what the other files say about a port ----------------------------------------------

function exposedBy(ctx: LinkContext, src: ImageSource): string {
  const ports = [...new Set(exposedPorts(src.dockerfile, src.stage).map((p) => p.port))];
  const stage = `${link(ctx.path, ctx.workspace, { path: src.dockerfilePath, start: src.stage.start })}${stageLabel(src.stage)}`;
  return ports.length
    ? `The image is built from ${stage}, which EXPOSEs ${ports.join(', ')}.`
    : `The image is built from ${stage}, which EXPOSEs no port.`;
}

/** On a task definition's `containerPort` or a compose port: what the image's Dockerfile EXPOSEs. */
function portUseHover(ctx: SymbolContext, offset: number): string | undefined {
  if (ctx.kind === 'taskdef') {
    for (const c of own<TaskDefFacts>(ctx)?.containers ?? []) {
      const port = c.ports.find((p) => inside(offset, p));
      const src = port && c.name ? imageSourceOfContainer(ctx, ctx.path, c.name) : undefined;
      if (port && src) return `**containerPort ${port.port}** of \`${c.name}\`\n\n${exposedBy(ctx, src)}`;
    }
  }
  if (ctx.kind === 'compose') {
    for (const svc of own<ComposeFacts>(ctx)?.services ?? []) {
      // on `build.context` / `build.dockerfile`: the Dockerfile that builds the service, and its stages
      const b = svc.build;
      if (b?.local && [b.contextContent, b.dockerfileContent].some((s) => s && inside(offset, s))) {
        const df = dockerfileAt(ctx.workspace, b.dockerfilePath);
        if (df) return dockerfileSummary(ctx, b.dockerfilePath, df);
      }
      const port = svc.ports.find((p) => inside(offset, p));
      const src = port ? imageSourceOfService(ctx.workspace, svc) : undefined;
      if (port && src) return `**Port ${port.port}** of service \`${svc.name}\`\n\n${exposedBy(ctx, src)}`;
    }
  }
  return undefined;
}

/** On an EXPOSE: the task definitions and compose services that run this stage, and the ports they map. */
function exposeHover(ctx: SymbolContext, offset: number): string | undefined {
  const df = own<DockerfileFacts>(ctx);
  const expose = df?.exposes.find((p) => inside(offset, p));
  if (!df || !expose) return undefined;
  const ws = ctx.workspace;
  // a stage runs this EXPOSE when it is that stage or built on it
  const runs = (src: ImageSource | undefined) =>
    !!src && src.dockerfilePath === ctx.path && stageChain(df, src.stage).some((s) => s.index === expose.stage);
  const lines: string[] = [];
  for (const p of ws.list('taskdef')) {
    for (const c of taskDefAt(ws, p)?.containers ?? []) {
      if (!c.name || !runs(imageSourceOfContainer(ctx, p, c.name))) continue;
      const ports = c.ports.map((x) => x.port);
      lines.push(
        `- container \`${c.name}\` of ${link(ctx.path, ws, { path: p, start: c.nameSpan?.start ?? c.start })} maps ` +
          `${ports.length ? ports.join(', ') : 'no port'}`,
      );
    }
  }
  for (const p of ws.withKey('compose', buildsKey(ctx.path))) {
    for (const svc of composeAt(ws, p)?.services ?? []) {
      if (!runs(imageSourceOfService(ws, svc))) continue;
      const targets = [...new Set([...svc.ports.map((x) => x.port), ...svc.expose])];
      lines.push(
        `- service \`${svc.name}\` of ${link(ctx.path, ws, { path: p, start: svc.key.start })} ` +
          `${targets.length ? `uses ${targets.join(', ')}` : 'publishes no port'}`,
      );
    }
  }
  return lines.length
    ? `**EXPOSE ${expose.value}**, where this image runs:\n\n${lines.slice(0, 10).join('\n')}`
    : undefined;
}

/** A Dockerfile in a hover: a link to it and its stages. */
function dockerfileSummary(ctx: LinkContext, path: string, df: DockerfileFacts): string {
  const stages = df.stages.map(
    (st) => `- ${st.name ? `\`${st.name}\`` : `stage ${st.index}`}: FROM ${st.image ?? '?'}`,
  );
  return `**Dockerfile** ${link(ctx.path, ctx.workspace, { path, start: 0 })}\n\n${stages.join('\n')}`;
}

// --- workflow values naming a file or an ARG ----------------------------------------------------

/** On a `task-definition` path, a Dockerfile `file` or a build arg: what that file holds. */
function workflowValueHover(ctx: SymbolContext, offset: number): string | undefined {
  const wf = own<WorkflowFacts>(ctx);
  if (!wf) return undefined;
  const ws = ctx.workspace;
  for (const s of wf.ecs) {
    if (!s.taskDefPath || !s.taskDef || !inside(offset, { start: s.taskDef.contentStart, end: s.taskDef.contentEnd }))
      continue;
    const td = taskDefAt(ws, s.taskDefPath);
    if (!td) return undefined;
    const containers = td.containers.map((c) => {
      const ports = c.ports.length ? ` (ports ${c.ports.map((p) => p.port).join(', ')})` : '';
      return `- \`${c.name ?? '?'}\`${c.image ? `: ${c.image}` : ''}${ports}`;
    });
    const family = td.family ? `, family \`${td.family.value}\`` : '';
    return (
      `**Task definition** ${link(ctx.path, ws, { path: s.taskDefPath, start: 0 })}${family}\n\n` +
      (containers.join('\n') || 'No containers.')
    );
  }
  for (const b of wf.builds) {
    if (!b.dockerfilePath) continue;
    const df =
      inside(offset, b.file) || inside(offset, b.context) || b.buildArgs.some((a) => inside(offset, a))
        ? dockerfileAt(ws, b.dockerfilePath)
        : undefined;
    if (!df) continue;
    const arg = b.buildArgs.find((a) => inside(offset, a));
    if (arg) {
      const defs = df.args.filter((a) => a.name === arg.value);
      if (!defs.length) return undefined;
      return defs
        .slice(0, 4)
        .map((d) => {
          const where = link(ctx.path, ws, { path: b.dockerfilePath!, start: d.start });
          const stage = d.stage >= 0 ? ` (stage ${df.stages[d.stage]?.name ?? d.stage})` : ' (before the first FROM)';
          return `**ARG ${d.name}${d.value !== null ? `=${d.value}` : ''}** in ${where}${stage}`;
        })
        .join('\n\n');
    }
    return dockerfileSummary(ctx, b.dockerfilePath, df);
  }
  return undefined;
}

export function crossFileHover(ctx: SymbolContext, offset: number): HoverResult | undefined {
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
  return (ctx, offset) => merge(crossFileHover(ctx, offset), own?.(ctx, offset));
}

/** From a use to the declaration in the other file; otherwise the language's own definition. */
export function withCrossFileDefinition<M>(own?: Feature<M, FileSpan[]>): Feature<M, FileSpan[]> {
  return (ctx, offset) => {
    const sym = ctx.workspace && symbolAt(ctx, offset);
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
    const sym = ctx.workspace && symbolAt(ctx, offset);
    const across = sym && renameEverywhere(ctx, sym, newName);
    return across ?? own?.(ctx, offset, newName);
  };
}
