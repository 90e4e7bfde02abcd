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
        if path.name.count(".") > 1:
            continue  # translations (`x.en.md`) hold only words; the generated offers are German originals
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def generate(target: pathlib.Path, offers: int, per_municipality: int = 50):
    """The sample district plus municipalities that each have `per_municipality` offers and one contact point."""
    shutil.copy(ROOT / "site.yml", target / "site.yml")
    shutil.copytree(ROOT / "themes", target / "themes")
    # The whole sample stays (district offers name its municipalities); generated municipalities are added.
    shutil.copytree(ROOT / "content", target / "content")
    texts = sample_offers()
    contact_template = [p for p in (ROOT / "content" / "kreis" / "anlaufstellen").glob("*.md") if p.name.count(".") == 1]
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


STAGE = re.compile(r"([A-Za-zÄÖÜäöü ()]+?) ([0-9.]+) s")
CHECK_STAGES = {"Laden", "Lesen", "Prüfen", "Sprache (Warten)"}


def timed(command, runs):
    """Median wall time of `runs` runs, and the median stage times vorort build prints (check, render, write)."""
    durations, stages = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        durations.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
        # The last line of `vorort build`: "… geschrieben in 0.50 s (Laden 0.010 s, Lesen …, Schreiben 0.04 s)."
        summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
        if "(" in summary:
            found = {name.strip(" ,("): float(value) for name, value in STAGE.findall(summary.split("(", 1)[1])}
            if "Erzeugen" in found:
                check = sum(v for k, v in found.items() if k in CHECK_STAGES)
                stages.append((check, found.get("Erzeugen", 0.0), found.get("Schreiben", 0.0)))
    medians = tuple(statistics.median(s[i] for s in stages) for i in range(3)) if stages else None
    return statistics.median(durations), medians


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offers", type=int, nargs="*", default=[1000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output-dir", default=None,
                        help="where the output folder is written (default: beside the generated site, on disk); "
                             "/dev/shm measures without the disk")
    parser.add_argument("--with-search", action="store_true",
                        help="let `vorort build` run Pagefind too (by default it is switched off: it is another program)")
    parser.add_argument("--german-only", action="store_true",
                        help="leave out the sample's translation languages (by default every page exists in six languages)")
    args = parser.parse_args()
    if not args.with_search:
        os.environ["VORORT_PAGEFIND"] = "none"

    for product in ["vorort", "vorort-benchmark"]:
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    binary = str(ROOT / ".build" / "release" / "vorort")
    # What the wording lint adds to `vorort check` on the sample site, measured in-process.
    print(subprocess.run([str(ROOT / ".build" / "release" / "vorort-benchmark"), str(ROOT), "41"],
                         check=True, capture_output=True, text=True).stdout)
    print(f"machine: {os.cpu_count()} cores; median of {args.runs} runs; release build; "
          f"output on {args.output_dir or 'the temporary folder (disk)'}; "
          f"{'German only' if args.german_only else 'six languages'}; {'with' if args.with_search else 'without'} Pagefind")
    print(f"{'offers':>7} {'pages':>7} {'check s':>8} {'build s':>8} {'stages: check':>14} {'render':>7} {'write':>7} "
          f"{'ms/page':>8} {'pages/s':>8}")
    for offers in args.offers:
        with tempfile.TemporaryDirectory(prefix="vorort-bench-") as tmp, \
                tempfile.TemporaryDirectory(prefix="vorort-bench-out-", dir=args.output_dir) as out:
            site = pathlib.Path(tmp) / "site"
            site.mkdir()
            generate(site, offers)
            if args.german_only:
                config = (site / "site.yml").read_text(encoding="utf-8")
                (site / "site.yml").write_text(re.sub(r"\nlanguages:\n(  .*\n)+", "\n", config), encoding="utf-8")
            output = pathlib.Path(out) / "output"
            check, _ = timed([binary, "check", "--site", str(site)], args.runs)
            build, stages = timed([binary, "build", "--site", str(site), "--output", str(output)], args.runs)
            pages = sum(1 for _ in output.rglob("*.html"))
            c, r, w = stages or (0, 0, 0)
            print(f"{offers:>7} {pages:>7} {check:>8.2f} {build:>8.2f} {c:>14.2f} {r:>7.2f} {w:>7.2f} "
                  f"{build / pages * 1000:>8.3f} {pages / build:>8.0f}")


if __name__ == "__main__":
    main()
