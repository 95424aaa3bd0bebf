// Shipshape: Tail CloudWatch Logs…, Stop Tail, Clear Tail: several tails at once, each in its
// own terminal (ANSI colours by level) or output channel, with a status bar item while any runs.
import * as vscode from 'vscode';
import type * as Aws from '../aws';
import { type AwsCommandContext, type AwsModule, FileMemory, readSettings } from './context';

interface TailOutput extends vscode.Disposable {
  lines(lines: Aws.FormattedLine[]): void;
  note(text: string, kind?: 'info' | 'error'): void;
  clear(): void;
  show(): void;
}

/** A pseudoterminal: colours, Ctrl+C stops the tail, closing the terminal stops it too. */
class TerminalOutput implements TailOutput {
  private readonly write = new vscode.EventEmitter<string>();
  private readonly terminal: vscode.Terminal;
  private pending: string[] = [];
  private opened = false;

  constructor(name: string, onStop: () => void) {
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.write.event,
      open: () => {
        this.opened = true;
        for (const chunk of this.pending) this.write.fire(chunk);
        this.pending = [];
      },
      close: onStop,
      handleInput: (data) => {
        if (data === '\x03') onStop();
      },
    };
    this.terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('output') });
  }

  private emit(text: string): void {
    const chunk = text.replace(/\r?\n/g, '\r\n') + '\r\n';
    if (this.opened) this.write.fire(chunk);
    else this.pending.push(chunk);
  }

  lines(lines: Aws.FormattedLine[]): void {
    for (const l of lines) this.emit(l.text);
  }
  note(text: string, kind: 'info' | 'error' = 'info'): void {
    this.emit(kind === 'error' ? `\x1b[1;31m${text}\x1b[0m` : `\x1b[2m${text}\x1b[0m`);
  }
  clear(): void {
    if (this.opened) this.write.fire('\x1b[2J\x1b[3J\x1b[H');
    else this.pending = [];
  }
  show(): void {
    this.terminal.show(true);
  }
  dispose(): void {
    this.terminal.dispose();
    this.write.dispose();
  }
}

/** An output channel in the `log` language, which colours levels itself. */
class ChannelOutput implements TailOutput {
  private readonly channel: vscode.OutputChannel;
  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, 'log');
  }
  lines(lines: Aws.FormattedLine[]): void {
    for (const l of lines) this.channel.appendLine(l.text);
  }
  note(text: string, kind: 'info' | 'error' = 'info'): void {
    this.channel.appendLine(kind === 'error' ? `[error] ${text}` : `[info] ${text}`);
  }
  clear(): void {
    this.channel.clear();
  }
  show(): void {
    this.channel.show(true);
  }
  dispose(): void {
    this.channel.dispose();
  }
}

interface RunningTail {
  id: number;
  label: string;
  tail: Aws.LogTail;
  output: TailOutput;
  session: Aws.AwsSession;
}

interface TailChoice {
  logGroup: string;
  streamPrefix: string | undefined;
  /** The log group's region when the task definition names it (its awslogs-region), and where it says so. */
  region: string | undefined;
  regionSource?: string;
}

export class TailCommands implements vscode.Disposable {
  private readonly tails = new Map<number, RunningTail>();
  private nextId = 1;
  private readonly status: vscode.StatusBarItem;
  private readonly filters: FileMemory<string>;
  private readonly lastGroup: FileMemory<string>;

  constructor(private readonly ctx: AwsCommandContext) {
    this.status = vscode.window.createStatusBarItem('shipshape.aws.tails', vscode.StatusBarAlignment.Left, 10);
    this.status.name = 'Shipshape Log Tails';
    this.status.command = 'shipshape.aws.stopTail';
    this.filters = new FileMemory(ctx.extension.workspaceState, 'shipshape.aws.tailFilters');
    this.lastGroup = new FileMemory(ctx.extension.workspaceState, 'shipshape.aws.lastLogGroup');
  }

  private refreshStatus(): void {
    const n = this.tails.size;
    void vscode.commands.executeCommand('setContext', 'shipshape.aws.tailing', n > 0);
    if (n === 0) {
      this.status.hide();
      return;
    }
    const names = [...this.tails.values()].map((t) => t.label);
    this.status.text = `$(pulse) ${n === 1 ? `Tailing ${names[0]}` : `Tailing ${n} log groups`}`;
    this.status.tooltip = `CloudWatch Logs tails:\n${names.join('\n')}\nClick to stop.`;
    this.status.show();
  }

