from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.vault import recovery


@given(st.binary(min_size=32, max_size=32))
def test_code_round_trips_every_key(key: bytes) -> None:
    code = recovery.encode(key)
    assert len(code.split("-")) == 14 and all(len(g) == 4 for g in code.split("-"))
    assert recovery.decode(code) == key


def test_code_typed_sloppily_still_reads() -> None:
    key = os.urandom(32)
    code = recovery.encode(key)
    sloppy = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert recovery.decode(sloppy) == key


def test_one_wrong_character_is_caught_as_a_typo() -> None:
    key = bytes(range(32))
    code = recovery.encode(key)
    position = 10
    wrong = "A" if code[position] != "A" else "B"
    with pytest.raises(UsageError, match="typo"):
        recovery.decode(code[:position] + wrong + code[position + 1 :])


def test_short_code_is_explained() -> None:
    with pytest.raises(UsageError, match="56 characters"):
        recovery.decode("ABCD-EFGH")


def test_character_outside_the_alphabet_is_named() -> None:
    code = recovery.encode(bytes(32)).replace("-", "")
    with pytest.raises(UsageError, match="Character 3"):
        recovery.decode(code[:2] + "U" + code[3:])
