// Saves a change to one part of a dossier by sending the whole data (dossier.update replaces it).
import { useCallback, useState } from 'react';
import type { Dossier, DossierDataInput } from '../../../shared/dossier/schema';
import { errorMessage, useCall } from '../../state/session';
import { stripStored } from '../dossier-form/model';

export function useDossierSaver(dossier: Dossier, onChange: (d: Dossier) => void) {
  const call = useCall();
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    async (patch: Partial<DossierDataInput>): Promise<Dossier | null> => {
      setError(null);
      try {
        const saved = (await call('dossier.update', { id: dossier.id, data: { ...stripStored(dossier), ...patch } })) as Dossier;
        onChange(saved);
        return saved;
      } catch (err) {
        setError(errorMessage(err));
        return null;
      }
    },
    [call, dossier, onChange],
  );
  return { save, error };
}
