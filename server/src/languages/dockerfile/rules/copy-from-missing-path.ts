import { posix } from 'node:path';
import { defineRule } from '../../../engine/define';
import type { DockerInstruction, DockerWord, DockerfileModel } from '../parse';
import { unquote } from '../util';

/** The words of a COPY/ADD after its flags: sources then destination (exec form included). */
function words(ins: DockerInstruction): DockerWord[] {
  return ins.json ? (ins.jsonArgs ?? []) : ins.args;
}

/** A path resolved against the working directory, or undefined when it is decided at build time or not POSIX. */
function resolve(workdir: string, p: string): string | undefined {
  const v = unquote(p);
  if (!v || v.includes('$') || v.includes('\\') || /^[A-Za-z]:/.test(v)) return undefined;
  const abs = posix.normalize(v.startsWith('/') ? v : `${workdir}/${v}`);
  return abs.length > 1 && abs.endsWith('/') ? abs.slice(0, -1) : abs;
}

/**
 * The paths a stage evidently holds, when its whole content is known: a chain of stages that starts `FROM scratch`
 * and only copies, makes folders (WORKDIR, VOLUME) and sets metadata. Undefined as soon as anything else could add
 * files (a RUN, an ADD, a base image, a path decided at build time).
 */
function knownPaths(
  model: DockerfileModel,
  index: number,
  memo: Map<number, string[] | undefined>,
): string[] | undefined {
  if (memo.has(index)) return memo.get(index);
  memo.set(index, undefined); // a cycle (not possible in a valid file) stays unknown
  const stage = model.stages[index];
  let paths: string[] | undefined;
  if (stage.parentStage !== undefined && stage.parentStage < index) {
    const parent = knownPaths(model, stage.parentStage, memo);
    paths = parent && [...parent];
  } else if (stage.parentStage === undefined && stage.image?.toLowerCase() === 'scratch') paths = [];
  let workdir = '/';
  for (const ins of stage.instructions) {
    if (!paths) break;
    switch (ins.keyword) {
      case 'FROM':
      case 'ENV':
      case 'ARG':
      case 'LABEL':
      case 'USER':
      case 'CMD':
      case 'ENTRYPOINT':
      case 'EXPOSE':
      case 'STOPSIGNAL':
      case 'HEALTHCHECK':
      case 'SHELL':
      case 'MAINTAINER':
        break;
      case 'WORKDIR': {
        const w = ins.args[0] && resolve(workdir, ins.args[0].value);
        if (!w) paths = undefined;
        else {
          workdir = w;
          paths.push(w);
        }
        break;
      }
      case 'VOLUME':
        for (const a of ins.json ? (ins.jsonArgs ?? []) : ins.args) {
          const v = resolve(workdir, a.value);
          if (!v) paths = undefined;
          else paths?.push(v);
        }
        break;
      case 'COPY': {
        const ws = words(ins);
        const dest = ws.length >= 2 ? resolve(workdir, ws[ws.length - 1].value) : undefined;
        if (!dest || ins.flags.some((f) => f.name === 'parents')) paths = undefined;
        else paths.push(dest);
        break;
      }
      default:
        // RUN, ADD (archives unpack, URLs), ONBUILD, anything unknown: the content is not evident
        paths = undefined;
    }
  }
  // past this many paths the stage is not "evident" any more (and a chain of stages stays linear to read)
  if (paths && paths.length > MAX_PATHS) paths = undefined;
  memo.set(index, paths);
  return paths;
}

const MAX_PATHS = 256;

/** Whether `p` can exist among `paths`: one of them, a folder above one, or anything below one (unknown content). */
function mayExist(paths: string[], p: string): boolean {
  if (p === '/') return true;
  for (const c of paths) {
    if (c === p || c === '/') return true;
    if (c.startsWith(`${p}/`) || p.startsWith(`${c}/`)) return true;
  }
  return false;
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF108',
    id: 'copy-from-missing-path',
    defaultSeverity: 'error',
    description: '`COPY --from=<stage>` copies a path that the stage evidently never creates.',
    messages: {
      missing:
        '`{{path}}` is not in stage {{stage}}, which builds on scratch and only creates {{created}}: the build ' +
        'fails ("not found").',
    },
    fixable: false,
    docs: {
      severity:
        'The build fails: BuildKit stops with "failed to compute cache key: ... not found" when the source is not ' +
        'in the stage.',
      rationale:
        'Only reported when the content of the stage is evident: a chain of stages that starts `FROM scratch` and ' +
        'only copies files in (COPY), makes folders (WORKDIR, VOLUME) or sets metadata. A RUN, an ADD (archives ' +
        'unpack), a base image, or a path with a variable make the content unknown, and nothing is reported. ' +
        'Source paths of `COPY --from` are read from the root of the stage, whatever its WORKDIR. Globs are not ' +
        'checked.',
      incorrect:
        'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\n' +
        'FROM scratch AS bin\nCOPY --from=build /out/app /app\n\nFROM gcr.io/distroless/static-debian12\n' +
        'COPY --from=bin /out/app /app\nENTRYPOINT ["/app"]',
      correct:
        'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\n' +
        'FROM scratch AS bin\nCOPY --from=build /out/app /app\n\nFROM gcr.io/distroless/static-debian12\n' +
        'COPY --from=bin /app /app\nENTRYPOINT ["/app"]',
      peers: ['BuildKit (fails the build)'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const memo = new Map<number, string[] | undefined>();
    for (const ins of model.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const f = ins.flags.find((x) => x.name === 'from');
      if (!f?.value) continue;
      const ref = unquote(f.value);
      const index = /^\d+$/.test(ref) ? Number(ref) : model.stagesByName.get(ref.toLowerCase())?.index;
      if (index === undefined || index >= ins.stage || !model.stages[index]) continue;
      const paths = knownPaths(model, index, memo);
      if (!paths) continue;
      const ws = words(ins);
      for (const w of ws.slice(0, -1)) {
        if (/[*?[]/.test(w.value)) continue;
        const p = resolve('/', w.value);
        if (!p || mayExist(paths, p)) continue;
        const shown = paths.slice(0, 3).map((x) => `\`${x}\``);
        ctx.report({
          start: w.start,
          end: w.end,
          messageId: 'missing',
          data: {
            path: p,
            stage: model.stages[index].name ?? String(index),
            created: shown.length ? shown.join(', ') + (paths.length > 3 ? ', ...' : '') : 'nothing',
          },
        });
      }
    }
  },
});
