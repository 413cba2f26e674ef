"""Expectation files: loading, validation, which checks and ways of differing an entry lists, the update."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.engine.expectations import Expectations, ExpectationsError
from tests.support import write_expectations


def test_entries_match_by_id_or_pattern_and_version(tmp_path: Path) -> None:
    path = write_expectations(
        tmp_path,
        '[[expected-failure]]\ncheck = "case:cells/*"\nreason = "cells differ"\n\n'
        '[[expected-failure]]\ncheck = "case:unbound/x"\nreason = "fixed later"\nbefore = "3.12.4"\n',
    )
    expectations = Expectations.load(path)
    entry = expectations.match("case:cells/anything", (3, 12, 1))
    assert entry is not None and entry.reason == "cells differ"
    assert expectations.match("case:unbound/x", (3, 12, 1)) is not None
    assert expectations.match("case:unbound/x", (3, 12, 4)) is None
    assert expectations.match("case:capture/y", (3, 12, 1)) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[expected-failure]\n", "is not valid TOML"),
        ('[[expected-failure]]\ncheck = "x"\n', "entry 1: needs a `check` \\(or an `area`\\) and a `reason`"),
        ('[[expected-failure]]\ncheck = "x"\nreason = "r"\ncolour = "blue"\n', "entry 1: unknown key colour"),
        ('[[expected-failure]]\ncheck = "x"\nreason = "r"\nbefore = "soon"\n', "before = 'soon' is not a version"),
        ('[[expected-failure]]\ncheck = "x"\nreason = "r"\nintermittent = "yes"\n', "intermittent = 'yes' is not true"),
        ('[[expected-fail]]\ncheck = "x"\n', "unknown table expected-fail"),
        ('[[expected-failure]]\narea = "cels"\nreason = "r"\n', "entry 1: area = 'cels' is not one of capture, "),
    ],
)
def test_a_bad_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ExpectationsError, match=message):
        Expectations.load(write_expectations(tmp_path, text))


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExpectationsError, match=r"cannot read expectations file .*nope\.toml"):
        Expectations.load(tmp_path / "nope.toml")


def test_the_shipped_expectation_files_load() -> None:
    shipped = sorted((Path(__file__).parent.parent / "conformance" / "expectations").glob("*.toml"))
    assert shipped
    for path in shipped:
        assert Expectations.load(path)


def test_entries_match_by_area_and_level(tmp_path: Path) -> None:
    path = write_expectations(
        tmp_path, '[[expected-failure]]\narea = "cells"\nlevel = "data-model"\nreason = "no cells"\n'
    )
    expectations = Expectations.load(path)
    assert expectations.match("case:cells/x", (3, 9), "cells", "data-model") is not None
    assert expectations.match("case:cells/x", (3, 9), "cells", "language") is None
    assert expectations.match("case:capture/x", (3, 9), "capture", "data-model") is None


def test_a_signature_entry_names_one_way_a_generated_check_differs(tmp_path: Path) -> None:
    path = write_expectations(
        tmp_path,
        '[[expected-failure]]\ncheck = "generated:*/language#compile:none->SystemError"\nreason = "compiler bug"\n\n'
        '[[expected-failure]]\ncheck = "generated:unbound/*"\nreason = "the whole property"\n',
    )
    expectations = Expectations.load(path)
    assert expectations.match("generated:capture/language#compile:none->SystemError", (3, 9)) is not None
    assert expectations.match("generated:capture/language#value", (3, 9)) is None
    assert expectations.match("generated:capture/language", (3, 9)) is None  # the property itself is not listed
    assert expectations.match("generated:unbound/language", (3, 9)) is not None
    assert expectations.match("generated:unbound/language#value", (3, 9)) is None
