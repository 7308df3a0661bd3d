/**
 * A chat platform's app installations (OAuth grants), kept as the platform gave them: JSON
 * by key. The chat adapter decides the keys and reads the fields; the store only keeps
 * them, every lookup by key.
 */
export type InstallationJson = Readonly<Record<string, unknown>>;

export interface ChatInstallations {
  read(key: string): Promise<InstallationJson | undefined>;
  /** Replaces what the key held; the latest write is the newest installation. */
  write(key: string, installation: InstallationJson): Promise<void>;
  remove(key: string): Promise<void>;
  /** Removes every key that starts with `prefix`. */
  removeStartingWith(prefix: string): Promise<void>;
  /** The key written most recently, if any. */
  latestKey(): Promise<string | undefined>;
}
