// Server tests must run on real PostgreSQL as well as SQLite. If it is missing, this fails (never skips) and says why.
import { describe, expect, it } from 'vitest';

import { freshDatabase, POSTGRES_URL } from './helpers/databases.ts';

describe('the PostgreSQL test database', () => {
  it(`is reachable at ${POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')}`, async () => {
    const database = await freshDatabase('postgres');
    expect(database.config.database.dialect).toBe('postgres');
    await database.drop();
  });
});
