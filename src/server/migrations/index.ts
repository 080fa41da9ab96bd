// Every migration, in order. To add one: create NNN_name.ts beside this file and add one line below.
// Migrations repeat each other's shape on purpose (`duplicates` lists them): each is a frozen record of one change to
// a live database, so none may import a helper that could later change what an old migration does.
import type { Migration } from 'kysely';

import * as foundation from './001_foundation.ts';
import * as directory from './002_directory.ts';
import * as appointments from './003_appointments.ts';
import * as sharing from './004_sharing.ts';
import * as oneTimePasswords from './004b_one_time_passwords.ts';
import * as attemptCounters from './008_attempt_counters.ts';
import * as figureReleases from './008b_figure_releases.ts';
import * as language from './010_language.ts';
import * as deletedPeople from './011_deleted_people.ts';
import * as paDay from './012_pa_day.ts';
import * as goalSuggestions from './013_goal_suggestions.ts';
import * as retention from './014_retention.ts';
import * as paPush from './015_pa_push.ts';
import * as sharesOfDeletedRecords from './016_shares_of_deleted_records.ts';

export const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_directory': directory,
  '003_appointments': appointments,
  '004_sharing': sharing,
  '004b_one_time_passwords': oneTimePasswords,
  '008_attempt_counters': attemptCounters,
  '008b_figure_releases': figureReleases,
  '010_language': language,
  '011_deleted_people': deletedPeople,
  '012_pa_day': paDay,
  '013_goal_suggestions': goalSuggestions,
  '014_retention': retention,
  '015_pa_push': paPush,
  '016_shares_of_deleted_records': sharesOfDeletedRecords,
};
