/** The Dockerfile language: parse with dockerfile-ast into our model, hadolint/BuildKit rules, editor features. */
import type { Language, SeveritySetting } from '../../engine/types';
import { parseDockerfile, type DockerfileModel } from './parse';
import { rules } from './rules';
import { complete } from './features/complete';
import { hover } from './features/hover';
import { symbols, definition, rename } from './features/navigate';
import { dirname } from './util';
import { factsOfFile } from './facts';
import { cutSpans, lostContinuations } from './continuation';

/** `# hadolint ignore=DL3007,DL3008` → ['DL3007', 'DL3008'] (also `# shipshape ignore=...`). */
export function ignoreComment(commentLine: string): string[] | undefined {
  const m = /^\s*#\s*(?:hadolint|shipshape)\s+ignore\s*=\s*([A-Za-z0-9_\-, ]+)/.exec(commentLine);
  if (!m) return undefined;
  return m[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads the `ignored:` list (and `override:` severities) of a `.hadolint.yaml` next to the file or in a parent folder.
 */
export function hadolintOverrides(ctx: {
  path: string;
  workspace: { readText(p: string): string | undefined };
}): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  let dir = dirname(ctx.path);
  for (let depth = 0; depth < 20; depth++) {
    const text =
      ctx.workspace.readText(dir + (dir.endsWith('/') ? '' : '/') + '.hadolint.yaml') ??
      ctx.workspace.readText(dir + (dir.endsWith('/') ? '' : '/') + '.hadolint.yml');
    if (text !== undefined) {
      readHadolintConfig(text, out);
      break;
    }
    if (dir === '/' || dir === '.' || dir === '') break;
    dir = dirname(dir);
  }
  return out;
}

const SEVERITY_MAP: Record<string, SeveritySetting> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'hint',
  ignore: 'off',
  none: 'off',
};

function readHadolintConfig(text: string, out: Record<string, SeveritySetting>): void {
  // Lazy YAML: `ignored:` list and `override: { error: [...], warning: [...] }`.
  let YAML: typeof import('yaml') | undefined;
  try {
    YAML = require('yaml');
  } catch {
    YAML = undefined;
  }
  let doc: any;
  try {
    doc = YAML?.parse(text);
  } catch {
    return;
  }
  if (!doc || typeof doc !== 'object') return;
  const override = doc.override;
  if (override && typeof override === 'object') {
    for (const [sev, codes] of Object.entries(override)) {
      const s = SEVERITY_MAP[sev];
      if (s && Array.isArray(codes)) for (const c of codes) if (typeof c === 'string') out[c] = s;
    }
  }
  if (Array.isArray(doc.ignored)) for (const c of doc.ignored) if (typeof c === 'string') out[c] = 'off';
}

export const language: Language<DockerfileModel> = {
  kind: 'dockerfile',
  lineComment: '#',
  ignoreComment,
  parse: (text) => parseDockerfile(text),
  // Doc examples show only the instructions that matter; as files they need a FROM.
  exampleFile: (example) => (/^\s*FROM\s/im.test(example) ? example : `FROM debian:12-slim\n${example}`),
  rules,
  facts: factsOfFile,
  // A line that lost its `\` (DF001) cuts the instruction above in two: DL3009 would miss the
  // `rm -rf /var/lib/apt/lists/*` the cut line holds. The other rules wait for the `\`.
  broken: (ctx) => {
    const lost = lostContinuations(ctx);
    return lost.length ? { spans: cutSpans(lost), keep: ['DF000', 'DF001'] } : undefined;
  },
  complete,
  hover,
  symbols,
  definition,
  rename,
  configOverrides: hadolintOverrides,
};
