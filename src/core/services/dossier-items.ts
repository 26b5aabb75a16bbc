// Item-level edits of a dossier: add or edit one item, remove one income, expense, debt, person or bank account, and put a removed
// one back (the undo). Only that one item crosses the contract, never the whole dossier with every BSN and
// IBAN. Both go through the dossier service's update, so the same checks apply and the logboek records the
// change per item and field (dossier-changes.ts).
import { AppError } from '../../shared/contract/errors';
import { dossierDataSchema, type Dossier, type DossierData } from '../../shared/dossier/schema';
import { detailsStamp, itemStamp, type DossierDetails } from '../../shared/dossier/stamp';
import type { ItemKind } from './dossier-changes';
import type { DossierService } from './dossiers';

export type RemovableItem =
  | { kind: 'income'; item: Dossier['incomes'][number] }
  | { kind: 'expense'; item: Dossier['expenses'][number] }
  | { kind: 'debt'; item: Dossier['debts'][number] }
  | { kind: 'child'; item: Dossier['children'][number] }
  | { kind: 'adult'; item: Dossier['adults'][number] }
  | { kind: 'bankAccount'; item: Dossier['bankAccounts'][number] };

const LIST: Record<ItemKind, keyof Pick<DossierData, 'incomes' | 'expenses' | 'debts' | 'children' | 'adults' | 'bankAccounts'>> = {
  income: 'incomes',
  expense: 'expenses',
  debt: 'debts',
  child: 'children',
  adult: 'adults',
  bankAccount: 'bankAccounts',
};

/** One item to add (no id) or to edit (the id it has), as the contract parsed it. */
export type SavedItem =
  | { kind: 'income'; item: DossierData['incomes'][number] }
  | { kind: 'expense'; item: DossierData['expenses'][number] }
  | { kind: 'debt'; item: DossierData['debts'][number] }
  | { kind: 'child'; item: DossierData['children'][number] }
  | { kind: 'adult'; item: DossierData['adults'][number] }
  | { kind: 'bankAccount'; item: DossierData['bankAccounts'][number] };

export interface DossierItemsService {
  /** `stamp`: the edited item's stamp as read; a different stored item (changed in another window) is refused. */
  save(dossierId: string, saved: SavedItem, stamp?: string): Dossier;
  remove(dossierId: string, kind: ItemKind, itemId: string, stamp?: string): { dossier: Dossier; removed: RemovableItem & { index: number } };
  /** The household details alone (no persons, no accounts); refused when `stamp` is not that of the stored details. */
  saveDetails(dossierId: string, details: DossierDetails, stamp?: string): Dossier;
  restore(dossierId: string, removed: RemovableItem & { index: number }): Dossier;
}

/** What the user is told when an item changed in another window since it was read. */
const CHANGED_MEANWHILE: Record<ItemKind | 'details', string> = {
  adult: 'Deze volwassene is',
  child: 'Dit kind is',
  bankAccount: 'Deze bankrekening is',
  income: 'Dit inkomen is',
  expense: 'Deze uitgave is',
  debt: 'Deze schuld is',
  details: 'De gegevens van het huishouden zijn',
};

/** Refuses (CONFLICT) a save whose stamp is not the stamp of what is stored now. */
function assertCurrent(what: ItemKind | 'details', stored: string, stamp: string | undefined): void {
  if (stamp === undefined || stamp === stored) return;
  throw new AppError('CONFLICT', `${CHANGED_MEANWHILE[what]} intussen gewijzigd (bijvoorbeeld in een ander venster); laad het dossier opnieuw. Er is niets gewijzigd.`);
}

function dataOf(d: Dossier): DossierData {
  const { id: _id, createdAt: _c, updatedAt: _u, ...data } = d;
  return data;
}

