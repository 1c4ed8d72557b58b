"""Build time of the same toolbox under MkDocs and under Zensical, in the same run.

    .venv/bin/python benchmarks/engines.py                  # the demo and 1,000 cards
    .venv/bin/python benchmarks/engines.py --sizes 100 --repeat 1

Each site (the demo of this repository, and N synthetic method cards written by build_time.py's
generator) gets one mkdocs.yml that both engines read: the plugin for MkDocs, the Markdown
extension and the data files for Zensical. Builds alternate, each in a fresh process, timed
from the outside in wall-clock time: ``mkdocs build`` against ``mkdocs-participation
build-data`` then ``zensical build --clean`` (the documented Zensical set-up; both are timed).
Results go to benchmarks/results/engines.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import yaml
from build_time import ROOT, write_sites

RESULTS = Path(__file__).resolve().parent / "results" / "engines.json"
BIN = Path(sys.executable).parent
# What a site adds to mkdocs.yml to build with Zensical too (see docs/utiliser.md).
ZENSICAL_SETTINGS = {
    "extra_css": ["assets/participation/participation.css"],
    "extra_javascript": ["assets/participation/participation.js"],
}


def synthetic_site(root: Path, size: int) -> Path:
    """``size`` method cards and a mkdocs.yml for both engines; returns the site folder."""
    config = write_sites(root, size)["plugin"]
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["docs_dir"] = "docs"
    settings["theme"]["variant"] = "classic"
    settings["markdown_extensions"].append("mkdocs_participation.markdown")
    # Zensical runs no plugin to keep the cards out of its sidebar: the site says it, as the
    # demo does (every page would otherwise render a 1,000-entry navigation).
    settings["nav"] = ["index.md", "methodes/index.md"]
    settings.update(ZENSICAL_SETTINGS)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return root


def demo_site(root: Path) -> Path:
    """A copy of the demo of this repository, without the files a previous build-data wrote."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    generated = (ROOT / "docs" / ".participation-data").read_text(encoding="utf-8").split()
    shutil.copytree(
        ROOT / "docs",
        root / "docs",
        ignore=lambda folder, names: (
            [
                name
                for name in names
                if (Path(folder) / name).relative_to(ROOT / "docs").as_posix() in generated
            ]
            if (ROOT / "docs" / ".participation-data").exists()
            else []
        ),
    )
    return root


def timed(command: list[str], cwd: Path) -> float:
    """Wall-clock seconds of ``command`` run in ``cwd``; its output is shown if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return elapsed


def measure(site: Path, name: str, repeat: int) -> dict:
    runs: dict[str, list[float]] = {"mkdocs": [], "build_data": [], "zensical": []}
    for run in range(repeat):
        steps = ["mkdocs", "zensical"] if run % 2 == 0 else ["zensical", "mkdocs"]
        for step in steps:
            if step == "mkdocs":
                command = [str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", "site-mkdocs"]
                runs["mkdocs"].append(timed(command, site))
            else:
                command = [str(BIN / "mkdocs-participation"), "build-data", "."]
                runs["build_data"].append(timed(command, site))
                command = [str(BIN / "zensical"), "build", "--clean", "--strict"]
                runs["zensical"].append(timed(command, site))
        print(
            f"  {name}: mkdocs {runs['mkdocs'][-1]:.2f} s, build-data "
            f"{runs['build_data'][-1]:.2f} s, zensical {runs['zensical'][-1]:.2f} s",
            flush=True,
        )
    medians = {step: round(statistics.median(times), 3) for step, times in runs.items()}
    both = medians["build_data"] + medians["zensical"]
    return {
        "site": name,
        "mkdocs_s": medians["mkdocs"],
        "build_data_s": medians["build_data"],
        "zensical_s": medians["zensical"],
        "zensical_with_data_s": round(both, 3),
        "ratio": round(both / medians["mkdocs"], 3),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-demo", action="store_true", help="only the synthetic sites")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "versions": {
            name: version(name)
            for name in ("mkdocs", "mkdocs-material", "zensical", "mkdocs-participation")
        },
        "sites": [],
    }
    with tempfile.TemporaryDirectory(prefix="participation-engines-") as temp:
        if not args.no_demo:
            (Path(temp) / "demo").mkdir()
            results["sites"].append(measure(demo_site(Path(temp) / "demo"), "demo", args.repeat))
        for size in args.sizes:
            folder = Path(temp) / str(size)
            folder.mkdir()
            results["sites"].append(
                measure(synthetic_site(folder, size), f"{size} cards", args.repeat)
            )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print("| site | mkdocs build | build-data | zensical build | Zensical total / MkDocs |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for site in results["sites"]:
        print(
            f"| {site['site']} | {site['mkdocs_s']:.2f} s | {site['build_data_s']:.2f} s | "
            f"{site['zensical_s']:.2f} s | {site['ratio']:.2f} |"
        )


if __name__ == "__main__":
    main()
