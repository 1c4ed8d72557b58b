"""Build time of a toolbox against plain Material, and the cost of the catalogue in Chromium.

    .venv/bin/python benchmarks/build_time.py            # 100, 1,000 and 5,000 cards
    .venv/bin/python benchmarks/build_time.py --sizes 100 --repeat 1 --no-browser

For each size, N synthetic method cards are written once; the same Markdown pages are built
three ways: with the plugin as it comes, with the plugin reduced to card pages and catalogues
(no exports, comparison or chooser: what the catalogue issue asks for), and as a plain Material
site (same theme, same search plugin, cards left out of the navigation in all three). Builds
alternate, each in a fresh process; the build call alone is timed, in wall-clock time and in
the process's CPU time (steadier on a shared machine), and within the full plugin's build the
time the catalogues take to render (CatalogueRenderer.render). At 1,000 cards the catalogue page
is opened in Debian's Chromium to time filters.
Results go to benchmarks/results/build_time.json; docs/performance.md summarises them.

Times vary by 10 to 50 % on a shared machine. ``--instructions 300`` adds a count that does
not: the instructions each build executes (its configuration loaded, minus that alone), counted
by valgrind's cachegrind (``apt-get install valgrind``) on a site of 300 cards, about 50 times
slower than a build, so on a small site.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402

ASSETS = ROOT / "mkdocs_participation" / "assets" / "participation"
RESULTS = Path(__file__).resolve().parent / "results" / "build_time.json"
BROWSER_SIZE = 1000
TARGETS = {
    "ratio_at_1000": 1.10,
    "growth_1000_to_5000": 5.5,
    "filter_median_ms": 16.0,
    "assets_gzip_bytes": 15 * 1024,
}

# One build, timed; with the plugin, the time its catalogue events take is timed too.
_BUILD = """
import json, logging, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs_participation.core.catalogue.render import CatalogueRenderer
logging.getLogger("mkdocs").setLevel(logging.WARNING)
spent = [0.0]
def timed(event):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start
    return run
CatalogueRenderer.render = timed(CatalogueRenderer.render)
config = load_config(sys.argv[1], strict=True, site_dir=sys.argv[2])
start, cpu = time.perf_counter(), time.process_time()
build(config)
print(json.dumps({
    "build": time.perf_counter() - start,
    "cpu": time.process_time() - cpu,
    "catalogue": spent[0],
}))
"""

# The configuration loaded, then the build unless told "load": what cachegrind counts.
_COUNTED = """
import logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
import material.plugins.search.plugin, mkdocs_participation.plugin
logging.getLogger("mkdocs").setLevel(logging.WARNING)
config = load_config(sys.argv[1], strict=True, site_dir=sys.argv[2])
if sys.argv[3] == "build":
    build(config)
