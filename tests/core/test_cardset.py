"""The catalogue: ordering, images and the problems it finds."""

from __future__ import annotations

from mkdocs_participation.core.cards import folder_kind, load_card
from mkdocs_participation.core.cardset import ImageOptions, build_card_set
from mkdocs_participation.core.problems import Severity

FOLDERS = {"methodes": "methode"}


def make(path: str, front: str, kind: str = "methode"):
    return load_card(path, f"---\n{front.strip()}\n---\n", kind)


def test_cards_are_ordered_by_ordre_then_title():
    cards = [
        make("methodes/b.md", "title: Beta\ntagline: x"),
        make("methodes/c.md", "title: Gamma\ntagline: x\nordre: 1"),
        make("methodes/a.md", "title: Éclair\ntagline: x"),
        make("methodes/d.md", "title: alpha\ntagline: x"),
    ]
    card_set = build_card_set(cards, [])
    assert [c.title for c in card_set.of_kind("methode")] == ["Gamma", "alpha", "Beta", "Éclair"]


def test_images_are_found_in_the_images_folder_next_to_the_card_or_from_the_root():
    cards = [
        make(
            "methodes/a.md",
            "title: A\ntagline: x\nimg-bg: a.png\nlogo: logo.svg\n"
            "vignette_video_demo: /uploads/v.png",
        ),
    ]
    files = ["images/a.png", "methodes/logo.svg", "uploads/v.png"]
    card_set = build_card_set(cards, files)
    card = card_set.cards[0]
    assert card_set.image(card, "img-bg") == "images/a.png"
    assert card_set.image(card, "logo") == "methodes/logo.svg"
    assert card_set.image(card, "vignette_video_demo") == "uploads/v.png"
    assert card.problems == []


def test_missing_and_remote_images_are_reported_at_the_configured_level():
    cards = [
        make(
            "methodes/a.md",
            "title: A\ntagline: x\nimg-bg: absent.png\nlogo: https://cdn.example.org/logo.png",
        )
    ]
    card_set = build_card_set(
        cards, [], ImageOptions(folder="illustrations", missing=Severity.INFO)
    )
    messages = [str(p) for p in card_set.cards[0].problems]
    assert messages == [
        "methodes/a.md:4: img-bg: image not found: 'absent.png' "
        "(add the file illustrations/absent.png or empty the key)",
        "methodes/a.md:5: logo: images from other sites are not loaded (visitors' privacy) "
        "(save the image in illustrations/ and name the file)",
    ]
    assert {p.severity for p in card_set.cards[0].problems} == {Severity.INFO}


def test_an_svg_image_holding_a_script_is_an_error_on_its_key():
    card = make("methodes/a.md", "title: A\ntagline: x\nlogo: logo.svg\nimg-bg: ok.svg")
    files = {
        "images/logo.svg": b'<svg onload="alert(1)"><title>Logo</title></svg>',
        "images/ok.svg": b"<svg><title>Logo</title></svg>",
    }
    build_card_set([card], files, read=files.__getitem__)
    [problem] = card.problems
    assert (problem.line, problem.key, problem.severity) == (4, "logo", Severity.ERROR)
    assert "'images/logo.svg' holds a script" in problem.message


def test_an_svg_named_by_many_cards_is_read_once_and_reported_on_each():
    cards = [make(f"methodes/m{i}.md", "title: M\ntagline: x\nlogo: logo.svg") for i in range(3)]
    reads = []

    def read(path):
        reads.append(path)
        return b'<svg onload="alert(1)"/>'

    build_card_set(cards, ["images/logo.svg"], read=read)
    assert reads == ["images/logo.svg"]
    assert [len(card.problems) for card in cards] == [1, 1, 1]


def test_file_names_giving_one_slug_keep_both_cards_and_name_both_files():
    paths = [
        "methodes/Atelier.md",
        "methodes/atelier.md",
        "methodes/caf\u00e9.md",
        "methodes/cafe\u0301.md",
        "methodes/mon atelier.md",
        "methodes/mon-atelier.md",
        "methodes/nord/forum.md",
        "methodes/sud/forum.md",
        "outils/forum.md",
    ]
    cards = [
        make(path, "title: T\ntagline: x", "outil" if "outil" in path else "methode")
        for path in paths
    ]
    card_set = build_card_set(cards, [])
    slugs = {card.path: card.slug for card in card_set.cards}
    assert len(set(slugs.values()) - {"forum"}) == len(paths) - 2
    assert slugs["methodes/nord/forum.md"] == "forum" == slugs["outils/forum.md"]
    assert slugs["methodes/sud/forum.md"] == "forum-2"
    problems = {card.path: [str(p) for p in card.problems] for card in card_set.cards}
    assert problems["methodes/atelier.md"] == [
        "methodes/atelier.md: this file name gives the slug 'atelier' of methodes/Atelier.md; "
        "this card is listed as 'atelier-2' (rename one of the two files)"
    ]
    assert problems["methodes/caf\u00e9.md"] == [
        "methodes/caf\u00e9.md: this file name gives the slug 'cafe' of methodes/cafe\u0301.md; "
        "this card is listed as 'cafe-2' (rename one of the two files)"
    ]
    assert problems["methodes/mon-atelier.md"][0].startswith(
        "methodes/mon-atelier.md: this file name gives the slug 'mon-atelier' of "
        "methodes/mon atelier.md;"
    )
    assert problems["methodes/Atelier.md"] == problems["outils/forum.md"] == []
    assert all(
        card.problems[0].severity is Severity.ERROR for card in card_set.cards if card.problems
    )


def test_index_and_readme_are_recognised_exactly_as_mkdocs_does():
    assert folder_kind("methodes/index.md", FOLDERS) is None
    assert folder_kind("methodes/README.md", FOLDERS) is None
    assert folder_kind("methodes/index.markdown", FOLDERS) is None
    for card_name in ("Index.md", "INDEX.md", "readme.md", "Readme.md"):
        assert folder_kind(f"methodes/{card_name}", FOLDERS) == "methode"
