/**
 * ECS task definition families across files: the families the workspace's task definition files declare, the one a
 * workflow most likely meant, and the deploy steps of a workflow with the family each deploys. Shared by XF006 (the
 * workflow side), XF008 (the task definition side) and XF007 (two deploy steps for one service).
 */
import type { WorkspaceIndex } from '../engine/types';
import type { EcsStepFacts, FamilyFacts, Input, StepRef, WorkflowFacts } from '../languages/workflow/facts';
import { editDistance, nearest } from '../text/nearest';
import { taskDefAt } from './facts';

/** The reverse index's key of a task definition with a literal `family` (keys.ts). */
export const HAS_FAMILY = 'family';

export interface FamilyDef {
  path: string;
  family: string;
  start: number;
  end: number;
}

/** The literal `family` of every task definition file of the workspace (templated ones left out). */
export function workspaceFamilies(ws: WorkspaceIndex): FamilyDef[] {
  const out: FamilyDef[] = [];
  for (const p of ws.withKey('taskdef', HAS_FAMILY)) {
    const f = taskDefAt(ws, p)?.family;
    if (f) out.push({ path: p, family: f.value, ...f.span });
  }
  return out;
}

/**
 * The workspace family a named family most likely meant, when it names none of them: a case-only difference or a
 * typo. Names that differ only in their digits (`api-v1`/`api-v2`, `worker2`) are distinct families, not typos.
 */
export function nearFamily(name: string, families: readonly string[]): string | undefined {
  if (families.includes(name)) return undefined;
  const hit = nearest(name, families);
  if (!hit) return undefined;
  const digitless = (s: string) => s.toLowerCase().replace(/\d+/g, '#');
  if (hit.toLowerCase() !== name.toLowerCase() && digitless(hit) === digitless(name)) return undefined;
  // two families equally near: no single "did you mean"
  const d = editDistance(name.toLowerCase(), hit.toLowerCase());
  if (families.filter((f) => f !== hit && editDistance(name.toLowerCase(), f.toLowerCase()) === d).length)
    return undefined;
  return hit;
}

/** A deploy step, the service it updates and the family it deploys, when all are literal. */
export interface ServiceDeploy extends StepRef {
  service: Input;
  cluster: string;
  family: string;
  /** Where the family was read: the task definition file, or the render step's `task-definition-family`. */
  familyAt: { path: string; start: number; end: number };
  /** The AWS target of the job as written (region, role or keys, environment): deploys to other targets never clash. */
  target: string;
}

function familyOfFile(ws: WorkspaceIndex, path: string): Pick<ServiceDeploy, 'family' | 'familyAt'> | undefined {
  const f = taskDefAt(ws, path)?.family;
  return f && { family: f.value, familyAt: { path, ...f.span } };
}

const sameJobBefore = (a: StepRef, b: StepRef) => a.job === b.job && a.step < b.step;

/**
 * The family an earlier step of the job fetched into the render step's file (`aws ecs describe-task-definition
 * --task-definition web > td.json`).
 */
function describedInto(
  wf: WorkflowFacts,
  render: EcsStepFacts,
  workflowPath: string,
): Pick<ServiceDeploy, 'family' | 'familyAt'> | undefined {
  let found: FamilyFacts | undefined;
  for (const r of wf.families) {
    if (!sameJobBefore(r, render) || !r.via.startsWith('aws ecs describe-task-definition')) continue;
    if (wf.writes.some((w) => w.job === r.job && w.step === r.step && w.path === render.taskDefPath)) found = r;
  }
  return found && { family: found.family, familyAt: { path: workflowPath, start: found.start, end: found.end } };
}

const literalName = (v: string) => !!v.trim() && !v.includes('$') && !v.includes('{{');

/** A cluster or service written as an ARN (`arn:aws:ecs:...:cluster/prod`, `service/prod/web`) → its name. */
export function shortName(v: string): string {
  const t = v.trim();
  return t.startsWith('arn:') ? t.slice(t.lastIndexOf('/') + 1) : t;
}

/** What makes two deploy steps update the same service: its name, its cluster and the AWS target of the job. */
export function deployKey(service: string, cluster: string, target: string): string {
  return JSON.stringify([shortName(service), cluster, target]);
}

/** A deploy step's literal `service` and `cluster` (else "default"), and the key of the service they name. */
function literalDeploy(d: EcsStepFacts): { service: Input; cluster: string; key: string } | undefined {
  if (d.action !== 'deploy') return undefined;
  const service = d.inputs.service;
  const clusterInput = d.inputs.cluster;
  if (
    !service ||
    service.block ||
    !literalName(service.value) ||
    (clusterInput && (clusterInput.block || !literalName(clusterInput.value)))
  )
    return undefined;
  const cluster = shortName(clusterInput?.value ?? 'default');
  return { service, cluster, key: deployKey(service.value, cluster, d.awsTarget) };
}

/** The keys (`deployKey`) of the services a workflow's deploy steps update, for the reverse index. */
export function deployKeys(wf: WorkflowFacts): string[] {
  return wf.ecs.flatMap((d) => literalDeploy(d)?.key ?? []);
}

/**
 * The deploy steps of a workflow with a literal `service` (and `cluster`, else "default") and the family they deploy:
 * the `task-definition` file's, or through `${{ steps.<id>.outputs.task-definition }}` the render step's (its file's
 * family, or its `task-definition-family`/`-arn`).
 */
export function serviceDeploys(
  ws: WorkspaceIndex,
  wf: WorkflowFacts,
  workflowPath: string,
  wanted?: (key: string) => boolean,
): ServiceDeploy[] {
  const out: ServiceDeploy[] = [];
  for (const d of wf.ecs) {
    const literal = literalDeploy(d);
    if (!literal) continue;
    const { service, cluster } = literal;
    // Steps for other services are skipped before their task definitions are read (each read is a dependency).
    if (wanted && !wanted(literal.key)) continue;
    let found: Pick<ServiceDeploy, 'family' | 'familyAt'> | undefined;
    if (d.taskDefPath) found = familyOfFile(ws, d.taskDefPath);
    else if (d.taskDef) {
      const ref = /^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.task-definition\s*\}\}$/.exec(d.taskDef.value.trim());
      const render =
        ref &&
        wf.ecs.find(
          (s) =>
            s.action === 'render' &&
            s.job === d.job &&
            wf.steps.find((x) => x.job === s.job && x.step === s.step)?.id?.value === ref[1],
        );
      if (render?.taskDefPath) found = familyOfFile(ws, render.taskDefPath) ?? describedInto(wf, render, workflowPath);
      else if (render && !render.taskDef) {
        const named = wf.families.find((f) => f.job === render.job && f.step === render.step);
        if (named)
          found = { family: named.family, familyAt: { path: workflowPath, start: named.start, end: named.end } };
      }
    }
    if (!found) continue;
    out.push({ job: d.job, step: d.step, service, cluster, ...found, target: d.awsTarget });
  }
  return out;
}
