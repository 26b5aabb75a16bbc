// A form that takes one JSON file and hands it to the core: the shared part of "Dossiers importeren" and
// "Normbestand importeren" (file field with hint and "choose a file" error, size limit, busy and success
// status, the core's refusal with its reasons). What to do with the file is the caller's `upload`.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Rejection, type RejectionInfo } from '../screens/norms/Rejection';

/** What an upload ends in: a success message, or a refusal to show (nothing was stored). */
export type UploadOutcome = { done: string } | { rejection: RejectionInfo };

export interface FileUploadFormProps {
  /** Accessible name of the form, or its visible heading when `heading` is set. */
  title: string;
  heading?: boolean;
  className?: string;
  fileLabel: string;
  hint: ReactNode;
  missingFileMessage: string;
  maxBytes: number;
  tooBig: RejectionInfo;
  upload: (file: File) => Promise<UploadOutcome>;
  /** Turns a thrown error (usually the core's AppError) into the refusal shown. */
  rejectionOf: (err: unknown) => RejectionInfo;
  onUploaded: () => void;
  reasonsClassName?: string;
  /** Extra buttons beside "Importeren" (e.g. "Sluiten" in a dialog). */
  extraActions?: ReactNode;
  /** Shown while the upload runs instead of "Bezig…" (e.g. a progress bar with "Annuleren"). */
  busyContent?: ReactNode;
}

export function FileUploadForm(props: FileUploadFormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const [rejection, setRejection] = useState<RejectionInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRejection(null);
    setDone(null);
    const file = input.current?.files?.[0];
    setMissingFile(!file);
    if (!file) {
      input.current?.focus();
      return;
    }
    if (file.size > props.maxBytes) {
      setRejection(props.tooBig);
      return;
    }
    setBusy(true);
    try {
      const outcome = await props.upload(file);
      if ('rejection' in outcome) {
        setRejection(outcome.rejection);
        return;
      }
      setDone(outcome.done);
      if (input.current) input.current.value = '';
      props.onUploaded();
    } catch (err) {
      setRejection(props.rejectionOf(err));
    } finally {
      setBusy(false);
    }
  };

  const labelling = props.heading ? { 'aria-labelledby': `${id}-h` } : { 'aria-label': props.title };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className={props.className} {...labelling}>
      {props.heading ? <h3 id={`${id}-h`}>{props.title}</h3> : null}
      <Rejection rejection={rejection} {...(props.reasonsClassName ? { reasonsClassName: props.reasonsClassName } : {})} />
      <div className="field">
        <label htmlFor={`${id}-file`}>{props.fileLabel}</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-invalid={missingFile ? true : undefined}
          aria-describedby={`${id}-hint${missingFile ? ` ${id}-fout` : ''}`}
          onChange={() => setMissingFile(false)}
        />
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
        {missingFile ? (
          <p id={`${id}-fout`} className="field-error" role="alert">
            {props.missingFileMessage}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          Importeren
        </button>
        {props.extraActions}
        {busy
          ? (props.busyContent ?? (
              <span role="status" className="muted">
                Bezig…
              </span>
            ))
          : null}
      </div>
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done ?? ''}
      </p>
    </form>
  );
}
