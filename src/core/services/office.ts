// The office on documents (name, address, logo), stored as two settings rows in the vault: "office" (JSON) and
// "officeLogo" (JSON with the image as base64). The logo is checked by its bytes, not only by its declared type.
import { AppError } from '../../shared/contract/errors';
import { EMPTY_OFFICE, LOGO_MAX_BYTES, officeSchema, officeUpdate, type Logo, type OfficeOut, type OfficeUpdate } from '../../shared/contract/office';
import { logoSchema } from '../../shared/contract/office';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';

export interface OfficeService {
  get(): OfficeOut;
  update(patch: OfficeUpdate, actor: string): OfficeOut;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** Throws a Dutch VALIDATION error unless the bytes are a PNG or JPEG of the declared type within the size limit. */
export function checkLogo(logo: Logo): void {
  const bytes = Buffer.from(logo.data, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Het logo is leeg. Er is niets gewijzigd.');
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new AppError('VALIDATION', `Het logo is te groot (${Math.ceil(bytes.length / 1024)} kB; hoogstens ${LOGO_MAX_BYTES / 1024} kB). Er is niets gewijzigd.`);
  }
  const magic = logo.mime === 'image/png' ? PNG : JPEG;
  if (!magic.every((b, i) => bytes[i] === b)) {
    throw new AppError('VALIDATION', 'Het logo is geen PNG- of JPEG-afbeelding. Er is niets gewijzigd.');
  }
}

export function createOfficeService(ctx: ServiceContext, deps: { audit: AuditService }): OfficeService {
  const read = (key: string): unknown => {
    const row = ctx.db().prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      return undefined;
    }
  };
  function get(): OfficeOut {
    const office = officeSchema.safeParse({ ...EMPTY_OFFICE, ...(read('office') as object | undefined) });
    const logo = logoSchema.safeParse(read('officeLogo'));
    return { ...(office.success ? office.data : EMPTY_OFFICE), logo: logo.success ? logo.data : null };
  }
  return {
    get,
    update(patch, actor) {
      const checked = officeUpdate.safeParse(patch);
      if (!checked.success) {
        throw new AppError('VALIDATION', checked.error.issues[0]?.message ?? 'De kantoorgegevens zijn niet geldig. Er is niets gewijzigd.');
      }
      const { logo, ...fields } = checked.data;
      if (logo) checkLogo(logo);
      const db = ctx.db();
      db.transaction(() => {
        const before = get();
        const { logo: _old, ...beforeFields } = before;
        const next = { ...beforeFields, ...fields };
        const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
        upsert.run('office', JSON.stringify(next));
        if (logo === null) db.prepare("DELETE FROM settings WHERE key = 'officeLogo'").run();
        else if (logo) upsert.run('officeLogo', JSON.stringify(logo));
        deps.audit.append(actor, 'settings.changed', null, null, logo !== undefined ? 'Kantoorgegevens en logo' : 'Kantoorgegevens');
      })();
      return get();
    },
  };
}
