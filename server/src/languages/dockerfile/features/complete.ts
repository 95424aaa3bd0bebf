/** Completions: instructions with snippets, directives, flags, stage names, variables, base images. */
import type { Completion, FeatureContext } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import { instructionAt } from '../parse';
import { FLAGS } from '../data';
import { INSTRUCTION_DOCS, DIRECTIVE_DOCS } from '../data/instructions';
import { visibleVars, PREDEFINED, stageAt } from './scope';
import images from '../data/images.json';

const IMAGES = (images as { images: Record<string, string[]> }).images;

export function complete(ctx: FeatureContext<DockerfileModel>, offset: number): Completion[] {
  const { text, model } = ctx;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const span = (start: number) => ({ start, end: offset });

  // parser directives at the top of the file
  if (/^#\s*[a-z]*$/.test(before) && model.instructions.every((i) => i.start > offset)) {
    const word = /[a-z]*$/.exec(before)![0];
    return Object.entries(DIRECTIVE_DOCS).map(([name, d]) => ({
      label: name,
      kind: 'keyword',
      detail: 'parser directive',
      documentation: d.doc,
      snippet: true,
      replace: span(offset - word.length),
      insertText: d.snippet,
    }));
  }
  if (/^\s*#/.test(before)) return [];

  // variables: `$` or `${` then a partial name
  const v = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (v) {
    const partial = v[1] ?? '';
    const seen = new Set<string>();
    const out: Completion[] = [];
    for (const d of visibleVars(model, offset).reverse()) {
      if (seen.has(d.name)) continue;
      seen.add(d.name);
      out.push({
        label: d.name,
        kind: 'variable',
        detail: `${d.instruction.keyword} ${d.name}${d.value !== null ? '=' + d.value : ''}`,
        replace: span(offset - partial.length),
        insertText: d.name,
      });
    }
    for (const p of PREDEFINED)
      if (!seen.has(p))
        out.push({
          label: p,
          kind: 'constant',
          detail: 'predefined build argument',
          sortText: 'z' + p,
          replace: span(offset - partial.length),
          insertText: p,
        });
    return out;
  }

  const ins = instructionAt(model, offset);
  // the first word of a line: an instruction
  if (!ins || offset <= ins.keywordEnd) {
    if (!/^\s*[A-Za-z]*$/.test(before)) return [];
    const word = /[A-Za-z]*$/.exec(before)![0];
    const lower = word !== '' && word === word.toLowerCase();
    return Object.entries(INSTRUCTION_DOCS)
      .filter(([k]) => k !== 'MAINTAINER')
      .map(([k, d]) => ({
        label: k,
        kind: 'keyword',
        documentation: d.doc,
        snippet: true,
        replace: span(offset - word.length),
        insertText: lower ? d.snippet.replace(k, k.toLowerCase()) : d.snippet,
      }));
  }

  // --from=<stage>
  const from = /--from=([A-Za-z0-9_.-]*)$/.exec(before) ?? /--mount=[^ ]*\bfrom=([A-Za-z0-9_.-]*)$/.exec(before);
  if (from) {
    const here = stageAt(model, offset);
    return model.stages
      .filter((s) => s.index < here)
      .map((s) => ({
        label: s.name ?? String(s.index),
        kind: 'reference',
        detail: `stage ${s.index}: FROM ${s.image ?? ''}`,
        replace: span(offset - from[1].length),
        insertText: s.name ?? String(s.index),
      }));
  }

  // flags
  const flag = /(?:^|\s)--([a-z-]*)$/.exec(before);
  if (flag && offset <= ins.bodyStart + 1 + (ins.args[0] ? 0 : 1000)) {
    const specs = FLAGS[ins.keyword] ?? [];
    return specs.map((f) => ({
      label: '--' + f.name,
      kind: 'property',
      documentation: f.doc,
      snippet: true,
      replace: span(offset - flag[1].length - 2),
      insertText:
        '--' +
        f.name +
        (['link', 'parents'].includes(f.name) ? '' : f.values ? '=${1|' + f.values.join(',') + '|}' : '=$1'),
    }));
  }

  // FROM image[:tag]
  if (ins.keyword === 'FROM') {
    const word = /(\S*)$/.exec(before)![1];
    const args = ins.args.filter((a) => a.end < offset - word.length || a.start < offset - word.length);
    if (args.length === 0 && !word.startsWith('-')) {
      const colon = word.lastIndexOf(':');
      if (colon > 0) {
        const name = word.slice(0, colon);
        const tags = IMAGES[name] ?? [];
        return tags.map((t, k) => ({
          label: t,
          kind: 'value',
          detail: `${name}:${t}`,
          sortText: String(k).padStart(3, '0'),
          replace: span(offset - (word.length - colon - 1)),
          insertText: t,
        }));
      }
      const out: Completion[] = [];
      Object.entries(IMAGES).forEach(([name, tags], k) => {
        out.push({
          label: name,
          kind: 'module',
          detail: tags[0] ? `${name}:${tags[0]}` : name,
          sortText: String(k).padStart(3, '0'),
          snippet: true,
          replace: span(offset - word.length),
          insertText: tags.length ? `${name}:\${1|${tags.join(',')}|}` : name,
        });
      });
      for (const s of model.stages)
        if (s.name && s.from.start < ins.start)
          out.push({
            label: s.name,
            kind: 'reference',
            detail: `stage ${s.index}`,
            replace: span(offset - word.length),
            insertText: s.name,
          });
      return out;
    }
    if (args.length === 1)
      return [
        {
          label: 'AS',
          kind: 'keyword',
          snippet: true,
          replace: span(offset - word.length),
          insertText: (ins.written === ins.written.toLowerCase() ? 'as' : 'AS') + ' ${1:name}',
        },
      ];
  }
  if (ins.keyword === 'HEALTHCHECK' && ins.args.every((a) => a.end >= offset)) {
    return ['CMD', 'NONE'].map((k) => ({ label: k, kind: 'keyword' }));
  }
  return [];
}
