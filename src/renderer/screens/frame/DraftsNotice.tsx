// After unlocking (the app frame mounts fresh on every unlock): the drafts of half-filled forms that are still
// in the vault, with a way back to each. Labels hold no personal data ("Nieuw dossier", "Dossier 2026-0001
// bewerken"); the form itself offers the draft when it opens.
import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../../shared/contract/procedures';
import { showDateTime } from '../../format';
import { useNavigate } from '../../state/route';
import { useCall } from '../../state/session';

export function DraftsNotice() {
  const call = useCall();
  const navigate = useNavigate();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  useEffect(() => {
    let alive = true;
    call('drafts.list', {}).then(
      (list) => alive && setDrafts(list),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [call]);
  if (!drafts || drafts.length === 0) return null;
  return (
    <section className="draft-offer" aria-labelledby="h-concepten">
      <h2 id="h-concepten">Niet-opgeslagen concepten</h2>
      <p>Deze formulieren waren nog niet opgeslagen. Open ze om verder te gaan; het concept wordt daar aangeboden.</p>
      <ul className="plain-list">
        {drafts.map((d) => (
          <li key={d.form}>
            {d.label} <span className="muted">(bewaard op {showDateTime(d.updatedAt)})</span>{' '}
            <button
              type="button"
              className="button small"
              aria-label={`${d.label} openen`}
              onClick={() => {
                setDrafts(null);
                navigate(d.dossierId ? { name: 'dossier', id: d.dossierId } : { name: 'new-dossier' });
              }}
            >
              Openen
            </button>
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="button small" onClick={() => setDrafts(null)}>
          Later
        </button>
      </p>
    </section>
  );
}
