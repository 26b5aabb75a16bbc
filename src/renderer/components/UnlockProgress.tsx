// What an unlock is doing while it runs (issue 10 §2). The first unlock after an update of Houvast also updates
// the vault (a backup, then the schema migrations), which can take a minute in a large vault; the core tells its
// steps as 'vault.migrating' events, so the screen can say why it waits and nobody closes Houvast thinking it hangs.
// Restoring a backup from before an update runs the same update (the restore dialog uses this too).
// No "Annuleren": the update is one transaction that must finish.
import { useCallback, useState } from 'react';
import type { VaultMigrating } from '../../shared/contract/vault';
import { useSession } from '../state/session';

/** Listens for 'vault.migrating' only while `work` (the unlock or restore call) runs; the step is cleared when it ends. */
export function useVaultMigrating(): { step: VaultMigrating | null; during<T>(work: () => Promise<T>): Promise<T> } {
  const { on } = useSession();
  const [step, setStep] = useState<VaultMigrating | null>(null);
  const during = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T> => {
      const off = on('vault.migrating', setStep);
      try {
        return await work();
      } finally {
        off();
        setStep(null);
      }
    },
    [on],
  );
  return { step, during };
}

/** `doneText`: what the call still does after the update (the unlock's text by default). */
export function migratingText(step: VaultMigrating, doneText = 'Kluis is bijgewerkt. Bezig met ontgrendelen…'): string {
  const intro = 'Kluis wordt bijgewerkt naar deze versie van Houvast (eenmalig).';
  switch (step.stage) {
    case 'backup':
      return `${intro} Eerst wordt een back-up gemaakt… (stap ${step.step} van ${step.steps})`;
    case 'migration':
      return `${intro} Stap ${step.step} van ${step.steps}…`;
    case 'done':
      return doneText;
  }
}

/**
 * The wait of an unlock: `busyText` until the core says it updates the vault, then its steps with a progress bar.
 * One live region whose text changes, so a screen reader announces each step.
 */
export function UnlockProgress({ busyText, doneText, step }: { busyText: string; doneText?: string; step: VaultMigrating | null }) {
  const updating = step !== null && step.stage !== 'done';
  return (
    <div className="job-progress unlock-progress">
      <span role="status" aria-live="polite" className="muted">
        {step ? migratingText(step, doneText) : busyText}
      </span>
      {step ? <progress aria-label="Kluis bijwerken" value={step.stage === 'done' ? step.steps : step.step - 1} max={step.steps} /> : null}
      {updating ? <p className="hint">Dit kan bij een grote kluis een minuut of langer duren. Sluit Houvast niet af.</p> : null}
    </div>
  );
}
