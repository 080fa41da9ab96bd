// The PA page talks to /api/v1 with its session cookie; a 401 anywhere means "signed out".
export class PaHttpError extends Error {
  constructor(readonly status: number, readonly body: { error?: string; message?: string; field?: string; retryAfterSeconds?: number }) {
    super(body.message ?? `HTTP ${status}`);
  }
}

const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function paFetch<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store',
  });
  const json: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401 && path !== '/pa/login') for (const l of signedOutListeners) l();
    throw new PaHttpError(response.status, json as PaHttpError['body']);
  }
  return json as T;
}
