// Shown on the unlock screen when the vault is damaged (VAULT_CORRUPT): its backups, each restorable with
// the password. The damaged database is kept as a 'before-restore' backup; a success unlocks the vault.
import { Alert, Loading } from '../../components/Status';
import { BackupTable, useBackupList } from '../settings/BackupRestore';

export function DamagedVaultRestore() {
  const { list, error } = useBackupList();
  return (
    <section className="card backups" aria-labelledby="h-herstel-backup">
      <h2 id="h-herstel-backup">Back-up terugzetten</h2>
      <p>
        Zet een back-up van deze kluis terug om weer verder te kunnen. Houvast bewaart de beschadigde stand eerst als back-up (“Voor
        terugzetten”); er wordt niets verwijderd.
      </p>
      <Alert>{error}</Alert>
      {list === null ? (
        error ? null : (
          <Loading>Back-ups worden gezocht…</Loading>
        )
      ) : list.length === 0 ? (
        <p className="muted">Er zijn geen back-ups van deze kluis gevonden. Vraag uw beheerder om hulp; er is niets verwijderd.</p>
      ) : (
        <BackupTable list={list} labelledBy="h-herstel-backup" damaged />
      )}
    </section>
  );
}
