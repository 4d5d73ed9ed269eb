import { CreateEventStore1767225600000 } from './1767225600000-create-event-store.migration';

/** Add new migrations at the end; the api's DataSource lists these beside its own. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
export const eventStoreMigrations: Function[] = [CreateEventStore1767225600000];
