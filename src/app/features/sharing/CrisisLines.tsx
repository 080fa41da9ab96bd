// The national crisis lines, shown right where a young person shares something out of their PA's hours.
import { useTranslation } from 'react-i18next';

import crisis from '../../../shared/directory/data/crisis-contacts.json';
import { crisisServices } from '../../../shared/directory/seed.ts';
import { ContactLinks } from '../directory/ContactLinks.tsx';

const LINES = crisisServices(crisis.contacts);

export function CrisisLines() {
  const { t } = useTranslation();
  return (
    <ul className="sharing-crisis-lines">
      {LINES.map((line) => {
        const key = line.id.replace(/^crisis-/, '');
        return (
          <li key={line.id}>
            <p className="sharing-crisis-name">{t(`help.lines.${key}.name`, { defaultValue: line.name })}</p>
            <ContactLinks contacts={line.contacts} name={line.name} />
          </li>
        );
      })}
    </ul>
  );
}
