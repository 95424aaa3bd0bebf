/**
 * The `shipshape` command. This file only dispatches: the commands live in cli/ (args, walk and
 * excludes, check and fix, worker threads, output formats, rules/explain, the GitHub Action), and
 * nothing imports this file. The same file is the entry of the worker threads.
 */
import { parseArgs, UsageError, usageOf } from './cli/args';
import { runAction } from './cli/action';
import { allRules } from './cli/check';
import { ConfigError } from './cli/config';
import { runWorkerIfAny } from './cli/pool';
import { explain, formatRules } from './cli/rules';
import { runCheck, type Io } from './cli/run';
import { dataSourcesText } from './service/data-sources';
import { VERSION } from './version';

/** Reads stdin up to `limit` characters (a larger input is refused, not read whole). */
function readStdin(limit: number): Promise<{ text: string } | { tooLarge: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // bytes ≥ characters: more bytes than the limit may still be few enough characters
      if (size > limit * 4) {
        process.stdin.destroy();
        resolve({ tooLarge: limit });
        return;
      }
      chunks.push(chunk);
    });
    process.stdin.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve(text.length > limit ? { tooLarge: limit } : { text });
    });
    process.stdin.on('error', reject);
  });
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin,
  env: process.env,
  workerEntry: __filename,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let topic: string | undefined;
  try {
    const cmd = parseArgs(argv);
    switch (cmd.name) {
      case 'help':
        io.stdout(usageOf(cmd.topic) + '\n');
        return 0;
      case 'version':
        io.stdout(`${VERSION}\ndata:\n${dataSourcesText()}`);
        return 0;
      case 'rules':
        io.stdout(formatRules(allRules(), cmd.kind, cmd.format));
        return 0;
      case 'explain':
        topic = 'explain';
        io.stdout(explain(allRules(), cmd.code));
        return 0;
      case 'github-action':
        return await runAction(io);
      case 'check':
        topic = 'check';
        return (await runCheck(cmd.options, io)).code;
    }
  } catch (e) {
    if (e instanceof UsageError) io.stderr(`shipshape: ${e.message}\n\n${usageOf(topic ?? argv[0])}\n`);
    else if (e instanceof ConfigError) io.stderr(`shipshape: ${e.message}\n`);
    else io.stderr(`shipshape: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  }
}

if (!runWorkerIfAny() && require.main === module) {
  // `shipshape check | head`: the reader went away; the rest of the report has nowhere to go, which is no crash
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
