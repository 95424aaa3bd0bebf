import type { DocumentKind, Finding } from '../engine/types';
import type { LineIndex, Range } from '../text/lines';

/**
 * A finding's location in another file (`related`), as the output shows it: path relative to the working directory, LSP
 * range.
 */
export interface RelatedOut {
  path: string;
  range: Range;
  message: string;
}
export interface FileResult {
  path: string;
  kind: DocumentKind | undefined;
  findings: Finding[];
  lines: LineIndex /** Per finding, its locations in other files. */;
  related: RelatedOut[][];
}