"""
_INSTRUCTIONS = re.compile(r"I\s+refs:\s+([\d,]+)")

VOCABULARY = (
    "citoyens habitants élus décision avis projet territoire débat proposition panel "
    "consultation délibération expertise mobilisation synthèse restitution atelier "
    "quartier commune région transition énergie mobilité santé école budget"
)
WORDS = VOCABULARY.split()
VALUES = {
    "niveau": ["informer", "consulter", "concerter", "co-construire", "co-decider"],
    "format": ["presentiel", "en-ligne", "hybride"],
    "duree": [
        "quelques-heures",
        "une-journee",
        "plusieurs-jours",
        "plusieurs-semaines",
        "plusieurs-mois",
    ],
    "cout": ["faible", "moyen", "eleve"],
}
MANY = {
    "echelle": ["locale", "departementale", "regionale", "nationale"],
    "recrutement": ["volontaires", "tirage-au-sort", "panel", "parties-prenantes"],
    "thematiques": ["environnement", "sante", "culture", "education", "numerique", "mobilites"],
}


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def synthetic_card(rng: random.Random, number: int) -> str:
    """A method card with every structured attribute most of the time, lists and a body."""
    front: dict = {
        "title": f"Méthode {number} : {sentence(rng, 3).lower()}",
        "tagline": sentence(rng, 12) + ".",
        "ordre": rng.randint(1, 50),
    }
    for key, values in VALUES.items():
        if rng.random() < 0.85:
            front[key] = rng.choice(values)
    for key, values in MANY.items():
        if rng.random() < 0.85:
            front[key] = rng.sample(values, rng.randint(1, 2))
    if rng.random() < 0.85:
        low = rng.choice([5, 10, 15, 30, 50, 100, 300])
        front["participants"] = {"min": low, "max": low * rng.choice([2, 3, 10])}
    for key in ("priorites", "qualites", "atouts", "inconvenients"):
        front[key] = [sentence(rng, 8) for _ in range(rng.randint(2, 5))]
    body = "\n\n".join(f"## {sentence(rng, 3)}\n\n{sentence(rng, 60)}." for _ in range(3))
    return f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n{body}\n"


def write_sites(root: Path, size: int) -> dict[str, Path]:
    """The docs of ``size`` cards, and the two configurations that build them."""
    rng = random.Random(size)
    docs = root / "docs"
    (docs / "methodes").mkdir(parents=True)
    (docs / "index.md").write_text(
        "# Boîte à outils\n\nDes méthodes de participation.\n", encoding="utf-8"
    )
    for number in range(size):
        (docs / "methodes" / f"methode-{number:05d}.md").write_text(
            synthetic_card(rng, number), encoding="utf-8"
        )
    base = {
        "site_name": "Banc d’essai",
        "docs_dir": str(docs),
        "theme": {"name": "material", "language": "fr", "font": False},
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
    }
    catalogues_only = {"exports": False, "comparison": "", "chooser": ""}
    configs = {
        "plugin": {**base, "plugins": ["search", "participation"]},
        "catalogue": {**base, "plugins": ["search", {"participation": catalogues_only}]},
        # The plugin keeps cards out of the sidebar; the plain site does the same with `nav`.
        "material": {**base, "plugins": ["search"], "nav": ["index.md"]},
    }
    paths = {}
    for name, config in configs.items():
        paths[name] = root / f"{name}.yml"
        paths[name].write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return paths


def timed_build(config: Path, site_dir: Path) -> dict[str, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(config), str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"build of {config.name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_size(root: Path, size: int, repeat: int) -> dict:
    paths = write_sites(root, size)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in paths}
    names = list(paths)
    for run in range(repeat):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            timing = timed_build(paths[name], root / f"site-{name}")
            runs[name].append(timing)
            print(f"  {size} cards, {name}: {timing['build']:.2f} s", flush=True)

    def median(name: str, key: str) -> float:
        return statistics.median(timing[key] for timing in runs[name])

    plugin, material = median("plugin", "build"), median("material", "build")
    catalogue_s = median("plugin", "catalogue")
    html = (root / "site-plugin" / "methodes" / "index.html").read_bytes()
    return {
        "cards": size,
        "plugin_s": round(plugin, 3),
        "material_s": round(material, 3),
        "ratio": round(plugin / material, 3),
        "cpu_ratio": round(median("plugin", "cpu") / median("material", "cpu"), 3),
        "catalogues_only_s": round(median("catalogue", "build"), 3),
        "catalogues_only_ratio": round(median("catalogue", "build") / material, 3),
        "catalogues_only_cpu_ratio": round(
            median("catalogue", "cpu") / median("material", "cpu"), 3
        ),
        "catalogue_s": round(catalogue_s, 3),
        "catalogue_share": round(catalogue_s / material, 3),
        "runs": runs,
        "catalogue_html_bytes": len(html),
        "catalogue_html_gzip_bytes": len(gzip.compress(html, 9)),
    }


def counted(config: Path, site_dir: Path, step: str) -> int:
    """The instructions a fresh process executes to load ``config``, and build unless ``step``
    is "load"."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    done = subprocess.run(
        [*command, sys.executable, "-c", _COUNTED, str(config), str(site_dir), step],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    found = _INSTRUCTIONS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"counting {config.name} failed:\n{done.stderr[-3000:]}")
    return int(found[1].replace(",", ""))


