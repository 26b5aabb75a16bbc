// Renderer entry: connect to the core (IPC in Electron, WebSocket in the harness) and render.
// First: zod without its JIT under the CSP, before any module builds a schema.
import '../shared/contract/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installDutchErrors } from '../shared/contract/locale';
import { App } from './App';
import { getClient } from './transport';
import './styles/app.css';

installDutchErrors();

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  getClient().then(
    (client) =>
      root.render(
        <StrictMode>
          <App client={client} />
        </StrictMode>,
      ),
    () =>
      root.render(
        <main className="narrow">
          <div className="alert" role="alert">
            Houvast kan geen verbinding maken met de kern. Start Houvast opnieuw.
          </div>
        </main>,
      ),
  );
}
