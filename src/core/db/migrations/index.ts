// Ordered list of schema migrations, bundled into the app. Owned by the services layer.
import type { Migration } from './types';

export const migrations: Migration[] = [];

export const LATEST_SCHEMA_VERSION = migrations.length;
