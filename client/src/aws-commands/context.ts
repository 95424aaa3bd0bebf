// Shared pieces of the AWS commands: settings, the lazily loaded AWS logic, the log
// channel, the workspace-trust guard and error reporting.
import * as vscode from 'vscode';
import type * as Aws from '../aws';

export type AwsModule = typeof Aws;

export interface AwsSettings {
  profile: string | undefined;
  region: string | undefined;
  endpoint: string | undefined;
  variables: Record<string, string>;
  rolloutTimeoutMinutes: number;
  pollIntervalSeconds: number;
  logsSince: string;
  logsIntervalSeconds: number;
  logsOutput: 'terminal' | 'outputChannel';
  logsTimeZone: 'utc' | 'local';
  codeLens: boolean;
}

export function readSettings(scope?: vscode.Uri): AwsSettings {
  const c = vscode.workspace.getConfiguration('shipshape.aws', scope);
  const str = (k: string) => {
    const v = c.get<string>(k);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const vars = c.get<Record<string, unknown>>('variables') ?? {};
  return {
    profile: str('profile'),
    region: str('region'),
    endpoint: str('endpoint'),
    variables: Object.fromEntries(Object.entries(vars).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >,
    rolloutTimeoutMinutes: c.get<number>('rolloutTimeoutMinutes') ?? 30,
    pollIntervalSeconds: c.get<number>('pollIntervalSeconds') ?? 5,
    logsSince: str('logs.since') ?? '10m',
    logsIntervalSeconds: c.get<number>('logs.intervalSeconds') ?? 2,
    logsOutput: c.get<string>('logs.output') === 'outputChannel' ? 'outputChannel' : 'terminal',
    logsTimeZone: c.get<string>('logs.timeZone') === 'local' ? 'local' : 'utc',
    codeLens: c.get<boolean>('codeLens') ?? true,
  };
}

export class AwsCommandContext implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  private aws: Promise<AwsModule> | undefined;
  private readonly ownsLog: boolean;

  constructor(
    readonly extension: vscode.ExtensionContext,
    private readonly loader: () => Promise<AwsModule>,
    log?: vscode.LogOutputChannel,
  ) {
    this.ownsLog = !log;
    this.log = log ?? vscode.window.createOutputChannel('Shipshape AWS', { log: true });
  }

  /** The AWS SDK and our logic, loaded on the first AWS command only. */
  load(): Promise<AwsModule> {
    this.aws ??= this.loader().catch((err: unknown) => {
      this.aws = undefined;
      throw err;
    });
    return this.aws;
  }

  /**
   * An AWS session for the profile, endpoint and region of the settings. `preferred` (a log group's own
   * region) wins over the region setting, `fallback` (the region a task definition names) does not; with
   * neither nor a setting, the SDK's chain decides. `regionSource` says where the region came from.
   */
  async session(options: { preferred?: Aws.RegionChoice; fallback?: Aws.RegionChoice } = {}): Promise<{
    aws: AwsModule;
    session: Aws.AwsSession;
    settings: AwsSettings;
    region: string;
    regionSource: string;
  }> {
    const settings = readSettings();
    const aws = await this.load();
    const chosen = aws.chooseRegion({ setting: settings.region, ...options });
    const session = aws.createAwsSession({
      profile: settings.profile,
      region: chosen?.region,
      endpoint: settings.endpoint,
    });
    try {
      const region = await session.region();
      return {
        aws,
        session,
        settings,
        region,
        regionSource: chosen?.source ?? aws.regionChainSource(settings.profile),
      };
    } catch (err) {
      session.destroy();
      throw err;
    }
  }

  /** False (after telling the user why) in an untrusted workspace. */
  requireTrust(): boolean {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window
      .showWarningMessage(
        'Shipshape AWS commands are disabled in this untrusted workspace: they ' +
          'act with your AWS credentials and this workspace could redirect them (for example through ' +
          '"shipshape.aws.endpoint"). Trust the workspace to use them.',
        'Manage Workspace Trust',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
      });
    return false;
  }

  /** Log and show an AWS error as a message that says what to do; never a stack. */
  async reportError(err: unknown, ctx: Aws.AwsErrorContext, prefix?: string): Promise<void> {
    let classified: Aws.ClassifiedAwsError;
    try {
      classified = (await this.load()).classifyAwsError(err, {
        ...ctx,
        profile: ctx.profile ?? readSettings().profile,
      });
    } catch {
      classified = { kind: 'unknown', message: String((err as Error)?.message ?? err), detail: '', retryable: false };
    }
    if (classified.kind === 'cancelled') {
      this.log.info('Cancelled.');
      return;
    }
    this.log.error(
      `${prefix ? `${prefix}: ` : ''}${classified.message}${classified.detail ? ` [${classified.detail}]` : ''}`,
    );
    const buttons: string[] = [];
    if (classified.kind === 'region-missing') buttons.push('Select Region');
    if (classified.kind === 'no-credentials' || classified.kind === 'invalid-credentials')
      buttons.push('Select Profile');
    buttons.push('Show Log');
    const choice = await vscode.window.showErrorMessage(
      `${prefix ? `${prefix}: ` : ''}${classified.message}`,
      ...buttons,
    );
    if (choice === 'Select Region') await vscode.commands.executeCommand('shipshape.aws.selectRegion');
    else if (choice === 'Select Profile') await vscode.commands.executeCommand('shipshape.aws.selectProfile');
    else if (choice === 'Show Log') this.log.show(true);
  }

  dispose(): void {
    if (this.ownsLog) this.log.dispose();
  }
}

/** A per-file memory in workspaceState (cluster/service picks, placeholder values). */
export class FileMemory<T> {
  constructor(
    private readonly state: vscode.Memento,
    private readonly key: string,
  ) {}
  get(uri: vscode.Uri | undefined): T | undefined {
    const all = this.state.get<Record<string, T>>(this.key) ?? {};
    return all[uri?.toString() ?? '*'];
  }
  async set(uri: vscode.Uri | undefined, value: T): Promise<void> {
    const all = { ...(this.state.get<Record<string, T>>(this.key) ?? {}) };
    all[uri?.toString() ?? '*'] = value;
    await this.state.update(this.key, all);
  }
}
