// Ordered list of schema migrations, bundled into the app. Owned by the services layer.
// Never edit a migration that has shipped: add a new one (tests/integration/migrations checks this
// against a schema snapshot).
import { m001Initial } from './001_initial';
import { m002AuditSettings } from './002_audit_settings';
import { m003Notes } from './003_notes';
import { m004BudgetDocuments } from './004_budget_documents';
import { m005Arrangements } from './005_arrangements';
import { m006CreditorBoard } from './006_creditor_board';
import type { Migration } from './types';

export const migrations: Migration[] = [m001Initial, m002AuditSettings, m003Notes, m004BudgetDocuments, m005Arrangements, m006CreditorBoard];

export const LATEST_SCHEMA_VERSION = migrations.length;
