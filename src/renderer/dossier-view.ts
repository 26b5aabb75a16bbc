// Small pure helpers to show a dossier.
import type { Adult, Dossier } from '../shared/dossier/schema';

export function aanvrager(d: Pick<Dossier, 'adults'>): Adult | undefined {
  return d.adults.find((a) => a.role === 'aanvrager') ?? d.adults[0];
}

/** "Jansen, Anna" (and "& Piet de Vries" for a partner), as the list shows it. */
export function displayName(d: Pick<Dossier, 'adults'>): string {
  const a = aanvrager(d);
  if (!a) return 'Dossier';
  const partner = d.adults.find((p) => p !== a);
  const main = `${a.lastName}, ${a.firstName}`;
  return partner ? `${main} en ${partner.firstName} ${partner.lastName}` : main;
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

export function groupDigits(s: string, size: number): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += size) parts.push(s.slice(i, i + size));
  return parts.join(' ');
}
