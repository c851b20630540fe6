"""Which phrases of a search each marked word matches, as FTS5 decides it (case, accents, the
tokenizer's idea of a word), for a search that scores rows itself (search.py)."""

from __future__ import annotations

import sqlcipher3

from peercoach_desktop.storage.schema import FTS_TOKENIZE

_FIRST = frozenset({0})


def _plain(word: str) -> bool:
    return word.isascii() and word.isalnum()


class WordMatcher:
    """The marked words go into a small in-memory FTS5 table with the notebook's tokenizer, and
    each phrase is matched against them there. With one phrase, every marked word is its."""

    def __init__(
        self, conn: sqlcipher3.Connection, phrases: tuple[str, ...], *, marks_are_phrases: bool
    ) -> None:
        self.conn, self.phrases = conn, phrases
        # The words were marked by the query of these phrases (not by a shorter one): with
        # one phrase, each is an instance of it.
        self.marks_are_phrases = marks_are_phrases
        self.known: dict[str, frozenset[int]] = {}
        self.used = False
        # Each phrase as (lowercase word, is a prefix) when all are plain ASCII words.
        parsed = [(p.rstrip("*")[1:-1].replace('""', '"'), p.endswith("*")) for p in phrases]
        self.plain = (
            [(text.lower(), prefix) for text, prefix in parsed] if all(_plain(t) for t, _ in parsed) else None
        )

    def learn(self, words: set[str]) -> None:
        new = [w for w in words if w not in self.known]
        if len(self.phrases) == 1 and self.marks_are_phrases:
            self.known.update((w, _FIRST) for w in new)
            return
        if self.plain is not None:  # ASCII letters and digits: the tokenizer only lowercases them
            for word in [w for w in new if _plain(w)]:
                low = word.lower()
                self.known[word] = frozenset(
                    n
                    for n, (text, prefix) in enumerate(self.plain)
                    if (low.startswith(text) if prefix else low == text)
                )
            new = [w for w in new if w not in self.known]
        if not new:
            return
        self._table()
        self.conn.execute("DELETE FROM temp.search_words")
        self.conn.executemany(
            "INSERT INTO temp.search_words(rowid, word) VALUES (?, ?)", list(enumerate(new))
        )
        hits: dict[int, set[int]] = {n: set() for n in range(len(new))}
        for index, phrase in enumerate(self.phrases):
            for (n,) in self.conn.execute(
                "SELECT rowid FROM search_words WHERE search_words MATCH ?", (phrase,)
            ):
                hits[n].add(index)
        self.known.update((new[n], frozenset(found)) for n, found in hits.items())

    def _table(self) -> None:
        self.used = True
        # Once per connection: a schema change makes SQLite prepare every statement anew.
        if not self.conn.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'search_words'").fetchone():
            self.conn.execute(
                f"CREATE VIRTUAL TABLE temp.search_words USING fts5(word, tokenize='{FTS_TOKENIZE}')"
            )

    def close(self) -> None:
        if self.used:
            self.conn.execute("DELETE FROM temp.search_words")  # the user's words not kept around
