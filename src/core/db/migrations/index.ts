// Ordered list of schema migrations, bundled into the app. Owned by the services layer.
// Never edit a migration that has shipped: add a new one (tests/integration/migrations checks this
// against a schema snapshot).
import { m001Initial } from './001_initial';
import { m002AuditSettings } from './002_audit_settings';
import { m003Notes } from './003_notes';
import { m004BudgetDocuments } from './004_budget_documents';
import { m005AuditChain } from './005_audit_chain';
import { m006Drafts } from './006_drafts';
import { m007DossierSearch } from './007_dossier_search';
import { m008Household } from './008_household';
import { m009Arrangements } from './009_arrangements';
import { m010CreditorBoard } from './010_creditor_board';
import { m011SignalsReports } from './011_signals_reports';
import { m012ImportLinear } from './012_import_linear';
import { m013InsuredAdults } from './013_insured_adults';
import { m014SchemeConditions } from './014_scheme_conditions';
import { m015AssociationStore } from './015_association_store';
import { m016SearchShortAndName } from './016_search_short_and_name';
import { m017SignalOriginalDate } from './017_signal_original_date';
import { m018ReportLedgerNoReplace } from './018_report_ledger_no_replace';
import { m019ItemsByDossier } from './019_items_by_dossier';
import { m020DossierRegions } from './020_dossier_regions';
import { m021DuplicateCheckIndex } from './021_duplicate_check_index';
import { m022SearchLetters } from './022_search_letters';
import { m023BudgetKeyFigures } from './023_budget_key_figures';
import { m024PersonsByDossier } from './024_persons_by_dossier';
import type { Migration } from './types';

export const migrations: Migration[] = [
  m001Initial,
  m002AuditSettings,
  m003Notes,
  m004BudgetDocuments,
  m005AuditChain,
  m006Drafts,
  m007DossierSearch,
  m008Household,
  m009Arrangements,
  m010CreditorBoard,
  m011SignalsReports,
  m012ImportLinear,
  m013InsuredAdults,
  m014SchemeConditions,
  m015AssociationStore,
  m016SearchShortAndName,
  m017SignalOriginalDate,
  m018ReportLedgerNoReplace,
  m019ItemsByDossier,
  m020DossierRegions,
  m021DuplicateCheckIndex,
  m022SearchLetters,
  m023BudgetKeyFigures,
  m024PersonsByDossier,
];

export const LATEST_SCHEMA_VERSION = migrations.length;
