"""Make `docs/brief-screenshot.png`: the sample brief rendered in headless Chromium.

    python -m realpolitik.brief.screenshot [--db /tmp/rp-brief.duckdb] [-o docs/brief-screenshot.png]

Without --db it ingests and codes the bundled sample corpus into a fresh database under /tmp (with
the `realpolitik` CLI of this environment), so it never touches a shared `out/` folder. The picture is
the top of the page: headline, dek, At a Glance and the first section.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def launch(playwright):
    """Debian's Chromium, driven by Playwright; no browser download needed."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def sample_db(path: Path) -> Path:
    from ..config import SAMPLE_DIR

    exe = Path(sys.executable).with_name("realpolitik")
    path.unlink(missing_ok=True)
    for args in (["ingest", str(SAMPLE_DIR), "--db", str(path)], ["code", "--db", str(path)]):
        subprocess.run([str(exe), *args], check=True, stdout=subprocess.DEVNULL)
    return path


def shoot(html: str, png: Path, width: int = 1000, height: int = 1400) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "brief.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as p:
            browser = launch(p)
            try:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(page_file.as_uri())
                page.screenshot(path=str(png), full_page=False)
            finally:
                browser.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: build one from the sample corpus)")
    ap.add_argument("--actors", default="RUS,USA,UKR,NATO")
    ap.add_argument("-o", "--output", type=Path, default=Path("docs/brief-screenshot.png"))
    args = ap.parse_args(argv)
    from . import write_brief

    db = args.db or sample_db(Path(tempfile.gettempdir()) / "rp-brief-sample.duckdb")
    brief = write_brief(db, args.actors)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    shoot(brief.to_html(), args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
