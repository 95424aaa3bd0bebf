/**
 * `nix build|run|develop|shell .#name` in a workflow's `run:` scripts, and the flake outputs those
 * names resolve to (as `nix` itself resolves an installable). Shared by XF032, go to definition,
 * hover and rename across files.
 */
import type { WorkflowModel, Job, Step } from '../workflow/parse';
import type { NixModel } from '../nix/ast';
import type { AttrTree, AttrTreeEntry } from '../nix/util';
import { flakeInfo } from '../flake/model';

/** Where each nix command looks for `.#name`, in order. */
export const LOOKS_IN: Record<string, string[]> = {
  build: ['packages', 'legacyPackages'],
  run: ['apps', 'packages', 'legacyPackages'],
  develop: ['devShells', 'packages', 'legacyPackages'],
  shell: ['packages', 'legacyPackages'],
};

/** Every per-system output kind a `.#name` can reach. */
export const OUTPUT_KINDS = ['packages', 'legacyPackages', 'apps', 'devShells'];

export interface Installable {
  command: string;
  name: string;
  start: number;
  end: number;
  job: Job;
  step: Step;
}

const HAS_DEFAULTS = (node: { items: { key: unknown }[] } | undefined) =>
  !!node?.items.some(
    (p) =>
      (p.key as { value?: unknown })?.value === 'defaults' ||
      (p.key as { value?: unknown })?.value === 'working-directory',
  );

/**
 * The `.#name` installables of a workflow's run steps. Steps or jobs that change the working
 * directory (and workflows with top-level `defaults:`) are skipped: their `.` is another folder.
 */
export function installables(model: WorkflowModel): Installable[] {
  if (/^defaults:/m.test(model.text)) return [];
  const out: Installable[] = [];
  for (const job of model.jobs) {
    if (HAS_DEFAULTS(job.node as never)) continue;
    for (const step of job.steps) {
      if (!step.run || HAS_DEFAULTS(step.node as never)) continue;
      const script = model.text.slice(step.run.start, step.run.end);
      const re = /(?:^|[\n;&|(]\s*)nix\s+(build|run|develop|shell)\b([^\n;&|]*)/g;
      for (let m; (m = re.exec(script)); ) {
        const args = m[2];
        const ref = /(?:^|\s)\.#([A-Za-z0-9_'-]+)(?=\s|$)/.exec(args);
        if (!ref) continue;
        const start = step.run.start + m.index + m[0].length - args.length + ref.index + ref[0].indexOf('.#') + 2;
        out.push({ command: m[1], name: ref[1], start, end: start + ref[1].length, job, step });
      }
    }
  }
  return out;
}

/** The outputs tree of a flake, when its outputs are a literal set. */
export function outputsTree(model: NixModel): AttrTree | undefined {
  return flakeInfo(model).outputsTree;
}

/**
 * The names the flake defines under the given per-system outputs, over every system; undefined
 * when any part is computed (flake-utils, `let` functions, dynamic names): then nothing is known.
 */
export function definedNames(tree: AttrTree, kinds: string[]): Set<string> | undefined {
  const names = new Set<string>();
  for (const kind of kinds) {
    const entry = tree.entries.get(kind);
    if (!entry) continue;
    if (entry.opaque || !entry.tree) return undefined;
    for (const sys of entry.tree.entries.values()) {
      if (sys.opaque || !sys.tree) return undefined;
      for (const name of sys.tree.entries.keys()) names.add(name);
    }
  }
  return names;
}

/** Each definition of output `name` (one per kind and system), with the kind and system. */
export function outputEntries(
  tree: AttrTree,
  name: string,
  kinds = OUTPUT_KINDS,
): { kind: string; system: string; entry: AttrTreeEntry }[] {
  const out: { kind: string; system: string; entry: AttrTreeEntry }[] = [];
  for (const kind of kinds) {
    for (const [system, sys] of tree.entries.get(kind)?.tree?.entries ?? []) {
      const e = sys.tree?.entries.get(name);
      if (e) out.push({ kind, system, entry: e });
    }
  }
  return out;
}
