// Session state: the vault status, app info and the one guarded way to call the core.
// Everything decrypted lives below <UnlockedApp>, which is unmounted (and so forgotten) the moment the
// vault locks: on a LOCKED answer, on a 'vault.status' event, or on the user's own "Vergrendelen".
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Client } from '../../shared/contract/client';
import { AppError } from '../../shared/contract/errors';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract/procedures';
import type { VaultStatus } from '../../shared/contract/vault';
import { forgetMemos } from '../../shared/memo';

export type AppInfo = ProcedureOutput<'app.info'>;
export type CallFn = <K extends ProcedureName>(name: K, input: ProcedureInput<K>) => Promise<ProcedureOutput<K>>;

export interface Session {
  status: VaultStatus | null;
  info: AppInfo | null;
  /** Set when the status could not be loaded at all (no connection to the core). */
  fatal: string | null;
  /** Calls the core; throws AppError; a LOCKED answer also drops all unlocked state. */
  call: CallFn;
  applyStatus(status: VaultStatus): void;
  /** Subscribes to a core event (e.g. 'job.progress'); returns the unsubscribe. */
  on: Client['on'];
  refreshInfo(): Promise<void>;
  /** Increases on every lock and restore, so the unlocked tree can be keyed and remounted from scratch. */
  sessionKey: number;
  /**
   * A backup was restored: apply its status and remount the unlocked tree (nothing keeps showing the
   * replaced data); `notice` is shown by the app frame until the next navigation or lock.
   */
  restored(status: VaultStatus, notice: string): void;
  /** Confirmation to show once at the top of the unlocked app (no personal data in it). */
  notice: string | null;
  clearNotice(): void;
  /** Shown once after creating a vault, until the user confirms it is stored safely. */
  recoveryCode: string | null;
  setRecoveryCode(code: string | null): void;
  /** Passphrase of the demo vault (public by design: it only holds fictitious data). */
  demoPassphrase: string | null;
  setDemoPassphrase(p: string): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function useCall(): CallFn {
  return useSession().call;
}

/** Activity is reported at most this often; the core postpones the auto-lock on each touch. */
export const TOUCH_INTERVAL_MS = 30_000;

export function SessionProvider({ client, children }: { client: Client; children: ReactNode }) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [sessionKey, setSessionKey] = useState(0);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [demoPassphrase, setDemoPassphrase] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const stateRef = useRef<VaultStatus['state'] | null>(null);

  const applyStatus = useCallback((next: VaultStatus) => {
    const wasUnlocked = stateRef.current === 'unlocked';
    stateRef.current = next.state;
    if (wasUnlocked && next.state !== 'unlocked') {
      // The shared memos (formatted amounts and dates of the screens' households) go with the unlocked tree.
      forgetMemos();
      setSessionKey((k) => k + 1);
      setNotice(null);
    }
    setStatus(next);
  }, []);

  const restored = useCallback((next: VaultStatus, message: string) => {
    stateRef.current = next.state;
    forgetMemos();
    setSessionKey((k) => k + 1);
    setNotice(next.state === 'unlocked' ? message : null);
    setStatus(next);
  }, []);

  const clearNotice = useCallback(() => setNotice(null), []);

  const dropUnlocked = useCallback(() => {
    if (stateRef.current !== 'unlocked') return;
    stateRef.current = 'locked';
    forgetMemos();
    setSessionKey((k) => k + 1);
    setNotice(null);
    setStatus((s) => (s ? { ...s, state: 'locked', autoLockAt: null } : s));
  }, []);

  const call = useCallback<CallFn>(
    async (name, input) => {
      const env = await client.tryCall(name, input);
      if (env.ok) return env.value;
      if (env.error.code === 'LOCKED') dropUnlocked();
      if (env.error.code === 'NO_VAULT') {
        const st = await client.tryCall('vault.status', {});
        if (st.ok) applyStatus(st.value);
      }
      throw new AppError(env.error.code, env.error.message, env.error.issues);
    },
    [client, dropUnlocked, applyStatus],
  );

  const refreshInfo = useCallback(async () => {
    const env = await client.tryCall('app.info', {});
    if (env.ok) {
      setInfo(env.value);
      setDemoPassphrase((p) => p ?? env.value.demoPassphrase);
    }
  }, [client]);

  useEffect(() => {
    let alive = true;
    const off = client.on('vault.status', (s) => {
      if (alive) applyStatus(s);
    });
    void (async () => {
      const st = await client.tryCall('vault.status', {});
      if (!alive) return;
      if (st.ok) applyStatus(st.value);
      else setFatal(st.error.message);
      await refreshInfo();
    })();
    return () => {
      alive = false;
      off();
    };
  }, [client, applyStatus, refreshInfo]);

  // Report activity while unlocked so the auto-lock measures real inactivity.
  const unlocked = status?.state === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < TOUCH_INTERVAL_MS) return;
      last = now;
      void client.tryCall('session.touch', {}).then((env) => {
        if (env.ok) applyStatus(env.value);
        else if (env.error.code === 'LOCKED') dropUnlocked();
      });
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, [unlocked, client, applyStatus, dropUnlocked]);

  const value = useMemo<Session>(
    () => ({
      status,
      info,
      fatal,
      call,
      applyStatus,
      on: client.on,
      refreshInfo,
      sessionKey,
      restored,
      notice,
      clearNotice,
      recoveryCode,
      setRecoveryCode,
      demoPassphrase,
      setDemoPassphrase,
    }),
    [status, info, fatal, call, applyStatus, client, refreshInfo, sessionKey, restored, notice, clearNotice, recoveryCode, demoPassphrase],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The Dutch message of any error thrown by call (AppError messages come from the core as they are). */
export function errorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return 'Er ging iets mis. Er is niets gewijzigd.';
}
