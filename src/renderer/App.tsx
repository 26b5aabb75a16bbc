// Top level: which flow to show follows the vault state alone.
import { useEffect, useState } from 'react';
import type { Client } from '../shared/contract/client';
import { AutoLockWarning } from './components/AutoLockWarning';
import { CoreStopped, useCoreStopped } from './components/CoreStopped';
import { Loading } from './components/Status';
import { SessionProvider, useSession } from './state/session';
import { CreateVaultScreen } from './screens/create-vault/CreateVaultScreen';
import { RecoveryCodeScreen } from './screens/create-vault/RecoveryCodeScreen';
import { AppFrame } from './screens/frame/AppFrame';
import { RecoveryUnlockScreen } from './screens/unlock/RecoveryUnlockScreen';
import { UnlockScreen } from './screens/unlock/UnlockScreen';
import { WelcomeScreen } from './screens/welcome/WelcomeScreen';

export function App({ client }: { client: Client }) {
  const [coreStopped, setCoreStopped] = useCoreStopped(client);
  // A fresh session after a restart: nothing decrypted from before the crash survives in the page.
  const [generation, setGeneration] = useState(0);
  if (coreStopped) {
    return (
      <CoreStopped
        client={client}
        onRestarted={() => {
          setGeneration((g) => g + 1);
          setCoreStopped(false);
        }}
      />
    );
  }
  return (
    <SessionProvider key={generation} client={client}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { status, fatal, recoveryCode, setRecoveryCode, sessionKey } = useSession();
  if (fatal) {
    return (
      <main className="narrow">
        <div className="alert" role="alert">
          {fatal}
        </div>
      </main>
    );
  }
  if (!status) {
    return (
      <main className="narrow">
        <Loading>Houvast wordt geladen…</Loading>
      </main>
    );
  }
  if (recoveryCode) return <RecoveryCodeScreen code={recoveryCode} onDone={() => setRecoveryCode(null)} />;
  switch (status.state) {
    case 'none':
      return <NoVault />;
    case 'locked':
      return <Locked key={sessionKey} />;
    case 'unlocked':
      return (
        <>
          <AppFrame key={sessionKey} />
          <AutoLockWarning />
        </>
      );
  }
}

function NoVault() {
  const [creating, setCreating] = useState(false);
  return creating ? <CreateVaultScreen onCancel={() => setCreating(false)} /> : <WelcomeScreen onCreate={() => setCreating(true)} />;
}

function Locked() {
  const [recover, setRecover] = useState(false);
  // A vault that locks while a form was half filled must not leave it in the browser's history either.
  useEffect(() => {
    document.title = 'Kluis ontgrendelen – Houvast';
  }, []);
  return recover ? <RecoveryUnlockScreen onBack={() => setRecover(false)} /> : <UnlockScreen onRecover={() => setRecover(true)} />;
}
