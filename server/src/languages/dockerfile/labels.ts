/**
 * hadolint's label schema (`label-schema:` in `.hadolint.yaml`): which labels an image must carry and what kind of
 * value each holds. Shared by the rules DL3049–DL3058.
 */
import spdxIds from 'spdx-license-ids/index.json';
import spdxDeprecated from 'spdx-license-ids/deprecated.json';
import type { Ctx } from './util';
import { hadolintConfig, type LabelType } from './hadolint-config';
import type { DockerInstruction, DockerProperty } from './parse';

/** A LABEL's key/value pair, the key without quotes. */
export interface LabelPair {
  ins: DockerInstruction;
  prop: DockerProperty;
  key: string;
  value: string;
}

/** Every `LABEL key=value` pair of the file, in order. */
export function labelPairs(ctx: Ctx): LabelPair[] {
  return ctx.once('dockerfile:label-pairs', () => {
    const out: LabelPair[] = [];
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'LABEL') continue;
      for (const prop of ins.properties)
        out.push({ ins, prop, key: prop.name.replace(/^(["'])(.*)\1$/, '$2'), value: prop.value ?? '' });
    }
    return out;
  });
}

/** The schema of the nearest `.hadolint.yaml` (empty when there is none). */
export function labelSchema(ctx: Ctx): Record<string, LabelType> {
  return hadolintConfig(ctx)?.labelSchema ?? {};
}

const SPDX = new Set<string>([...(spdxIds as string[]), ...(spdxDeprecated as string[])]);
const NUMBER = '(0|[1-9]\\d*)';
const PRE = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
/** Semantic Versioning 2.0: `1.2.3`, `1.2.3-beta.2`, `1.2.3+build.5`. */
const SEMVER = new RegExp(
  `^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${PRE}(?:\\.${PRE})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);
const DOMAIN_PART = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
/** An address: a local part without spaces or specials, `@`, a domain. */
const EMAIL = new RegExp(`^[^\\s@"<>()[\\],;:]+@${DOMAIN_PART}(?:\\.${DOMAIN_PART})*$`);
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Whether a label value is of the schema's type (`text` takes anything). */
export function labelValueOk(type: LabelType, v: string): boolean {
  switch (type) {
    case 'text':
      return true;
    case 'url':
      // an absolute URI: a scheme, then something
      if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v)) return false;
      try {
        new URL(v);
        return true;
      } catch {
        return false;
      }
    case 'rfc3339': {
      const m = RFC3339.exec(v);
      if (!m) return false;
      const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
      return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second <= 60;
    }
    case 'spdx':
      return SPDX.has(v);
    case 'hash':
      // a git commit: abbreviated (7) or full (40; 64 for SHA-256 repositories)
      return /^([0-9a-f]{7}|[0-9a-f]{40}|[0-9a-f]{64})$/.test(v);
    case 'semver':
      return SEMVER.test(v);
    case 'email':
      return EMAIL.test(v);
  }
}

/**
 * The check of the typed label rules (DL3052–DL3058): each LABEL of a schema label of `type` whose value is not of
 * that type (an empty value is DL3051's; a value from a variable is decided at build time).
 */
export function checkLabelType(ctx: Ctx, type: LabelType): void {
  const schema = labelSchema(ctx);
  if (!Object.values(schema).includes(type)) return;
  for (const p of labelPairs(ctx)) {
    if (schema[p.key] !== type || p.value === '' || p.value.includes('$') || labelValueOk(type, p.value)) continue;
    ctx.report({
      start: p.prop.valueStart ?? p.prop.nameStart,
      end: p.prop.valueEnd ?? p.prop.nameEnd,
      messageId: 'type',
      data: { label: p.key, value: p.value },
    });
  }
}
