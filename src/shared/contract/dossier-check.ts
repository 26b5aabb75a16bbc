// dossier.check (issue 10 §5, "edit what changed"): the questions asked before saving read only birth dates, the
// adults' BSNs and the status dates. So only those cross, and of an edited dossier only for the persons that changed:
// a person the form did not touch is named by its id and the core reads it from the vault. The objects are strict, so
// a whole dossier (names, addresses, IBANs, every BSN) sent where these few facts are meant is refused.
import { z } from 'zod';
import { adultSchema, childSchema, statusDatesSchema } from '../dossier/schema';

const itemId = z.string().min(1).max(64);

/** A stored person the form did not change: the core reads it from the dossier `id`. */
export const storedPersonRef = z.object({ id: itemId }).strict();
/** A changed or new adult: what the questions read of it (birth date, BSN). */
export const checkedAdult = adultSchema.pick({ birthDate: true, bsn: true }).strict();
/** A changed or new child: its birth date. */
export const checkedChild = childSchema.pick({ birthDate: true }).strict();

export const dossierCheckIn = z
  .object({
    /** The dossier being edited; absent for a new one (then every person is sent). */
    id: itemId.optional(),
    /** In the form's order: the warnings' paths ("adults.1.bsn") index into these lists. */
    adults: z.array(z.union([storedPersonRef, checkedAdult])).min(1).max(2),
    children: z.array(z.union([storedPersonRef, checkedChild])).max(20),
    /** Absent: the stored dates (an edit that left them alone), or none (a new dossier). */
    statusDates: statusDatesSchema.partial().optional(),
  })
  .strict();
export type DossierCheckIn = z.output<typeof dossierCheckIn>;
