"""Demo video URLs: embed and watch forms, privacy-friendly players, unknown hosts."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.video import parse_video


@pytest.mark.parametrize(
    ("url", "embed", "watch"),
    [
        (
            "https://www.dailymotion.com/embed/video/x711dei",
            "https://www.dailymotion.com/embed/video/x711dei",
            "https://www.dailymotion.com/video/x711dei",
        ),
        ("https://www.dailymotion.com/video/x7abcd_un-titre", None, None),
        ("https://dai.ly/x7abcd", "https://www.dailymotion.com/embed/video/x7abcd", None),
        (
            "https://www.youtube.com/embed/NdjvAjnzqaQ",
            "https://www.youtube-nocookie.com/embed/NdjvAjnzqaQ",
            "https://www.youtube.com/watch?v=NdjvAjnzqaQ",
        ),
        (
            "https://www.youtube.com/watch?v=NdjvAjnzqaQ&t=3",
            "https://www.youtube-nocookie.com/embed/NdjvAjnzqaQ",
            None,
        ),
        (
            "https://youtu.be/NdjvAjnzqaQ",
            "https://www.youtube-nocookie.com/embed/NdjvAjnzqaQ",
            None,
        ),
        (
            "https://vimeo.com/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
            "https://vimeo.com/76979871",
        ),
        (
            "https://player.vimeo.com/video/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
            None,
        ),
    ],
)
def test_known_providers(url, embed, watch):
    video = parse_video(url)
    assert video is not None
    if embed:
        assert video.embed == embed
    if watch:
        assert video.watch == watch
    if "x7abcd_" in url:
        assert video.embed == "https://www.dailymotion.com/embed/video/x7abcd"


@pytest.mark.parametrize(
    "url",
    [
        "https://videos.example.org/w/abc",
        "javascript:alert(1)",
        "https://www.youtube.com/embed/<script>",
        "https://www.youtube.com/",
        "ftp://vimeo.com/123",
    ],
)
def test_unknown_or_malformed_urls_give_no_video(url):
    assert parse_video(url) is None


def test_extra_hosts_must_be_allowed_and_https():
    hosts = frozenset({"videos.example.org"})
    assert parse_video("https://videos.example.org/w/abc", hosts).embed == (
        "https://videos.example.org/w/abc"
    )
    assert parse_video("http://videos.example.org/w/abc", hosts) is None
