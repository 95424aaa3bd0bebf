// Values typed for `${NAME}` placeholders at deploy time, remembered per file to pre-fill the next deploy.
// They may be anything a task definition holds (an account id, a tag, a token someone put there), so they
// live in VS Code's SecretStorage (the OS keychain), never in workspaceState, a plain file of the
// workspace's storage. Only the structural bits of SecretStorage and Memento are used: no `vscode` import,
// so the unit tests can use it.

export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Where earlier versions kept the values, in plain workspaceState. */
export const LEGACY_PLACEHOLDER_KEY = 'shipshape.aws.placeholderValues';
const PREFIX = 'shipshape.aws.placeholderValues:';

export class PlaceholderValues {
  constructor(
    private readonly secrets: SecretStore,
    private readonly state: StateStore,
  ) {}

  /** Drops what earlier versions kept in workspaceState (there is no way to move it safely: just forget it). */
  async forgetLegacy(): Promise<void> {
    if (this.state.get(LEGACY_PLACEHOLDER_KEY) !== undefined)
      await this.state.update(LEGACY_PLACEHOLDER_KEY, undefined);
  }

  async get(file: string): Promise<Record<string, string>> {
    const raw = await this.secrets.get(PREFIX + file);
    if (!raw) return {};
    try {
      const v = JSON.parse(raw) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'))
        : {};
    } catch {
      return {};
    }
  }

  async set(file: string, values: Record<string, string>): Promise<void> {
    await this.secrets.store(PREFIX + file, JSON.stringify(values));
  }
}
