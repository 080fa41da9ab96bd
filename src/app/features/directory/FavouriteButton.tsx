// Save a service to my list. Kept on this phone only: what someone saves can say a lot about them.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/db.ts';

export function FavouriteButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const saved = useLiveQuery(async () => Boolean(await db.favourites.get(id)), [id]);
  const [announce, setAnnounce] = useState('');
  const toggle = async () => {
    if (saved) {
      await db.favourites.delete(id);
      setAnnounce(t('directory.service.removed'));
    } else {
      await db.favourites.put({ id, savedAt: new Date().toISOString() });
      setAnnounce(t('directory.service.saved'));
    }
  };
  return (
    <p>
      <button type="button" className="dir-button" aria-pressed={Boolean(saved)} onClick={() => void toggle()}>
        {saved ? t('directory.service.unsave') : t('directory.service.save')}
      </button>
      <span role="status" className="dir-hint"> {announce}</span>
    </p>
  );
}
