"""Which file is whose notebook for which problem: names a file system allows, both layouts, zips, and
every file that is not graded listed with its reason."""
from __future__ import annotations

import os
import unicodedata
import zipfile

import pytest

from grader.batch_inputs import UnsafeArchive, discover, extract_zip, member_name, prepare
from grader.notebook import code_notebook
from tests.classes import (
    DENSE,
    SOFTMAX,
    UNICODE_STUDENTS,
    raw_name_zip,
    unicode_class,
    unicode_path_extra,
    write_zip,
    zip_folder,
)

BANK = {SOFTMAX, DENSE}
NB = code_notebook(["x = 1"])


def found(folder, bank=BANK):
    subs, skipped = discover(folder, bank)
    return {(s.student, s.problem) for s in subs}, skipped


@pytest.mark.parametrize("flat", [False, True], ids=["folders", "flat"])
def test_every_name_a_file_system_allows_is_a_student_kept_as_written(tmp_path, flat):
    expected = unicode_class(tmp_path / "class", flat=flat)
    got, skipped = found(tmp_path / "class")
    assert got == set(expected) and skipped == []
    assert {unicodedata.is_normalized("NFC", s) for s, _ in got} == {True}  # a decomposed name is composed


def test_the_zip_form_of_a_unicode_class_grades_the_same_students(tmp_path):
    expected = unicode_class(tmp_path / "class")
    for top in ("", "Homework 1 (export)"):
        archive = zip_folder(tmp_path / "class", tmp_path / f"class{len(top)}.zip", top=top)
        folder, failed = prepare(archive, tmp_path / f"work{len(top)}")
        got, skipped = found(folder)
        assert failed == [] and got == set(expected) and skipped == []


def test_zip_names_written_without_the_utf8_flag_are_read_as_their_writer_meant(tmp_path):
    cp437 = "Müller".encode("cp437") + f"/{SOFTMAX}.ipynb".encode()  # an old Windows tool
    mac = unicodedata.normalize("NFD", "Zoë").encode() + f"/{SOFTMAX}.ipynb".encode()  # UTF-8, no flag
    legacy = b"Jos\x82/" + f"{SOFTMAX}.ipynb".encode()  # cp437 bytes, named properly by a Unicode path field
    archive = raw_name_zip(tmp_path / "c.zip", {cp437: NB, mac: NB, legacy: NB},
                           extra={legacy: unicode_path_extra(legacy, f"Josué/{SOFTMAX}.ipynb")})
    with zipfile.ZipFile(archive) as zf:
        assert not any(i.flag_bits & 0x800 for i in zf.infolist())
        names = {member_name(i) for i in zf.infolist()}
    assert names == {f"Müller/{SOFTMAX}.ipynb", unicodedata.normalize("NFD", f"Zoë/{SOFTMAX}.ipynb"),
                     f"Josué/{SOFTMAX}.ipynb"}
    folder, _ = prepare(archive, tmp_path / "w")
    got, skipped = found(folder)
    assert got == {("Müller", SOFTMAX), ("Zoë", SOFTMAX), ("Josué", SOFTMAX)} and skipped == []


