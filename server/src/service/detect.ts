import { parseTree } from 'jsonc-parser';
import type { DocumentKind } from '../engine/types';

const TASKDEF_NAME = /(^|[-_.])task[-_]?def(inition)?s?([-_.][^/]*)?\.json$|^taskdef\.json$|task-def[^/]*\.json$/i;

function basename(path: string): string {
  const i = path.replace(/\\/g, '/').lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

/**
 * The kind of an infrastructure file: by path first, then (for JSON) by content. Undefined for a
 * file Shipshape does not check.
 */
export function detectKind(path: string, text?: string): DocumentKind | undefined {
  const p = path.replace(/\\/g, '/');
  const name = basename(p);
  const lower = name.toLowerCase();
  if (lower === '.dockerignore' || lower.endsWith('.dockerignore') || lower === '.containerignore')
    return 'dockerignore';
  if (/^(docker|container)file([.-].*)?$/i.test(name) || /\.(docker|container)file$/i.test(name)) return 'dockerfile';
  if (/\.ya?ml$/i.test(name)) {
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(p)) return 'workflow';
    if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(name)) return 'compose';
    return undefined;
  }
  if (lower === 'flake.nix') return 'flake';
  if (lower.endsWith('.nix')) return 'nix';
  if (lower.endsWith('.json')) {
    if (TASKDEF_NAME.test(name)) return 'taskdef';
    if (text !== undefined && looksLikeTaskDefinition(text)) return 'taskdef';
  }
  return undefined;
}

/** A top-level `containerDefinitions`, or the `{"taskDefinition": {...}}` wrapper of describe-task-definition. */
export function looksLikeTaskDefinition(text: string): boolean {
  if (!text.includes('containerDefinitions')) return false;
  const tree = parseTree(text.length > 5_000_000 ? text.slice(0, 5_000_000) : text, [], { allowTrailingComma: true });
  if (tree?.type !== 'object') return false;
  for (const prop of tree.children ?? []) {
    const key = prop.children?.[0]?.value;
    if (key === 'containerDefinitions') return true;
    if (key === 'taskDefinition') {
      const inner = prop.children?.[1];
      if (inner?.type === 'object' && inner.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions'))
        return true;
    }
  }
  return false;
}
