// Vault settings, stored as key/value JSON in the vault itself (so they travel with it).
import { AppError } from '../../shared/contract/errors';
import { settingsSchema, type Settings } from '../../shared/contract/vault';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ autoLockMinutes: 10, userName: 'Medewerker' });

/** Names of settings for the audit log (no values: a user name is not case data, but keep it short). */
const SETTING_LABELS: Record<keyof Settings, string> = {
  autoLockMinutes: 'Automatisch vergrendelen',
  userName: 'Naam gebruiker',
  organisation: 'Organisatie',
};

/** Optional settings: no default, present in get() only once stored. */
const OPTIONAL_KEYS: readonly (keyof Settings)[] = ['organisation'];

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
  /** Settings given when the vault is created (e.g. the user's name): stored without an audit entry of their own, since the vault.created entry that follows records them. */
  initialise(patch: Partial<Settings>): Settings;
}

export function createSettingsService(
  ctx: ServiceContext,
  deps: { audit: AuditService; onAutoLockMinutes?: (minutes: number) => void },
): SettingsService {
  function get(): Settings {
    const rows = ctx.db().prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (!(key in DEFAULT_SETTINGS) && !OPTIONAL_KEYS.includes(key as keyof Settings)) continue;
      try {
        merged[key] = JSON.parse(value);
      } catch {
        // A damaged value falls back to its default rather than locking the user out of the settings.
      }
    }
    const parsed = settingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    // Keep the valid fields, default the rest.
    const out: Settings = { ...DEFAULT_SETTINGS };
    for (const key of [...Object.keys(DEFAULT_SETTINGS), ...OPTIONAL_KEYS] as (keyof Settings)[]) {
      if (merged[key] === undefined) continue;
      const one = settingsSchema.shape[key].safeParse(merged[key]);
      if (one.success) (out as Record<string, unknown>)[key] = one.data;
    }
    return out;
  }

  return {
    get,
    initialise(patch) {
      const checked = settingsSchema.partial().parse(patch);
      const db = ctx.db();
      const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      db.transaction(() => {
        for (const [key, value] of Object.entries(checked)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
      })();
      return get();
    },
    update(patch) {
      const checked = settingsSchema.partial().safeParse(patch);
      if (!checked.success) {
        throw new AppError('VALIDATION', checked.error.issues[0]?.message ?? 'De instellingen zijn niet geldig. Er is niets gewijzigd.');
      }
      const db = ctx.db();
      const before = get();
      const changed: (keyof Settings)[] = [];
      db.transaction(() => {
        const upsert = db.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        );
        for (const [key, value] of Object.entries(checked.data) as [keyof Settings, unknown][]) {
          if (value === undefined || before[key] === value) continue;
          upsert.run(key, JSON.stringify(value));
          changed.push(key);
        }
        if (changed.length > 0) {
          const after = get();
          deps.audit.append(after.userName, 'settings.changed', null, null, changed.map((k) => SETTING_LABELS[k]).join(', '));
        }
      })();
      const after = get();
      if (changed.includes('autoLockMinutes')) deps.onAutoLockMinutes?.(after.autoLockMinutes);
      return after;
    },
  };
}
