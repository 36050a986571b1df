import m001 from './001-meta-audit-units-indicators';
import m002 from './002-offices-targets-results';
import m003 from './003-unit-revisions';
import m004 from './004-target-periods-notes-settings';
import m005 from './005-import-batches';
import m006 from './006-saved-reports';
import m007 from './007-application-id';
import m008 from './008-bulk-revisions';
import m009 from './009-office-details';
import m010 from './010-import-batch-warnings';
import m011 from './011-covering-month-index';
import m012 from './012-agent-network';
import m013 from './013-campaigns';
import m014 from './014-emulation';
import m015 from './015-people';
import m016 from './016-arrears';
import m017 from './017-contribution-rules';
import m018 from './018-people-speed';
import m019 from './019-import-pipeline';
import m020 from './020-identifier-bytes';
import type { Migration } from './step';

/** Every schema step in order. Add a file and a line here; never edit a shipped step. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m017, m018, m019, m020];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export type { Migration, MigrationContext } from './step';
