// Saving an edited dossier item by item (issue 10 §5): only what changed crosses to the core, never the whole
// dossier with every BSN and IBAN. Each save names the stamp of the item as this form read it, so a change made
// meanwhile in another window is refused (CONFLICT) instead of overwritten.
import type { ProcedureInput } from '../../../shared/contract/procedures';
import { dossierDataSchema, type Dossier, type DossierData } from '../../../shared/dossier/schema';
import { detailsOf, detailsStamp, itemStamp, sameContent } from '../../../shared/dossier/stamp';
import type { CallFn } from '../../state/session';
import { fromFormValues, toFormValues } from './model';

type Kind = 'adult' | 'child' | 'bankAccount';
const LISTS: readonly [Kind, 'adults' | 'children' | 'bankAccounts'][] = [
  ['adult', 'adults'],
  ['child', 'children'],
  ['bankAccount', 'bankAccounts'],
];

/**
 * Sends the household details if they changed, then per list the removed items, the changed ones and the new
 * ones (in that order, so a partner replaced by another never makes three adults). Returns the dossier as the
 * core has it after the last save, or `before` when nothing changed.
 */
export async function saveChanges(call: CallFn, before: Dossier, data: DossierData): Promise<Dossier> {
  let current = before;
  const id = before.id;
  const baseline = baselineOf(before);
  if (!sameContent(detailsOf(data), detailsOf(baseline))) {
    current = await call('dossier.saveDetails', { id, details: detailsOf(data), stamp: detailsStamp(before) });
  }
  for (const [kind, list] of LISTS) {
    const old = before[list] as { id?: string }[];
    const untouched = baseline[list] as { id?: string }[];
    const next = data[list] as { id?: string }[];
    const kept = new Set(next.map((x) => x.id).filter(Boolean));
    for (const item of old) {
      if (item.id && !kept.has(item.id)) {
        current = (await call('dossier.removeItem', { id, kind, itemId: item.id, stamp: itemStamp(item) })).dossier;
      }
    }
    for (const item of next) {
      const was = item.id ? old.find((x) => x.id === item.id) : undefined;
      if (was && sameContent(item, untouched.find((x) => x.id === item.id))) continue;
      const saved = { id, kind, item, ...(was ? { stamp: itemStamp(was) } : {}) } as ProcedureInput<'dossier.saveItem'>;
      current = await call('dossier.saveItem', saved);
    }
  }
  return current;
}

/**
 * What the form would send for the stored dossier untouched (its own defaults and conventions): "changed" means
 * different from this, so an item the user did not touch is never sent.
 */
function baselineOf(before: Dossier): DossierData {
  const parsed = dossierDataSchema.safeParse(fromFormValues(toFormValues(before), before));
  return parsed.success ? parsed.data : before;
}

/**
 * The questions before saving (dossier.check) get only what they read: per person its birth date (and an adult's
 * BSN) when it is new or changed, else only its id (the core reads it from the vault); the status dates when they
 * changed. In the form's order, so the warnings' paths point at the form's fields. A new dossier sends every person.
 */
export function checkInput(before: Dossier | undefined, data: DossierData): ProcedureInput<'dossier.check'> {
  const baseline = before ? baselineOf(before) : undefined;
  const untouched = <T extends { id?: string | undefined }>(item: T, list: readonly T[] | undefined): item is T & { id: string } =>
    !!item.id && !!list && sameContent(item, list.find((x) => x.id === item.id));
  return {
    ...(before ? { id: before.id } : {}),
    adults: data.adults.map((a) => (untouched(a, baseline?.adults) ? { id: a.id } : { birthDate: a.birthDate, ...(a.bsn ? { bsn: a.bsn } : {}) })),
    children: data.children.map((c) => (untouched(c, baseline?.children) ? { id: c.id } : { birthDate: c.birthDate })),
    ...(baseline && sameContent(data.statusDates, baseline.statusDates) ? {} : { statusDates: data.statusDates }),
  };
}
