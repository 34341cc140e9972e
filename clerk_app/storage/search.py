"""Full-text search over item titles, purposes and minute blocks (SQLite FTS5).

The clerk's words are never passed to FTS5 as query syntax: each word is quoted, so
``"``, ``(``, ``*``, ``AND`` or ``NEAR`` are searched for as text and cannot cause an error.

Search stays quick in a library of many years. Ranking (bm25) is computed on a cheap query
that returns only row ids and ranks, over at most :data:`CANDIDATES` matches of each table
— the most recently written ones, when a word is found in more rows than that (a common
word: the clerk is then most likely after recent minutes) — and only the ``limit`` rows
kept are read in full, their snippets cut here from their text. FTS5's own ``snippet()``
would re-read the word's whole list of matches for every row.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from clerk_app.storage.rows import clean_text

CANDIDATES = 600  # matches of each table ranked, at most (the newest ones)
SPELT_OUT_AT_MOST = 24  # a prefix with more words than this is left to FTS5
SNIPPET_TOKENS = 12
ELLIPSIS = "…"


@dataclass(frozen=True)
class SearchHit:
    meeting_id: str
    item_id: str
    block_id: str | None  # None when the item's title or purpose matched
    body_name: str
    meeting_date: date
    item_title: str
    snippet: str


def _quoted(text: str) -> list[str]:
    """The clerk's words, each quoted for FTS5 (so none is query syntax)."""
    words = [w for w in clean_text(text).split() if w.strip('"')]
    return ['"' + w.replace('"', '""') + '"' for w in words]


def fts_query(text: str, *, prefix: bool = True) -> str:
    """An FTS5 query matching every word of ``text`` literally ("" if there are none)."""
    quoted = _quoted(text)
    if not quoted:
        return ""
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def _ranked(
    conn: sqlite3.Connection, table: str, query: str, limit: int
) -> list[tuple[float, int]]:
    """(rank, rowid) of the best ``limit`` matches in ``table`` among its newest
    :data:`CANDIDATES` matches; no text is read. One pass newest first, bm25 worked out
    for those rows alone and sorted here: half the time of asking FTS5 to order a range
    by rank, which weighs every match of a common word."""
    newest = conn.execute(
        f"SELECT rank, rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
        (query, CANDIDATES),
    ).fetchall()
    return sorted(newest)[:limit]


def _spelt_out(conn: sqlite3.Connection, table: str, text: str) -> str:
    """The prefix query for ``text`` with its last word's prefix written out as the words
    of ``table``'s index that begin with it (``"committee"*`` as ``("committee" OR
    "committees")``), when they are few. FTS5 gathers every match of a prefix in memory
    before it gives the first, however few are asked for: 9 ms for a word in 127,000
    blocks, against 2.5 ms for the same word spelt out, which it reads newest first and
    stops. The matches are the same."""
    query = fts_query(text)
    words = clean_text(text).split()
    word = words[-1].strip('"') if words else ""
    if not (word.isascii() and word.isalnum()):
        # "co-op*" is a phrase whose last word is the prefix, and a word with letters
        # beyond ASCII is folded by FTS5 in ways Python's folding need not match
        # ("ß", "ﬁ"): both left to FTS5's own prefix search
        return query
    stem = word.lower()
    vocab = f"{table}_terms"
    try:
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab} "
            f"USING fts5vocab(main, '{table}', 'row')"
        )
        terms = [
            term
            for (term,) in conn.execute(
                f"SELECT term FROM temp.{vocab} WHERE term >= ? AND term < ? LIMIT ?",
                (stem, stem + "\U0010ffff", SPELT_OUT_AT_MOST + 1),
            )
        ]
    except sqlite3.Error:
        return query  # FTS5's own prefix search
    if not terms or len(terms) > SPELT_OUT_AT_MOST:
        return query
    spelt = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
    # FTS5 takes a group in brackets only after an explicit AND; a word of no letters or
    # digits ("'") is an empty phrase, which FTS5 passes over beside another but not in
    # an explicit AND, so it is left out
    head = [q for q in _quoted(text)[:-1] if query_words(q)]
    return " AND ".join([*head, spelt if len(terms) == 1 else f"({spelt})"])


