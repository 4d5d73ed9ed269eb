import { eventStoreMigrations } from '@secondlook/event-store';
import { CreateCaseReadModels1764000000000 } from './1764000000000-create-case-read-models.migration';
import { CreateUsersAndSessions1764100000000 } from './1764100000000-create-users-and-sessions.migration';
import { CreateAuditLog1764100000001 } from './1764100000001-create-audit-log.migration';
import { CreateDocumentsAndRecordsTransfer1764200000000 } from './1764200000000-create-documents-and-records-transfer.migration';
import { CreateReportsAndEquityProfiles1764300000000 } from './1764300000000-create-reports-and-equity-profiles.migration';

/** Every migration the api applies at start-up, oldest first. */
export const apiMigrations = [...eventStoreMigrations, CreateCaseReadModels1764000000000, CreateUsersAndSessions1764100000000, CreateAuditLog1764100000001, CreateDocumentsAndRecordsTransfer1764200000000, CreateReportsAndEquityProfiles1764300000000];
