"""`citylink serve` as a benchmark's subprocess: started on a free port, its memory and CPU read
from /proc."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.error import URLError

ROOT = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, api_url: str, secret: str) -> tuple[subprocess.Popen, str, float]:
    """`citylink serve` on the store at `url`: the process, its base URL, seconds to ready."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-bench",
           "SLACK_SIGNING_SECRET": secret, "SLACK_API_URL": api_url, "PORT": str(port)}  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "citylink"), "serve"], env=env, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    while not _healthy(f"{base}/healthz"):
        if process.poll() is not None or time.perf_counter() - start > READY_TIMEOUT:
            stop_server(process)
            raise SystemExit("citylink serve did not become ready")
        time.sleep(0.05)
    return process, base, time.perf_counter() - start


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (URLError, OSError):
        return False


def stop_server(process: subprocess.Popen) -> None:
    """SIGTERM (gunicorn shuts down gracefully), then SIGKILL if it lingers."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def _kilobytes(path: str, field: str) -> int:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith(field + ":")), 0)


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS summed over a process tree, in MB.

    RSS counts a page shared by forked workers once per process; PSS splits it between them,
    so its sum is the memory the tree really holds.
    """
    pids = tree(pid)
    rss = sum(_kilobytes(f"/proc/{p}/status", "VmRSS") for p in pids)
    pss = sum(_kilobytes(f"/proc/{p}/smaps_rollup", "Pss") for p in pids)
    return rss / 1024, pss / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")
