// The page keeps itself up to date while it is open: the caseload is asked for again every few seconds (and at once
// when the tab comes back into view), so a new "Please call me" shows without a reload and counts in the tab title.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

import type { CaseloadEntry } from '../shared/sharing/caseload.ts';
import { paFetch, PaHttpError } from './api.ts';
import { setTitleBadge } from './page.tsx';

const POLL_MS = 3000;

/** Runs `load` at once (and again when it changes), then every `ms` and whenever the tab becomes visible again, until unmounted. */
export function usePolling(load: () => unknown, ms = POLL_MS): void {
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), ms);
    const onVisible = () => { if (document.visibilityState === 'visible') void load(); };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load, ms]);
}

/** A young person who disconnected: their card says when, until the PA removes it. */
export type EndedEntry = { personId: string; name: string; label: string | null; endedAt: string };

export type LiveCaseload = { caseload: CaseloadEntry[] | null; ended: EndedEntry[]; failed: boolean; refresh: () => Promise<void> };

const LiveContext = createContext<LiveCaseload | null>(null);

export function LiveCaseloadProvider({ children }: { children: ReactNode }) {
  const [caseload, setCaseload] = useState<CaseloadEntry[] | null>(null);
  const [ended, setEnded] = useState<EndedEntry[]>([]);
  const [failed, setFailed] = useState(false);
  const refresh = useCallback(async () => {
    try {
      const r = await paFetch<{ caseload: CaseloadEntry[]; ended?: EndedEntry[] }>('GET', '/pa/caseload');
      setCaseload(r.caseload);
      setEnded(r.ended ?? []);
      setFailed(false);
    } catch (e) {
      if (!(e instanceof PaHttpError && e.status === 401)) setFailed(true);
    }
  }, []);
  usePolling(refresh);
  const unseen = caseload?.reduce((sum, e) => sum + e.unseen, 0) ?? 0;
  useEffect(() => setTitleBadge(unseen), [unseen]);
  useEffect(() => () => setTitleBadge(0), []);
  return <LiveContext.Provider value={{ caseload, ended, failed, refresh }}>{children}</LiveContext.Provider>;
}

/** The live caseload, or null outside a LiveCaseloadProvider. */
export function useLiveCaseload(): LiveCaseload | null {
  return useContext(LiveContext);
}
