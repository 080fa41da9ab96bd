// Keeps the look on its tokens: a colour is written once, in a sheet's `:root` block, and used everywhere by name;
// focus has one colour; buttons have one class (`.button` in app.css) instead of a copy per feature; a class two
// features use lives in app.css, so changing one feature's sheet never restyles another's screen.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
// The two sheets allowed to define buttons: the app's shared controls and the PA page's own (it does not load app.css).
const BUTTON_HOMES = ['app/styles/app.css', 'pa/pa.css'];

type Declaration = { where: string; selector: string; property: string; value: string };

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(full);
    return entry.name.endsWith('.css') ? [full] : [];
  });
}

/** Every `property: value` with the selector of the rule it stands in (at-rules like @media are looked through). */
function declarationsOf(css: string, file: string): Declaration[] {
  // Comments become spaces, so line numbers still match the file.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const selectors: string[] = [];
  const found: Declaration[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      selectors.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (char === ';' || char === '}') {
      const chunk = text.slice(start, i);
      const colon = chunk.indexOf(':');
      const selector = selectors.at(-1);
      if (selector && !selector.startsWith('@') && colon > 0) {
        const line = text.slice(0, start + chunk.search(/\S/)).split('\n').length;
        found.push({ where: `${file}:${line}`, selector, property: chunk.slice(0, colon).trim(), value: chunk.slice(colon + 1).trim() });
      }
      if (char === '}') selectors.pop();
      start = i + 1;
    }
  }
  return found;
}

const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i;
const isToken = (d: Declaration) => d.selector === ':root' && d.property.startsWith('--');

