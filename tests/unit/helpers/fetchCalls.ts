// What a stubbed fetch was asked: its URL (a string, URL or Request) and its JSON body (the app only ever sends JSON text).
export const urlOf = (input: RequestInfo | URL): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
export const jsonBodyOf = (init: RequestInit | undefined): unknown => (typeof init?.body === 'string' ? JSON.parse(init.body) : undefined);
