// A gentle, dismissible invitation to the four ONS questions, at most once a month and never forced (shown by
// Ons4InviteSlot when they are due; here, unless it was put aside this month).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ons4IsDue } from '../../../shared/ons4Bands.ts';

const DISMISSED_KEY = 'ons4InviteDismissedAt';

function dismissedAt(): string | undefined {
  try {
    return localStorage.getItem(DISMISSED_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export default function Ons4Invite() {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(dismissedAt);
  if (!ons4IsDue(dismissed, new Date())) return null;

  function dismiss() {
    const at = new Date().toISOString();
    try {
      localStorage.setItem(DISMISSED_KEY, at);
    } catch {
      // Without storage it just comes back next time.
    }
    setDismissed(at);
  }

  return (
    <section className="card ons4-invite" aria-labelledby="ons4-invite-text">
      <p id="ons4-invite-text">{t('ons4.invite.text')}</p>
      <div className="button-row">
        <Link to="/ons4" className="button">{t('ons4.invite.start')}</Link>
        <button type="button" className="button button-secondary" onClick={dismiss}>{t('ons4.invite.dismiss')}</button>
      </div>
    </section>
  );
}
