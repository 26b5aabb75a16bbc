// The vault's lock state machine: none (no vault selected) → locked (a vault selected) → unlocked (a session:
// the open database and the data key) → locked … Every lock, close or change of selection starts a new
// generation. Work that takes a while (an unlock deriving its key, a restore) takes a ticket first and may
// only commit while its ticket is current, so a lock that arrives meanwhile always wins.
export type LockPhase = 'none' | 'locked' | 'unlocked';

export class LockState<Selection, Session> {
  private selection: Selection | null = null;
  private current: Session | null = null;
  private generation = 0;

  get phase(): LockPhase {
    return this.selection === null ? 'none' : this.current === null ? 'locked' : 'unlocked';
  }

  get selected(): Selection | null {
    return this.selection;
  }

  get session(): Session | null {
    return this.current;
  }

  /** The current generation, for work that must not commit after a lock, close or reselection. */
  ticket(): number {
    return this.generation;
  }

  /** True while nothing was locked, closed or reselected since `ticket` (and `selection`, if given, is still selected). */
  isCurrent(ticket: number, selection?: Selection): boolean {
    return ticket === this.generation && (selection === undefined || this.selection === selection);
  }

  /** Selects a vault (or replaces the selected one's details, e.g. its name after an unlock). */
  select(selection: Selection): void {
    this.selection = selection;
  }

  /** Enters the unlocked state with an open session. */
  enter(session: Session): void {
    if (this.selection === null) throw new Error('no vault selected');
    this.current = session;
  }

  /**
   * Leaves the unlocked state: a new generation starts (whether or not a session was open) and the session
   * that was open is returned, for the caller to close and wipe. Null when there was none.
   */
  leave(): Session | null {
    this.generation++;
    const session = this.current;
    this.current = null;
    return session;
  }

  /** Forgets the selection (after leave()); returns whether there was one. */
  deselect(): boolean {
    const had = this.selection !== null;
    this.selection = null;
    this.generation++;
    return had;
  }
}
