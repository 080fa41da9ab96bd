// The five places a young person goes most; icons are decoration, the words carry the meaning.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

// Drawn, not typed: symbol characters (☀ ◷ ⌖) look different on every phone, some fonts lack them, and looking
// through the phone's fonts for them slowed the first paint. Each is one 24×24 path in the text colour.
const ICONS = {
  today: 'M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM12 1v3M12 20v3M1 12h3M20 12h3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1',
  history: 'M4 4h16v16H4zM8 9h8M8 13h8M8 17h5',
  directory: 'M12 22s7-6.5 7-12a7 7 0 0 0-14 0c0 5.5 7 12 7 12zM12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  appointments: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3',
  more: 'M4 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0zM11 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0zM18 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0z',
};

const ITEMS = [
  { to: '/', key: 'nav.today', icon: ICONS.today, end: true },
  { to: '/history', key: 'nav.history', icon: ICONS.history, end: false },
  { to: '/directory', key: 'nav.directory', icon: ICONS.directory, end: false },
  { to: '/appointments', key: 'nav.appointments', icon: ICONS.appointments, end: false },
  { to: '/settings', key: 'nav.more', icon: ICONS.more, end: false },
] as const;

export function BottomNav() {
  const { t } = useTranslation();
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="bottom-nav-link">
              <svg aria-hidden="true" className="bottom-nav-icon" viewBox="0 0 24 24" focusable="false">
                <path d={item.icon} />
              </svg>
              <span className="bottom-nav-label">{t(item.key)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
