"""The files `build-data` writes into a docs folder, and the manifest that names them."""

from __future__ import annotations

from mkdocs_participation.core.datafiles import MANIFEST, generated_files, write_data_files


def test_no_manifest_means_no_generated_file(tmp_path):
    assert generated_files(tmp_path) == []


def test_the_manifest_never_names_a_file_outside_the_docs_folder(tmp_path):
    (tmp_path / MANIFEST).write_text(
        "# a comment\nmethodes/index.md\n../mkdocs.yml\n/etc/passwd\n\n  donnees/fiches.json  \n",
        encoding="utf-8",
    )
    assert generated_files(tmp_path) == ["methodes/index.md", "donnees/fiches.json"]


def test_files_are_written_and_listed_and_an_authors_file_is_left_alone(tmp_path):
    (tmp_path / "methodes").mkdir()
    (tmp_path / "methodes" / "index.md").write_text("# Mes méthodes\n", encoding="utf-8")
    kept = write_data_files(
        tmp_path,
        {"methodes/index.md": "# Méthodes\n", "donnees/fiches.json": "{}", "a.bin": b"\x00"},
    )
    assert kept == ["methodes/index.md"]
    assert (tmp_path / "methodes" / "index.md").read_text(encoding="utf-8") == "# Mes méthodes\n"
    assert (tmp_path / "donnees" / "fiches.json").read_text(encoding="utf-8") == "{}"
    assert (tmp_path / "a.bin").read_bytes() == b"\x00"
    assert generated_files(tmp_path) == ["a.bin", "donnees/fiches.json"]


def test_a_second_run_rewrites_its_files_and_removes_those_no_longer_wanted(tmp_path):
    write_data_files(tmp_path, {"outils/index.md": "# Outils\n", "donnees/fiches.json": "{}"})
    kept = write_data_files(tmp_path, {"donnees/fiches.json": '{"fiches": []}'})
    assert kept == []
    assert not (tmp_path / "outils" / "index.md").exists()
    assert (tmp_path / "donnees" / "fiches.json").read_text(encoding="utf-8") == '{"fiches": []}'
    assert generated_files(tmp_path) == ["donnees/fiches.json"]
