#!/usr/bin/env python3
"""Measures `vorort serve` the way an editor feels it: from saving one offer to the moment the reload message
reaches the browser's event stream. Starts the preview on a site (e.g. the 10,000-page district of
../shared/bench/), subscribes to /__vorort/events, saves one offer N times with a changed text below the front
matter and N times with a changed title, and prints the medians.

    python3 scripts/measure-serve.py /tmp/vorort-compare/v10000 [--runs 20] [--binary .build/release/vorort]
"""
import argparse
import pathlib
import queue
import socket
import statistics
import subprocess
import sys
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lines:
    """The lines of a child's output, read on a thread of their own so that waiting has a deadline."""

    def __init__(self, stream):
        self.queue = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.queue.put(line)
        self.queue.put(None)

    def wait(self, text, timeout):
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if line is None:
                return None
            if text in line:
                return line


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--binary", default=".build/release/vorort")
    args = parser.parse_args()
    site = pathlib.Path(args.site)
    offers = sorted(site.glob("content/gemeinden/*/angebote/*.md"))
    offers = [o for o in offers if o.name.count(".") == 1]
    offer = offers[len(offers) // 2]
    original = offer.read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--site", str(site), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    try:
        start = time.monotonic()
        output = Lines(server.stdout)
        if not output.wait("Vorschau: http", 600):
            sys.exit("the preview did not start")
        print(f"first build: {time.monotonic() - start:.1f} s; offer: {offer.relative_to(site)}")
        events = subprocess.Popen(["curl", "-s", "-N", f"http://127.0.0.1:{port}/__vorort/events"],
                                  stdout=subprocess.PIPE, text=True, bufsize=1)
        stream = Lines(events.stdout)
        stream.wait(": vorort", 10)
        # The offer's own page, as the reload event names it (JSON escapes the slashes).
        relative = offer.relative_to(site / "content").with_suffix("")
        page = (str(relative) + "/index.html").replace("/", "\\/")
        results = {}
        head, _, body = original.partition("\n---\n")
        for kind in ("text", "title"):
            times = []
            for run in range(args.runs):
                if kind == "text":
                    changed = head + "\n---\n" + body + f"\nÄnderung {run}.\n"
                else:
                    changed = original.replace("\ntitle: ", f"\ntitle: Neu {run} ", 1)
                saved = time.monotonic()
                offer.write_text(changed, encoding="utf-8")
                if not stream.wait(page, 30):
                    sys.exit(f"no reload event for {page} after a {kind} edit")
                times.append((time.monotonic() - saved) * 1000)
                # Let the update finish (its terminal line) and take the events for the other pages before the next save.
                output.wait("neu erzeugt", 30)
                while stream.wait("data:", 0.3):
                    pass
            results[kind] = times
            print(f"{kind} edit: median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f}) over {len(times)} saves")
        events.terminate()
    finally:
        offer.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
