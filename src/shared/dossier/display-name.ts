// The household's name wherever households are listed or headed: the dossier list, the dossier's own heading, the
// schemes and the budget overview all say it the same way.

export interface NamedAdult {
  role: 'aanvrager' | 'partner';
  firstName: string;
  lastName: string;
}

/** "Jansen, Anna en Piet de Vries": the aanvrager by last name, then the partner; '' for a household without adults. */
export function displayNameOf(d: { adults: readonly NamedAdult[] }): string {
  const a = d.adults.find((x) => x.role === 'aanvrager') ?? d.adults[0];
  const p = d.adults.find((x) => x !== a);
  const main = a ? `${a.lastName}, ${a.firstName}` : '';
  return p ? `${main} en ${p.firstName} ${p.lastName}` : main;
}
