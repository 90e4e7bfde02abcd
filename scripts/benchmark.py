#!/usr/bin/env python3
"""Generates synthetic districts of growing size from the sample's own texts and times `vorort check`
and `vorort build` on them (release build). Prints a table; copy it into docs/benchmark.md.

    python3 scripts/benchmark.py                 # 1,000 / 5,000 / 10,000 offers
    python3 scripts/benchmark.py --offers 20000  # one size
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# Links to the municipality's own contact points point to the one contact point each generated municipality has.
LOCAL_CONTACT_LINK = re.compile(r"\]\(\.\./anlaufstellen/[a-z0-9-]+\.md")

ROOT = pathlib.Path(__file__).resolve().parent.parent


def sample_offers():
    """The sample's municipal offers as (text, category line) templates."""
    texts = []
    for path in sorted((ROOT / "content" / "gemeinden").glob("*/angebote/*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def generate(target: pathlib.Path, offers: int, per_municipality: int = 50):
    """The sample district plus municipalities that each have `per_municipality` offers and one contact point."""
    shutil.copy(ROOT / "site.yml", target / "site.yml")
    shutil.copytree(ROOT / "themes", target / "themes")
    # The whole sample stays (district offers name its municipalities); generated municipalities are added.
    shutil.copytree(ROOT / "content", target / "content")
    texts = sample_offers()
    contact_template = (ROOT / "content" / "kreis" / "anlaufstellen").glob("*.md")
    contact = next(iter(sorted(contact_template))).read_text(encoding="utf-8")
    municipalities = max(1, offers // per_municipality)
    written = 0
    for m in range(municipalities):
        folder = target / "content" / "gemeinden" / f"gemeinde-{m:04d}"
        (folder / "angebote").mkdir(parents=True)
        (folder / "anlaufstellen").mkdir()
        (folder / "index.md").write_text(
            f"---\nname: Gemeinde {m:04d}\nkind: Gemeinde\nsummary: Eine Gemeinde im Landkreis.\n---\n"
            "Willkommen in der Gemeinde. Hier finden Sie Angebote und Anlaufstellen.\n", encoding="utf-8")
        (folder / "anlaufstellen" / "buergerbuero.md").write_text(contact, encoding="utf-8")
        for i in range(per_municipality):
            if written >= offers:
                break
            text = texts[(m * per_municipality + i) % len(texts)]
            lines = [("contact: buergerbuero" if line.startswith("contact:") else line) for line in text.split("\n")]
            body = LOCAL_CONTACT_LINK.sub("](../anlaufstellen/buergerbuero.md", "\n".join(lines))
            (folder / "angebote" / f"angebot-{i:03d}.md").write_text(body, encoding="utf-8")
            written += 1
    return municipalities


def timed(command, runs):
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        durations.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return statistics.median(durations)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offers", type=int, nargs="*", default=[1000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "vorort"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = str(ROOT / ".build" / "release" / "vorort")
    print(f"machine: {os.cpu_count()} cores; median of {args.runs} runs; release build")
    print(f"{'offers':>8} {'pages':>8} {'check s':>9} {'build s':>9} {'ms/page':>9} {'pages/s':>9}")
    for offers in args.offers:
        with tempfile.TemporaryDirectory(prefix="vorort-bench-") as tmp:
            site = pathlib.Path(tmp) / "site"
            site.mkdir()
            generate(site, offers)
            output = pathlib.Path(tmp) / "output"
            check = timed([binary, "check", "--site", str(site)], args.runs)
            build = timed([binary, "build", "--site", str(site), "--output", str(output)], args.runs)
            pages = sum(1 for _ in output.rglob("*.html"))
            print(f"{offers:>8} {pages:>8} {check:>9.2f} {build:>9.2f} {build / pages * 1000:>9.3f} {pages / build:>9.0f}")


if __name__ == "__main__":
    main()
