// A fake Client for renderer tests: answers each procedure from a handler (or a fixed value), records
// every call, and can push 'vault.status' events like the core does on auto-lock.
import { fireEvent, screen } from '@testing-library/react';
import type { Client } from '../../src/shared/contract/client';
import type { Envelope, ErrorBody } from '../../src/shared/contract/errors';
import type { EventPayload, ProcedureInput, ProcedureName, ProcedureOutput } from '../../src/shared/contract/procedures';
import type { VaultStatus } from '../../src/shared/contract/vault';
import type { Dossier } from '../../src/shared/dossier/schema';
import { monthlyLinesOf } from '../../src/core/services/monthly-lines';
import { debtTotalsOf } from '../../src/core/services/debt-totals';

type Handler<K extends ProcedureName> = (input: ProcedureInput<K>) => ProcedureOutput<K> | FakeError | Promise<ProcedureOutput<K> | FakeError>;
export type Handlers = { [K in ProcedureName]?: Handler<K> };

export class FakeError {
  constructor(readonly body: ErrorBody) {}
}

export function fail(code: ErrorBody['code'], message: string, issues?: ErrorBody['issues']): FakeError {
  return new FakeError({ code, message, ...(issues ? { issues } : {}) });
}

export interface FakeClient extends Client {
  calls: { name: ProcedureName; input: unknown }[];
  callsTo(name: ProcedureName): unknown[];
  emitStatus(status: VaultStatus): void;
  /** Pushes any other core event ('core.status', 'job.progress'). */
  emitEvent(event: string, payload: unknown): void;
  handlers: Handlers;
}

export function status(state: VaultStatus['state'], demo = false): VaultStatus {
  return {
    state,
    vault: state === 'none' ? null : { path: '/kluizen/wijkteam.houvast', name: 'Wijkteam Oost', demo },
    autoLockAt: state === 'unlocked' ? Date.now() + 600_000 : null,
    autoLockMinutes: 10,
    schemaVersion: state === 'none' ? null : 1,
  };
}

