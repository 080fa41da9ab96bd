// `npm run bench:check` (CI): fails when the built app is over its download budgets. Fast: no browser, no floor build.
import path from 'node:path';

import { budgetTable, measureBudgets } from './budgets.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');

try {
  const { lines } = measureBudgets(dist, path.join(root, 'locales'));
  console.log('Download budgets (dist/)\n');
  console.log(budgetTable(lines));
  const over = lines.filter((l) => l.over);
  if (over.length > 0) {
    console.error(`\n${over.length} budget(s) exceeded. Move code behind a lazy import (React.lazy / import()) or trim it; see docs/architecture.md "Quality gates".`);
    process.exit(1);
  }
  console.log('\nAll budgets met.');
} catch (error) {
  console.error(`Could not check budgets: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
