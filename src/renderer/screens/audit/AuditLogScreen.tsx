// The vault-wide audit log (append-only in the core), newest first.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract/procedures';
import { AuditTable } from '../../components/AuditTable';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert, Loading } from '../../components/Status';
import { errorMessage, useCall } from '../../state/session';

export function AuditLogScreen() {
  const call = useCall();
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chain, setChain] = useState<{ intact: boolean; count: number; brokenAtId: number | null } | null>(null);
  useEffect(() => {
    let alive = true;
    call('audit.list', { limit: 1000 }).then(
      (r) => alive && setRows(r),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    // The chain check reads every row; its answer is shown when it comes.
    call('audit.verify', {}).then(
      (c) => alive && setChain(c),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [call]);
  return (
    <>
      <ScreenHeading title="Logboek">Logboek</ScreenHeading>
      <p className="lead">Wie heeft wat gedaan, en wanneer. Het logboek kan niet worden gewijzigd; het bevat geen persoonsgegevens.</p>
      <Alert>{error}</Alert>
      {chain ? (
        chain.intact ? (
          <p className="muted" data-testid="audit-chain">
            Gecontroleerd: alle {chain.count} regels zijn onveranderd (elke regel is gekoppeld aan de vorige).
          </p>
        ) : (
          <Alert>{`Het logboek is buiten Houvast gewijzigd: regel ${chain.brokenAtId ?? '?'} en later kloppen niet meer met de regels ervoor.`}</Alert>
        )
      ) : null}
      {rows ? <AuditTable rows={rows} showDossier caption="Logboek van de kluis" /> : error ? null : <Loading />}
    </>
  );
}
