// Norm tables: the bundled files (resources/norms, read once) merged with the norm files a user imported or
// entered by hand, which live in the vault (user_norm_files). A user file is validated whole before anything
// is stored, and its periods are always marked origin "user" wherever they are used.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  buildNormSet,
  describeCoverage,
  figureLabel,
  NORM_FORMAT,
  NORM_GROUP_LABELS,
  NORM_GROUPS,
  NORM_VERSION,
  validateNormData,
  type NormFile,
  type NormGroup,
  type NormSet,
  type NormStatus,
} from '../../shared/budget';
import type { addNormPeriodInput, normsListOut, normsStoredOut } from '../../shared/contract/budget';
import { AppError } from '../../shared/contract/errors';
import { capIssues } from '../../shared/strict-json';
import { formatNlDate, isoDateOf } from '../../shared/dates';
import { Money } from '../../shared/money';
import { loadBundledNormFiles, NormFileError, validateNormFile } from '../norms/load';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';

export type NormsList = z.output<typeof normsListOut>;
export type NormsStored = z.output<typeof normsStoredOut>;
export type AddNormPeriod = z.output<typeof addNormPeriodInput>;
type NormChange = NonNullable<NormsStored['changes']>[number];

/** "1419.46" → "1.419,46", keeping every decimal of a table figure. */
function nlDecimalText(s: string): string {
  const [int = '', frac] = s.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac !== undefined ? `,${frac}` : '');
}

export interface UserNormFile {
  id: string;
  file: NormFile;
  source: string;
  importedAt: number;
}

export interface NormsService {
  /** Bundled files followed by the vault's user files (oldest first, so a later import wins). */
  normSet(): Promise<NormSet>;
  list(): Promise<NormsList>;
  /** Validate a norm file (JSON text or parsed) and store it; VALIDATION with every reason otherwise. */
  import(file: unknown): Promise<NormsStored>;
  /** A period entered by hand, stored as a one-period user file. */
  addPeriod(input: AddNormPeriod): Promise<NormsStored>;
  /** Remove a user norm file; NOT_FOUND when there is none with this id. Stored budget plans keep their text. */
  removeUserFile(id: string): { removed: true };
}

interface UserNormRow {
  id: string;
  norm_group: string;
  content: string;
  source: string;
  imported_at: number;
}

/** Reads resources/norms once per process; an invalid bundled file is a packaging error, not user input. */
export function bundledNormsLoader(resourcesDir: string): () => Promise<NormFile[]> {
  let cached: Promise<NormFile[]> | null = null;
  return () => {
    if (!cached) {
      cached = loadBundledNormFiles(resourcesDir).catch((err: unknown) => {
        cached = null;
        throw err;
      });
    }
    return cached;
  };
}

function rejectFile(reasons: string[], path: string): never {
  const n = reasons.length;
  throw new AppError(
    'VALIDATION',
    `Het normbestand is niet geldig (${n} ${n === 1 ? 'fout' : 'fouten'}). Er is niets opgeslagen.`,
    // All counted in the message; the first 100 listed, then how many more (as for a dossier import).
    capIssues(reasons.map((message) => ({ path, message }))),
  );
}

