// `npm start` (after `npm run build`): serves a real VS Code (code-server) on 127.0.0.1 with the
// freshly packaged Shipshape installed and examples/ open. Ctrl+C stops it and everything it started.
//
//   SHIPSHAPE_PORT=8080 npm start      pick the port (default: a free one)
//   SHIPSHAPE_FOLDER=/some/project     open another folder instead of examples/
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ROOT,
  ensureCodeServer,
  freePort,
  killAll,
  packageVsix,
  prepareRun,
  run,
  startCodeServer,
  stopGroup,
} from './code-server.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[shipshape] ${msg}`);

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) run('npm', ['run', 'build'], { cwd: ROOT });
  const bin = ensureCodeServer();
  say(`code-server ready (${secs()})`);
  const vsix = packageVsix();
  say(`packaged ${path.relative(ROOT, vsix)} (${secs()})`);
  const { dirs, env } = prepareRun(path.join(ROOT, '.run', 'start'), vsix, bin);
  say(`installed the extension into a fresh extensions folder (${secs()})`);
  const folder = path.resolve(process.env.SHIPSHAPE_FOLDER ?? path.join(ROOT, 'examples'));
  const port = Number(process.env.SHIPSHAPE_PORT) || (await freePort());
  const child = await startCodeServer({ bin, port, dirs, env, folder });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURI(folder)}`;
  say(`started in ${secs()}`);
  console.log(
    `\n  Open ${url}\n\n  Open the Dockerfile: hover a squiggle, press Ctrl+. for a fix, Ctrl+Shift+M for Problems.`,
  );
  console.log(`  Logs: ${path.relative(ROOT, path.join(dirs.run, 'code-server.log'))}. Ctrl+C stops the editor.\n`);

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stopGroup(child);
    killAll('SIGKILL');
    process.exit(code);
  };
  // Replace the default handlers of code-server.mjs with an orderly stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.removeAllListeners(sig);
    process.on(sig, () => void stop(sig === 'SIGINT' ? 0 : 143));
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[shipshape] code-server exited (${code ?? signal}); see ${path.join(dirs.run, 'code-server.log')}`);
    void stop(1);
  });
}

main().catch((e) => {
  console.error(`[shipshape] ${e.message}`);
  killAll('SIGKILL');
  process.exit(1);
});
