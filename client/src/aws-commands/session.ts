// The AWS status bar item (profile and region) and the commands that switch them.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { profileRegion } from '../aws/config';
import { parseTaskDefinitionText, taskDefinitionRegion } from '../aws/taskdef';
import { type AwsCommandContext, readSettings } from './context';

function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export class SessionCommands implements vscode.Disposable {
  private readonly status: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly ctx: AwsCommandContext) {
    this.status = vscode.window.createStatusBarItem('shipshape.aws.session', vscode.StatusBarAlignment.Right, 90);
    this.status.name = 'Shipshape AWS Profile and Region';
    this.status.command = 'shipshape.aws.switchSession';
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('shipshape.aws')) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    );
    this.refresh();
  }

  /** Shown while a task definition is open or once any AWS setting is set; never reads credentials. */
  refresh(): void {
    const s = readSettings();
    const doc = vscode.window.activeTextEditor?.document;
    const relevant =
      !!(s.profile || s.region || s.endpoint) ||
      (doc?.languageId === 'json' && /"containerDefinitions"\s*:/.test(doc.getText()));
    if (!relevant) {
      this.status.hide();
      return;
    }
    const profile = s.profile ?? process.env.AWS_PROFILE ?? 'default';
    const region = this.regionFor(profile, doc);
    this.status.text = `$(cloud) ${profile} · ${region?.region ?? 'no region'}${s.endpoint ? ' · endpoint' : ''}`;
    this.status.tooltip = new vscode.MarkdownString(
      `**Shipshape AWS**\n\nProfile: \`${profile}\`${s.profile ? '' : ' (default chain)'}\n\nRegion: ` +
        (region
          ? `\`${region.region}\` (from ${region.source})`
          : 'none set: choose one, or set `AWS_REGION` or a `region` in the profile') +
        `${s.endpoint ? `\n\nEndpoint: \`${s.endpoint}\`` : ''}` +
        `${vscode.workspace.isTrusted ? '' : '\n\nDisabled: the workspace is not trusted.'}\n\nClick to switch.`,
    );
    this.status.show();
  }

  /**
   * The region a deploy of the active file would use, and where it comes from, in the order the commands
   * use: the setting, the region the task definition names, AWS_REGION, the profile's `region`.
   */
  private regionFor(
    profile: string,
    doc: vscode.TextDocument | undefined,
  ): { region: string; source: string } | undefined {
    const s = readSettings();
    if (s.region) return { region: s.region, source: 'the setting shipshape.aws.region' };
    if (doc?.languageId === 'json' || doc?.languageId === 'jsonc') {
      const hint = taskDefinitionRegion(parseTaskDefinitionText(doc.getText()).value);
      if (hint) return { region: hint.region, source: `${hint.source} in this file` };
    }
    const env = process.env.AWS_REGION?.trim();
    if (env) return { region: env, source: 'AWS_REGION' };
    const config = readIfExists(process.env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config'));
    const fromProfile = profileRegion(config, profile);
    return fromProfile ? { region: fromProfile, source: `profile ${profile}` } : undefined;
  }

  async switchSession(): Promise<void> {
    const s = readSettings();
    const pick = await vscode.window.showQuickPick(
      [
        {
          label: '$(account) Select AWS Profile…',
          description: s.profile ?? 'default chain',
          command: 'shipshape.aws.selectProfile',
        },
        {
          label: '$(globe) Select AWS Region…',
          description: s.region ?? 'from the profile',
          command: 'shipshape.aws.selectRegion',
        },
        { label: '$(output) Show AWS Log', description: '', command: 'shipshape.aws.showLog' },
      ],
      { title: 'Shipshape AWS' },
    );
    if (pick) await vscode.commands.executeCommand(pick.command);
  }

  async selectProfile(): Promise<void> {
    const aws = await this.ctx.load();
    const home = os.homedir();
    const config = readIfExists(process.env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'));
    const credentials = readIfExists(process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'));
    const current = readSettings().profile;
    const items = [
      {
        label: '$(circle-slash) Default credential chain',
        description: 'AWS_PROFILE, environment variables, then "default"',
        profile: '',
      },
      ...aws
        .listProfiles(config, credentials)
        .map((p) => ({ label: p, description: p === current ? 'current' : '', profile: p })),
    ];
    const pick = await vscode.window.showQuickPick(items, {
      title: 'AWS profile for Shipshape',
      placeHolder:
        items.length === 1
          ? 'No profile in ~/.aws/config: run "aws configure" or "aws configure sso"'
          : 'Profiles from ~/.aws/config and ~/.aws/credentials',
    });
    if (!pick) return;
    await vscode.workspace
      .getConfiguration('shipshape.aws')
      .update('profile', pick.profile || undefined, settingsTarget());
    this.ctx.log.info(`AWS profile: ${pick.profile || 'default chain'}.`);
  }

  async selectRegion(): Promise<void> {
    const aws = await this.ctx.load();
    const current = readSettings().region;
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { region: string }>();
    const base = [
      { label: '$(circle-slash) From the profile or AWS_REGION', description: '', region: '' },
      ...aws.COMMON_REGIONS.map((r) => ({ label: r, description: r === current ? 'current' : '', region: r })),
    ];
    qp.title = 'AWS region for Shipshape';
    qp.placeholder = 'Pick or type a region code';
    qp.items = base;
    qp.onDidChangeValue((v) => {
      const typed = v.trim();
      qp.items =
        /^[a-z]{2}(-[a-z]+)+-\d$/.test(typed) && !aws.COMMON_REGIONS.includes(typed)
          ? [{ label: typed, description: 'typed', region: typed }, ...base]
          : base;
    });
    const region = await new Promise<string | undefined>((resolve) => {
      qp.onDidAccept(() => {
        resolve(qp.selectedItems[0]?.region);
        qp.hide();
      });
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
    qp.dispose();
    if (region === undefined) return;
    await vscode.workspace.getConfiguration('shipshape.aws').update('region', region || undefined, settingsTarget());
    this.ctx.log.info(`AWS region: ${region || 'from the profile'}.`);
  }

  dispose(): void {
    this.status.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