export function createNormsService(
  ctx: ServiceContext,
  deps: { bundled: () => Promise<NormFile[]>; audit: AuditService; actor(): string },
): NormsService {
  async function bundled(): Promise<NormFile[]> {
    try {
      return await deps.bundled();
    } catch (err) {
      if (err instanceof NormFileError) {
        ctx.logger.error('norms.bundled_invalid', { file: err.file });
        throw new AppError('INTERNAL', `De meegeleverde normtabel ${err.file} is ongeldig. Installeer Houvast opnieuw.`);
      }
      throw err;
    }
  }

  function userFiles(): UserNormFile[] {
    const rows = ctx.db().prepare('SELECT id, norm_group, content, source, imported_at FROM user_norm_files ORDER BY imported_at, rowid').all() as UserNormRow[];
    const out: UserNormFile[] = [];
    for (const r of rows) {
      // Stored files were validated on the way in; re-check so a damaged row can never feed a calculation.
      const v = validateNormData(JSON.parse(r.content));
      if (!v.ok) {
        ctx.logger.warn('norms.user_file_invalid', { id: r.id });
        continue;
      }
      out.push({ id: r.id, file: { ...v.file, origin: 'user' }, source: r.source, importedAt: r.imported_at });
    }
    return out;
  }

  // budget.get runs on every screen change: keep the merged NormSet per open database (a lock, vault switch or
  // restore opens a new handle) and drop it when this service stores or removes a user file, the only writers.
  let cachedSet: { db: unknown; set: Promise<NormSet> } | null = null;
  function cachedNormSet(): Promise<NormSet> {
    const db = ctx.db();
    if (cachedSet?.db !== db) {
      const set = normSetWith();
      cachedSet = { db, set };
      set.catch(() => {
        if (cachedSet?.set === set) cachedSet = null;
      });
    }
    return cachedSet.set;
  }

  async function normSetWith(extra: NormFile[] = []): Promise<NormSet> {
    return buildNormSet([...(await bundled()), ...userFiles().map((u) => u.file), ...extra]);
  }

  /** Per period of the file: new or replacing, and which figures change (old → new), are added or removed. */
  function changesOf(before: NormSet, after: NormSet, file: NormFile): NormChange[] {
    const old = before[file.group];
    const table = after[file.group];
    return Object.keys(file.periods)
      .sort()
      .map((start) => {
        const prev = old?.periods.find((p) => p.start === start) ?? null;
        const next = file.periods[start]!.figures;
        const label = (name: string) => figureLabel(table ?? old, name);
        const changed: NormChange['changed'] = [];
        const added: NormChange['added'] = [];
        const removed: NormChange['removed'] = [];
        let unchanged = 0;
        for (const [name, value] of Object.entries(next)) {
          const was = prev?.figures[name];
          if (!prev) continue;
          if (was === undefined) added.push({ name, label: label(name), value });
          else if (new Money(was).equals(new Money(value))) unchanged += 1;
          else changed.push({ name, label: label(name), from: was, to: value });
        }
        if (prev) for (const [name, value] of Object.entries(prev.figures)) if (next[name] === undefined) removed.push({ name, label: label(name), value });
        return { periodStart: start, kind: prev ? 'vervangt' : 'nieuw', replacedOrigin: prev?.origin ?? null, changed, added, removed, unchanged } as NormChange;
      });
  }

  function summarize(group: NormGroup, c: NormChange): string {
    const g = NORM_GROUP_LABELS[group];
    if (c.kind === 'nieuw') return `${g}: nieuwe periode vanaf ${formatNlDate(c.periodStart)}.`;
    const parts = [
      `${c.changed.length} ${c.changed.length === 1 ? 'bedrag gewijzigd' : 'bedragen gewijzigd'}`,
      ...(c.added.length > 0 ? [`${c.added.length} toegevoegd`] : []),
      ...(c.removed.length > 0 ? [`${c.removed.length} niet meer in de nieuwe periode`] : []),
      `${c.unchanged} gelijk gebleven`,
    ];
    const detail = c.changed.map((x) => `${x.label}: ${nlDecimalText(x.from)} → ${nlDecimalText(x.to)}`).join('; ');
    return (
      `${g}: vervangt de periode vanaf ${formatNlDate(c.periodStart)} (${c.replacedOrigin === 'user' ? 'eerder ingevoerd' : 'meegeleverd met Houvast'}); ` +
      `${parts.join(', ')}.` +
      (detail ? ` ${detail}.` : '')
    );
  }

  /** Figures a neighbouring period of the group has that the new periods lack (likely forgotten). */
  function absentFigures(set: NormSet, file: NormFile): string[] {
    const table = set[file.group];
    if (!table) return [];
    const absent = new Set<string>();
    for (const start of Object.keys(file.periods)) {
      const i = table.periods.findIndex((p) => p.start === start);
      const neighbour = table.periods[i - 1] ?? table.periods[i + 1];
      if (i < 0 || !neighbour) continue;
      const mine = table.periods[i]!;
      const listed = mine.missing.map((m) => m.split(' ')[0]!);
      for (const name of Object.keys(neighbour.figures)) {
        if (mine.figures[name] !== undefined) continue;
        if (listed.some((m) => name === m || name.startsWith(`${m}.`))) continue;
        absent.add(name);
      }
    }
    return [...absent].sort();
  }

  async function store(file: NormFile, detail: string): Promise<NormsStored> {
    const userFile: NormFile = { ...file, origin: 'user' };
    const before = await normSetWith();
    const set = await normSetWith([userFile]);
    const changes = changesOf(before, set, userFile);
    const id = randomUUID();
    const db = ctx.db();
    db.transaction(() => {
      db.prepare('INSERT INTO user_norm_files (id, norm_group, content, source, imported_at, origin) VALUES (?, ?, ?, ?, ?, ?)').run(
        id,
        userFile.group,
        JSON.stringify(userFile),
        userFile.source.join('\n'),
        ctx.clock.now(),
        'user',
      );
      deps.audit.append(deps.actor(), 'norms.imported', null, null, detail);
    })();
    cachedSet = null;
    return {
      id,
      group: userFile.group,
      periodStarts: Object.keys(userFile.periods).sort(),
      absentFigures: absentFigures(set, userFile),
      changes,
      summary: changes.map((c) => summarize(userFile.group, c)),
    };
  }

  function removeUserFile(id: string): { removed: true } {
    const db = ctx.db();
    const row = db.prepare('SELECT norm_group, content FROM user_norm_files WHERE id = ?').get(id) as
      | { norm_group: string; content: string }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Dit normbestand bestaat niet (meer). Vernieuw de lijst met normen.');
    const group = row.norm_group as NormGroup;
    let starts: string[] = [];
    try {
      starts = Object.keys((JSON.parse(row.content) as { periods?: Record<string, unknown> }).periods ?? {}).sort();
    } catch {
      // A damaged row is removed all the same; the audit entry then names only the group.
    }
    db.transaction(() => {
      db.prepare('DELETE FROM user_norm_files WHERE id = ?').run(id);
      const label = NORM_GROUP_LABELS[group] ?? group;
      const detail = starts.length > 0 ? `Normtabel ${label} verwijderd (perioden vanaf ${starts.join(', ')})` : `Normtabel ${label} verwijderd`;
      deps.audit.append(deps.actor(), 'norms.removed', null, null, detail);
    })();
    cachedSet = null;
    return { removed: true };
  }

  return {
    normSet: () => cachedNormSet(),
    removeUserFile,

    async list() {
      const users = userFiles();
      const set = buildNormSet([...(await bundled()), ...users.map((u) => u.file)]);
      // Same precedence as buildNormSet: the last file with a period start wins.
      const fromUser = new Map<string, string>();
      for (const u of users) for (const start of Object.keys(u.file.periods)) fromUser.set(`${u.file.group}@${start}`, u.id);
      const today = isoDateOf(ctx.clock.now());
      const groups = NORM_GROUPS.flatMap((group) => {
        const table = set[group];
        if (!table) return [];
        return [
          {
            group,
            label: NORM_GROUP_LABELS[group],
            title: table.title,
            unit: table.unit,
            indexationDates: [...table.indexationDates],
            source: [...table.source],
            coverage: describeCoverage(table),
            periods: table.periods.map((p) => ({
              start: p.start,
              end: p.end,
              status: p.status,
              origin: p.origin,
              source: [...p.source],
              figures: Object.entries(p.figures).map(([name, value]) => ({
                name,
                label: figureLabel(table, name),
                value,
                status: (p.figureStatus[name] ?? p.status) as NormStatus,
              })),
              // "key (why)" in the tables: the key in Dutch words, as every figure (issue 7: no internal keys on screen).
              missing: p.missing.map((m) => {
                const [key = '', ...why] = m.split(' ');
                return [figureLabel(table, key), ...why].join(' ');
              }),
              notes: [...p.notes],
              userFileId: p.origin === 'user' ? (fromUser.get(`${group}@${p.start}`) ?? null) : null,
              current: p.start <= today && today <= p.end,
            })),
          },
        ];
      });
      return {
        groups,
        userFiles: users.map((u) => ({
          id: u.id,
          group: u.file.group,
          title: u.file.title,
          source: u.source,
          importedAt: u.importedAt,
          periodStarts: Object.keys(u.file.periods).sort(),
        })),
      };
    },

    async import(raw) {
      const v = validateNormFile(raw);
      if (!v.ok) rejectFile(v.reasons, 'file');
      const starts = Object.keys(v.file.periods).sort();
      return store(v.file, `Normtabel ${NORM_GROUP_LABELS[v.file.group]} geïmporteerd (perioden vanaf ${starts.join(', ')})`);
    },

    async addPeriod(input) {
      const base = (await bundled()).find((f) => f.group === input.group);
      const file = {
        format: NORM_FORMAT,
        version: NORM_VERSION,
        group: input.group,
        title: base?.title ?? NORM_GROUP_LABELS[input.group as NormGroup],
        unit: base?.unit ?? 'EUR',
        origin: 'user',
        indexationDates: base ? [...base.indexationDates] : ['01-01', '07-01'],
        source: [input.source],
        periods: {
          [input.start]: {
            status: input.status,
            source: [input.source],
            figures: { ...input.figures },
            ...(input.validTo ? { validTo: input.validTo } : {}),
            notes: [`Met de hand ingevoerd op ${isoDateOf(ctx.clock.now())}.`, ...(input.note ? [input.note] : [])],
          },
        },
      };
      const v = validateNormData(file);
      if (!v.ok) rejectFile(v.reasons, 'figures');
      return store(v.file, `Normperiode ${NORM_GROUP_LABELS[v.file.group]} vanaf ${input.start} ingevoerd`);
    },
  };
}
