// The figures a dossier tab shows beside the dossier's own data come from the core (the renderer never adds up
// money): asked again for every new version of the dossier, and never shown beside a newer version's amounts.
import { useEffect, useState } from 'react';
import type { ProcedureInput, ProcedureOutput } from '../../../shared/contract/procedures';
import type { Dossier } from '../../../shared/dossier/schema';
import { errorMessage, useCall } from '../../state/session';

/** Shown where a figure of the current dossier has not arrived yet. */
export const PENDING = '…';

type FigureProcedure = 'dossier.monthlyLines' | 'dossier.debtTotals';

/** The core's figures for exactly this dossier object: a newer one (an item saved) asks again. */
export function useDossierFigures<K extends FigureProcedure>(name: K, dossier: Dossier): { figures: ProcedureOutput<K> | null; error: string | null } {
  const call = useCall();
  const [answer, setAnswer] = useState<{ for: Dossier; figures: ProcedureOutput<K> | null; error: string | null } | null>(null);
  useEffect(() => {
    let alive = true;
    call(name, { id: dossier.id } as ProcedureInput<K>).then(
      (figures) => alive && setAnswer({ for: dossier, figures: figures as ProcedureOutput<K>, error: null }),
      (err: unknown) => alive && setAnswer({ for: dossier, figures: null, error: errorMessage(err) }),
    );
    return () => {
      alive = false;
    };
  }, [call, name, dossier]);
  return answer?.for === dossier ? { figures: answer.figures, error: answer.error } : { figures: null, error: null };
}
