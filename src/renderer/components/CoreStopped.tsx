// When the core's process (Electron) or thread (web shell) stops unexpectedly: its keys died with it, so the
// vault is locked. The screen says so in plain Dutch and offers to start the core again; the caller then
// starts a fresh session (all decrypted state of the old one is dropped).
import { useEffect, useState } from 'react';
import type { Client } from '../../shared/contract/client';
import { Alert } from './Status';

/** Whether the core has stopped, from the 'core.status' events. */
export function useCoreStopped(client: Client): [boolean, (stopped: boolean) => void] {
  const [stopped, setStopped] = useState(false);
  useEffect(() => client.on('core.status', (s) => setStopped(s.state === 'stopped')), [client]);
  return [stopped, setStopped];
}

export function CoreStopped({ client, onRestarted }: { client: Client; onRestarted: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Houvast is gestopt – Houvast';
  }, []);

  const restart = async () => {
    setBusy(true);
    setError(null);
    const env = await client.tryCall('core.restart', {});
    setBusy(false);
    if (env.ok) onRestarted();
    else setError(`Opnieuw starten lukte niet. ${env.error.message}`);
  };

  return (
    <main className="narrow">
      <h1>Houvast is onverwacht gestopt</h1>
      <div className="alert" role="alert">
        <p>Het deel van Houvast dat uw gegevens bewaart en berekent, is gestopt. Uw kluis is daardoor vergrendeld.</p>
        <p>Wat u had opgeslagen, blijft bewaard. Wat u nog aan het invoeren was en niet had opgeslagen, moet u misschien opnieuw invoeren.</p>
      </div>
      <p>Start Houvast opnieuw en ontgrendel daarna de kluis met uw wachtwoord.</p>
      <button type="button" className="button primary" onClick={() => void restart()} disabled={busy} aria-busy={busy}>
        {busy ? 'Houvast start opnieuw…' : 'Houvast opnieuw starten'}
      </button>
      <Alert>{error}</Alert>
    </main>
  );
}
