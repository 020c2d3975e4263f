"""The benchmark: each case against its floor, measured in the same run, as a Markdown table of medians.

Run: `python benchmarks/run.py` (about 5 minutes on 2 cores; `--quick` runs each case 3 times and skips 10,000
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


def measure(case: str, sides: list[str], argument: str, runs: int, folder: str) -> list[dict[str, float]]:
    """For each side, medians over `runs` fresh processes of every number the case prints.

    The sides take turns (ours, floor, ours, floor, ...): on a shared machine whose speed drifts, each ratio then
    compares runs made in the same minutes."""
    results: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    env = dict(os.environ, BENCH_DIR=folder, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        for side in sides:
            command = [sys.executable, str(CASES), case, side, argument]
            done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            if done.returncode != 0:
                raise SystemExit(f"{case} {side} {argument} failed:\n{done.stderr}")
            results[side].append(json.loads(done.stdout.strip().splitlines()[-1]))
    return [{key: statistics.median(r[key] for r in results[side]) for key in results[side][0]} for side in sides]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def mib(size: float) -> str:
    return f"{size / 2**20:.0f} MiB"


def compile_package() -> None:
    """Bytecode for the editor's modules, as `pip install` writes it: a start-up measured without it would time
    Python compiling our source (PYTHONDONTWRITEBYTECODE and editable installs leave it unwritten), which the
    floor, made only of installed libraries, never pays."""
    import compileall

    import editor

    compileall.compile_dir(Path(editor.__file__).parent, quiet=1)


def main() -> None:
    quick = "--quick" in sys.argv
    compile_package()
    runs = 3 if quick else 5
    from editor.model.limits import MAX_NOTES

    sizes = [500, 5000] if quick else [500, 5000, MAX_NOTES]  # the most a canvas may hold
    rows: list[str] = []

    def row(case: str, ours: str, floor: str, ratio: float | None, target: str, met: bool) -> None:
        shown = "" if ratio is None else f"{ratio:.2f}x"
        rows.append(f"| {case} | {ours} | {floor} | {shown} | {target} | {'yes' if met else '**no**'} |")
        print(rows[-1], flush=True)

    print("| case | ours | floor, same run | ratio | target | met |\n|---|---|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        measured: dict[tuple[str, str], list[dict[str, float]]] = {}  # a case's runs give every row they can

        def compare(
            case: str,
            argument: str,
            label: str,
            key: str = "seconds",
            limit: float | None = None,
            ratio: bool = True,
            repeat: int = 1,
            most: float = 1.5,
        ) -> tuple[float, float]:
            """Ours against the floor: a row that meets ≤ `most` times it (unless `ratio` is off) and the time `limit`.

            The issue sets the ratio for 5,000 notes; the 500 and 10,000 rows are there for the growth rows (and a
            frame is held to the limit at every size): their ratio is shown, not judged. `repeat` times more runs for
            a short case, whose median a single slow run moves the most."""
            if (case, argument) not in measured:
                measured[case, argument] = measure(case, ["ours", "floor"], argument, runs * repeat, folder)
            ours, floor = (numbers[key] for numbers in measured[case, argument])
            shown = mib if key == "peak_rss" else ms
            targets = ([f"≤ {most}x"] if ratio else []) + ([f"< {ms(limit)}"] if limit else [])
            met = (not ratio or ours / floor <= most) and (limit is None or ours < limit)
            row(label, shown(ours), shown(floor), ours / floor, " and ".join(targets) or "growth, below", met)
            return ours, floor

        compare("start", "", "start to first painted board, TikTok", repeat=3, most=1.3)
        opened = {n: compare("open", str(n), f"open {n:,} notes, to first paint", ratio=n == 5000) for n in sizes}
        dragged: dict[int, tuple[float, float]] = {}
        for n in sizes:
            label = f"drag frame, 100 of {n:,} notes"
            dragged[n] = compare("drag", str(n), f"{label}, whole board in view", limit=0.016, ratio=n == 5000)
            compare("drag", f"{n}@1", f"{label}, at 100%", limit=0.016, ratio=n == 5000)
        compare("save", "5000", "save 5,000 notes as a new file")
        compare("save", "5000@edit", "save 5,000 notes over their file, one note edited")
        stall = measure("stall", ["ours"], "5000", runs, folder)[0]["seconds"]
        row(
            "longest stall while a recovery copy of 5,000 notes is written",
            ms(stall),
            "",
            None,
            "≤ 50 ms",
            stall <= 0.05,
        )
        compare("memory", "5000", "peak memory with 5,000 notes open", key="peak_rss")
        # A drag pictures the notes it repaints until the drop (editor/gui/drag_pictures.py): the peak it leaves,
        # from the drag rows' own runs.
        compare("drag", "5000", "peak memory with 5,000 notes open, after a drag seen whole", key="peak_rss")
        # Issue 21: two 5,000-note canvases compared (both read, then matched) in well under a second, growing no
        # faster than the notes; the ratio to reading both with CSafeLoader is shown, not judged.
        compared = {
            n: compare(
                "compare",
                str(n),
                f"compare {n:,} notes with an edited copy",
                limit=1.0 if n == 5000 else None,
                ratio=False,
            )
            for n in sizes
        }
        for name, costs in (("open", opened), ("drag frame", dragged), ("compare", compared)):
            # The floor's growth, shown beside ours: its work is linear by construction, so what it shows beyond 1
            # is the machine's (caches, Python's collector), not an algorithm's.
            small, large = min(costs), max(costs)
            growth, floor_growth = ((costs[large][i] / costs[small][i]) / (large / small) for i in (0, 1))
            shown = ", ".join(f"{n:,}: {ms(costs[n][0])}" for n in sorted(costs))
            row(
                f"growth of {name} ({shown})",
                f"{growth:.2f} of linear",
                f"{floor_growth:.2f} of linear",
                None,
                "≤ 1",
                growth <= 1.0,
            )

    print(f"\n{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, median of {runs} runs")


if __name__ == "__main__":
    main()