/** What breaks the rules in one sheet, each as "file:line what". `tokens` are the custom properties declared anywhere. */
function problemsIn(file: string, css: string, tokens: Set<string>): string[] {
  const problems: string[] = [];
  const rulesSeen = new Set<string>();
  for (const d of declarationsOf(css, file)) {
    if (COLOUR.test(d.value) && !isToken(d)) problems.push(`${d.where} colour outside the tokens: ${d.property}: ${d.value}`);
    const drawsOutline = (d.property === 'outline' && !/^(none|0)$/.test(d.value)) || d.property === 'outline-color';
    if (drawsOutline && !/var\(--(pa-)?focus/.test(d.value)) problems.push(`${d.where} focus ring not in the focus colour: ${d.property}: ${d.value}`);
    for (const used of d.value.matchAll(/var\((--[\w-]+)/g)) {
      if (!tokens.has(used[1])) problems.push(`${d.where} uses ${used[1]}, which no :root block declares`);
    }
    // Once a rule: the rule is the copy, not each of its lines.
    if (!BUTTON_HOMES.some((home) => file.endsWith(home)) && !rulesSeen.has(d.selector)) {
      rulesSeen.add(d.selector);
      for (const [, name] of d.selector.matchAll(/\.([\w-]+)/g)) {
        if (/(^|[-_])button($|[-_])/.test(name) && name !== 'button') problems.push(`${d.where} a button class of its own (.${name}): use .button and its modifiers`);
      }
    }
  }
  return problems;
}

/** Which feature a file belongs to: `features/<name>`, `pwa`, or the shell around them (`app`, `pa`). */
function featureOf(file: string): string {
  const inFeature = /app[\\/]features[\\/]([^\\/]+)/.exec(file);
  if (inFeature) return inFeature[1];
  if (/app[\\/]pwa[\\/]/.test(file)) return 'pwa';
  return /^pa[\\/]/.test(file) ? 'pa' : 'app';
}

/** The class names a component writes in its `className=` props (plain strings, or the strings inside `{…}`). */
function classNamesIn(tsx: string): Set<string> {
  const names = new Set<string>();
  for (const match of tsx.matchAll(/className=(?:"([^"]*)"|\{)/g)) {
    let written = match[1] ?? '';
    if (match[1] === undefined) {
      // Up to the brace that closes the expression, then every quoted string in it.
      let depth = 1;
      let end = match.index + match[0].length;
      while (depth > 0 && end < tsx.length) {
        const char = tsx[end++];
        if (char === '{') depth++;
        else if (char === '}') depth--;
      }
      written = [...tsx.slice(match.index, end).matchAll(/(['"`])([^'"`]*)\1/g)].map((q) => q[2]).join(' ');
    }
    for (const name of written.split(/[\s${}]+/)) if (/^[a-z][\w-]*$/i.test(name)) names.add(name);
  }
  return names;
}

/** "file .class is styled in other.css": a class a feature's sheet styles, written by another feature's component. */
function crossFeatureClasses(sheets: { file: string; css: string }[], components: { file: string; tsx: string }[]): string[] {
  const classesOf = (css: string, file: string) => new Set(declarationsOf(css, file).flatMap((d) => [...d.selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1])));
  const shared = new Set(sheets.filter((s) => featureOf(s.file) === 'app').flatMap((s) => [...classesOf(s.css, s.file)]));
  const styledBy = new Map<string, string>();
  for (const sheet of sheets.filter((s) => !['app', 'pa'].includes(featureOf(s.file)))) {
    for (const name of classesOf(sheet.css, sheet.file)) if (!shared.has(name)) styledBy.set(name, sheet.file);
  }
  return components.flatMap(({ file, tsx }) =>
    [...classNamesIn(tsx)]
      .filter((name) => styledBy.has(name) && featureOf(styledBy.get(name)!) !== featureOf(file))
      .map((name) => `${file} .${name} is styled in ${styledBy.get(name)}: move it to app.css, or use the shared one`),
  );
}

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [full] : [];
  });
}

function tokensIn(sheets: { file: string; css: string }[]): Set<string> {
  return new Set(sheets.flatMap(({ file, css }) => declarationsOf(css, file).filter(isToken).map((d) => d.property)));
}

describe('CSS on the tokens', () => {
  it('finds a hard-coded colour, a focus ring of another colour, an unknown token and a feature button', () => {
    const sheet = [
      ':root { --brand: #1d4f91; --focus: #b45309; }',
      '.thing { color: #1d4f91; box-shadow: 0 1px 2px rgb(0 0 0 / 0.2); }',
      '.thing:focus-visible { outline: 3px solid #ffbf47; }',
      '.thing a { color: var(--brand-softer); }',
      '.thing__button { background: var(--brand); }',
      '@media print { .thing { border: 1px solid #000; } }',
    ].join('\n');
    const problems = problemsIn('app/features/thing/thing.css', sheet, tokensIn([{ file: 'thing.css', css: sheet }]));
    expect(problems).toEqual([
      'app/features/thing/thing.css:2 colour outside the tokens: color: #1d4f91',
      'app/features/thing/thing.css:2 colour outside the tokens: box-shadow: 0 1px 2px rgb(0 0 0 / 0.2)',
      'app/features/thing/thing.css:3 colour outside the tokens: outline: 3px solid #ffbf47',
      'app/features/thing/thing.css:3 focus ring not in the focus colour: outline: 3px solid #ffbf47',
      'app/features/thing/thing.css:4 uses --brand-softer, which no :root block declares',
      'app/features/thing/thing.css:5 a button class of its own (.thing__button): use .button and its modifiers',
      'app/features/thing/thing.css:6 colour outside the tokens: border: 1px solid #000',
    ]);
  });

  it('lets tokens hold colours, focus rings use them, and features place the one .button', () => {
    const sheet = [
      ':root { --focus: #b45309; --shadow: rgb(0 0 0 / 0.2); }',
      '/* #ffffff in a comment is words, not a colour */',
      '.thing:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }',
      '.thing .button { margin-block: 0.25rem; box-shadow: 0 1px 2px var(--shadow); }',
      '.thing-delete-buttons { display: flex; }',
      '.thing:focus { outline: none; }',
    ].join('\n');
    expect(problemsIn('app/features/thing/thing.css', sheet, tokensIn([{ file: 'thing.css', css: sheet }]))).toEqual([]);
  });

  it('finds a class one feature styles and another feature writes, and lets shared classes and its own ones be', () => {
    const sheets = [
      { file: 'app/styles/app.css', css: '.button { color: var(--text); }' },
      { file: 'app/features/sharing/sharing.css', css: '.sharing-list { padding: 0; } .sharing .button { margin: 0; }' },
    ];
    const components = [
      { file: 'app/features/sharing/SharedList.tsx', tsx: '<ul className="sharing-list"><li className={on ? `button` : "x"} /></ul>' },
      { file: 'app/features/my-data/MyDevices.tsx', tsx: '<ul className={`sharing-list ${extra}`}><li className="button" /></ul>' },
    ];
    expect(crossFeatureClasses(sheets, components)).toEqual([
      'app/features/my-data/MyDevices.tsx .sharing-list is styled in app/features/sharing/sharing.css: move it to app.css, or use the shared one',
    ]);
  });

  it('no component writes a class that another feature\'s sheet styles', () => {
    const sheets = cssFiles(SRC).map((full) => ({ file: path.relative(SRC, full), css: readFileSync(full, 'utf8') }));
    const components = componentFiles(SRC).map((full) => ({ file: path.relative(SRC, full), tsx: readFileSync(full, 'utf8') }));
    expect(components.length).toBeGreaterThan(50);
    expect(crossFeatureClasses(sheets, components)).toEqual([]);
  });

  it('every sheet in src takes its colours from the tokens, focus from --focus, buttons from .button', () => {
    const sheets = cssFiles(SRC).map((full) => ({ file: path.relative(SRC, full), css: readFileSync(full, 'utf8') }));
    expect(sheets.map((s) => s.file)).toContain(path.join('app', 'styles', 'app.css'));
    const tokens = tokensIn(sheets);
    expect(sheets.flatMap(({ file, css }) => problemsIn(file, css, tokens))).toEqual([]);
  });
});