def measure_instructions(root: Path, size: int) -> dict:
    """Instructions of each build of ``size`` cards, and their ratios to plain Material."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind: apt-get install valgrind")
    paths = write_sites(root, size)
    jobs = [(name, step) for name in paths for step in ("load", "build")]
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
        found = pool.map(
            lambda job: counted(paths[job[0]], root / f"site-{job[0]}-{job[1]}", job[1]), jobs
        )
        counts = dict(zip(jobs, found, strict=True))
    builds = {name: counts[name, "build"] - counts[name, "load"] for name in paths}
    return {
        "cards": size,
        "instructions": builds,
        "ratio": round(builds["plugin"] / builds["material"], 3),
        "catalogues_only_ratio": round(builds["catalogue"] / builds["material"], 3),
    }


def measure_browser(site_dir: Path, samples: int) -> dict:
    """Median time from a checkbox click, or a typed word, to the page laid out again."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_port}/methodes/")
            page.wait_for_selector("[data-participation-catalogue][data-ready]")
            page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
            boxes = page.locator(".participation-filters input[type=checkbox]").count()
            clicks = page.evaluate(
                """([samples, boxes]) => {
                  const inputs = document.querySelectorAll(
                    '.participation-filters input[type=checkbox]');
                  const times = [];
                  for (let i = 0; i < samples; i++) {
                    const box = inputs[(i * 7) % boxes];
                    const start = performance.now();
                    box.click();
                    document.body.offsetHeight;
                    times.push(performance.now() - start);
                    box.click();
                  }
                  return times;
                }""",
                [samples, boxes],
            )
            typed = page.evaluate(
                """(samples) => {
                  const input = document.querySelector('.participation-filters input[type=search]');
                  const words = ['cito', 'citoyens', 'atelier quartier', 'budget', 'santé', ''];
                  const times = [];
                  for (let i = 0; i < samples; i++) {
                    input.value = words[i % words.length];
                    const start = performance.now();
                    input.dispatchEvent(new Event('input', {bubbles: true}));
                    document.body.offsetHeight;
                    times.push(performance.now() - start);
                  }
                  return times;
                }""",
                samples,
            )
            table = page.evaluate(
                """(samples) => {
                  document.querySelector('[data-view=tableau]').click();
                  const buttons = document.querySelectorAll('.participation-sort');
                  const times = [];
                  for (let i = 0; i < samples; i++) {
                    const start = performance.now();
                    buttons[i % buttons.length].click();
                    document.body.offsetHeight;
                    times.push(performance.now() - start);
                  }
                  return times;
                }""",
                samples,
            )
            browser.close()
    finally:
        server.shutdown()
    return {
        "cards": BROWSER_SIZE,
        "samples": samples,
        "filter_click_median_ms": round(statistics.median(clicks), 2),
        "filter_click_max_ms": round(max(clicks), 2),
        "text_filter_median_ms": round(statistics.median(typed), 2),
        "sort_median_ms": round(statistics.median(table), 2),
    }


def asset_sizes() -> dict:
    files = [ASSETS / "catalogue.js", ASSETS / "catalogue.css"]
    raw = b"".join(path.read_bytes() for path in files)
    return {
        "files": [path.name for path in files],
        "bytes": len(raw),
        "gzip_bytes": sum(len(gzip.compress(path.read_bytes(), 9)) for path in files),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=5, help="builds of each site per size")
    parser.add_argument("--samples", type=int, default=40, help="filter timings in Chromium")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--instructions", type=int, metavar="CARDS", help="count instructions")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "versions": {
            name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-participation")
        },
        "targets": TARGETS,
        "builds": [],
        "assets": asset_sizes(),
    }
    with tempfile.TemporaryDirectory(prefix="participation-bench-") as temp:
        for size in args.sizes:
            root = Path(temp) / str(size)
            results["builds"].append(measure_size(root, size, args.repeat))
            if size == BROWSER_SIZE and not args.no_browser:
                results["browser"] = measure_browser(root / "site-plugin", args.samples)
        if args.instructions:
            root = Path(temp) / "instructions"
            results["instructions"] = measure_instructions(root, args.instructions)
    by_size = {build["cards"]: build for build in results["builds"]}
    if 1000 in by_size and 5000 in by_size:
        results["growth_1000_to_5000"] = round(
            by_size[5000]["plugin_s"] / by_size[1000]["plugin_s"], 3
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(summary(results))


def summary(results: dict) -> str:
    """The results as the Markdown table of docs/performance.md."""
    lines = [
        "| cards | plain Material | plugin | ratio (CPU) | cards + catalogues only | "
        "ratio (CPU) | catalogue events / plain |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for build in results["builds"]:
        lines.append(
            f"| {build['cards']:,} | {build['material_s']:.2f} s | {build['plugin_s']:.2f} s | "
            f"{build['ratio']:.2f} ({build['cpu_ratio']:.2f}) | "
            f"{build['catalogues_only_s']:.2f} s | {build['catalogues_only_ratio']:.2f} "
            f"({build['catalogues_only_cpu_ratio']:.2f}) | {build['catalogue_share']:.2f} |"
        )
    if "growth_1000_to_5000" in results:
        lines.append(
            f"\n5,000 cards take {results['growth_1000_to_5000']:.2f} × the time of "
            "1,000 with the plugin."
        )
    if "browser" in results:
        browser = results["browser"]
        lines.append(
            f"\nAt {browser['cards']:,} cards, median over {browser['samples']} runs: "
            f"checkbox {browser['filter_click_median_ms']} ms, typed text "
            f"{browser['text_filter_median_ms']} ms, table sort "
            f"{browser['sort_median_ms']} ms."
        )
    if "instructions" in results:
        counts = results["instructions"]
        lines.append(
            f"\nInstructions at {counts['cards']:,} cards: plugin {counts['ratio']:.2f} × plain "
            f"Material, cards and catalogues only {counts['catalogues_only_ratio']:.2f} ×."
        )
    assets = results["assets"]
    lines.append(
        f"\nCatalogue JS + CSS: {assets['bytes']:,} bytes, {assets['gzip_bytes']:,} bytes gzipped."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
