"""Cards with one fault each, of every class the card reader turns into one located line.

Each entry: a name, the card file at ``methodes/<name>.md``, and the problem it must give,
as the plugin and ``check`` print it. The card still builds, with the faulty value left out.
"""

from __future__ import annotations

from .sites import card

BRACKETS = "only an IPv6 address goes between '[' and ']': write the full https:// address"
REAL_DATE = (
    "write a date that exists, such as 2024-05-31, or put the value in quotes to keep it as text"
)
NUMBER = "write a number, or put the value in quotes to keep it as text"


def _card(name: str, front: str, body: str = "Corps.") -> str:
    return card(f"title: Fiche {name}\ntagline: x\n{front}", body)


# (name, file text, expected problem without the "methodes/<name>.md:" prefix)
FAULTS: list[tuple[str, str, str]] = [
    (
        "jour-impossible",
        _card("jour-impossible", "date: 2024-02-30"),
        "4: date: '2024-02-30' is not a real date or time: day is out of range for month; "
        f"it is left out ({REAL_DATE})",
    ),
    (
        "an-zero",
        _card("an-zero", "date: 0000-01-01"),
        "4: date: '0000-01-01' is not a real date or time: year 0 is out of range; "
        f"it is left out ({REAL_DATE})",
    ),
    (
        "heure",
        _card("heure", "date: 2024-01-01 25:00:00"),
        "4: date: '2024-01-01 25:00:00' is not a real date or time: hour must be in 0..23; "
        f"it is left out ({REAL_DATE})",
    ),
    (
        "decalage",
        _card("decalage", "date: 2024-01-01 10:00:00 +25:00"),
        "4: date: '2024-01-01 10:00:00 +25:00' is not a real date or time: a UTC offset must "
        f"be less than 24 hours; it is left out ({REAL_DATE})",
    ),
    (
        "date-en-liste",
        _card("date-en-liste", "atouts:\n- Rapide\n- 2023-13-01"),
        "6: atouts: '2023-13-01' is not a real date or time: month must be in 1..12; "
        f"it is left out ({REAL_DATE})",
    ),
    (
        "date-imbriquee",
        _card("date-imbriquee", "participants:\n  min: 5\n  max: 2023-04-31"),
        "6: participants: '2023-04-31' is not a real date or time: day is out of range for "
        f"month; it is left out ({REAL_DATE})",
    ),
    (
        "date-en-cle",
        _card("date-en-cle", "participants:\n  2023-02-29: 5"),
        "5: participants: '2023-02-29' is not a real date or time: day is out of range for month; "
        f"it is left out ({REAL_DATE})",
    ),
    (
        "chiffre-exposant",
        _card("chiffre-exposant", "ordre: '²'"),
        "4: ordre: expected a whole number, got the text '²' "
        "(write it in digits 0 to 9, such as 12)",
    ),
    (
        "chiffres-arabes",
        _card("chiffres-arabes", "ordre: '١٢'"),
        "4: ordre: expected a whole number, got the text '١٢' "
        "(write it in digits 0 to 9, such as 12)",
    ),
    (
        "mille-chiffres",
        _card("mille-chiffres", "ordre: '" + "7" * 5000 + "'"),
        "4: ordre: number out of range: 7777777777777777777…; it is left out "
        "(write a number between -1 000 000 000 and 1 000 000 000)",
    ),
    (
        "mille-chiffres-nus",
        _card("mille-chiffres-nus", "ordre: " + "7" * 5000),
        "4: ordre: '777777777777777777777777777777777777777…' cannot be read as a number; "
        "it is left out (write a shorter number, or put the value in quotes to keep it as text)",
    ),
    (
        "participants-hors-limite",
        _card("participants-hors-limite", "participants: 10000000000000"),
        "4: participants: number out of range: 10000000000000; it is left out "
        "(write a number between -1 000 000 000 and 1 000 000 000)",
    ),
    (
        "pas-un-nombre",
        _card("pas-un-nombre", "ordre: .nan"),
        f"4: ordre: '.nan' is not a finite number; it is left out ({NUMBER})",
    ),
    (
        "infini",
        _card("infini", "owner: -.inf"),
        f"4: owner: '-.inf' is not a finite number; it is left out ({NUMBER})",
    ),
    (
        "lien-crochets",
        _card("lien-crochets", "access_link: 'https://[placeholder]/inscription'"),
        "4: access_link: not a valid address: 'https://[placeholder]/inscription' "
        "('placeholder' does not appear to be an IPv4 or IPv6 address); "
        f"it is not shown ({BRACKETS})",
    ),
    (
        "contact-crochets",
        _card("contact-crochets", "contact: 'http://[::1'"),
        "4: contact: not a valid address: 'http://[::1' (Invalid IPv6 URL); "
        f"it is not shown ({BRACKETS})",
    ),
    (
        "video-crochets",
        _card("video-crochets", "url_video_demo: 'https://[chaine]/watch?v=x'"),
        "4: url_video_demo: not a valid address: 'https://[chaine]/watch?v=x' "
        "('chaine' does not appear to be an IPv4 or IPv6 address); "
        f"it is not shown ({BRACKETS})",
    ),
    (
        "image-crochets",
        _card("image-crochets", "img-bg: 'https://[cdn]/bandeau.png'"),
        "4: img-bg: not a valid address: 'https://[cdn]/bandeau.png' "
        "('cdn' does not appear to be an IPv4 or IPv6 address); "
        f"it is not shown ({BRACKETS})",
    ),
    (
        "item-crochets",
        _card("item-crochets", "atouts:\n- Voir [le site](https://[site]/)"),
        "5: atouts: not a valid address: 'https://[site]/' "
        f"('site' does not appear to be an IPv4 or IPv6 address); it is not shown ({BRACKETS})",
    ),
    (
        "corps-crochets",
        _card("corps-crochets", "", "Premier paragraphe.\n\nVoir [la page](https://[page]/x)."),
        "8: not a valid address: 'https://[page]/x' "
        f"('page' does not appear to be an IPv4 or IPv6 address); it is not shown ({BRACKETS})",
    ),
    (
        "image-corps-crochets",
        _card("image-corps-crochets", "", "![plan](http://[::1/plan.png)"),
        "6: not a valid address: 'http://[::1/plan.png' (Invalid IPv6 URL); "
        f"it is not shown ({BRACKETS})",
    ),
    (
        "octet-nul",
        _card("octet-nul", 'owner: "Mairie\x00"'),
        "4: invalid YAML: character 0x0000 is not allowed (remove it, or write it as an escape "
        "such as \\x00 in double quotes)",
    ),
    (
        "octet-nul-corps",
        _card("octet-nul-corps", "", "Premier paragraphe.\n\nUn octet \x00 nul."),
        "8: a NUL character (U+0000) in the body; it is not shown "
        "(remove it: an editor can show it as ^@ or \\0)",
    ),
]


# A fault of the plugin itself, stood in for by a hook: building the view of a card whose
# title says "Boum" raises, as an unforeseen bug would.
FAULTY_VIEW = """
from mkdocs_participation import plugin

_card_view = plugin.card_view


def _faulty(card, *others):
    if "Boum" in card.title:
        raise RuntimeError("boum")
    return _card_view(card, *others)


plugin.card_view = _faulty
"""
