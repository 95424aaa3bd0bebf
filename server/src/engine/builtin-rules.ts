import { DOCUMENT_KINDS, type Rule } from './types';

/**
 * Findings the engine itself gives, for input no language can analyse: these keep the promise
 * that bad input gets a clear finding, never a crash.
 */
export const fileTooLarge: Rule<unknown> = {
  meta: {
    code: 'SS001',
    id: 'file-too-large',
    kinds: [...DOCUMENT_KINDS],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'The file is too large to analyse in the editor.',
    messages: { tooLarge: 'This file is {{size}} MB, above the {{limit}} MB Shipshape analyses; it was not checked.' },
    docs: {
      rationale:
        'Analysing multi-megabyte files on every keystroke would make the ' +
        'editor sluggish. Shipshape skips them and says so, instead of silently showing nothing. ' +
        'Raise `shipshape.maxFileSize` if such a file is real.',
      incorrect: '# a 12 MB generated Dockerfile',
      correct: '# a Dockerfile under the limit',
    },
  },
  check() {
    /* reported by the service before any parsing */
  },
};

export const binaryFile: Rule<unknown> = {
  meta: {
    code: 'SS002',
    id: 'binary-file',
    kinds: [...DOCUMENT_KINDS],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The file holds binary data, not text.',
    messages: { binary: 'This file contains NUL bytes: it is binary, not a {{kind}} file, and was not checked.' },
    docs: {
      rationale:
        'A NUL byte never belongs in a Dockerfile, YAML, JSON or Nix file; it ' +
        'usually means a file was saved with the wrong encoding (UTF-16) or is not the file it is ' +
        'named after.',
      incorrect: 'FROM alpine\\u0000',
      correct: 'FROM alpine:3.20',
    },
  },
  check() {
    /* reported by the service before any parsing */
  },
};

export const internalError: Rule<unknown> = {
  meta: {
    code: 'SS003',
    id: 'analysis-failed',
    kinds: [...DOCUMENT_KINDS],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'Shipshape could not analyse this file.',
    messages: {
      failed: 'Shipshape could not parse this file ({{reason}}); it was not checked. Please report it.',
      stopped:
        'analysis stopped after {{ms}} ms: the checks ran past their {{budget}} ms budget in rule {{rule}}; ' +
        '{{skipped}} more rules were not run on this file.',
    },
    docs: {
      rationale:
        'A parser must never crash the language server. When one fails on an ' +
        'input nobody foresaw (extreme nesting, for example), the file gets this one finding and ' +
        'the server goes on. Likewise the checks of one file in the editor have a time budget: past it the ' +
        'remaining rules are skipped, the file gets this finding naming the rule that used the budget up, and ' +
        'the server keeps answering.',
      incorrect: '[[[[[[ … a million levels … ]]]]]]',
      correct: 'services: {}',
    },
  },
  check() {
    /* reported by the service when a parser throws */
  },
};

export const tooManyFindings: Rule<unknown> = {
  meta: {
    code: 'SS004',
    id: 'too-many-findings',
    kinds: [...DOCUMENT_KINDS],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'The file has more findings than the editor shows.',
    messages: {
      more:
        'and {{count}} more findings not shown: the editor shows at most {{max}} per file ' +
        '(`shipshape check` lists them all).',
    },
    docs: {
      rationale:
        'A generated or pasted file can give tens of thousands of findings; sending them all in one ' +
        'notification would stall the editor. The language server publishes the most severe ones, ' +
        'then this one finding with the number left out.',
      incorrect: '# a file with 5,000 findings',
      correct: '# a file with fewer than 1,000 findings',
    },
  },
  check() {
    /* reported by the language server when it caps a file's diagnostics */
  },
};

export const builtinRules = [fileTooLarge, binaryFile, internalError, tooManyFindings];
