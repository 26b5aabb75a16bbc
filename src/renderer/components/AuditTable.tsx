import type { AuditEntry } from '../../shared/contract/procedures';
import { AUDIT_ACTION_LABELS, showDateTime } from '../format';
import { DataTable } from './DataTable';

export function AuditTable({ rows, showDossier, caption }: { rows: AuditEntry[]; showDossier: boolean; caption: string }) {
  if (rows.length === 0) return <p className="muted">Nog geen gebeurtenissen.</p>;
  return (
    <DataTable caption={caption} columns={['Datum', 'Medewerker', 'Actie', ...(showDossier ? ['Dossier'] : []), 'Toelichting']}>
      {rows.map((r) => (
        <tr key={r.id}>
          <td className="nowrap">{showDateTime(r.at)}</td>
          <td>{r.actor}</td>
          <td>{AUDIT_ACTION_LABELS[r.action] ?? r.action}</td>
          {showDossier ? <td className="mono">{r.dossierNumber ?? '—'}</td> : null}
          <td className="audit-detail">{r.detail ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
