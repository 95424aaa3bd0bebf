/**
 * What a fix writes that only the user knows (a region, an account, a secret's name, a tag's value): the file may know
 * it already (a container's `awslogs-region`, an ECR image's host, the account of a role's ARN), and then the fix
 * writes it; otherwise the fix is a snippet whose tab stop the editor asks for (a choice of real values where there
 * is a list), offered only to editors that take snippet edits. A fix never writes a placeholder word (`<REGION>`)
 * into the file.
 */
import type { Node } from 'jsonc-parser';
import type { Fix, OffsetEdit } from '../../engine/types';
import { ALL_REGIONS, containers, isRegion } from './ecs';
import { get, items, str } from './json';

export interface Known {
  region?: string;
  account?: string;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\//;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]*):(\d{12}):/;

/** The region and account the task definition names somewhere (the first of each found). */
export function knownOf(td: Node | undefined): Known {
  const out: Known = {};
  const region = (r: string | undefined) => {
    if (r && !out.region && isRegion(r)) out.region = r;
  };
  const account = (a: string | undefined) => {
    if (a && !out.account) out.account = a;
  };
  const arn = (s: string | undefined) => {
    const m = s === undefined ? null : ARN.exec(s);
    if (m) {
      region(m[1] || undefined);
      account(m[2]);
    }
  };
  arn(str(get(td, 'executionRoleArn')));
  arn(str(get(td, 'taskRoleArn')));
  for (const c of containers(td)) {
    region(str(get(get(get(c.node, 'logConfiguration'), 'options'), 'awslogs-region')));
    const ecr = ECR_HOST.exec(str(get(c.node, 'image')) ?? '');
    if (ecr) {
      account(ecr[1]);
      region(ecr[2]);
    }
    for (const s of items(get(c.node, 'secrets'))) arn(str(get(s, 'valueFrom')));
  }
  return out;
}

/** A tab stop of a snippet fix: an empty one, a default the user types over, or a choice of real values. */
export type Stop =
  | { kind: 'empty' }
  | { kind: 'default'; text: string }
  | { kind: 'choice'; values: readonly string[] };

/** The tab stop for the region: a choice of the regions ECS runs in, the most used first. */
export const REGION_STOP: Stop = {
  kind: 'choice',
  values: ['us-east-1', ...ALL_REGIONS.filter((r) => r !== 'us-east-1')],
};

const MARK = (i: number) => `\uE000${i}\uE001`;

/**
 * A fix whose edits' texts hold `hole(i)` markers: a plain fix when every hole has its value, else a snippet fix (its
 * first edit the one with the holes; no fallback, since the plain text would need a placeholder word).
 */
export function fillFix(title: string, edits: OffsetEdit[], holes: { value?: string; stop: Stop }[]): Fix {
  const withHoles = edits.findIndex((e) => holes.some((_, i) => e.newText.includes(MARK(i))));
  if (withHoles < 0 || holes.every((h) => h.value !== undefined)) {
    const fill = (t: string) => holes.reduce((acc, h, i) => acc.split(MARK(i)).join(h.value!), t);
    return { title, safe: false, edits: edits.map((e) => withText(e, fill(e.newText))) };
  }
  const ordered = [edits[withHoles], ...edits.filter((_, i) => i !== withHoles)];
  let n = 0;
  const stops = holes.map((h) => {
    if (h.value !== undefined) return escape(h.value);
    n++;
    if (h.stop.kind === 'empty') return `$${n}`;
    if (h.stop.kind === 'default') return `\${${n}:${escape(h.stop.text)}}`;
    return `\${${n}|${h.stop.values.map((v) => v.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
  });
  const first = ordered[0];
  const text = stops.reduce((acc, s, i) => acc.split(escape(MARK(i))).join(s), escape(first.newText));
  return { title, safe: false, snippet: true, edits: [withText(first, text), ...ordered.slice(1)] };
}

/** The edit with another text (a copy and a store: V8 makes `{ ...e, newText }` some 20x slower). */
function withText(e: OffsetEdit, newText: string): OffsetEdit {
  const out = Object.assign({}, e);
  out.newText = newText;
  return out;
}

/** The marker of hole `i` in an edit's text (see `fillFix`). */
export const hole = MARK;

/** Snippet text: `$`, `}` and `\` stand for themselves. */
function escape(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}
