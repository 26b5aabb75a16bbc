// The audit log of this dossier.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract/procedures';
import { AuditTable } from '../../components/AuditTable';
import { Alert, Loading } from '../../components/Status';
import { errorMessage, useCall } from '../../state/session';

export function AuditTab({ dossierId, version }: { dossierId: string; version: number }) {
  const call = useCall();
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('audit.list', { dossierId, limit: 500 }).then(
      (r) => alive && setRows(r),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call, dossierId, version]);
  if (error) return <Alert>{error}</Alert>;
  if (!rows) return <Loading />;
  return (
    <section aria-labelledby="h-dossier-logboek">
      <h2 id="h-dossier-logboek">Logboek van dit dossier</h2>
      <AuditTable rows={rows} showDossier={false} caption="Logboek van dit dossier" />
    </section>
  );
}
