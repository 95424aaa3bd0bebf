/**
 * Formatting (jsonc-parser's formatter with the user's indent, line breaks kept), references and definition of
 * container names inside the file, inlay hints for CPU units and MiB, and the parts of a secret's ARN.
 */
import { format as formatJson } from 'jsonc-parser';
import type {
  FeatureContext,
  FileSpan,
  FormatOptions,
  HoverResult,
  InlayHintInfo,
  OffsetEdit,
  Occurrence,
  Span,
} from '../../engine/types';
import { containers } from './ecs';
import { factsOfFile, type TaskDefFacts } from './facts';
import { end, get, items, str } from './json';
import type { TaskDefModel } from './parse';

type Ctx = FeatureContext<TaskDefModel>;

/** jsonc-parser's formatter: the user's indent, the file's line ends, existing line breaks kept. */
export function format(ctx: Ctx, options: FormatOptions, range?: Span): OffsetEdit[] {
  if (ctx.model.problems.length || !ctx.text.trim()) return [];
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const edits = formatJson(ctx.text, range ? { offset: range.start, length: range.end - range.start } : undefined, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    keepLines: true,
    insertFinalNewline: !range,
  });
  return edits.map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content }));
}

const factsOf = (ctx: Ctx): TaskDefFacts => ctx.once('taskdef:facts', () => factsOfFile(ctx));

/** A container's name and every place of the file naming it (`dependsOn`, `volumesFrom`, `links`). */
export function references(ctx: Ctx, offset: number): Occurrence[] {
  const names = factsOf(ctx).containerNames;
  const here = names.find((n) => offset >= n.start && offset <= n.end);
  if (!here) return [];
  return names
    .filter((n) => n.name === here.name)
    .map((n) => ({ path: ctx.path, start: n.start, end: n.end, kind: n.declaration ? 'write' : 'read' }));
}

/** From a container named in `dependsOn`, `volumesFrom` or `links` to the container. */
export function definition(ctx: Ctx, offset: number): FileSpan[] {
  const names = factsOf(ctx).containerNames;
  const here = names.find((n) => !n.declaration && offset >= n.start && offset <= n.end);
  const decl = here && names.find((n) => n.declaration && n.name === here.name);
  return decl ? [{ path: ctx.path, start: decl.start, end: decl.end }] : [];
}

const CPU_KEYS = new Set(['cpu']);
const MEMORY_KEYS = new Set(['memory', 'memoryReservation']);

/** `"cpu": "1024"` → 1 vCPU, `"memory": "3072"` → 3 GB (task level and per container). */
export function inlayHints(ctx: Ctx, range: Span): InlayHintInfo[] {
  const td = ctx.model.taskDef;
  const out: InlayHintInfo[] = [];
  const hint = (holder: Parameters<typeof get>[0], key: string) => {
    const n = get(holder, key);
    if (!n || end(n) < range.start || n.offset > range.end) return;
    const raw = typeof n.value === 'number' ? n.value : typeof n.value === 'string' ? n.value.trim() : undefined;
    if (raw === undefined) return;
    let label: string | undefined;
    if (CPU_KEYS.has(key)) {
      const m = /^(\d+(?:\.\d+)?)\s*(vcpu)?$/i.exec(String(raw));
      if (m && !m[2]) label = `${+(Number(m[1]) / 1024).toFixed(3)} vCPU`;
    } else {
      const m = /^(\d+)$/.exec(String(raw));
      if (m) {
        const mib = Number(m[1]);
        label = mib >= 1024 ? `${+(mib / 1024).toFixed(2)} GB` : `${mib} MiB`;
      }
    }
    if (label) out.push({ offset: end(n), label, paddingLeft: true });
  };
  for (const key of [...CPU_KEYS, ...MEMORY_KEYS]) hint(td, key);
  for (const c of containers(td)) for (const key of [...CPU_KEYS, ...MEMORY_KEYS]) hint(c.node, key);
  return out;
}

const ARN_SERVICES: Record<string, string> = {
  secretsmanager: 'Secrets Manager secret',
  ssm: 'Systems Manager parameter',
};

/** On a secret's `valueFrom` ARN: its service, region, account, resource and (Secrets Manager) JSON key and version. */
export function arnHover(ctx: Ctx, offset: number): HoverResult | undefined {
  for (const c of containers(ctx.model.taskDef)) {
    for (const s of items(get(c.node, 'secrets'))) {
      const v = get(s, 'valueFrom');
      const arn = str(v);
      if (!v || !arn || offset < v.offset || offset > end(v)) continue;
      const m = /^arn:(aws[\w-]*):([\w-]+):([\w-]*):(\d*):(.*)$/.exec(arn);
      if (!m) {
        return {
          markdown: `**${arn}**\n\nA parameter name of this account and region (Systems Manager Parameter Store).`,
          span: { start: v.offset, end: end(v) },
        };
      }
      const [, partition, service, region, account, resource] = m;
      const rows = [
        ['service', ARN_SERVICES[service] ? `${service} (${ARN_SERVICES[service]})` : service],
        ['partition', partition],
        ['region', region || '(global)'],
        ['account', account || '(none)'],
      ];
      if (service === 'secretsmanager') {
        // secret:NAME-abc123[:json-key:version-stage:version-id]
        const [, name, key, stage, id] = resource.split(':');
        rows.push(['secret', name ?? resource]);
        if (key) rows.push(['JSON key', key]);
        if (stage) rows.push(['version stage', stage]);
        if (id) rows.push(['version id', id]);
      } else rows.push(['resource', resource]);
      const table = rows.map(([k, x]) => `| ${k} | \`${x}\` |`).join('\n');
      return {
        markdown: `**Secret ARN**\n\n| part | value |\n|---|---|\n${table}`,
        span: { start: v.offset, end: end(v) },
      };
    }
  }
  return undefined;
}
