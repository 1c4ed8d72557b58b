"""The ``mkdocs-participation`` command: new cards, checks, schema, Jekyll import, CMS, CI files.

Built on the core; the plugin's options are validated by its own classes (``config.py``, which
imports ``mkdocs.config`` alone), so a check takes a fraction of a build's time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from .config import with_options
from .core.checking import as_github, as_json, as_text, check_site, shown_path
from .core.cms import as_yaml, cms_config
from .core.jekyll import TARGET_FOLDERS, ImportPlan, plan_import, site_yaml
from .core.model import COLLECTIONS, KIND_TABLE, json_schema
from .core.problems import Problem, Severity
from .core.scaffold import CardExists, new_card
from .core.site_config import (
    SiteConfig,
    SiteConfigError,
    find_config,
    read_config_file,
    read_site_config,
)

PROGRAM = "mkdocs-participation"
CONTRIB = Path(__file__).parent / "contrib" / "github"
NEW_KINDS = tuple(kind.name for kind in KIND_TABLE if kind.new)
# The schema uses no keyword that draft-07 lacks, so declaring it there is enough for such tools.
DRAFT_7 = "http://json-schema.org/draft-07/schema#"


class CommandError(Exception):
    """Something the user must change before the command can run; exits with status 2."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = _parser().parse_args(argv)
    try:
        return arguments.run(arguments)
    except (CommandError, SiteConfigError) as error:
        print(f"{PROGRAM}: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{PROGRAM}: error: {_file_system_error(error)}", file=sys.stderr)
        return 2


