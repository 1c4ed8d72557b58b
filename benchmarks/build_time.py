"""The author's edit loop and the weight of the pages, against what an author would build instead.

    .venv/bin/python benchmarks/build_time.py            # 100, 1,000 and 5,000 cards
    .venv/bin/python benchmarks/build_time.py --sizes 100 --repeat 1 --no-browser

For each size, N synthetic method cards are written once and built three ways: with the plugin;
as a plain Material site of the card bodies only ("bodies"); and as the hand-written equivalent
("tags"): each card a Markdown page showing the same values (title, tagline, facts, lists, body)
with Material's tags plugin listing them. The three keep cards out of the sidebar. Builds
alternate, each in a fresh process, timed in wall-clock and process CPU time (steadier on a
shared machine), with the process's peak RSS. Each cold build of the plugin's site starts
without its cache (.cache/plugin/participation); two more builds then time the next build of
the same site, which finds its templates compiled there.

At ``--serve`` cards (1,000), a process does what ``mkdocs serve`` does on a change: it loads
the configuration again (the plugin object survives, as in serve), and builds with serve's
arguments, with and without ``--dirty``, after an edit of one card. Sessions alternate between
the plugin and the bodies-only site. The weights of the catalogue, comparison and chooser pages
and of the data files they fetch are read from the plugin's site, raw and gzipped. At 1,000
cards the catalogue is opened in Debian's Chromium to time filters.
Results go to benchmarks/results/build_time.json; docs/performance.md summarises them.

``--instructions 300`` adds a count that does not vary with the machine's load: the
instructions each build executes, and each serve rebuild after one card edit (with and without
``--dirty``), counted by valgrind's cachegrind on a site of 300 cards.
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
SITES = ("plugin", "bodies", "tags")
# The sites whose serve rebuilds are compared.
SERVED = ("plugin", "bodies")
MODES = ("clean", "dirty")
TARGETS = {
    "cold_cpu_vs_tags": 0.70,
    "cold_cpu_vs_bodies": 1.35,
    "serve_cpu_vs_bodies": 1.10,
    "serve_dirty_s": 1.0,
    "rss_vs_tags_at_5000": 1.0,
    "comparison_gzip_bytes_at_5000": 60 * 1024,
    "catalogue_gzip_bytes_at_5000": 512 * 1024,
    "filter_median_ms": 16.0,
    "assets_gzip_bytes": 15 * 1024,
}
PAGES = {
    "catalogue": "methodes/index.html",
    "comparison": "comparer/index.html",
    "chooser": "choisir/index.html",
    "methods data": "assets/participation/methods.json",
    "catalogue words": "assets/participation/words-methode.json",
}

# One cold build, timed, with the peak RSS of the process.
_BUILD = """
import json, logging, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.WARNING)
config = load_config(sys.argv[1], strict=True, site_dir=sys.argv[2])
start, cpu = time.perf_counter(), time.process_time()
build(config)
print(json.dumps({
    "wall": time.perf_counter() - start,
    "cpu": time.process_time() - cpu,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""

# What `mkdocs serve` does (mkdocs/commands/serve.py): the first build, then on each change the
# configuration loaded again (plugin objects are kept by MkDocs) and a build with serve's
# arguments. Each rebuild follows an edit of one card; only the rebuild is timed.
_SERVE = r"""
import json, logging, os, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.ERROR)
config_file, site_dir, card = sys.argv[1:4]
dirty, edits = sys.argv[4] == "dirty", int(sys.argv[5])
serve_url = "http://127.0.0.1:8000/"
def get_config():
    config = load_config(config_file, site_dir=site_dir)
    config.site_url = serve_url
    return config
config = get_config()
config.plugins.on_startup(command="serve", dirty=dirty)
build(config, serve_url=serve_url, dirty=dirty)
text = open(card, encoding="utf-8").read()
runs = []
for edit in range(edits):
    with open(card, "w", encoding="utf-8") as out:
        out.write(text.replace("\n\n## ", f"\n\nModifié {edit}.\n\n## ", 1))
    later = time.time() + 1 + edit
    os.utime(card, (later, later))
    start, cpu = time.perf_counter(), time.process_time()
    build(get_config(), serve_url=serve_url, dirty=dirty)
    runs.append({"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu})
config.plugins.on_shutdown()
print(json.dumps(runs))
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


LABELS = {
    "niveau": "Niveau de participation",
    "format": "Format",
    "duree": "Durée",
    "cout": "Coût",
    "echelle": "Échelle",
    "recrutement": "Recrutement",
    "thematiques": "Thématiques",
    "priorites": "Priorités",
    "qualites": "Qualités",
    "atouts": "Atouts",
    "inconvenients": "Inconvénients",
}


def hand_written(card: str) -> str:
    """The page an author would write for ``card``: the same values, as Markdown, with its
    vocabulary values as tags for Material's tags plugin."""
    _, front, body = card.split("---\n", 2)
    data = yaml.safe_load(front)
    tags = [
        value
        for key in (*VALUES, *MANY)
        for value in ([data[key]] if isinstance(data.get(key), str) else data.get(key, []))
    ]
    lines = [f"# {data['title']}", "", f"*{data['tagline']}*", ""]
    for key in (*VALUES, *MANY):
        if key in data:
            value = data[key]
            lines.append(
                f"- **{LABELS[key]}** : {value if isinstance(value, str) else ', '.join(value)}"
            )
    if "participants" in data:
        lines.append(
            f"- **Participants** : {data['participants']['min']} à {data['participants']['max']}"
        )
    for key in ("priorites", "qualites", "atouts", "inconvenients"):
        lines += ["", f"## {LABELS[key]}", "", *(f"- {item}" for item in data[key])]
    front_matter = yaml.safe_dump({"tags": tags}, allow_unicode=True)
    return f"---\n{front_matter}---\n\n" + "\n".join(lines) + "\n\n" + body


def write_sites(root: Path, size: int) -> dict[str, Path]:
    """The docs of ``size`` cards for each site, and the configurations that build them."""
    rng = random.Random(size)
    cards = [synthetic_card(rng, number) for number in range(size)]
    index = "# Boîte à outils\n\nDes méthodes de participation.\n"
    base = {
        "site_name": "Banc d’essai",
        "theme": {"name": "material", "language": "fr", "font": False},
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
    }
    pages = {
        "plugin": lambda text: text,
        "bodies": lambda text: text.split("---\n", 2)[2],
        "tags": hand_written,
    }
    configs = {
        "plugin": {"plugins": ["search", "participation"]},
        # The plugin keeps cards out of the sidebar; the other sites do the same with `nav`.
        "bodies": {"plugins": ["search"], "nav": ["index.md"]},
        "tags": {"plugins": ["search", "tags"], "nav": ["index.md", "etiquettes.md"]},
    }
    paths = {}
    for name, make in pages.items():
        docs = root / name / "docs"
        (docs / "methodes").mkdir(parents=True)
        (docs / "index.md").write_text(index, encoding="utf-8")
        if name == "tags":
            listing = "# Étiquettes\n\n<!-- material/tags -->\n"
            (docs / "etiquettes.md").write_text(listing, encoding="utf-8")
        for number, text in enumerate(cards):
            (docs / "methodes" / f"methode-{number:05d}.md").write_text(make(text), "utf-8")
        paths[name] = root / name / "mkdocs.yml"
        config = {**base, **configs[name], "docs_dir": str(docs)}
        paths[name].write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return paths


def _run(script: str, *args: str) -> object:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(runs: list[dict], key: str) -> float:
    return round(statistics.median(run[key] for run in runs), 3)


def measure_size(root: Path, size: int, repeat: int) -> dict:
    """Cold builds of the three sites, alternating, and the weights of the plugin's pages."""
    paths = write_sites(root, size)
    runs: dict[str, list[dict]] = {name: [] for name in SITES}
    cache = paths["plugin"].parent / ".cache"
    for run in range(repeat):
        for name in SITES[run % 3 :] + SITES[: run % 3]:
            # A cold build is a first one: none of the plugin's cache (compiled templates).
            shutil.rmtree(cache, ignore_errors=True)
            timing = _run(_BUILD, str(paths[name]), str(root / f"site-{name}"))
            runs[name].append(timing)
            print(f"  {size} cards, {name}: {timing['cpu']:.2f} s CPU", flush=True)
    # The next build of the same site, as an author's, finds the templates compiled.
    repeated = [_run(_BUILD, str(paths["plugin"]), str(root / "site-plugin"))]
    repeated += [_run(_BUILD, str(paths["plugin"]), str(root / "site-plugin"))]
    cpu = {name: _median(runs[name], "cpu") for name in SITES}
    return {
        "cards": size,
        "cpu_s": cpu,
        "wall_s": {name: _median(runs[name], "wall") for name in SITES},
        "rss_mb": {name: _median(runs[name], "rss_mb") for name in SITES},
        "cpu_vs_tags": round(cpu["plugin"] / cpu["tags"], 3),
        "cpu_vs_bodies": round(cpu["plugin"] / cpu["bodies"], 3),
        "plugin_repeated_cpu_s": _median(repeated, "cpu"),
        "weights": page_weights(root / "site-plugin"),
        "runs": runs,
    }


def page_weights(site: Path) -> dict:
    """Raw and gzipped bytes of the pages and data files a visitor of the toolbox loads."""
    weights = {}
    for name, path in PAGES.items():
        if (site / path).exists():
            data = (site / path).read_bytes()
            weights[name] = {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9))}
    return weights


def measure_serve(root: Path, size: int, repeat: int, edits: int) -> dict:
    """Rebuilds after one card edit, as `mkdocs serve` does them, with and without --dirty."""
    paths = write_sites(root, size)
    sessions = [(name, mode) for mode in MODES for name in SERVED]
    runs: dict[str, list[dict]] = {f"{name} {mode}": [] for name, mode in sessions}
    for run in range(repeat):
        for name, mode in sessions[run % 4 :] + sessions[: run % 4]:
            card = paths[name].parent / "docs" / "methodes" / f"methode-{size // 2:05d}.md"
            site = root / f"serve-{name}-{mode}"
            found = _run(_SERVE, str(paths[name]), str(site), str(card), mode, str(edits))
            runs[f"{name} {mode}"] += found
            shutil.rmtree(site, ignore_errors=True)
            print(f"  serve {name} {mode}: {[round(r['cpu'], 2) for r in found]} s CPU", flush=True)
    cpu = {key: _median(found, "cpu") for key, found in runs.items()}
    return {
        "cards": size,
        "cpu_s": cpu,
        "wall_s": {key: _median(found, "wall") for key, found in runs.items()},
        "cpu_vs_bodies": round(cpu["plugin clean"] / cpu["bodies clean"], 3),
        "dirty_vs_bodies": round(cpu["plugin dirty"] / cpu["bodies dirty"], 3),
        "runs": runs,
    }


def counted(script: str, *args: str) -> int:
    """The instructions a fresh process executes to run ``script`` with ``args``."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    done = subprocess.run(
        [*command, sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    found = _INSTRUCTIONS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"counting {args[0]} failed:\n{done.stderr[-3000:]}")
    return int(found[1].replace(",", ""))


def measure_instructions(root: Path, size: int, edits: int) -> dict:
    """Instructions of each cold build of ``size`` cards, and of each serve rebuild after one
    card edit (the session's count less that of a session that edits nothing), with their
    ratios; these do not vary with the machine's load."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind: apt-get install valgrind")
    paths = write_sites(root, size)
    jobs: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in SITES:
        jobs[name, "load"] = (_COUNTED, str(paths[name]), str(root / f"site-{name}"), "load")
        jobs[name, "build"] = (_COUNTED, str(paths[name]), str(root / f"site-{name}"), "build")
    card = f"methode-{size // 2:05d}.md"
    sessions = [(n, mode, count) for n in SERVED for mode in MODES for count in (0, edits)]
    for name, mode, count in sessions:
        # Each session in a copy of its own, with its own cache: they run side by side.
        config = _copied_site(paths[name], root / f"serve-{name}-{mode}-{count}")
        edited = str(config.parent / "docs" / "methodes" / card)
        site = str(config.parent / "site")
        jobs[name, mode, str(count)] = (_SERVE, str(config), site, edited, mode, str(count))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
        counts = dict(zip(jobs, pool.map(lambda job: counted(*job), jobs.values()), strict=True))
    builds = {name: counts[name, "build"] - counts[name, "load"] for name in SITES}
    rebuilds = {
        f"{name} {mode}": (counts[name, mode, str(edits)] - counts[name, mode, "0"]) // edits
        for name in SERVED
        for mode in MODES
    }
    return {
        "cards": size,
        "instructions": builds,
        "vs_tags": round(builds["plugin"] / builds["tags"], 3),
        "vs_bodies": round(builds["plugin"] / builds["bodies"], 3),
        "serve_edits": edits,
        "serve_instructions": rebuilds,
        "serve_vs_bodies": round(rebuilds["plugin clean"] / rebuilds["bodies clean"], 3),
        "serve_dirty_vs_bodies": round(rebuilds["plugin dirty"] / rebuilds["bodies dirty"], 3),
    }


def _copied_site(config: Path, root: Path) -> Path:
    """A copy of the site of ``config`` under ``root``; the copy's configuration."""
    shutil.copytree(config.parent / "docs", root / "docs")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    copy = root / "mkdocs.yml"
    settings["docs_dir"] = str(root / "docs")
    copy.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return copy


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
            page.locator("input[type=search]").fill("cito")
            page.wait_for_selector("[data-participation-catalogue][data-words-ready]")
            page.locator("input[type=search]").fill("")
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


def check_targets(results: dict) -> list[dict]:
    """Each target of the issue with what was measured and whether it is met."""
    by_size = {build["cards"]: build for build in results["builds"]}
    checks = []

    def check(name: str, target: float, measured: float | None) -> None:
        if measured is not None:
            checks.append(
                {"target": name, "at_most": target, "measured": measured, "met": measured <= target}
            )

    for size in (1000, 5000):
        if size in by_size:
            check(
                f"cold CPU / tags at {size}",
                TARGETS["cold_cpu_vs_tags"],
                by_size[size]["cpu_vs_tags"],
            )
            check(
                f"cold CPU / bodies at {size}",
                TARGETS["cold_cpu_vs_bodies"],
                by_size[size]["cpu_vs_bodies"],
            )
    if "serve" in results:
        serve = results["serve"]
        check("serve rebuild CPU / bodies", TARGETS["serve_cpu_vs_bodies"], serve["cpu_vs_bodies"])
        check(
            "serve --dirty rebuild (s, CPU)",
            TARGETS["serve_dirty_s"],
            serve["cpu_s"]["plugin dirty"],
        )
    if 5000 in by_size:
        largest = by_size[5000]
        rss = largest["rss_mb"]
        check(
            "peak RSS / tags at 5000",
            TARGETS["rss_vs_tags_at_5000"],
            round(rss["plugin"] / rss["tags"], 3),
        )
        weights = largest["weights"]
        check(
            "comparison page gzip at 5000",
            TARGETS["comparison_gzip_bytes_at_5000"],
            weights["comparison"]["gzip_bytes"],
        )
        check(
            "catalogue page gzip at 5000",
            TARGETS["catalogue_gzip_bytes_at_5000"],
            weights["catalogue"]["gzip_bytes"],
        )
    if "browser" in results:
        check(
            "filter click median (ms)",
            TARGETS["filter_median_ms"],
            results["browser"]["filter_click_median_ms"],
        )
    check("catalogue JS + CSS gzip", TARGETS["assets_gzip_bytes"], results["assets"]["gzip_bytes"])
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each site per size")
    parser.add_argument("--serve", type=int, default=1000, metavar="CARDS", help="0: no serve")
    parser.add_argument("--edits", type=int, default=3, help="card edits per serve session")
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
            "load_average": os.getloadavg(),
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
            shutil.rmtree(root, ignore_errors=True)
        if args.serve:
            root = Path(temp) / "serve"
            results["serve"] = measure_serve(root, args.serve, args.repeat, args.edits)
        if args.instructions:
            root = Path(temp) / "instructions"
            results["instructions"] = measure_instructions(root, args.instructions, args.edits)
    results["machine"]["load_average_after"] = os.getloadavg()
    results["checks"] = check_targets(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(summary(results))


def summary(results: dict) -> str:
    """The results as the Markdown tables of docs/performance.md."""
    lines = [
        "| cards | bodies only | hand-written + tags | plugin | plugin / tags | plugin / bodies "
        "| peak RSS bodies / tags / plugin |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for build in results["builds"]:
        cpu, rss = build["cpu_s"], build["rss_mb"]
        lines.append(
            f"| {build['cards']:,} | {cpu['bodies']:.2f} s | {cpu['tags']:.2f} s | "
            f"{cpu['plugin']:.2f} s | {build['cpu_vs_tags']:.2f} | {build['cpu_vs_bodies']:.2f} | "
            f"{rss['bodies']:.0f} / {rss['tags']:.0f} / {rss['plugin']:.0f} MB |"
        )
    lines.append(
        "\nThe plugin's next build of the same site, its templates compiled: "
        + ", ".join(
            f"{build['plugin_repeated_cpu_s']:.2f} s at {build['cards']:,} cards"
            for build in results["builds"]
        )
        + "."
    )
    if "serve" in results:
        serve = results["serve"]
        cpu, wall = serve["cpu_s"], serve["wall_s"]
        lines.append(
            f"\nServe rebuild after one edit at {serve['cards']:,} cards (CPU, wall): "
            f"plugin {cpu['plugin clean']:.2f} s, {wall['plugin clean']:.2f} s; bodies only "
            f"{cpu['bodies clean']:.2f} s, {wall['bodies clean']:.2f} s (ratio "
            f"{serve['cpu_vs_bodies']:.2f}). With --dirty: plugin {cpu['plugin dirty']:.2f} s, "
            f"{wall['plugin dirty']:.2f} s; bodies only {cpu['bodies dirty']:.2f} s, "
            f"{wall['bodies dirty']:.2f} s."
        )
    lines += ["", "| cards | page | bytes | gzipped |", "| ---: | --- | ---: | ---: |"]
    for build in results["builds"]:
        for name, weight in build["weights"].items():
            lines.append(
                f"| {build['cards']:,} | {name} | {weight['bytes']:,} | {weight['gzip_bytes']:,} |"
            )
    if "browser" in results:
        browser = results["browser"]
        lines.append(
            f"\nAt {browser['cards']:,} cards, median over {browser['samples']} runs: "
            f"checkbox {browser['filter_click_median_ms']} ms, typed text "
            f"{browser['text_filter_median_ms']} ms, table sort {browser['sort_median_ms']} ms."
        )
    if "instructions" in results:
        counts = results["instructions"]
        lines.append(
            f"\nInstructions at {counts['cards']:,} cards: plugin {counts['vs_tags']:.2f} × the "
            f"tags site, {counts['vs_bodies']:.2f} × bodies only. A serve rebuild after one "
            f"edit: {counts['serve_vs_bodies']:.2f} × bodies only; with --dirty, "
            f"{counts['serve_dirty_vs_bodies']:.2f} ×."
        )
    assets = results["assets"]
    lines.append(
        f"\nCatalogue JS + CSS: {assets['bytes']:,} bytes, {assets['gzip_bytes']:,} gzipped."
    )
    lines += ["", "| target | at most | measured | met |", "| --- | ---: | ---: | --- |"]
    for check in results["checks"]:
        met = "yes" if check["met"] else "no"
        lines.append(f"| {check['target']} | {check['at_most']} | {check['measured']} | {met} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
