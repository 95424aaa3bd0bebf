/** The `uses:` references of a workflow (steps and reusable-workflow jobs), and what the catalog knows of each. */
import pinsJson from './data/action-pins.json';
import { lookupAction, parseUses } from './actions';
import type { Str, WorkflowModel } from './parse';

const PINS = (pinsJson as unknown as { actions: Record<string, { commit: string; major: string | null }> }).actions;
const PINS_LOWER = new Map(Object.entries(PINS).map(([k, v]) => [k.toLowerCase(), v]));

/** Owners whose actions GitHub itself publishes. */
const FIRST_PARTY = new Set(['actions', 'github']);

/** Refs that are (almost always) branches: they move with every push. */
export const BRANCH_REFS =
  /^(main|master|develop|development|dev|trunk|next|nightly|canary|edge|head|HEAD|latest-?dev|refs\/heads\/.+)$/;

export interface UsesSite {
  /** `owner/repo[/path]`, as written. */
  name: string;
  owner: string;
  ref: string;
  /** Offsets of the ref in the document. */
  refStart: number;
  refEnd: number;
  thirdParty: boolean;
  /** The reusable workflow a job calls, rather than a step's action. */
  workflow: boolean;
}

/** Every remote `uses:` of the workflow with the offsets of its ref. */
export function usesSites(model: WorkflowModel): UsesSite[] {
  const out: UsesSite[] = [];
  const add = (s: Str | undefined, workflow: boolean) => {
    if (!s) return;
    const r = parseUses(s.value);
    if (r.kind !== 'repo') return;
    const q = model.text[s.start] === '"' || model.text[s.start] === "'" ? 1 : 0;
    const refStart = s.start + q + r.refStart;
    if (model.text.slice(refStart, refStart + r.ref.length) !== r.ref) return;
    out.push({
      name: r.name,
      owner: r.owner,
      ref: r.ref,
      refStart,
      refEnd: refStart + r.ref.length,
      thirdParty: !FIRST_PARTY.has(r.owner.toLowerCase()),
      workflow,
    });
  };
  for (const job of model.jobs) {
    add(job.uses, true);
    for (const step of job.steps) add(step.uses, false);
  }
  return out;
}

/** The major the catalog recommends for an action (`v4`), if it knows one. */
export function recommendedRef(name: string): string | undefined {
  const r = lookupAction(name)?.action.recommended;
  return r && /^v\d+$/.test(r) ? r : undefined;
}

/** The commit the catalog was read from, when the ref in use is the major the catalog describes. */
export function catalogPin(name: string, ref: string): string | undefined {
  const pin = PINS_LOWER.get(name.toLowerCase());
  if (!pin?.major) return undefined;
  const major = /^v?(\d+)/.exec(ref)?.[1];
  return major !== undefined && `v${major}` === pin.major ? pin.commit : undefined;
}
