// The office (kantoor) printed on documents for others: name, address and an optional logo (PNG or JPEG,
// size-limited), kept in the vault's settings so it travels with the vault.
import { z } from 'zod';
import { postcode } from '../dossier/schema';

/** Largest logo accepted, in bytes of the image file. */
export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MIMES = ['image/png', 'image/jpeg'] as const;
export type LogoMime = (typeof LOGO_MIMES)[number];

const text = (max: number) => z.string().trim().max(max, { message: `Maximaal ${max} tekens.` });
const base64 = z
  .string()
  .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4, { message: `Het logo is te groot (hoogstens ${LOGO_MAX_BYTES / 1024} kB).` })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Het logo is geen geldig afbeeldingsbestand.' });

export const logoSchema = z.object({
  mime: z.enum(LOGO_MIMES, { message: 'Het logo moet een PNG- of JPEG-afbeelding zijn.' }),
  /** The image file, base64. */
  data: base64,
});
export type Logo = z.infer<typeof logoSchema>;

export const officeSchema = z.object({
  name: text(200),
  /** Street and number, one line. */
  address: text(200),
  postcode: z.union([z.literal(''), postcode]),
  city: text(100),
  phone: text(40),
  email: z.union([z.literal(''), z.email({ message: 'Vul een geldig e-mailadres in.' })]),
});
export type Office = z.infer<typeof officeSchema>;

export const officeOut = officeSchema.extend({ logo: logoSchema.nullable() });
export type OfficeOut = z.infer<typeof officeOut>;

/** Update: every field optional; `logo: null` removes it, absent keeps it. */
export const officeUpdate = officeSchema.partial().extend({ logo: logoSchema.nullable().optional() });
export type OfficeUpdate = z.infer<typeof officeUpdate>;

export const EMPTY_OFFICE: Office = { name: '', address: '', postcode: '', city: '', phone: '', email: '' };
