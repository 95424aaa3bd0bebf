/** What a compose service says about ports and its health check, with offsets into the compose text. */
import { isMap, isScalar } from 'yaml';
import type { ComposeModel, ServiceModel } from '../compose/parse';
import { parsePortSpec } from '../compose/ports';
import { entry, items, nodeEnd, nodeStart, str, type YNode } from '../../yaml/view';
import type { Span } from './models';

export interface ServicePorts {
  /** Container-side ports of `ports:` (short or long syntax), with the node of each. */
  targets: (Span & { port: number; endPort: number })[];
  /** `expose:` ports. */
  expose: number[];
  /** A value with a variable: the ports are not fully known. */
  dynamic: boolean;
}

export function servicePorts(model: ComposeModel, svc: ServiceModel): ServicePorts {
  const out: ServicePorts = { targets: [], expose: [], dynamic: false };
  for (const it of items(svc.get('ports')?.value, model.doc)) {
    if (isScalar(it)) {
      const s = str(it);
      if (s === undefined) continue;
      if (s.includes('$')) {
        out.dynamic = true;
        continue;
      }
      const p = parsePortSpec(s);
      if (!p.target || (p.protocol && p.protocol.toLowerCase() !== 'tcp')) continue;
      out.targets.push({ start: nodeStart(it), end: nodeEnd(it), port: p.target.start, endPort: p.target.end });
    } else if (isMap(it)) {
      const t = entry(it, model.doc, 'target')?.value;
      const proto = str(entry(it, model.doc, 'protocol')?.value);
      const s = str(t);
      if (!t || s === undefined) continue;
      if (s.includes('$')) {
        out.dynamic = true;
        continue;
      }
      if (proto && proto.toLowerCase() !== 'tcp') continue;
      const n = Number(s.split('-')[0]);
      if (Number.isInteger(n))
        out.targets.push({ start: nodeStart(t), end: nodeEnd(t), port: n, endPort: Number(s.split('-')[1] ?? n) });
    }
  }
  for (const it of items(svc.get('expose')?.value, model.doc)) {
    const s = str(it);
    if (s === undefined) continue;
    if (s.includes('$')) {
      out.dynamic = true;
      continue;
    }
    const n = Number(s.split(/[-/]/)[0]);
    if (Number.isInteger(n)) out.expose.push(n);
  }
  return out;
}

/** The service's healthcheck `test` as a command (list or string) and its node; undefined when absent or disabled. */
export function serviceHealthcheck(
  model: ComposeModel,
  svc: ServiceModel,
): { command: string[] | string; node: YNode } | undefined {
  const hc = svc.get('healthcheck')?.value;
  if (str(entry(hc, model.doc, 'disable')?.value) === 'true') return undefined;
  const t = entry(hc, model.doc, 'test')?.value;
  if (!t) return undefined;
  if (isScalar(t)) {
    const s = str(t);
    return s === undefined ? undefined : { command: s, node: t };
  }
  const list = items(t, model.doc).map((n) => str(n) ?? '');
  return list.length ? { command: list, node: t } : undefined;
}
