import { eventStoreMigrations } from '@secondlook/event-store';
import { CreateCaseReadModels1764000000000 } from './1764000000000-create-case-read-models.migration';

/** Every migration the api applies at start-up, oldest first. */
export const apiMigrations = [...eventStoreMigrations, CreateCaseReadModels1764000000000];
