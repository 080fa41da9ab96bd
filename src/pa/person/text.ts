// A shared item's data is the young person's own record as JSON: a field shown as their words is text, or nothing.
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
