// Small pure helpers to show a dossier.
import { displayNameOf } from '../shared/dossier/display-name';
import type { Adult, Dossier } from '../shared/dossier/schema';

export function aanvrager(d: Pick<Dossier, 'adults'>): Adult | undefined {
  return d.adults.find((a) => a.role === 'aanvrager') ?? d.adults[0];
}

/** "Jansen, Anna en Piet de Vries", as every list shows it; "Dossier" for a household without adults. */
export function displayName(d: Pick<Dossier, 'adults'>): string {
  return displayNameOf(d) || 'Dossier';
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

export function groupDigits(s: string, size: number): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += size) parts.push(s.slice(i, i + size));
  return parts.join(' ');
}
