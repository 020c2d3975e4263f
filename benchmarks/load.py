"""Benchmark: loading a 5,000-note canvas against libyaml's CSafeLoader on the same file (target: <= 1.5x).

Run: python benchmarks/load.py [NOTES]. Prints medians of several runs and the ratio; it asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from canvases import generated_canvas

from editor.fileformat import dump_canvas, load_canvas

RUNS = 7


def median_seconds(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    notes = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text(dump_canvas(generated_canvas(notes)), encoding="utf-8")
        floor = median_seconds(lambda: yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))
        ours = median_seconds(lambda: load_canvas(path))
        size = path.stat().st_size
    print(f"load {notes} notes ({size / 2**20:.1f} MiB), median of {RUNS}")
    print("| case | ours | floor (CSafeLoader) | ratio | target |")
    print("|---|---|---|---|---|")
    print(f"| load | {ours * 1000:.0f} ms | {floor * 1000:.0f} ms | {ours / floor:.2f}x | <= 1.5x |")


if __name__ == "__main__":
    main()
