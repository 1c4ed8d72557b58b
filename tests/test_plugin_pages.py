"""Card pages built by the plugin in fixture sites."""

from __future__ import annotations

from .sites import ROOT, card

SEED = (ROOT / "docs" / "methodes" / "atelier-citoyen.md").read_text(encoding="utf-8")
SEED_IMAGES = {
    "images/groupetable.png": (ROOT / "docs/images/groupetable.png").read_bytes(),
    "images/logoDITP_print_Baseline.svg": (ROOT / "docs/images/logoDITP_print_Baseline.svg")
    .read_bytes(),
    "uploads/2017/08/02/videoAssembl.png": (ROOT / "docs/uploads/2017/08/02/videoAssembl.png")
    .read_bytes(),
}


def test_seed_card_page_shows_every_key(site):
    built = site({"methodes/atelier-citoyen.md": SEED, **SEED_IMAGES})
    assert built.ok, built.problems
    html = built.html("methodes/atelier-citoyen/")
    assert "<h1>L&#39;atelier citoyen</h1>" in html
    assert "Dispositif fondé sur le principe de délibération collective" in html
    assert 'href="mailto:participationcitoyenne@modernisation.gouv.fr"' in html
    assert "<dd>DITP</dd>" in html
    assert 'alt="Logo de DITP"' in html
    assert "../../images/groupetable.png" in html
    assert 'data-participation-video="https://www.dailymotion.com/embed/video/x711dei"' in html
    assert "../../uploads/2017/08/02/videoAssembl.png" in html
    assert '<time datetime="2017-04-04">4 avril 2017</time>' in html
    for heading in ("Priorités pour l’organisateur", "Facteurs clés de succès", "Atouts",
                    "Limites"):
        assert heading in html
    assert html.count("<li>") >= 4 + 6 + 5 + 2
    assert "Le respect de la méthodologie" in html
    assert "Accéder au dispositif" not in html
    assert "<iframe" not in html
