/**
 * Helpers of the compose security rules (CP1xx): where to report a service's key (its own text, or the service's
 * name when the key came in through a `<<` merge, whose text is shared by every service that merges it), and the
 * volumes of a service with their host side.
 */
import { isMap, isScalar } from 'yaml';
import { entry, items, nodeEnd, nodeStart, str, type Entry, type YNode } from '../../yaml/view';
import type { ComposeModel, ServiceModel } from './parse';

export interface Span {
  start: number;
  end: number;
}

/** Where a finding about `e` of `svc` goes: the key and value as written, or the service's name when merged. */
export function spanOf(svc: ServiceModel, e: Entry, node: YNode | null = e.value): Span {
  if (e.merged) return { start: svc.keyStart, end: svc.keyEnd };
  return node ? { start: nodeStart(node), end: nodeEnd(node) } : { start: e.keyStart, end: e.keyEnd };
}

/** Where a finding about one item of a merged or own list goes. */
export function itemSpan(svc: ServiceModel, e: Entry, item: YNode): Span {
  return e.merged ? { start: svc.keyStart, end: svc.keyEnd } : { start: nodeStart(item), end: nodeEnd(item) };
}

/** A scalar that reads as true (`true`, `"true"`, `yes` in YAML 1.1 style files). */
export function isTrue(node: YNode | null): boolean {
  if (!node || !isScalar(node)) return false;
  const v = node.value;
  return v === true || (typeof v === 'string' && /^(true|yes|on)$/i.test(v.trim()));
}

export interface Volume {
  node: YNode;
  /** The host side (a path, or a named volume), as written. */
  source?: string;
  target?: string;
  readOnly: boolean;
  bind: boolean;
  /** The bind propagation asked for (`shared`, `rshared`, `slave`, ...), short or long syntax. */
  propagation?: string;
}

const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

/** A service's `volumes:`, short (`src:dst[:mode]`) and long syntax. */
export function volumesOf(model: ComposeModel, svc: ServiceModel): Volume[] {
  const out: Volume[] = [];
  for (const it of items(svc.get('volumes')?.value, model.doc)) {
    if (isScalar(it)) {
      const s = str(it);
      if (s === undefined) continue;
      const parts = s.split(':');
      if (parts.length < 2) {
        out.push({ node: it, target: s, readOnly: false, bind: false });
        continue;
      }
      const mode = parts.length >= 3 ? parts[parts.length - 1].split(',') : [];
      const source = parts[0];
      out.push({
        node: it,
        source,
        target: parts[1],
        readOnly: mode.includes('ro'),
        bind: /^[./~]/.test(source) || source.startsWith('$'),
        propagation: mode.find((m) => PROPAGATIONS.has(m)),
      });
    } else if (isMap(it)) {
      const type = str(entry(it, model.doc, 'type')?.value);
      const ro = str(entry(it, model.doc, 'read_only')?.value);
      out.push({
        node: it,
        source: str(entry(it, model.doc, 'source')?.value),
        target: str(entry(it, model.doc, 'target')?.value),
        readOnly: ro === 'true',
        bind: type === 'bind',
        propagation: str(entry(entry(it, model.doc, 'bind')?.value, model.doc, 'propagation')?.value),
      });
    }
  }
  return out;
}
