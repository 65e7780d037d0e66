import type { Database } from '../db/database.js';

/** What every use case receives: the database, the company time zone and the current time. */
export interface ServiceContext {
  db: Database;
  timeZone: string;
  now: () => Date;
}

/** Who is acting. Users and roles arrive with the permissions issue; routes already pass one. */
export interface Actor {
  id: string;
}
