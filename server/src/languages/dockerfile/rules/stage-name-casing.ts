import { defineRule } from '../../../engine/define';
import type { OffsetEdit } from '../../../engine/types';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF002',
    id: 'stage-name-casing',
    defaultSeverity: 'info',
    description: 'Stage names should be lowercase.',
    messages: { casing: 'Stage name `{{name}}` should be lowercase.' },
    fixable: 'safe',
    docs: {
      severity: 'Style: BuildKit matches stage names case-insensitively, so the build is the same.',
      rationale:
        'Stage names are matched case-insensitively, and image references must ' +
        'be lowercase; mixed case invites confusion between `FROM Build` and `FROM build`. ' +
        'BuildKit `StageNameCasing`. The fix lowercases the name and every reference to it ' +
        '(`FROM`, `COPY --from`, `RUN --mount from=`) and is safe: names compare ' +
        'case-insensitively.',
      incorrect: 'FROM node:20 AS Build\nFROM nginx:1.27\nCOPY --from=Build /app /usr/share/nginx/html',
      correct: 'FROM node:20 AS build\nFROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html',
      peers: ['BuildKit StageNameCasing'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      if (!s.name || s.nameStart === undefined || s.name === s.name.toLowerCase() || s.name.includes('$')) continue;
      const lower = s.name.toLowerCase();
      const edits: OffsetEdit[] = [{ start: s.nameStart, end: s.nameEnd!, newText: lower }];
      for (const ref of stageReferences(ctx.model, s.name)) edits.push({ ...ref, newText: lower });
      ctx.report({
        start: s.nameStart,
        end: s.nameEnd!,
        messageId: 'casing',
        data: { name: s.name },
        fix: { title: `Rename to ${lower}`, safe: true, edits },
      });
    }
  },
});

/** Offsets of every reference to a stage name: FROM <name>, COPY --from=<name>, RUN --mount=...from=<name>. */
export function stageReferences(model: DockerfileModel, name: string): { start: number; end: number }[] {
  return [...(model.stageReferences.get(name.toLowerCase()) ?? [])];
}
