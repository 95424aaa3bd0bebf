/**
 * hadolint's own configuration, so a project that already runs hadolint keeps its settings: the nearest
 * `.hadolint.yaml` (or `.yml`) at or above the Dockerfile's folder, and the `# hadolint ignore=` /
 * `# hadolint global ignore=` comments.
 *
 * hadolint itself reads one file from the working directory or the user's config folders; we take the nearest one
 * above each Dockerfile instead, which is what an editor needs and gives the same answer when the file sits at the
 * repository root.
 */
import { parseYamlValue as parseYaml } from '../../yaml/unique-keys';
import type { LanguageConfig, Once, Severity, SeveritySetting, WorkspaceIndex } from '../../engine/types';
import type { LineIndex } from '../../text/lines';
import type { DockerfileModel } from './parse';

export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';
export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

/** The keys of a `.hadolint.yaml` that change what is reported. */
export interface HadolintConfig {
  /** Where it was found. */
  path: string;
  /** `ignored:` codes. */
  ignored: string[];
  /** `override:` severity per code, in our names (hadolint's `style` is our `hint`). */
  override: Record<string, SeveritySetting>;
  /** `failure-threshold:` (and `no-fail: true` as `none`). */
  failureThreshold?: Severity | 'none';
  /** `trustedRegistries:` (a string or a list); empty = DL3026 off. */
  trustedRegistries: string[];
  /** `label-schema:` label name → type (DL3049–DL3058). */
  labelSchema: Record<string, LabelType>;
  /** `strict-labels:` labels outside the schema are reported (DL3050). */
  strictLabels: boolean;
  /** `disable-ignore-pragma:` `# hadolint ignore=` comments have no effect. */
  disableIgnorePragma: boolean;
}

const SEVERITY: Record<string, SeveritySetting> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'hint',
  ignore: 'off',
  none: 'off',
};

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Reads the text of a `.hadolint.yaml`; undefined when it is not a YAML mapping. */
export function parseHadolintConfig(text: string, path = '.hadolint.yaml'): HadolintConfig | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  const out: HadolintConfig = {
    path,
    ignored: strings(d.ignored),
    override: {},
    trustedRegistries: strings(d.trustedRegistries),
    labelSchema: {},
    strictLabels: d['strict-labels'] === true,
    disableIgnorePragma: d['disable-ignore-pragma'] === true,
  };
  const override = d.override;
  if (override && typeof override === 'object')
    for (const [level, codes] of Object.entries(override)) {
      const s = SEVERITY[level];
      if (s) for (const c of strings(codes)) out.override[c] = s;
    }
  const threshold = d['failure-threshold'];
  if (typeof threshold === 'string' && threshold in SEVERITY) {
    const s = SEVERITY[threshold];
    out.failureThreshold = s === 'off' ? 'none' : s;
  }
  if (d['no-fail'] === true) out.failureThreshold = 'none';
  const schema = d['label-schema'];
  if (schema && typeof schema === 'object' && !Array.isArray(schema))
    for (const [label, type] of Object.entries(schema))
      if (LABEL_TYPES.includes(type as LabelType)) out.labelSchema[label] = type as LabelType;
  return out;
}

/** The nearest `.hadolint.yaml`/`.hadolint.yml` at or above the file's folder. */
export function findHadolintConfig(path: string, workspace: Pick<WorkspaceIndex, 'readText'>) {
  let dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0));
  for (let depth = 0; depth < 32; depth++) {
    for (const name of ['.hadolint.yaml', '.hadolint.yml']) {
      const file = `${dir}/${name}`;
      const text = workspace.readText(file);
      if (text !== undefined) return parseHadolintConfig(text, file);
    }
    if (!dir) return undefined;
    dir = dir.slice(0, Math.max(dir.lastIndexOf('/'), 0));
  }
  return undefined;
}

/** The `.hadolint.yaml` of the file being checked, read once per check. */
export function hadolintConfig(ctx: Once & { path: string; workspace: WorkspaceIndex }): HadolintConfig | undefined {
  return ctx.once('dockerfile:hadolint-config', () => findHadolintConfig(ctx.path, ctx.workspace));
}

/**
 * What the engine takes from a `.hadolint.yaml`: `ignored` codes off, `override` severities, and hadolint's own
 * severities for the other DL rules whenever the file sets `override` or `failure-threshold` (the team decided on
 * hadolint's scale); `failure-threshold` also decides which findings fail the CLI.
 */
export function hadolintLanguageConfig(ctx: { path: string; workspace: WorkspaceIndex }): LanguageConfig {
  const c = findHadolintConfig(ctx.path, ctx.workspace);
  if (!c) return { rules: {} };
  const rules: Record<string, SeveritySetting> = { ...c.override };
  for (const code of c.ignored) rules[code] = 'off';
  const out: LanguageConfig = { rules };
  if (Object.keys(c.override).length || c.failureThreshold) out.preset = 'hadolint';
  if (c.failureThreshold) out.failureThreshold = c.failureThreshold;
  if (c.disableIgnorePragma) out.disableIgnoreComments = true;
  return out;
}

const PRAGMA = /^\s*#\s*(hadolint|shipshape)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_\-, ]+)/;

/**
 * `# hadolint ignore=DL3007,DL3008` → the codes, for the instruction below; `# hadolint global ignore=DL3007` → for
 * the whole file (also spelled `# shipshape ignore=...`). A trailing `# reason` is allowed.
 */
export function ignoreComment(commentLine: string): { codes: string[]; global?: boolean } | undefined {
  const m = PRAGMA.exec(commentLine);
  if (!m) return undefined;
  const codes = m[3]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return m[2] ? { codes, global: true } : { codes };
}

/** An ignore comment above an instruction covers all of its lines (hadolint reports on its first). */
export function ignoreExtent(model: DockerfileModel, lines: LineIndex, line: number): number {
  if (line >= lines.lineCount) return line;
  const start = lines.lineStart(line);
  const end = lines.lineEnd(line);
  for (const ins of model.instructions) {
    if (ins.start > end) break;
    if (ins.start >= start) return lines.position(ins.end).line;
  }
  return line;
}
