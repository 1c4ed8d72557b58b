"""Recognise demo-video URLs and give the privacy-friendly player and watch addresses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from .urls import split_url


@dataclass(frozen=True, slots=True)
class Video:
    """A video the page may load after a click: ``embed`` goes in the iframe, ``watch`` in links."""

    provider: str
    embed: str
    watch: str


_ID = re.compile(r"^[A-Za-z0-9_-]+$")


def _youtube(host: str, path: str, query: str) -> str | None:
    if host == "youtu.be":
        return path.strip("/").split("/")[0]
    if path == "/watch":
        return parse_qs(query).get("v", [""])[0]
    for prefix in ("/embed/", "/shorts/", "/live/"):
        if path.startswith(prefix):
            return path.removeprefix(prefix).split("/")[0]
    return None


def _dailymotion(host: str, path: str, query: str) -> str | None:
    if host == "dai.ly":
        return path.strip("/")
    for prefix in ("/embed/video/", "/video/"):
        if path.startswith(prefix):
            return path.removeprefix(prefix).split("/")[0].split("_")[0]
    return None


def _vimeo(host: str, path: str, query: str) -> str | None:
    parts = [part for part in path.split("/") if part]
    if host == "player.vimeo.com" and len(parts) >= 2 and parts[0] == "video":
        return parts[1]
    return parts[-1] if parts and parts[-1].isdigit() else None


_PROVIDERS = {
    "youtube": (
        {"youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"},
        _youtube,
        "https://www.youtube-nocookie.com/embed/{id}",
        "https://www.youtube.com/watch?v={id}",
    ),
    "dailymotion": (
        {"dailymotion.com", "dai.ly"},
        _dailymotion,
        "https://www.dailymotion.com/embed/video/{id}",
        "https://www.dailymotion.com/video/{id}",
    ),
    "vimeo": (
        {"vimeo.com", "player.vimeo.com"},
        _vimeo,
        "https://player.vimeo.com/video/{id}?dnt=1",
        "https://vimeo.com/{id}",
    ),
}


def parse_video(url: str, extra_hosts: frozenset[str] = frozenset()) -> Video | None:
    """The video behind ``url``; None when its host is neither known nor allowed."""
    parts = split_url(url)
    if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    for provider, (hosts, find_id, embed, watch) in _PROVIDERS.items():
        if host in hosts:
            video_id = find_id(host, parts.path, parts.query)
            if not video_id or not _ID.match(video_id):
                return None
            return Video(provider, embed.format(id=video_id), watch.format(id=video_id))
    if parts.scheme == "https" and host in extra_hosts:
        return Video(host, url.strip(), url.strip())
    return None
