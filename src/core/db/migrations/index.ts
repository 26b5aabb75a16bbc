// Ordered list of schema migrations, bundled into the app. Owned by the services layer.
// Never edit a migration that has shipped: add a new one (tests/integration/migrations checks this
// against a schema snapshot).
import { m001Initial } from './001_initial';
import { m002AuditSettings } from './002_audit_settings';
import { m003Notes } from './003_notes';
import { m004BudgetDocuments } from './004_budget_documents';
import { m005SignalsReports } from './005_signals_reports';
import type { Migration } from './types';

export const migrations: Migration[] = [m001Initial, m002AuditSettings, m003Notes, m004BudgetDocuments, m005SignalsReports];

export const LATEST_SCHEMA_VERSION = migrations.length;
