import type { AuditEntry } from '../../shared/contract/procedures';
import { AUDIT_ACTION_LABELS, showDateTime } from '../format';

export function AuditTable({ rows, showDossier, caption }: { rows: AuditEntry[]; showDossier: boolean; caption: string }) {
  if (rows.length === 0) return <p className="muted">Nog geen gebeurtenissen.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Medewerker</th>
            <th scope="col">Actie</th>
            {showDossier ? <th scope="col">Dossier</th> : null}
            <th scope="col">Toelichting</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{showDateTime(r.at)}</td>
              <td>{r.actor}</td>
              <td>{AUDIT_ACTION_LABELS[r.action] ?? r.action}</td>
              {showDossier ? <td className="mono">{r.dossierNumber ?? '—'}</td> : null}
              <td className="audit-detail">{r.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