export function createFakeClient(handlers: Handlers, initial: VaultStatus = status('none')): FakeClient {
  const calls: { name: ProcedureName; input: unknown }[] = [];
  const listeners = new Set<(s: VaultStatus) => void>();
  /** The last version of each dossier the fake handed out, for the figures the core computes from it. */
  const dossiers = new Map<string, Dossier>();
  const otherListeners = new Map<string, Set<(payload: unknown) => void>>();
  const defaults: Handlers = {
    'vault.status': () => initial,
    // No questions about a dossier unless a test says so.
    'dossier.check': () => ({ warnings: [] }),
    'app.info': () => ({ version: '0.1.0', defaultVaultFolder: '/kluizen', knownVaults: [], demoPassphrase: 'demo-demo-demo' }),
    'session.touch': () => initial,
    // The core's own computation over the dossier the screen was last given (a test may answer otherwise).
    'dossier.monthlyLines': ({ id }) => {
      const dossier = dossiers.get(id);
      return dossier ? monthlyLinesOf(dossier) : fail('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
    },
    'dossier.debtTotals': ({ id }) => {
      const dossier = dossiers.get(id);
      return dossier ? debtTotalsOf(dossier) : fail('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
    },
  };
  const all: Handlers = { ...defaults, ...handlers };
  // The list screen asks for one page (dossier.search). A test that only says which rows exist (a
  // 'dossier.list' handler) gets them paged as asked, in the order given; sorting is the core's job and is
  // tested there and in the browser.
  if (!all['dossier.search']) {
    all['dossier.search'] = async ({ query, status, typeOfHelp, offset = 0, limit = 50 }) => {
      // Looked up per call: a test may set or replace the 'dossier.list' handler later.
      const list = all['dossier.list'];
      if (!list) return fail('INTERNAL', 'Geen fake voor dossier.list of dossier.search');
      const rows = await list({ ...(query ? { query } : {}), ...(status ? { status } : {}), ...(typeOfHelp ? { typeOfHelp } : {}) });
      if (rows instanceof FakeError) return rows;
      return { items: rows.slice(offset, offset + limit), total: rows.length, totalIsLowerBound: false, order: 'asked' as const };
    };
  }
  // dossier.get, saveItem and restoreItem answer a dossier, removeItem { dossier, removed }.
  const remember = (value: unknown) => {
    const d = (isDossier(value) ? value : isDossier((value as { dossier?: unknown } | null)?.dossier) ? (value as { dossier: Dossier }).dossier : null);
    if (d) dossiers.set(d.id, d);
  };
  const client: FakeClient = {
    calls,
    handlers: all,
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.input),
    emitStatus(s) {
      for (const l of listeners) l(s);
    },
    emitEvent(event, payload) {
      for (const l of [...(otherListeners.get(event) ?? [])]) l(payload);
    },
    async tryCall(name, input) {
      calls.push({ name, input });
      const h = all[name] as ((i: unknown) => unknown) | undefined;
      if (!h) return { ok: false, error: { code: 'INTERNAL', message: `Geen fake voor ${name}` } } as Envelope<never>;
      try {
        const value = await h(input);
        if (value instanceof FakeError) return { ok: false, error: value.body } as Envelope<never>;
        remember(value);
        return { ok: true, value } as Envelope<never>;
      } catch (err) {
        if (err instanceof FakeError) return { ok: false, error: err.body } as Envelope<never>;
        throw err;
      }
    },
    async call(name, input) {
      const env = await client.tryCall(name, input);
      if (!env.ok) throw new Error(env.error.message);
      return env.value;
    },
    on(event, listener) {
      if (event !== 'vault.status') {
        let set = otherListeners.get(event);
        if (!set) otherListeners.set(event, (set = new Set()));
        const other = listener as (payload: unknown) => void;
        set.add(other);
        return () => set.delete(other);
      }
      const l = listener as (s: EventPayload<'vault.status'>) => void;
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return client;
}

function isDossier(value: unknown): value is Dossier {
  const d = value as Partial<Dossier> | null;
  return typeof d === 'object' && d !== null && typeof d.id === 'string' && Array.isArray(d.incomes) && Array.isArray(d.expenses);
}

const ITEM_LISTS = { income: 'incomes', expense: 'expenses', debt: 'debts', child: 'children', adult: 'adults', bankAccount: 'bankAccounts' } as const;

/**
 * What the core's dossier.saveItem answers, for fakes: `dossier` with the one item put in place of the item
 * with its id, or appended (with a fresh id) when it has none.
 */
export function withSavedItem(dossier: Dossier, input: ProcedureInput<'dossier.saveItem'>): Dossier {
  const key = ITEM_LISTS[input.kind];
  const list = [...(dossier[key] as { id?: string }[])];
  const item = input.item as { id?: string };
  const at = item.id ? list.findIndex((x) => x.id === item.id) : -1;
  if (at >= 0) list[at] = item;
  else list.push({ ...item, id: item.id ?? `nieuw-${list.length + 1}` });
  return { ...dossier, [key]: list } as Dossier;
}

/** The one dossier.saveItem call a form made; fails when there is not exactly one, or it carries any of `secrets`. */
export function onlySavedItem(client: FakeClient, secrets: readonly string[] = []): ProcedureInput<'dossier.saveItem'> {
  const calls = client.callsTo('dossier.saveItem') as ProcedureInput<'dossier.saveItem'>[];
  if (calls.length !== 1) throw new Error(`dossier.saveItem ${calls.length} keer aangeroepen`);
  if (client.callsTo('dossier.update').length > 0) throw new Error('dossier.update aangeroepen: het hele dossier verstuurd');
  const sent = JSON.stringify(calls[0]);
  for (const s of secrets) if (sent.includes(s)) throw new Error(`dossier.saveItem verstuurt ${s}`);
  return calls[0]!;
}

/**
 * Long work that answers only once it is cancelled: `name` stays pending until job.cancel, which then makes it
 * fail with CANCELLED as the core does (for the progress bar and "Annuleren" of a screen).
 */
export function untilCancelled(name: ProcedureName): Handlers {
  let finish: (value: unknown) => void = () => undefined;
  return {
    [name]: () => new Promise((resolve) => (finish = resolve as (value: unknown) => void)),
    'job.cancel': () => {
      finish(fail('CANCELLED', 'Afgebroken. Er is niets gewijzigd.'));
      return { cancelled: true };
    },
  } as Handlers;
}

/** Types into a field as a user would (one change event with the whole value). */
export function type(el: HTMLElement, value: string): void {
  fireEvent.change(el, { target: { value } });
}

/** From the dossier list: opens the dossier by its list name, waits for its heading and selects a tab. */
export async function openDossierTab(displayName: string, tab: string): Promise<void> {
  fireEvent.click(await screen.findByRole('link', { name: displayName }));
  await screen.findByRole('heading', { level: 1, name: new RegExp(displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  fireEvent.click(screen.getByRole('tab', { name: tab }));
}
