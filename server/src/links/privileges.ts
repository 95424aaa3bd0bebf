/**
 * A compose service and an ECS task definition container that run the same image with different privileges (XF052 on
 * the compose side, XF053 on the task definition side): what each is allowed, compared through the reverse index.
 */
import { posix } from 'node:path';
import type { RuleContext } from '../engine/types';
import type { ComposeFacts } from '../languages/compose/facts';
import type { TaskDefFacts } from '../languages/taskdef/facts';
import { isRootUser, type Privileges } from '../text/container-security';
import { imageRepository, sameImage } from '../text/image-ref';
import { composeAt, taskDefAt, type LinkContext } from './facts';
import { imageKey } from './keys';

/** A container somewhere in the workspace: a compose service or a task definition container. */
interface Runner {
  path: string;
  /** 'service "web" of compose.yaml' */
  label: string;
  image: string;
  privileges: Privileges;
}

interface Difference {
  at: { start: number; end: number };
  /** What this side does, and how the other side runs the image instead. */
  here: string;
  there: string;
  /** One finding per kind of difference and container (capabilities: per capability). */
  key: string;
}

const HOST: [keyof Privileges, string][] = [
  ['hostNetwork', 'network'],
  ['hostPid', 'process namespace'],
  ['hostIpc', 'IPC namespace'],
];

/** What `a` is allowed that `b`, running the same image, is not: each where `a` sets it. */
function moreThan(a: Privileges, b: Privileges): Difference[] {
  const out: Difference[] = [];
  if (a.privileged && !b.privileged)
    out.push({ at: a.privileged, here: 'runs privileged', there: 'without privileged', key: 'privileged' });
  if (a.user && b.user && isRootUser(a.user.value) && !isRootUser(b.user.value))
    out.push({
      at: a.user,
      here: `runs as root (user "${a.user.value}")`,
      there: `as user "${b.user.value}"`,
      key: 'user',
    });
  if (!b.privileged)
    for (const c of a.capAdd)
      if (!b.capAdd.some((x) => x.name === c.name || x.name === 'ALL'))
        out.push({ at: c, here: `adds the capability ${c.name}`, there: 'without it', key: `cap:${c.name}` });
  if (b.readOnlyRoot && !a.readOnlyRoot)
    out.push({
      at: a.image,
      here: 'has a writable root filesystem',
      there: 'with a read-only one',
      key: 'read-only',
    });
  for (const [k, what] of HOST)
    if (a[k] && !b[k])
      out.push({
        at: a[k] as { start: number; end: number },
        here: `shares the host's ${what}`,
        there: `with its own ${what}`,
        key: k,
      });
  return out;
}

/**
 * The runners of the other kind (task definition containers for a compose file, compose services for a task
 * definition) that run `image`, through the reverse index: only the files that name the repository are read. Two
 * compose files, or two task definitions, may well differ on purpose (dev and prod); the two platforms should not.
 */
function runnersOf(ctx: LinkContext, kind: 'compose' | 'taskdef', image: string): Runner[] {
  const repo = imageRepository(image);
  if (!repo) return [];
  return ctx
    .once(`image-runners:${kind}:${repo.path}`, () => {
      const out: Runner[] = [];
      const rel = (p: string) => posix.relative(posix.dirname(ctx.path), p) || posix.basename(p);
      for (const path of ctx.workspace.withKey(kind, imageKey(repo.path))) {
        if (kind === 'compose') {
          for (const s of composeAt(ctx.workspace, path)?.services ?? [])
            if (s.image !== undefined && s.privileges)
              out.push({
                path,
                label: `service "${s.name}" of ${rel(path)}`,
                image: s.image,
                privileges: s.privileges,
              });
          continue;
        }
        const td = taskDefAt(ctx.workspace, path);
        if (!td || td.broken) continue;
        for (const c of td.containers)
          if (c.image !== undefined && c.privileges)
            out.push({
              path,
              label: `container "${c.name ?? '?'}" of ${rel(path)}`,
              image: c.image,
              privileges: c.privileges,
            });
      }
      return out;
    })
    .filter((r) => sameImage(image, r.image));
}

/** Reports what the checked file's runners are allowed beyond the runners of the other kind that run the same image. */
export function checkPrivileges(ctx: LinkContext & Pick<RuleContext<unknown>, 'report'>): void {
  const facts = ctx.workspace.facts(ctx.path);
  const mine: Omit<Runner, 'path'>[] = [];
  let other: 'compose' | 'taskdef';
  if (facts?.kind === 'compose') {
    other = 'taskdef';
    for (const s of (facts.facts as ComposeFacts).services)
      if (s.image !== undefined && s.privileges)
        mine.push({ label: `Service "${s.name}"`, image: s.image, privileges: s.privileges });
  } else if (facts?.kind === 'taskdef') {
    other = 'compose';
    const td = facts.facts as TaskDefFacts;
    if (td.broken) return;
    for (const c of td.containers)
      if (c.image !== undefined && c.privileges)
        mine.push({ label: `Container "${c.name ?? '?'}"`, image: c.image, privileges: c.privileges });
  } else return;
  const seen = new Set<string>();
  for (const m of mine)
    for (const o of runnersOf(ctx, other, m.image))
      for (const d of moreThan(m.privileges, o.privileges)) {
        // one finding per place and difference, naming the first runner that does without
        const id = `${d.at.start}:${d.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        ctx.report({
          ...d.at,
          messageId: 'more',
          data: { who: m.label, here: d.here, other: o.label, repo: imageRepository(m.image)!.path, there: d.there },
          related: [{ path: o.path, ...o.privileges.image, message: `${o.label}: image ${o.image}` }],
        });
      }
}

/** The message both sides report. */
export const MORE_MESSAGE =
  '{{who}} {{here}}, but {{other}} runs the same image ({{repo}}) {{there}}: one of the two is wrong, and the ' +
  'image evidently works without it.';

/** What is compared, and what "the same image" means (both doc pages). */
export const COMPARED =
  'Compared: `privileged`; `user` when both set one, root (`root`, `0`) against another; capabilities added ' +
  "beyond Docker's defaults (`cap_add`, `linuxParameters.capabilities.add`; not when the other side is privileged " +
  'or adds `ALL`); a read-only root filesystem (`read_only`, `readonlyRootFilesystem`) on one side only, reported ' +
  'at the image of the writable side; the host network, PID or IPC namespace (`network_mode`/`networkMode`, ' +
  "`pid`/`pidMode`, `ipc`/`ipcMode`). **The same image** means the same repository path, with Docker Hub's " +
  '`docker.io/` and `library/` dropped and tags and digests ignored (`web:dev` and `web:1.4` are one image at two ' +
  'versions), in registries that may be the same: equal, one given by a variable (`${REGISTRY}/web`), or one ' +
  'without a registry (a local name tagged for the registry when pushed). `ghcr.io/acme/web` and ' +
  '`quay.io/acme/web` are two images; a repository path with a variable in it (`acme/${APP}`) is compared with ' +
  'nothing; `${REGISTRY}/web` and `…amazonaws.com/team/web` are not compared either (the paths differ). Two ' +
  'compose files, or two task definitions, are not compared with each other: dev and prod variants of one ' +
  'platform may differ on purpose.';

export const ATTACK =
  'The extra privilege is what turns code execution in the container into control of the host (privileged, ' +
  "SYS_ADMIN, the host's namespaces) or of the container itself (root, a writable filesystem to persist in), on " +
  'the deployment that has it, while the other deployment shows the image does not need it.';