_ITEM_SQL = """
SELECT m.id, i.id, NULL, b.name, m.date, i.title, f.title, f.purpose
FROM items_fts f
JOIN items i ON i.seq = f.rowid
JOIN meetings m ON m.id = i.meeting_id
JOIN bodies b ON b.id = m.body_id
WHERE f.rowid = ?
"""
_BLOCK_SQL = """
SELECT m.id, i.id, bl.id, b.name, m.date, i.title, f.text
FROM blocks_fts f
JOIN blocks bl ON bl.seq = f.rowid
JOIN items i ON i.id = bl.item_id
JOIN meetings m ON m.id = bl.meeting_id
JOIN bodies b ON b.id = m.body_id
WHERE f.rowid = ?
"""


def search(
    conn: sqlite3.Connection,
    text: str,
    limit: int = 50,
    *,
    prefix: bool = True,
    mark: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    query = fts_query(text, prefix=prefix)
    if not query or limit <= 0:
        return []
    items = _spelt_out(conn, "items_fts", text) if prefix else query
    blocks = _spelt_out(conn, "blocks_fts", text) if prefix else query
    kept = sorted(
        [(rank, 0, rowid) for rank, rowid in _ranked(conn, "items_fts", items, limit)]
        + [(rank, 1, rowid) for rank, rowid in _ranked(conn, "blocks_fts", blocks, limit)]
    )[:limit]
    words = query_words(text)
    found: list[tuple[float, SearchHit]] = []
    for rank, table, rowid in kept:
        row = conn.execute(_BLOCK_SQL if table else _ITEM_SQL, (rowid,)).fetchone()
        if row is None:
            continue
        if table:
            cut = snippet(row[6] or "", words, prefix=prefix, mark=mark)
        else:
            title = snippet(row[6] or "", words, prefix=prefix, mark=mark)
            purpose = snippet(row[7] or "", words, prefix=prefix, mark=mark)
            cut = purpose if purpose.count(mark[0]) > title.count(mark[0]) else title
        hit = SearchHit(
            meeting_id=row[0],
            item_id=row[1],
            block_id=row[2],
            body_name=row[3],
            meeting_date=date.fromisoformat(row[4]),
            item_title=row[5],
            snippet=cut,
        )
        found.append((rank, hit))
    found.sort(
        key=lambda f: (f[0], -f[1].meeting_date.toordinal(), f[1].item_id, f[1].block_id or "")
    )
    return [hit for _rank, hit in found]


# ------------------------------------------------------------------------- snippets

# FTS5's unicode61 tokenizer: a token is a run of letters and digits; everything else
# separates tokens ("remove_diacritics 2": accents do not matter).
_TOKEN = re.compile(r"[^\W_]+")


def _fold(token: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_words(text: str) -> list[str]:
    """The tokens of the clerk's query, folded as the index folds them."""
    return [_fold(t) for t in _TOKEN.findall(clean_text(text))]


def snippet(
    text: str,
    words: list[str],
    *,
    prefix: bool = True,
    mark: tuple[str, str] = ("[", "]"),
    size: int = SNIPPET_TOKENS,
) -> str:
    """Up to ``size`` tokens of ``text`` around its best run of query ``words``, each match
    wrapped in ``mark``, with "…" where text is left out (as FTS5's ``snippet()`` does)."""
    spans = [(m.start(), m.end(), _fold(m.group())) for m in _TOKEN.finditer(text)]
    if not spans:
        return ""
    exact = set(words)
    last = words[-1] if words and prefix else None

    def matches(token: str) -> bool:
        return token in exact or (last is not None and token.startswith(last))

    hit = [matches(s[2]) for s in spans]
    best, best_count = 0, -1
    for start in range(max(1, len(spans) - size + 1)):
        count = sum(hit[start : start + size])
        if count > best_count:
            best, best_count = start, count
    first = next((i for i in range(best, min(len(spans), best + size)) if hit[i]), best)
    start = max(0, min(best, first - 2))  # a little context before the first match
    end = min(len(spans), start + size)
    out: list[str] = [ELLIPSIS] if start > 0 else []
    pos = spans[start][0]
    for i in range(start, end):
        s, e, _token = spans[i]
        out.append(text[pos:s])
        out.append(f"{mark[0]}{text[s:e]}{mark[1]}" if hit[i] else text[s:e])
        pos = e
    if end < len(spans):
        out.append(ELLIPSIS)
    return "".join(out)
