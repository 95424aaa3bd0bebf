/** The Dockerfile language: parse with dockerfile-ast into our model, hadolint/BuildKit rules, editor features. */
import type { Language } from '../../engine/types';
import { parseDockerfile, type DockerfileModel } from './parse';
import { rules } from './rules';
import { complete } from './features/complete';
import { hover } from './features/hover';
import { symbols, definition, rename } from './features/navigate';
import { documentLinks, format, inlayHints, references, semanticTokens } from './features/editor';
import { factsOfFile } from './facts';
import { hadolintLanguageConfig, ignoreComment, ignoreExtent } from './hadolint-config';
import { cutSpans, lostContinuations } from './continuation';

export const language: Language<DockerfileModel> = {
  kind: 'dockerfile',
  lineComment: '#',
  ignoreComment,
  ignoreExtent,
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
  format,
  references,
  documentLinks,
  semanticTokens,
  inlayHints,
  configOverrides: hadolintLanguageConfig,
};
