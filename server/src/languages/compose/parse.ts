/** Compose file text → model: the YAML document plus services and top-level resources with offsets. */
import { parseDocument, isMap, isPair, type Document, type YAMLMap } from 'yaml';
import { addDuplicateKeyErrors } from '../../yaml/unique-keys';
import { fastParseDocument } from '../../yaml/fast';

/** How compose files are read: merge keys on (`<<: *defaults`), duplicate keys are errors. */
/** yaml's duplicate-key check is quadratic: ours (addDuplicateKeyErrors) gives the same errors. */
export const COMPOSE_YAML = { uniqueKeys: false, merge: true, strict: false, prettyErrors: false } as const;
import type { ParseProblem } from '../../engine/types';
import { entries, type Entry, type YNode } from '../../yaml/view';

/** A named thing declared under a top-level section (a service, volume, network, secret, config, model). */
export interface Declared {
  name: string;
  keyStart: number;
  keyEnd: number;
  /** The definition (a mapping, or null for `name:` with no body). */
  value: YNode | null;
  entry: Entry;
}

export interface ServiceModel extends Declared {
  /** The service's keys, merge keys expanded. */
  entries: Entry[];
  get(key: string): Entry | undefined;
}

export const RESOURCE_SECTIONS = ['volumes', 'networks', 'secrets', 'configs', 'models'] as const;
export type ResourceSection = (typeof RESOURCE_SECTIONS)[number];

export interface ComposeModel {
  path: string;
  text: string;
  doc: Document.Parsed | undefined;
  /** Syntax errors and duplicate keys. */
  problems: ParseProblem[];
  /** The top-level node (normally a mapping). */
  root: YNode | null;
  /** Top-level keys. */
  top: Entry[];
  services: ServiceModel[];
  resources: Record<ResourceSection, Declared[]>;
}

/** Parses a compose file; never throws. */
export function parseCompose(text: string, path = ''): ComposeModel {
  const model: ComposeModel = {
    path,
    text,
    doc: undefined,
    problems: [],
    root: null,
    top: [],
    services: [],
    resources: { volumes: [], networks: [], secrets: [], configs: [], models: [] },
  };
  let doc: Document.Parsed;
  try {
    // (no source tokens or line counter: nothing reads them.) The fast reader builds the same nodes
    // for plain block YAML and gives up on the rest (anchors, merge keys, errors), which yaml reads.
    const fast = fastParseDocument(text, COMPOSE_YAML) as Document.Parsed | undefined;
    // (the fast reader gives up on a duplicate key: only yaml's documents can have one)
    doc = fast ?? parseDocument(text, COMPOSE_YAML);
    if (!fast) addDuplicateKeyErrors(doc, text);
  } catch (error) {
    model.problems.push({
      start: 0,
      end: Math.min(text.length, 1),
      message: `YAML could not be read: ${(error as Error).message}`,
      messageId: 'syntax',
    });
    return model;
  }
  model.doc = doc;
  // where keys end, read only to widen a duplicate-key error: collected when there is one
  const keyEnds = new Map<number, number>();
  if (doc.errors.some((e) => e.code === 'DUPLICATE_KEY')) collectKeyEnds(doc.contents as YNode | null, keyEnds, 0);
  const seen = new Set<string>();
  for (const e of doc.errors) {
    let [start, end] = e.pos;
    if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message))
      [start, end] = openingQuote(text, start, e.message.includes("'") ? "'" : '"');
    const flow = /end with an? ([\]}])/.exec(e.message);
    if (flow && start >= text.trimEnd().length) [start, end] = openingQuote(text, start, flow[1] === ']' ? '[' : '{');
    const id = `${start}:${e.code}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const duplicate = e.code === 'DUPLICATE_KEY';
    const keyEnd = duplicate ? keyEnds.get(start) : undefined;
    const message = firstLine(e.message) + (duplicate ? keyName(text, start, keyEnd) : '');
    model.problems.push({
      start,
      end: Math.max(keyEnd ?? end, start),
      message,
      messageId: duplicate ? 'duplicateKey' : 'syntax',
    });
  }
  try {
    model.root = (doc.contents as YNode | null) ?? null;
    model.top = entries(model.root, doc);
    for (const top of model.top) {
      if (top.key === 'services') {
        model.services = entries(top.value, doc).map((e) => {
          const own = entries(e.value, doc);
          // (not `{ ...declared(e), entries }`: V8 makes a spread followed by more properties 20x slower)
          const svc = declared(e) as ServiceModel;
          svc.entries = own;
          svc.get = (k: string) => own.find((x) => x.key === k);
          return svc;
        });
      } else if ((RESOURCE_SECTIONS as readonly string[]).includes(top.key)) {
        model.resources[top.key as ResourceSection] = entries(top.value, doc).map(declared);
      }
    }
  } catch (error) {
    model.problems.push({
      start: 0,
      end: 0,
      message: `Compose model incomplete: ${(error as Error).message}`,
      messageId: 'syntax',
    });
  }
  return model;
}

function declared(e: Entry): Declared {
  return { name: e.key, keyStart: e.keyStart, keyEnd: e.keyEnd, value: e.value, entry: e };
}

/** Remembers where every mapping key ends, to widen duplicate-key errors to the whole key. */
function collectKeyEnds(node: YNode | null | undefined, out: Map<number, number>, depth: number): void {
  if (!node || depth > 200) return;
  if (isMap(node)) {
    for (const p of (node as YAMLMap).items) {
      if (!isPair(p)) continue;
      const k = p.key as any;
      if (k?.range) out.set(k.range[0], k.range[1]);
      collectKeyEnds(k, out, depth + 1);
      collectKeyEnds(p.value as YNode, out, depth + 1);
    }
  } else if ((node as any).items) {
    for (const i of (node as any).items) collectKeyEnds(i, out, depth + 1);
  }
}

/** An unclosed quote or bracket is reported at the end of the text; point at the quote that opened it instead. */
function openingQuote(text: string, pos: number, quote: string): [number, number] {
  const at = text.lastIndexOf(quote, Math.min(pos, text.length) - 1);
  if (at < 0) return [pos, pos];
  const nl = text.indexOf('\n', at);
  return [at, nl < 0 ? text.length : nl];
}

function keyName(text: string, start: number, end: number | undefined): string {
  if (end === undefined || end <= start || end - start > 80) return '';
  return `: "${text.slice(start, end)}" is given more than once`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
