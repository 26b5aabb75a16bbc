// Aliased in place of `electron` for tests outside electron/: any use is a boundary violation.
throw new Error('electron was imported outside electron/: this is a bug (see ENGINEERING.md)');
