// Phone numbers, codes and times read in dialling order whatever the text around them: in Arabic or Farsi a bare
// "0800 068 4141" inside a sentence is laid out right-to-left as "4141 068 0800". Each is isolated as left-to-right.
import type { ReactNode } from 'react';

const MARK = '\u0001';
type Values = Record<string, string>;

/**
 * A translated sentence with some values shown in <bdi dir="ltr">: `withLtr((v) => t('x.call', { number: v.number }), { number })`.
 * The translation decides where the number goes; the number itself always reads left to right. With dir 'auto', for
 * someone's own words (a name) in a language we don't know, each value takes the direction of its own first letter.
 */
export function withLtr(render: (slots: Values) => string, values: Values, dir: 'ltr' | 'auto' = 'ltr'): ReactNode[] {
  const names = Object.keys(values);
  const slots = Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]));
  return render(slots)
    .split(new RegExp(`${MARK}(\\d+)${MARK}`))
    .map((part, i) => (i % 2 === 1 ? <bdi dir={dir} key={i}>{values[names[Number(part)]]}</bdi> : part));
}
