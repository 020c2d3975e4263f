"""The benchmark: each case against its floor, measured in the same run, as a Markdown table of medians.

Run: `python benchmarks/run.py` (about 4 minutes on 2 cores; `--quick` runs each case 3 times and skips 20,000
notes). Every measurement is a fresh process (benchmarks/cases.py). It prints the table and asserts nothing.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases.py"


def measure(case: str, side: str, argument: str, runs: int, folder: str) -> dict[str, float]:
    """Medians over `runs` fresh processes of every number the case prints."""
    results: list[dict[str, float]] = []
    env = dict(os.environ, BENCH_DIR=folder, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, str(CASES), case, side, argument], capture_output=True, text=True, env=env, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"{case} {side} {argument} failed:\n{done.stderr}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def mib(size: float) -> str:
    return f"{size / 2**20:.0f} MiB"


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 3 if quick else 5
    sizes = [500, 5000] if quick else [500, 5000, 20000]
    rows: list[str] = []

    def row(case: str, ours: str, floor: str, ratio: float | None, target: str, met: bool) -> None:
        shown = "" if ratio is None else f"{ratio:.2f}x"
        rows.append(f"| {case} | {ours} | {floor} | {shown} | {target} | {'yes' if met else '**no**'} |")
        print(rows[-1], flush=True)

    print("| case | ours | floor, same run | ratio | target | met |\n|---|---|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        ours, floor = measure("start", "ours", "", runs, folder), measure("start", "floor", "", runs, folder)
        ratio = ours["seconds"] / floor["seconds"]
        row(
            "start to first painted board, TikTok",
            ms(ours["seconds"]),
            ms(floor["seconds"]),
            ratio,
            "≤ 1.5x",
            ratio <= 1.5,
        )

        opened: dict[int, float] = {}
        for notes in sizes:
            ours, floor = (
                measure("open", "ours", str(notes), runs, folder),
                measure("open", "floor", str(notes), runs, folder),
            )
            opened[notes] = ours["seconds"]
            ratio = ours["seconds"] / floor["seconds"]
            row(
                f"open {notes:,} notes, to first paint",
                ms(ours["seconds"]),
                ms(floor["seconds"]),
                ratio,
                "≤ 1.5x",
                ratio <= 1.5,
            )

        dragged: dict[int, float] = {}
        for notes in sizes:
            for zoom, label in (("", "whole board in view"), ("@1", "at 100%")):
                ours = measure("drag", "ours", f"{notes}{zoom}", runs, folder)
                floor = measure("drag", "floor", f"{notes}{zoom}", runs, folder)
                if not zoom:
                    dragged[notes] = ours["seconds"]
                ratio = ours["seconds"] / floor["seconds"]
                met = ratio <= 1.5 and ours["seconds"] < 0.016
                case = f"drag frame, 100 of {notes:,} notes, {label}"
                row(case, ms(ours["seconds"]), ms(floor["seconds"]), ratio, "≤ 1.5x and < 16 ms", met)

        ours, floor = measure("save", "ours", "5000", runs, folder), measure("save", "floor", "5000", runs, folder)
        ratio = ours["seconds"] / floor["seconds"]
        row("save 5,000 notes", ms(ours["seconds"]), ms(floor["seconds"]), ratio, "≤ 1.5x", ratio <= 1.5)

        ours = measure("stall", "ours", "5000", runs, folder)
        row(
            "longest stall while a recovery copy of 5,000 notes is written",
            ms(ours["seconds"]),
            "",
            None,
            "≤ 50 ms",
            ours["seconds"] <= 0.05,
        )

        ours, floor = measure("memory", "ours", "5000", runs, folder), measure("memory", "floor", "5000", runs, folder)
        ratio = ours["peak_rss"] / floor["peak_rss"]
        row(
            "peak memory with 5,000 notes open",
            mib(ours["peak_rss"]),
            mib(floor["peak_rss"]),
            ratio,
            "≤ 1.5x",
            ratio <= 1.5,
        )

        for name, costs in (("open", opened), ("drag frame", dragged)):
            small, large = min(costs), max(costs)
            growth = (costs[large] / costs[small]) / (large / small)
            shown = ", ".join(f"{n:,}: {ms(costs[n])}" for n in sorted(costs))
            row(
                f"growth of {name} ({shown})",
                f"{growth:.2f} of linear",
                "",
                None,
                "≤ 1 (no faster than the notes)",
                growth <= 1.0,
            )

    print(f"\n{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, median of {runs} runs")


if __name__ == "__main__":
    main()