  /** Log group (and stream prefix) from an open task definition's awslogs options, else a pick of log groups. */
  private async choose(aws: AwsModule, arg?: vscode.Uri): Promise<TailChoice | undefined> {
    const doc =
      arg instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(arg)
        : vscode.window.activeTextEditor?.document;
    if (doc && aws.looksLikeTaskDefinition(doc.getText())) {
      const targets = aws.awsLogsTargets(aws.parseTaskDefinitionText(doc.getText()).value);
      const regionSource = `awslogs-region in ${vscode.workspace.asRelativePath(doc.uri)}`;
      if (targets.length === 1)
        return {
          logGroup: targets[0]!.logGroup,
          streamPrefix: targets[0]!.streamPrefix,
          region: targets[0]!.region,
          regionSource,
        };
      if (targets.length > 1) {
        const pick = await vscode.window.showQuickPick(
          [
            ...targets.map((t) => ({
              label: t.container || t.logGroup,
              description: t.logGroup,
              detail: t.streamPrefix ? `streams ${t.streamPrefix}…` : undefined,
              t,
            })),
            ...[...new Set(targets.map((t) => t.logGroup))].map((g) => ({
              label: `All containers in ${g}`,
              description: '',
              detail: undefined,
              t: {
                container: '',
                logGroup: g,
                region: targets.find((x) => x.logGroup === g)!.region,
                streamPrefix: undefined,
              },
            })),
          ],
          { title: 'Tail the logs of which container?' },
        );
        return pick
          ? { logGroup: pick.t.logGroup, streamPrefix: pick.t.streamPrefix, region: pick.t.region, regionSource }
          : undefined;
      }
    }
    const { session, region } = await this.ctx.session();
    try {
      const groups = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Listing log groups…' },
        () => aws.listLogGroups(session.logs),
      );
      if (groups.length === 0) {
        void vscode.window.showWarningMessage(`There is no log group in ${region}.`);
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        aws.rememberedFirst(
          groups.map((g) => ({ label: g })),
          (i) => i.label,
          this.lastGroup.get(undefined),
        ),
        { title: `Log group to tail (${region})`, placeHolder: 'Type to filter' },
      );
      return pick ? { logGroup: pick.label, streamPrefix: undefined, region: undefined } : undefined;
    } finally {
      session.destroy();
    }
  }

  async tailLogs(arg?: vscode.Uri): Promise<void> {
    if (!this.ctx.requireTrust()) return;
    const log = this.ctx.log;
    let errCtx: Aws.AwsErrorContext = { operation: 'list' };
    let session: Aws.AwsSession | undefined;
    try {
      const aws = await this.ctx.load();
      const choice = await this.choose(aws, arg);
      if (!choice) return;
      await this.lastGroup.set(undefined, choice.logGroup);
      const settings = readSettings();
      // Region and credentials before the filter pattern: a pattern typed for a tail that cannot start is
      // wasted, and the error should come first.
      const opened = await this.ctx.session({
        preferred: choice.region
          ? { region: choice.region, source: choice.regionSource ?? 'awslogs-region' }
          : undefined,
      });
      session = opened.session;
      const { region, regionSource } = opened;
      errCtx = { operation: 'identity', region, logGroup: choice.logGroup };
      await session.identity();
      errCtx = { operation: 'tail', region, logGroup: choice.logGroup };
      const filterPattern = await vscode.window.showInputBox({
        title: `Tail ${choice.logGroup}`,
        prompt:
          'CloudWatch Logs filter pattern (optional; Enter for every event), ' +
          'e.g. ERROR or ?ERROR ?WARN or { $.level = "error" }',
        value: this.filters.get(vscode.Uri.parse(`logs:${choice.logGroup}`)) ?? '',
      });
      if (filterPattern === undefined) return;
      await this.filters.set(vscode.Uri.parse(`logs:${choice.logGroup}`), filterPattern);
      log.info(`Tail ${choice.logGroup}: region ${region} (from ${regionSource}).`);
      const startTime = aws.parseSince(settings.logsSince) ?? Date.now() - aws.DEFAULT_SINCE_MS;
      const id = this.nextId++;
      const label = choice.streamPrefix ? `${choice.logGroup} (${choice.streamPrefix})` : choice.logGroup;
      const stop = () => this.stop(id);
      const output: TailOutput =
        settings.logsOutput === 'terminal'
          ? new TerminalOutput(`Logs: ${choice.logGroup}`, stop)
          : new ChannelOutput(`Logs: ${choice.logGroup}`);
      const format = { timeZone: settings.logsTimeZone, color: settings.logsOutput === 'terminal' };
      const tail = new aws.LogTail(session.logs, {
        logGroupName: choice.logGroup,
        logStreamNamePrefix: choice.streamPrefix,
        filterPattern: filterPattern.trim() || undefined,
        startTime,
        intervalMs: Math.max(0.5, settings.logsIntervalSeconds) * 1000,
        onEvents: (events) => output.lines(events.map((e) => aws.formatLogEvent(e, format))),
        onThrottle: (ms) => {
          output.note(`AWS is throttling; polling every ${Math.round(ms / 1000)} s.`);
          log.warn(`Tail ${label}: throttled, interval now ${ms} ms.`);
        },
        onError: (err) => {
          const c = aws.classifyAwsError(err, errCtx);
          output.note(`Stopped: ${c.message}`, 'error');
          log.error(`Tail ${label}: ${c.message} [${c.detail}]`);
          void vscode.window.showErrorMessage(`Log tail of ${choice.logGroup} stopped: ${c.message}`);
          return false;
        },
      });
      this.tails.set(id, { id, label, tail, output, session });
      session = undefined; // the running tail owns it now
      this.refreshStatus();
      output.note(
        `Tailing ${label} in ${region} since ` +
          `${new Date(startTime).toISOString()}${filterPattern.trim() ? `, filter ${filterPattern.trim()}` : ''}. ` +
          (settings.logsOutput === 'terminal'
            ? 'Ctrl+C or closing this terminal stops it.'
            : 'Run "Shipshape: Stop Log Tail" to stop it.'),
      );
      output.show();
      log.info(
        `Tail ${label} started (region ${region}${filterPattern.trim() ? `, filter ${filterPattern.trim()}` : ''}).`,
      );
      void tail.start().then(() => {
        if (this.tails.has(id)) this.finish(id, false);
      });
    } catch (err) {
      await this.ctx.reportError(err, errCtx, 'Tail logs');
    } finally {
      session?.destroy();
    }
  }

  private finish(id: number, disposeOutput: boolean): void {
    const t = this.tails.get(id);
    if (!t) return;
    this.tails.delete(id);
    t.tail.stop();
    t.session.destroy();
    t.output.note(`Stopped. ${t.tail.delivered} event(s) shown.`);
    if (disposeOutput) t.output.dispose();
    this.ctx.log.info(`Tail ${t.label} stopped after ${t.tail.requests} request(s), ${t.tail.delivered} event(s).`);
    this.refreshStatus();
  }

  stop(id: number): void {
    this.finish(id, false);
  }

  private async pickTail(title: string, withAll: boolean): Promise<RunningTail[] | undefined> {
    const all = [...this.tails.values()];
    if (all.length === 0) {
      void vscode.window.showInformationMessage('No CloudWatch Logs tail is running.');
      return undefined;
    }
    if (all.length === 1) return all;
    const items: Array<vscode.QuickPickItem & { tails: RunningTail[] }> = all.map((t) => ({
      label: t.label,
      description: `${t.tail.delivered} events`,
      tails: [t],
    }));
    if (withAll) items.push({ label: `All ${all.length} tails`, description: '', tails: all });
    const pick = await vscode.window.showQuickPick(items, { title });
    return pick?.tails;
  }

  async stopTail(): Promise<void> {
    const picked = await this.pickTail('Stop which log tail?', true);
    for (const t of picked ?? []) this.stop(t.id);
  }

  async clearTail(): Promise<void> {
    const picked = await this.pickTail('Clear which log tail?', true);
    for (const t of picked ?? []) t.output.clear();
  }

  dispose(): void {
    for (const id of [...this.tails.keys()]) this.finish(id, true);
    this.status.dispose();
  }
}
