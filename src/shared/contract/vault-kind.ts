// Two kinds of vault (issue 9 §3): an office's vault ("kantoor") holds case files; an association's vault
// ("vereniging") holds received office reports, the office key register and the published tables, never case
// files. The kind is chosen at creation, bound to the encrypted database like the name, and decides which
// procedures run: the same list serves the core (refusal) and the renderer (navigation).
export const VAULT_KINDS = ['kantoor', 'vereniging'] as const;
export type VaultKind = (typeof VAULT_KINDS)[number];
export const VAULT_KIND_LABELS: Record<VaultKind, string> = {
  kantoor: 'Kantoor (dossiers van huishoudens)',
  vereniging: 'Vereniging (ontvangen rapporten van kantoren, geen dossiers)',
};

/** Procedures that run in a vereniging vault: the vault itself, the session, settings, the logboek, the association. */
const VERENIGING_PREFIXES = ['app.', 'vault.', 'session.', 'settings.', 'audit.', 'association.'];
/** The association's store lives only in a vereniging vault (merging picked files works anywhere). */
const VERENIGING_ONLY_PREFIX = 'association.store.';

export const VERENIGING_REFUSAL =
  'Dit is een verenigingskluis: die bevat geen dossiers of andere gegevens van huishoudens. Open een kantoorkluis om met dossiers te werken.';
export const KANTOOR_REFUSAL = 'De ontvangen rapporten en het sleutelregister horen in een verenigingskluis. Maak of open een verenigingskluis.';

/** null when the procedure may run in a vault of this kind, else the Dutch reason it may not. */
export function refusalInVault(kind: VaultKind, procedure: string): string | null {
  if (kind === 'vereniging') return VERENIGING_PREFIXES.some((p) => procedure.startsWith(p)) ? null : VERENIGING_REFUSAL;
  return procedure.startsWith(VERENIGING_ONLY_PREFIX) ? KANTOOR_REFUSAL : null;
}
