// Save a service to my list. Backed up with everything else they own, never shared: what someone saves can say a lot about them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { saveService, unsaveService } from './mutations.ts';
import { useSavedService } from './queries.ts';

export function FavouriteButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const saved = useSavedService(id);
  const [announce, setAnnounce] = useState('');
  const toggle = async () => {
    if (saved) {
      await unsaveService(id);
      setAnnounce(t('directory.service.removed'));
    } else {
      await saveService(id);
      setAnnounce(t('directory.service.saved'));
    }
  };
  return (
    <p>
      <button type="button" className="button" aria-pressed={Boolean(saved)} onClick={() => void toggle()}>
        {saved ? t('directory.service.unsave') : t('directory.service.save')}
      </button>
      <span role="status" className="dir-hint"> {announce}</span>
    </p>
  );
}
