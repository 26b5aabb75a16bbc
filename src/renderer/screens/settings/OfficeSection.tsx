// Instellingen → Kantoor: the office printed on budget plans (name, address, contact, logo). The logo is a PNG
// or JPEG the user picks; the core checks its bytes and size again and stores it in the vault.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { LOGO_MAX_BYTES, LOGO_MIMES, officeSchema, type Logo, type Office, type OfficeOut } from '../../../shared/contract/office';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { Alert, Loading } from '../../components/Status';
import { errorMessage, useSession } from '../../state/session';

const OP = 'kantoor';

/** The picked file as base64, or a Dutch reason why it cannot be a logo. */
function readLogo(file: File): Promise<{ ok: true; logo: Logo } | { ok: false; message: string }> {
  if (!(LOGO_MIMES as readonly string[]).includes(file.type)) {
    return Promise.resolve({ ok: false, message: 'Kies een PNG- of JPEG-afbeelding als logo.' });
  }
  if (file.size > LOGO_MAX_BYTES) {
    return Promise.resolve({ ok: false, message: `Het logo is te groot (${Math.ceil(file.size / 1024)} kB; hoogstens ${LOGO_MAX_BYTES / 1024} kB).` });
  }
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const data = url.slice(url.indexOf(',') + 1);
      resolve({ ok: true, logo: { mime: file.type as Logo['mime'], data } });
    };
    reader.onerror = () => resolve({ ok: false, message: 'Het bestand kon niet worden gelezen.' });
    reader.readAsDataURL(file);
  });
}

export function OfficeSection() {
  const { call } = useSession();
  const [office, setOffice] = useState<OfficeOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('settings.office.get', {}).then(
      (o) => alive && setOffice(o),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call]);
  return (
    <section className="card" aria-labelledby="h-kantoor">
      <h2 id="h-kantoor">Kantoor</h2>
      <p className="muted small">Naam, adres en logo van uw kantoor staan bovenaan elk budgetplan.</p>
      <Alert>{error}</Alert>
      {office ? <OfficeForm initial={office} onSaved={setOffice} /> : error ? null : <Loading />}
    </section>
  );
}

function OfficeForm({ initial, onSaved }: { initial: OfficeOut; onSaved: (o: OfficeOut) => void }) {
  const { call } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [logo, setLogo] = useState<Logo | null>(initial.logo);
  const [logoChanged, setLogoChanged] = useState(false);
  const [logoError, setLogoError] = useState<string | null>(null);
  const { logo: _logo, ...fields } = initial;
  const form = useForm<Office>({ resolver: zodResolver(officeSchema), defaultValues: fields });
  const { errors, submitCount, isSubmitting } = form.formState;
  const f = (name: keyof Office) => ({ id: fieldId(OP, name), registration: form.register(name), error: errorOf(errors, name) });

  const pick = async (file: File | undefined) => {
    setLogoError(null);
    setSaved(false);
    if (!file) return;
    const read = await readLogo(file);
    if (!read.ok) {
      setLogoError(read.message);
      return;
    }
    setLogo(read.logo);
    setLogoChanged(true);
  };

  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    setSaved(false);
    try {
      const next = await call('settings.office.update', { ...v, ...(logoChanged ? { logo } : {}) });
      const { logo: nextLogo, ...nextFields } = next;
      form.reset(nextFields);
      setLogo(nextLogo);
      setLogoChanged(false);
      onSaved(next);
      setSaved(true);
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Kantoorgegevens">
      <ErrorSummary errors={errors} prefix={OP} serverError={serverError} show={submitCount > 0} />
      <div className="grid-3">
        <TextField {...f('name')} label="Naam kantoor" autoComplete="organization" />
        <TextField {...f('address')} label="Adres (straat en huisnummer)" autoComplete="street-address" />
        <TextField {...f('postcode')} label="Postcode" autoComplete="postal-code" className="field-short" hint="Bijvoorbeeld 1234 AB" />
        <TextField {...f('city')} label="Plaats" autoComplete="address-level2" />
        <TextField {...f('phone')} label="Telefoon" autoComplete="tel" />
        <TextField {...f('email')} label="E-mailadres" autoComplete="email" />
      </div>
      <div className="field">
        <label htmlFor={`${OP}-logo`}>Logo (PNG of JPEG, hoogstens {LOGO_MAX_BYTES / 1024} kB)</label>
        {logo ? <img src={`data:${logo.mime};base64,${logo.data}`} alt="Huidig logo" className="office-logo" height={48} /> : <p className="muted small">Geen logo.</p>}
        <input id={`${OP}-logo`} type="file" accept={LOGO_MIMES.join(',')} onChange={(e) => void pick(e.target.files?.[0])} />
        {logo ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setLogo(null);
              setLogoChanged(true);
            }}
          >
            Logo verwijderen
          </button>
        ) : null}
        <Alert>{logoError}</Alert>
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Kantoorgegevens opslaan
        </button>
      </div>
      <p role="status" className={saved ? 'success' : 'visually-hidden'}>
        {saved ? 'De kantoorgegevens zijn opgeslagen.' : ''}
      </p>
    </form>
  );
}
