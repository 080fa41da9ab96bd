// What a signed-out phone shows instead of the app: neutral words (no hint of what it held), and a way to start
// again that only the person's own tap takes.
import { useTranslation } from 'react-i18next';

import { DeletedList } from '../features/settings/DeletedList.tsx';
import { useDeletedSummary } from '../features/settings/queries.ts';
import { startAgain } from '../sync/signedOut.ts';

export default function SignedOutScreen() {
  const { t } = useTranslation();
  // Wiped by the person's own "Delete my data": say so, and list what went.
  const deleted = useDeletedSummary();
  return (
    <section className="card" aria-labelledby="signed-out-title">
      <h1 id="signed-out-title">{t(deleted ? 'settings.deleteData.doneTitle' : 'signedOut.title')}</h1>
      {deleted ? <DeletedList summary={deleted} /> : <p>{t('signedOut.text')}</p>}
      <button type="button" className="button button-secondary" onClick={() => void startAgain()}>{t('signedOut.startAgain')}</button>
    </section>
  );
}
