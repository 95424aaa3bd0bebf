/**
 * What other files may know of a .dockerignore: its patterns, and whether they exclude a path of the build context.
 * The checks across files (`server/src/links/`) read only this.
 */
import type { ParsedFile } from '../../engine/types';
import { isExcluded as excludedBy, parseDockerignore, type DockerignoreModel, type IgnorePattern } from './patterns';

export type { IgnorePattern };

export interface IgnoreFacts {
  patterns: IgnorePattern[];
}

/** The facts of a parsed .dockerignore (the language's `facts` hook): its patterns. */
export function factsOfFile(file: ParsedFile<DockerignoreModel>): IgnoreFacts {
  return { patterns: file.model.patterns };
}

/** The facts of an ignore file given as text (any name: `Dockerfile.dockerignore` too). */
export function factsOfText(text: string): IgnoreFacts {
  return { patterns: parseDockerignore(text).patterns };
}

/** Whether the patterns exclude a path relative to the context root, and the pattern that decided. */
export function isExcluded(facts: IgnoreFacts, relPath: string): { excluded: boolean; by?: IgnorePattern } {
  return excludedBy({ patterns: facts.patterns } as DockerignoreModel, relPath);
}
