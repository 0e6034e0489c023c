import { useEffect, useRef, useState } from 'preact/hooks';
import { query } from '../api';
import { SearchDocument, type SearchQuery } from '../generated/graphql';
import { navigate } from '../route';

type Hit = SearchQuery['search'][number];

const LEVEL: Record<Hit['level'], string> = { PROVINCE: 'Provinsi', KABUPATEN: 'Kab/Kota', DISTRICT: 'Kecamatan', VILLAGE: 'Desa' };
const PATH: Record<Hit['level'], string> = { PROVINCE: 'province', KABUPATEN: 'kabupaten', DISTRICT: 'district', VILLAGE: 'desa' };

function where(hit: Hit): string {
  return [hit.level === 'VILLAGE' ? hit.district?.name : null, hit.level !== 'KABUPATEN' && hit.level !== 'PROVINCE' ? hit.kabupaten?.name : null, hit.level !== 'PROVINCE' ? hit.province.name : null]
    .filter(Boolean)
    .join(' · ');
}

/** Ranked search over every level; arrow keys and Enter pick a result. */
export function SearchBox({ query: search }: { query: string }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const latest = useRef('');
  useEffect(() => {
    const t = text.trim();
    latest.current = t;
    if (t.length < 2) return setHits([]);
    const timer = setTimeout(() => {
      query(SearchDocument, { text: t }).then(
        (data) => latest.current === t && (setHits(data.search), setActive(0)),
        () => setHits([]),
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);
  const href = (hit: Hit) => `/dashboard/${PATH[hit.level]}/${hit.code}${search ? `?${search}` : ''}`;
  const go = (hit: Hit) => {
    setOpen(false);
    setText('');
    navigate(href(hit));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && hits[active]) go(hits[active]!);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };
  return (
    <div class="search" role="search">
      <input
        type="search"
        aria-label="Search a province, kabupaten, kecamatan or desa"
        placeholder="Search a desa, kecamatan, kabupaten…"
        value={text}
        onInput={(e) => (setText((e.target as HTMLInputElement).value), setOpen(true))}
        onKeyDown={onKey}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 200)}
        aria-expanded={open && hits.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
      />
      {open && hits.length > 0 && (
        <ul id="search-results" role="listbox" class="search-results">
          {hits.map((hit, i) => (
            <li key={hit.code} role="option" aria-selected={i === active}>
              <a href={href(hit)} onClick={(e) => (e.preventDefault(), go(hit))}>
                <span class="level">{LEVEL[hit.level]}</span> <strong>{hit.name}</strong> <span class="muted">{where(hit)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
