import { describe, expect, it } from 'vitest';

import { isAppNavigation } from './swRules.ts';

describe('which addresses open the saved app when offline', () => {
  it('opens the saved app for every screen of the app', () => {
    for (const path of ['/', '/history', '/help', '/directory/service/123', '/settings', '/pathway', '/apix']) {
      expect(isAppNavigation(path), path).toBe(true);
    }
  });

  it('never answers the API or the PA page from the saved app', () => {
    for (const path of ['/api', '/api/v1/sync/pull', '/pa', '/pa/', '/pa/inbox']) {
      expect(isAppNavigation(path), path).toBe(false);
    }
  });
});