def test_every_file_not_graded_is_listed_with_its_reason(tmp_path):
    root = tmp_path / "class"
    for rel, data in {
        f"alice/{SOFTMAX}.ipynb": NB,
        "alice/notes.txt": b"",
        "alice/old/ds-x.ipynb": NB,
        "alice/.ipynb_checkpoints/x-checkpoint.ipynb": NB,
        "bob/homework.ipynb": NB,
        f"bob__{DENSE}.ipynb": NB,
        "stray.ipynb": NB,
        "__nobody.ipynb": NB,
        "readme.md": b"",
        ".DS_Store": b"",
        "__MACOSX/._alice": b"",
        f".hidden/{SOFTMAX}.ipynb": NB,
        "carol/.secret.ipynb": NB,
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    (root / "empty student").mkdir()
    (root / "dave").mkdir()
    (root / "dave" / f"{SOFTMAX}.ipynb").symlink_to("/etc/passwd")
    got, skipped = found(root)
    assert got == {("alice", SOFTMAX), ("bob", DENSE)}
    reasons = {s.path: (s.reason, s.counts) for s in skipped}
    assert reasons["alice/notes.txt"][0].startswith("not a notebook")
    assert reasons["alice/old/ds-x.ipynb"][0].startswith("in a subfolder of alice/")
    assert reasons["alice/.ipynb_checkpoints/"] == (reasons["alice/.ipynb_checkpoints/"][0], False)
    assert "unknown problem 'homework'" in reasons["bob/homework.ipynb"][0]
    assert "cannot tell whose notebook" in reasons["stray.ipynb"][0]
    assert "cannot tell whose notebook" in reasons["__nobody.ipynb"][0]
    assert reasons["readme.md"][0].startswith("not a notebook")
    assert reasons[".DS_Store"][1] is False and reasons["__MACOSX/"][1] is False
    assert reasons[".hidden/"][0].startswith("hidden") and reasons[".hidden/"][1]
    assert reasons["carol/.secret.ipynb"][0].startswith("hidden")
    assert "symbolic link" in reasons[f"dave/{SOFTMAX}.ipynb"][0]
    assert reasons["empty student/"][0].startswith("no notebook from this student")
    assert len(skipped) == len(reasons)


def test_the_same_notebook_twice_is_graded_neither_time_and_says_so(tmp_path):
    root = tmp_path / "class"
    (root / "José").mkdir(parents=True)
    (root / "José" / f"{SOFTMAX}.ipynb").write_bytes(NB)
    (root / unicodedata.normalize("NFD", "José")).mkdir()  # the same name, decomposed (a macOS copy)
    (root / unicodedata.normalize("NFD", "José") / f"{SOFTMAX}.ipynb").write_bytes(NB)
    (root / f"José__{DENSE}.ipynb").write_bytes(NB)
    (root / "José" / f"{DENSE}.ipynb").write_bytes(NB)
    (root / "José" / f"{DENSE}-resubmitted.ipynb").write_bytes(code_notebook(["x = 2"], DENSE))
    got, skipped = found(root)
    assert got == set()
    dups = [s for s in skipped if s.reason.startswith("a duplicate")]
    assert len(dups) == 5 and {s.key for s in dups} == {("José", SOFTMAX), ("José", DENSE)}
    assert all(s.counts for s in dups)


def test_a_notebook_named_otherwise_is_found_by_its_metadata(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "Homework 1 - final.ipynb").write_bytes(code_notebook(["x = 1"], SOFTMAX))
    (tmp_path / "alice" / "Untitled.ipynb").write_bytes(code_notebook(["x = 1"], "no-such-problem"))
    got, skipped = found(tmp_path)
    assert got == {("alice", SOFTMAX)}
    assert [s.reason for s in skipped] == ["unknown problem 'Untitled': no problem in the bank has this id; its "
                                           "metadata names 'no-such-problem', no problem either"]


def test_a_name_that_is_not_utf8_is_kept_with_escapes(tmp_path):
    folder = os.fsencode(tmp_path) + b"/J\xe9r\xf4me"
    os.mkdir(folder)
    with open(folder + f"/{SOFTMAX}.ipynb".encode(), "wb") as f:
        f.write(NB)
    got, _ = found(tmp_path)
    assert got == {("J\\xe9r\\xf4me", SOFTMAX)}


def test_one_wrapper_folder_is_looked_into_but_a_class_of_one_is_not(tmp_path):
    (tmp_path / "a" / "export" / "alice").mkdir(parents=True)
    (tmp_path / "a" / "export" / "alice" / f"{SOFTMAX}.ipynb").write_bytes(NB)
    (tmp_path / "a" / "export" / f"bob__{SOFTMAX}.ipynb").write_bytes(NB)
    assert found(tmp_path / "a")[0] == {("alice", SOFTMAX), ("bob", SOFTMAX)}
    (tmp_path / "b" / "alice").mkdir(parents=True)
    (tmp_path / "b" / "alice" / f"{SOFTMAX}.ipynb").write_bytes(NB)
    assert found(tmp_path / "b")[0] == {("alice", SOFTMAX)}


def test_a_zip_entry_this_file_system_cannot_hold_is_listed_not_fatal(tmp_path):
    long = "x" * 300
    archive = write_zip(tmp_path / "c.zip", {f"alice/{SOFTMAX}.ipynb": NB, f"{long}/{SOFTMAX}.ipynb": NB})
    folder, failed = prepare(archive, tmp_path / "w")
    assert [f.path for f in failed] == [f"{long}/{SOFTMAX}.ipynb"] and "could not be extracted" in failed[0].reason
    assert found(folder)[0] == {("alice", SOFTMAX)}


@pytest.mark.parametrize("entries, links, fragment", [
    ({"../evil.ipynb": b"{}"}, None, "outside the archive"),
    ({"a/../../evil.ipynb": b"{}"}, None, "outside the archive"),
    ({"/etc/evil.ipynb": b"{}"}, None, "outside the archive"),
    ({"C:/evil.ipynb": b"{}"}, None, "outside the archive"),
    ({}, {"alice/mle-act-softmax.ipynb": "/etc/passwd"}, "symbolic link"),
])
def test_unsafe_zip_entries_are_refused(tmp_path, entries, links, fragment):
    archive = write_zip(tmp_path / "class.zip", entries, links)
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(UnsafeArchive, match=fragment):
        extract_zip(archive, dest)
    assert not list(dest.rglob("*")) and not (tmp_path / "evil.ipynb").exists()


def test_unicode_students_are_the_ones_the_class_builder_promises():
    assert len(set(UNICODE_STUDENTS.values())) == len(UNICODE_STUDENTS)
