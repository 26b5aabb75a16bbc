// The office report export (Systeemfouten) and the vereniging's publication run as jobs (issue 10 §2): the screen
// shows the core's progress in steps with "Annuleren"; a cancel says nothing was signed or stored and downloads
// nothing. The fake core stays busy until it is cancelled, as the real one does between its safe points.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { REPORT_CANCELLED } from '../../src/renderer/screens/signals/SysteemfoutenScreen';
import { MERGE_CANCELLED, PUBLISH_CANCELLED } from '../../src/renderer/screens/signals/VerenigingScreen';
import type { ReportPreview } from '../../src/shared/contract/reports';
import type { VaultStatus } from '../../src/shared/contract/vault';
import { createFakeClient, status, untilCancelled, type FakeClient } from './fake-client';

const PREVIEW: ReportPreview = {
  period: '2026-Q2',
  periodType: 'quarter',
  ok: true,
  refusal: null,
  reporterRole: 'bewind',
  k: 10,
  households: 55,
  signals: 55,
  outOfScopeHouseholds: 0,
  recodedHouseholds: 0,
  unallocatedHouseholds: 0,
  suppressedShare: '0,0 %',
  levels: [],
  tables: [],
  previewHash: 'a'.repeat(64),
  supersedes: null,
};

let anchorClicks: string[] = [];
const realClick = HTMLAnchorElement.prototype.click;
beforeEach(() => {
  // jsdom has no object URLs; a download is an anchor click, recorded here.
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
  anchorClicks = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    anchorClicks.push(this.download);
  };
});
afterEach(() => {
  HTMLAnchorElement.prototype.click = realClick;
  cleanup();
});

/** Shows the progress of the job the call named, then presses Annuleren and checks the cancel reached the core. */
async function progressThenCancel(client: FakeClient, procedure: 'report.export' | 'association.store.publish' | 'association.merge', label: string): Promise<void> {
  await waitFor(() => expect(client.callsTo(procedure)).toHaveLength(1));
  const { jobId } = client.callsTo(procedure)[0] as { jobId: string };
  expect(jobId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  const bar = await screen.findByRole('progressbar', { name: label });
  act(() => client.emitEvent('job.progress', { jobId, operation: 'pdf', done: 1, total: 3 }));
  expect(bar.getAttribute('value')).toBe('1');
  expect(bar.getAttribute('max')).toBe('3');
  expect(screen.getByText(`${label}: 1 van 3 stappen`)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
  expect(client.callsTo('job.cancel')).toEqual([{ jobId }]);
}

describe('Systeemfouten → rapport ondertekenen', () => {
  it('shows the export\'s progress with Annuleren; a cancel says nothing was signed and downloads nothing', async () => {
    const client = createFakeClient(
      {
        ...untilCancelled('report.export'),
        'dossier.list': () => [],
        'signals.list': () => [],
        'report.preview': () => PREVIEW,
        'report.ledger': () => ({ intact: true, entries: [] }),
      },
      status('unlocked'),
    );
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('link', { name: 'Systeemfouten' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Toon wat dit kantoor verlaat' }));
    fireEvent.click(await screen.findByLabelText(/Ik heb gecontroleerd wat/));
    fireEvent.click(screen.getByRole('button', { name: 'Ondertekenen en downloaden' }));
    await progressThenCancel(client, 'report.export', 'Rapport ondertekenen');
    expect(client.callsTo('report.export')[0]).toMatchObject({ period: '2026-Q2', previewHash: PREVIEW.previewHash });
    await screen.findByText(REPORT_CANCELLED);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(anchorClicks).toEqual([]);
    // The preview stays, so the user can sign after all.
    expect((screen.getByRole('button', { name: 'Ondertekenen en downloaden' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('Vereniging → publiceren', () => {
  it('shows the publication\'s progress with Annuleren; a cancel says no publication was made', async () => {
    const s = status('unlocked');
    const vereniging: VaultStatus = { ...s, vault: { ...s.vault!, name: 'Branchevereniging', kind: 'vereniging' } };
    const client = createFakeClient(
      {
        ...untilCancelled('association.store.publish'),
        'settings.get': () => ({ userName: 'Merel de Wit', autoLockMinutes: 10 }),
        'association.store.get': () => ({ keys: [], files: [], publications: [] }),
      },
      vereniging,
    );
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publicatie maken' }));
    await progressThenCancel(client, 'association.store.publish', 'Publicatie maken');
    await screen.findByText(PUBLISH_CANCELLED);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('heading', { name: /Dashboard/ })).toBeNull();
    expect((screen.getByRole('button', { name: 'Publicatie maken' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('merging picked files shows its progress with Annuleren too; a cancel says nothing was merged', async () => {
    const s = status('unlocked');
    const client = createFakeClient({ ...untilCancelled('association.merge'), 'dossier.list': () => [] }, s);
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('link', { name: 'Vereniging' }));
    const pick = (label: string, name: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { files: [new File(['{}'], name, { type: 'application/json' })] } });
    pick('Sleutelregister (JSON)', 'sleutelregister.json');
    pick('Ontvangen rapporten van kantoren (JSON)', 'kantoor-01.json');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en samenvoegen' }));
    await progressThenCancel(client, 'association.merge', 'Samenvoegen');
    await screen.findByText(MERGE_CANCELLED);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
