// 023: the key figures of each household, stored (issue 10 §1: budget.batch of 10,000 households in ≤ 2 s).
// Computing them costs 0.15-0.3 ms a household even with V8 fully warmed up (Decimal arithmetic over every line,
// the beslagvrije voet, the VTLB, the entitlement checks), so the office overview of 10,000 households took 2.5-3 s
// on each opening whatever was done to the engine (docs/bench.md, sessions 5-15). Like a spreadsheet keeps its
// computed cells, budget.batch now stores what it computed per dossier and serves it again while nothing it was
// computed from has changed:
// - the household itself (the dossier row, its persons, incomes, expenses and stored budget inputs): every write to
//   one of these tables removes the dossier's row here, in the same transaction, whichever code wrote it;
// - the reference date (`reference_date`: the one it was computed on; `peildatum`: the one saved in the budget
//   inputs then, so the default date of a household is known without reading its inputs);
// - the norm tables and the code that computed it (`basis`: app version, the engine's revision and a hash of the
//   merged norm set; src/core/services/budget-key-figures.ts).
// A row that differs in any of them is computed again. The table is a cache: losing it loses nothing.
import type { Migration } from './types';

/** Tables the budget reads per dossier (dossiers.ts, readBudgetBulk) besides the dossier row, and budget_inputs. */
const HOUSEHOLD_TABLES = ['persons', 'incomes', 'expenses', 'budget_inputs'] as const;

function invalidate(table: string, event: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  const rows = event === 'INSERT' ? ['NEW'] : event === 'DELETE' ? ['OLD'] : ['OLD', 'NEW'];
  const where = rows.map((r) => `dossier_id = ${r}.dossier_id`).join(' OR ');
  return `
      CREATE TRIGGER ${table}_budget_key_figures_${event.toLowerCase()} AFTER ${event} ON ${table}
      BEGIN DELETE FROM budget_key_figures WHERE ${where}; END;`;
}

export const m023BudgetKeyFigures: Migration = {
  version: 23,
  name: '023_budget_key_figures',
  up(db) {
    db.exec(`
      CREATE TABLE budget_key_figures (
        dossier_id TEXT PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
        reference_date TEXT NOT NULL,
        peildatum TEXT,
        basis TEXT NOT NULL,
        item TEXT NOT NULL
      ) WITHOUT ROWID;
      ${HOUSEHOLD_TABLES.flatMap((t) => (['INSERT', 'UPDATE', 'DELETE'] as const).map((e) => invalidate(t, e))).join('\n')}
      CREATE TRIGGER dossiers_budget_key_figures_update AFTER UPDATE ON dossiers
      BEGIN DELETE FROM budget_key_figures WHERE dossier_id = OLD.id OR dossier_id = NEW.id; END;
    `);
  },
};