export function createDossierItemsService(deps: { dossiers: DossierService }): DossierItemsService {
  return {
    save(dossierId, saved, stamp) {
      const dossier = deps.dossiers.read(dossierId);
      const key = LIST[saved.kind];
      const list = [...(dossier[key] as { id?: string }[])];
      const itemId = saved.item.id;
      let index = list.length;
      if (itemId) {
        index = list.findIndex((x) => x.id === itemId);
        if (index < 0) throw new AppError('NOT_FOUND', 'Dit onderdeel staat niet (meer) in het dossier. Er is niets gewijzigd.');
        assertCurrent(saved.kind, itemStamp(list[index]), stamp);
        list[index] = saved.item;
      } else list.push(saved.item);
      // Issues on this item come back as "item.<field>" so the form can put them beside its field.
      const at = `${key}.${index}.`;
      const onItem = (path: string) => (path.startsWith(at) ? `item.${path.slice(at.length)}` : path);
      // The whole-dossier rules (one aanvrager, at most two adults, no BSN twice) hold after this item too.
      const checked = dossierDataSchema.safeParse({ ...dataOf(dossier), [key]: list });
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => ({ path: onItem(i.path.join('.')), message: i.message }));
        throw new AppError('VALIDATION', `${issues[0]?.message ?? 'Dit onderdeel past niet in het dossier.'} Er is niets gewijzigd.`, issues);
      }
      try {
        return deps.dossiers.update(dossierId, checked.data);
      } catch (err) {
        if (err instanceof AppError && err.issues) {
          throw new AppError(err.code, err.message, err.issues.map((i) => ({ ...i, path: onItem(i.path.replace(/^data\./, '')) })));
        }
        throw err;
      }
    },
    saveDetails(dossierId, details, stamp) {
      const dossier = deps.dossiers.read(dossierId);
      assertCurrent('details', detailsStamp(dossier), stamp);
      const checked = dossierDataSchema.safeParse({ ...dataOf(dossier), ...details });
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('VALIDATION', `${issues[0]?.message ?? 'Deze gegevens passen niet in het dossier.'} Er is niets gewijzigd.`, issues);
      }
      return deps.dossiers.update(dossierId, checked.data);
    },
    remove(dossierId, kind, itemId, stamp) {
      const dossier = deps.dossiers.read(dossierId);
      const list = dossier[LIST[kind]] as { id?: string }[];
      const index = list.findIndex((x) => x.id === itemId);
      if (index < 0) throw new AppError('NOT_FOUND', 'Dit onderdeel staat niet (meer) in het dossier. Er is niets gewijzigd.');
      const item = list[index]!;
      assertCurrent(kind, itemStamp(item), stamp);
      if (kind === 'adult' && (item as { role?: string }).role === 'aanvrager') {
        throw new AppError('VALIDATION', 'De aanvrager kan niet worden verwijderd: een dossier heeft altijd een aanvrager. Er is niets gewijzigd.');
      }
      const data = { ...dataOf(dossier), [LIST[kind]]: list.filter((_, i) => i !== index) } as DossierData;
      const updated = deps.dossiers.update(dossierId, data);
      return { dossier: updated, removed: { kind, item, index } as RemovableItem & { index: number } };
    },
    restore(dossierId, removed) {
      const dossier = deps.dossiers.read(dossierId);
      const list = [...(dossier[LIST[removed.kind]] as { id?: string }[])];
      if (removed.item.id && list.some((x) => x.id === removed.item.id)) {
        throw new AppError('VALIDATION', 'Dit onderdeel staat al in het dossier. Er is niets gewijzigd.');
      }
      list.splice(Math.min(Math.max(0, removed.index), list.length), 0, removed.item);
      // The whole-dossier rules (one aanvrager, at most two adults, no BSN twice) hold after the undo too.
      const checked = dossierDataSchema.safeParse({ ...dataOf(dossier), [LIST[removed.kind]]: list });
      if (!checked.success) {
        const message = checked.error.issues[0]?.message ?? 'Dit onderdeel past niet meer in het dossier.';
        throw new AppError('VALIDATION', `${message} Er is niets teruggezet.`);
      }
      return deps.dossiers.update(dossierId, checked.data);
    },
  };
}
