// Error envelope shared by every transport. Messages are Dutch: they are shown to the user as they are.

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_PROCEDURE',
  'NO_VAULT',
  'LOCKED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_CODE',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_CORRUPT',
  /** Another process (the CLI, a second app) has this vault open. */
  'VAULT_IN_USE',
  'DB_FROM_FUTURE',
  'NOT_FOUND',
  'CONFLICT',
  'REAUTH_REQUIRED',
  'NORM_NOT_COVERED',
  'FORBIDDEN',
  'INTERNAL',
  /** Long work stopped on the user's request; nothing was changed (issue 10 §2). */
  'CANCELLED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IssueDetail {
  /** Dotted path into the input, e.g. "data.adults.0.bsn". */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: IssueDetail[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Thrown by services; the router turns it into the error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: IssueDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: 'De invoer is niet geldig. Er is niets gewijzigd.',
  UNKNOWN_PROCEDURE: 'Onbekende opdracht.',
  NO_VAULT: 'Er is geen kluis geopend. Open een kluis of maak een nieuwe.',
  LOCKED: 'De kluis is vergrendeld. Ontgrendel de kluis om verder te gaan.',
  WRONG_PASSPHRASE: 'Het wachtwoord is onjuist. Er is niets gewijzigd.',
  WRONG_RECOVERY_CODE: 'De herstelcode is onjuist. Er is niets gewijzigd.',
  VAULT_EXISTS: 'Op deze plek staat al een kluis. Kies een andere naam of plek.',
  VAULT_NOT_FOUND: 'Op deze plek staat geen Houvast-kluis. Kies de map van een kluis.',
  VAULT_CORRUPT: 'De kluis is beschadigd of kan niet worden gelezen. Er is niets verwijderd.',
  VAULT_IN_USE: 'Deze kluis is al geopend in een ander Houvast-programma. Vergrendel de kluis daar eerst. Er is niets gewijzigd.',
  DB_FROM_FUTURE: 'Deze kluis is gemaakt met een nieuwere versie van Houvast. Werk Houvast bij; de kluis is niet gewijzigd.',
  NOT_FOUND: 'Dit bestaat niet (meer). Ga terug naar de lijst; er is niets gewijzigd.',
  CONFLICT: 'Dit botst met bestaande gegevens. Er is niets gewijzigd; controleer de invoer.',
  REAUTH_REQUIRED: 'Bevestig met uw wachtwoord.',
  NORM_NOT_COVERED: 'Voor deze datum is geen normtabel beschikbaar. Kies een andere peildatum of voeg een normtabel toe (Instellingen → Normen).',
  FORBIDDEN: 'Dit is niet toegestaan. Er is niets gewijzigd.',
  INTERNAL: 'Er ging iets mis. Er is niets gewijzigd.',
  CANCELLED: 'Afgebroken. Er is niets gewijzigd.',
};
