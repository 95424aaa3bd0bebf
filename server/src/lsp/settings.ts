import type { Settings, SeveritySetting } from '../engine/types';

/** The `shipshape` section of the editor's settings, as VS Code sends it. */
export interface EditorSettings {
  rules?: Record<string, SeveritySetting>;
  maxFileSize?: number;
  workflow?: { selfHostedRunnerLabels?: string[] };
  inlayHints?: { enabled?: boolean };
}

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Keeps only well-formed values: a typo in settings.json must not break analysis. */
export function toSettings(raw: unknown): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (!raw || typeof raw !== 'object') return out;
  const s = raw as EditorSettings;
  if (s.rules && typeof s.rules === 'object') {
    out.rules = {};
    for (const [k, v] of Object.entries(s.rules)) if (typeof v === 'string' && SEVERITIES.has(v)) out.rules[k] = v;
  }
  if (typeof s.maxFileSize === 'number' && s.maxFileSize > 0) out.maxFileSize = s.maxFileSize;
  if (typeof s.inlayHints?.enabled === 'boolean') out.inlayHints = s.inlayHints.enabled;
  const labels = s.workflow?.selfHostedRunnerLabels;
  if (Array.isArray(labels)) out.workflow = { selfHostedRunnerLabels: labels.filter((l) => typeof l === 'string') };
  return out;
}
