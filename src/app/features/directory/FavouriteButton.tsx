// Save a service to my list. Backed up with everything else they own, never shared: what someone saves can say a lot about them.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/db.ts';
import { deleteRecord, saveRecord } from '../../data/records.ts';

// Found by reading the few saved places, not by an index: an index would keep which service each one is readable
// with the PIN on (data/lock/encryptAtRest.ts seals everything but keys and indexes).
const copiesOf = (id: string) => db.favourites.filter((f) => f.serviceId === id).toArray();

export function FavouriteButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const saved = useLiveQuery(async () => (await copiesOf(id))[0], [id]);
  const [announce, setAnnounce] = useState('');
  const toggle = async () => {
    if (saved) {
      // Every copy: a phone that saved it before a restore brought the same place back holds two.
      for (const copy of await copiesOf(id)) await deleteRecord('favourite', copy.id);
      setAnnounce(t('directory.service.removed'));
    } else {
      await saveRecord('favourite', { id: crypto.randomUUID(), serviceId: id, savedAt: new Date().toISOString() });
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