def _file_system_error(error: OSError) -> str:
    """One line for a file that cannot be read or written: its name (clipped) and why."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return reason
    name = _shown(Path(error.filename))
    return f"{name if len(name) <= 100 else name[:60] + '…' + name[-30:]}: {reason}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM, description="Write, check and import the cards of a participation toolbox."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    new = _command(commands, "new", _new, "write a new card to fill in")
    new.add_argument("kind", choices=NEW_KINDS, help="kind of card")
    new.add_argument("title", help="title of the card; the file name is made from it")
    new.add_argument("--docs", type=Path, help="docs folder (default: the one of mkdocs.yml)")

    check = _command(
        commands,
        "check",
        _check,
        "check every card without building the site",
        "site folder, mkdocs.yml, or a card or folder to report on",
    )
    check.add_argument("--format", choices=("text", "json", "github"), default="text")

    schema = _command(
        commands,
        "schema",
        _schema,
        "print the JSON Schema of card front matter",
        "site folder whose vocabularies to use",
    )
    schema.add_argument(
        "--draft",
        choices=("2020-12", "7"),
        default="2020-12",
        help="JSON Schema version to declare (7 for tools built on draft-07)",
    )

    _command(
        commands,
        "build-data",
        _build_data,
        "write the exports and generated pages into the docs folder, for Zensical",
        "site folder or mkdocs.yml",
    )

    imports = _command(commands, "import-jekyll", _import, "import a Jekyll toolbox")
    imports.add_argument("src", type=Path, help="the Jekyll site (with _outil/, _usage/ …)")
    imports.add_argument("dest", type=Path, help="the site folder to write into")
    imports.add_argument("--force", action="store_true", help="overwrite existing files")

    cms = _command(
        commands, "cms-config", _cms, "print a Decap CMS admin/config.yml", "site folder"
    )
    cms.add_argument("--repo", help="GitHub repository 'owner/name' (default: from repo_url)")
    cms.add_argument("--branch", default="main")
    cms.add_argument("--backend", default="github", help="Decap backend name")

    github = _command(
        commands,
        "github",
        _github,
        "add the pull-request workflow and template to .github/",
        "repository folder",
    )
    github.add_argument("--force", action="store_true", help="overwrite existing files")
    return parser


def _command(
    commands, name: str, run, description: str, path_help: str | None = None
) -> argparse.ArgumentParser:
    """A subcommand running ``run``; with ``path_help``, it takes an optional folder (default .)."""
    command = commands.add_parser(name, help=description)
    command.set_defaults(run=run)
    if path_help:
        command.add_argument("path", nargs="?", type=Path, default=Path("."), help=path_help)
    return command


def _site(path: Path) -> SiteConfig:
    """The site that ``path`` belongs to; without mkdocs.yml, ``path`` or ``path/docs``."""
    config = find_config(path)
    if config is not None:
        return with_options(read_site_config(config))
    if not path.is_dir():
        raise CommandError(f"no mkdocs.yml found for {path}")
    return with_options(read_site_config(None, path / "docs" if (path / "docs").is_dir() else path))


def _new(arguments: argparse.Namespace) -> int:
    site = _site(Path("."))
    folder = site.folder_for(arguments.kind)
    if folder is None:
        raise CommandError(
            f"no docs folder holds cards of kind '{arguments.kind}' "
            "(participation option 'folders' in mkdocs.yml)"
        )
    docs = arguments.docs or site.docs_dir
    try:
        path = new_card(docs, folder, arguments.kind, arguments.title, site.settings.vocabularies)
    except CardExists as error:
        print(
            f"{PROGRAM}: {_shown(Path(str(error)))} already exists; nothing written "
            "(choose another title or edit that card)",
            file=sys.stderr,
        )
        return 1
    except ValueError as error:
        raise CommandError(str(error)) from error
    print(_shown(path))
    print(f"Fill it in, then run: {PROGRAM} check {_shown(path)}", file=sys.stderr)
    return 0


def _check(arguments: argparse.Namespace) -> int:
    path: Path = arguments.path
    if not path.exists():
        leads_nowhere = (
            " (a link to a missing file, or a loop of links)" if path.is_symlink() else ""
        )
        raise CommandError(f"{path} does not exist{leads_nowhere}")
    site = _site(path)
    if site.config_file is not None and not site.has_plugin:
        print(
            f"{PROGRAM}: note: {_shown(site.config_file)} does not list the participation "
            "plugin; checking with its default options",
            file=sys.stderr,
        )
    resolved = path.resolve()
    only = (
        resolved.relative_to(site.docs_dir).as_posix()
        if resolved.is_relative_to(site.docs_dir)
        else None
    )
    report = check_site(site, only)
    base = Path.cwd()
    if arguments.format == "json":
        print(as_json(report, base))
    else:
        lines = as_github(report, base) if arguments.format == "github" else as_text(report, base)
        if lines:
            print("\n".join(lines))
        files = len({problem.path for problem in report.problems})
        summary = (
            f"{len(report.problems)} problem(s) in {files} file(s)"
            if report.problems
            else "no problem"
        )
        print(f"{len(report.cards)} card(s) checked: {summary}", file=sys.stderr)
    return 1 if report.failed else 0


def _build_data(arguments: argparse.Namespace) -> int:
    """Zensical generates no page and no file: write those the plugin would add to a MkDocs
    build into the docs folder, listed in its manifest (MkDocs leaves them out)."""
    from .core.datafiles import MANIFEST, write_data_files
    from .standalone import Site, report

    config_file = find_config(arguments.path)
    if config_file is None:
        raise CommandError(f"no mkdocs.yml found for {arguments.path}")
    settings = read_config_file(config_file)
    site = Site(config_file.parent, settings, config_file)
    for problem in site.problems:
        report(problem)
    files = site.data_files()
    kept = write_data_files(site.docs_dir, files)
    for path in kept:
        print(
            f"{PROGRAM}: {_shown(site.docs_dir / path)} is the site's own: left as it is",
            file=sys.stderr,
        )
    print(
        f"{len(files) - len(kept)} file(s) written into {_shown(site.docs_dir)}, listed in "
        f"{_shown(site.docs_dir / MANIFEST)} (keep them out of git)",
        file=sys.stderr,
    )
    return 1 if any(problem.severity is not Severity.INFO for problem in site.problems) else 0


def _schema(arguments: argparse.Namespace) -> int:
    schema = json_schema(_site(arguments.path).settings.vocabularies)
    if arguments.draft == "7":
        schema["$schema"] = DRAFT_7
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def _import(arguments: argparse.Namespace) -> int:
    src: Path = arguments.src
    dest: Path = arguments.dest
    if not any((src / collection).is_dir() for collection in COLLECTIONS):
        raise CommandError(f"{src} has none of the Jekyll folders {', '.join(COLLECTIONS)}")
    config = next(
        (dest / name for name in ("mkdocs.yml", "mkdocs.yaml") if (dest / name).is_file()), None
    )
    site = with_options(read_site_config(config, dest / "docs"))
    folders = dict(TARGET_FOLDERS)
    if config is not None:
        folders = {kind: site.folder_for(kind) or folder for kind, folder in folders.items()}
    plan = plan_import(src, folders, site.settings, site.images, site.sentinels)
    unmapped = [
        Problem(
            _shown(config),
            f"no docs folder holds cards of kind '{kind}'",
            None,
            "folders",
            f"add '{TARGET_FOLDERS[kind]}: {kind}' to the participation plugin's folders",
        )
        for kind in sorted({card.kind for card in plan.cards})
        if config is not None and site.folder_for(kind) is None
    ]
    existing = [path for path in plan.files if (site.docs_dir / path).exists()]
    if existing and not arguments.force:
        shown = ", ".join(_shown(site.docs_dir / path) for path in existing[:5])
        more = f" and {len(existing) - 5} more" if len(existing) > 5 else ""
        print(
            f"{PROGRAM}: {len(existing)} file(s) already exist: {shown}{more}; nothing "
            "written (use --force to overwrite them)",
            file=sys.stderr,
        )
        return 1
    _write_files(site.docs_dir, plan.files)
    if config is None:
        dest.mkdir(parents=True, exist_ok=True)
        (dest / "mkdocs.yml").write_text(site_yaml(src), encoding="utf-8")
    _print_import_report(plan, site, src, dest, config is None)
    for problem in unmapped:
        print(problem)
    # A file of the old site that could not be read is not in the new one: say so in the status.
    return 1 if any(problem.path not in plan.files for problem in plan.problems) else 0


def _write_files(docs_dir: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        target = docs_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _print_import_report(
    plan: ImportPlan, site: SiteConfig, src: Path, dest: Path, wrote_config: bool
) -> None:
    print(f"Imported {len(plan.cards)} card(s) into {_shown(site.docs_dir)}")
    for card in plan.cards:
        print(f"{card.source} -> {_shown(site.docs_dir / card.target)}")
        for change in card.changes:
            print(f"  - {change}")
    assets = sum(isinstance(content, bytes) for content in plan.files.values())
    if assets:
        print(f"Copied {assets} image or document file(s) as they were")
    if wrote_config:
        print(f"Wrote {_shown(dest / 'mkdocs.yml')}")
    for name in plan.skipped:
        reason = (
            " (facet lists of the old site; this site's vocabularies are the plugin's, "
            "see its 'vocabularies' option)"
            if name == "_data/"
            else ""
        )
        print(f"Not imported: {name}{reason}")
    problems = sorted(plan.problems, key=lambda p: (p.path, p.line or 0))
    if problems:
        print(f"{len(problems)} problem(s) left to fix by hand:")
        for problem in problems:
            # A file that was not imported is named as it is in the old site, links unfollowed.
            imported = problem.path in plan.files
            shown = _shown(site.docs_dir / problem.path) if imported else str(src / problem.path)
            print(replace(problem, path=shown))
    else:
        print("No problem left.")


def _cms(arguments: argparse.Namespace) -> int:
    site = _site(arguments.path)
    config = cms_config(site, arguments.repo, arguments.branch, arguments.backend)
    if arguments.backend == "github" and not (arguments.repo or site.repo):
        print(
            f"{PROGRAM}: note: no repository known; set --repo owner/name or repo_url in "
            "mkdocs.yml",
            file=sys.stderr,
        )
    print(as_yaml(config), end="")
    return 0


def _github(arguments: argparse.Namespace) -> int:
    target = arguments.path / ".github"
    files = sorted(path for path in CONTRIB.rglob("*") if path.is_file())
    existing = [
        target / p.relative_to(CONTRIB) for p in files if (target / p.relative_to(CONTRIB)).exists()
    ]
    if existing and not arguments.force:
        print(
            f"{PROGRAM}: {', '.join(map(_shown, existing))} already exist(s); nothing "
            "written (use --force to overwrite)",
            file=sys.stderr,
        )
        return 1
    for path in files:
        destination = target / path.relative_to(CONTRIB)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
        print(_shown(destination))
    return 0


def _shown(path: Path) -> str:
    return shown_path(path, Path.cwd())


if __name__ == "__main__":
    sys.exit(main())
