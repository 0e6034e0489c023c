import fs from 'node:fs';
import path from 'node:path';

/**
 * The README is a front page that links into docs/: every relative link of the README and docs/
 * names a file that exists, and every #anchor a heading or `<a id>` of that file (GitHub's slugs).
 */
const ROOT = path.resolve(__dirname, '..');
const PAGES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const slugs = [...text.matchAll(/^#{1,6} (.*)$/gm)].map((m) =>
    m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, '')
      .replace(/ /g, '-'),
  );
  return new Set([...slugs, ...[...text.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1]!)]);
}

describe('the README and docs/', () => {
  test('the README is a front page of at most 300 lines', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(300);
  });

  test.each(PAGES)('every link of %s works', (page) => {
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!) || target!.startsWith('<')) continue;
      const [file, anchor] = target!.split('#') as [string, string | undefined];
      const resolved = file ? path.normalize(path.join(path.dirname(page), file)) : page;
      if (!fs.existsSync(path.join(ROOT, resolved))) broken.push(`${target} (no ${resolved})`);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) broken.push(`${target} (no #${anchor} in ${resolved})`);
    }
    expect(broken).toEqual([]);
  });
});
