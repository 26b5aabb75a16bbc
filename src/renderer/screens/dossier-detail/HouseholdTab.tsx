// The household at a glance: adults, children (with age and whether they live at home), address,
// contact and bank accounts. Children come right after the adults: they are why the dossier exists.
// A partner, a child or a bank account can be removed here (asked first, and undoable).
import type { Dossier } from '../../../shared/dossier/schema';
import { formatIban } from '../../../shared/validation/iban';
import { ageOf, showDate } from '../../format';
import { fullName, groupDigits } from '../../dossier-view';
import { DataTable, hiddenCol, numCol } from '../../components/DataTable';
import { useRemoval } from './removal';

export function HouseholdTab({ dossier, onChange }: { dossier: Dossier; onChange: (d: Dossier) => void }) {
  const removal = useRemoval(dossier, onChange);
  const adults = [...dossier.adults].sort((a, b) => (a.role === b.role ? 0 : a.role === 'aanvrager' ? -1 : 1));
  return (
    <div className="stack">
      {removal.ui}
      <section aria-labelledby="h-volwassenen">
        <h2 id="h-volwassenen">Volwassenen</h2>
        <DataTable caption="Volwassenen" columns={['Naam', 'Rol', 'Geboortedatum', numCol('Leeftijd'), 'BSN', hiddenCol('Acties')]}>
              {adults.map((a, i) => (
                <tr key={a.id ?? i}>
                  <td>{fullName(a)}</td>
                  <td>{a.role === 'aanvrager' ? 'Aanvrager' : 'Partner'}</td>
                  <td className="nowrap">{showDate(a.birthDate)}</td>
                  <td className="num">{ageOf(a.birthDate)} jaar</td>
                  <td className="mono nowrap">{a.bsn ? groupDigits(a.bsn, 3) : '—'}</td>
                  <td className="row-actions">
                    {a.role === 'partner' ? (
                      <button
                        type="button"
                        className="button small danger-quiet"
                        aria-label={`Partner ${fullName(a)} verwijderen`}
                        onClick={() =>
                          removal.ask('adult', a.id, `Partner ${fullName(a)}`, 'Inkomsten op naam van de partner blijven staan; pas die zo nodig aan.')
                        }
                      >
                        Verwijderen
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
        </DataTable>
      </section>

      <section aria-labelledby="h-kinderen">
        <h2 id="h-kinderen">Kinderen ({dossier.children.length})</h2>
        {dossier.children.length === 0 ? (
          <p className="muted">Geen kinderen vastgelegd.</p>
        ) : (
          <DataTable caption="Kinderen" columns={['Naam', 'Geboortedatum', numCol('Leeftijd'), 'Woont thuis', hiddenCol('Acties')]}>
                {dossier.children.map((c, i) => (
                  <tr key={c.id ?? i}>
                    <td>{fullName(c)}</td>
                    <td className="nowrap">{showDate(c.birthDate)}</td>
                    <td className="num">{ageOf(c.birthDate)} jaar</td>
                    <td>{c.livingInHousehold ? 'Ja' : 'Nee'}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button small danger-quiet"
                        aria-label={`Kind ${fullName(c)} verwijderen`}
                        onClick={() => removal.ask('child', c.id, `Kind ${fullName(c)}`, 'Het budget wordt opnieuw berekend zonder dit kind.')}
                      >
                        Verwijderen
                      </button>
                    </td>
                  </tr>
                ))}
          </DataTable>
        )}
      </section>

      <div className="grid-2">
        <section aria-labelledby="h-adres" className="card">
          <h2 id="h-adres">Adres</h2>
          {dossier.address ? (
            <address className="address">
              {dossier.address.street} {dossier.address.houseNumber}
              <br />
              {dossier.address.postcode} {dossier.address.city}
            </address>
          ) : (
            <p>Geen vast woonadres</p>
          )}
        </section>
        <section aria-labelledby="h-contact" className="card">
          <h2 id="h-contact">Contact</h2>
          <dl className="dl">
            <dt>Telefoon</dt>
            <dd>{dossier.contact.phone || '—'}</dd>
            <dt>E-mail</dt>
            <dd>{dossier.contact.email || '—'}</dd>
          </dl>
        </section>
      </div>

      <section aria-labelledby="h-rekeningen">
        <h2 id="h-rekeningen">Bankrekeningen</h2>
        {dossier.bankAccounts.length === 0 ? (
          <p className="muted">Geen rekeningen vastgelegd.</p>
        ) : (
          <ul className="plain-list">
            {dossier.bankAccounts.map((b, i) => (
              <li key={b.id ?? i}>
                <span className="mono">{formatIban(b.iban)}</span>
                {b.description ? <span className="muted"> · {b.description}</span> : null}
                {b.holder ? <span className="muted"> · t.n.v. {b.holder}</span> : null}{' '}
                <button
                  type="button"
                  className="button small danger-quiet"
                  aria-label={`Bankrekening ${formatIban(b.iban)} verwijderen`}
                  onClick={() => removal.ask('bankAccount', b.id, `Bankrekening ${formatIban(b.iban)}`)}
                >
                  Verwijderen
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
