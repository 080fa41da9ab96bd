// The five places a young person goes most; icons are decoration, the words carry the meaning.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const ITEMS = [
  { to: '/', key: 'nav.today', icon: '☀', end: true },
  { to: '/history', key: 'nav.history', icon: '▤', end: false },
  { to: '/directory', key: 'nav.directory', icon: '⌖', end: false },
  { to: '/appointments', key: 'nav.appointments', icon: '◷', end: false },
  { to: '/settings', key: 'nav.more', icon: '⋯', end: false },
] as const;

export function BottomNav() {
  const { t } = useTranslation();
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="bottom-nav-link">
              <span aria-hidden="true" className="bottom-nav-icon">{item.icon}</span>
              <span className="bottom-nav-label">{t(item.key)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
