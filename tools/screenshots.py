"""Look at the reports as a reader would: screenshots of matrix.html, report.html and log.html in headless Chromium.

``python tools/screenshots.py [--outputdir results] [--targets N] [--baseline OLD/matrix.json]``
runs ``wscompliance`` against N named targets (default 2), taking turns
between the embedded reference server (``reference-1``, ``reference-3``,
...) and a hostile server started here on 127.0.0.1 (``hostile-2``, ...; it
accepts every method and puts HTML, an ANSI escape and non-ASCII bytes in
its answer), then saves PNGs under ``OUTPUTDIR/screenshots``: the matrix as
it opens and scrolled down and right (the header row and the case column
must stay in view), the first hostile target's report, and its log opened
at COMP-UPGRADE-POST so the raw request and response are expanded. Look at
them: the bytes must be readable and nothing the server sent may render as
HTML. ``--baseline`` goes to ``wscompliance``, to see the change marks. A
manual check, not part of CI; needs ``chromium`` on PATH (Debian:
``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import io
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from robot import rebot
from robot.api import ExecutionResult

ROOT = Path(__file__).resolve().parent.parent
# The reports come from this checkout's library, not whichever version is installed.
sys.path.insert(0, str(ROOT))

from WsComplianceLibrary.wire.http1.request import accept_for_key  # noqa: E402

CASE_SHOWN = "COMP-UPGRADE-POST"
HOSTILE_REASON = b"<b>Switched</b><script>alert(1)</script>"
HOSTILE_HEADER = b"X-Note: \x1b[31mred\x1b[0m caf\xc3\xa9 <img src=x onerror=alert(2)>\r\n"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    "--virtual-time-budget=5000", "--run-all-compositor-stages-before-draw",
)
SCROLL = (1400, 1800)
"""How far right and down the scrolled matrix screenshot is taken, in CSS pixels."""


def hostile_answer(head: bytes) -> bytes:
    """A 101 answer to any request, with markup in the reason phrase and control and non-ASCII bytes in a header."""
    key = b""
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"sec-websocket-key":
            key = value.strip()
    return (b"HTTP/1.1 101 " + HOSTILE_REASON + b"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Accept: " + accept_for_key(key.decode("latin-1")).encode() + b"\r\n" + HOSTILE_HEADER
            + b"\r\n")


def serve_hostile(listener: socket.socket) -> None:
    """Answer every connection on ``listener`` with :func:`hostile_answer` until the listener closes."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(2)
            head = b""
            try:
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    head += chunk
                conn.sendall(hostile_answer(head))
            except OSError:
                continue


def screenshot(chromium: str, page: str, png: Path, width: int = 1500, height: int = 1100) -> None:
    """Save a PNG of ``page`` (a file URL, fragment allowed) as Chromium renders it."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={png}", page], check=True, capture_output=True, timeout=60)
    print(png)


def scrolled_copy(page: Path, copy: Path, right: int, down: int) -> Path:
    """A copy of ``page`` shown scrolled by (``right``, ``down``), for --screenshot, which cannot scroll.

    Headless Chromium paints a scrolled window blank, so the copy's body is
    made the scrolling box, a window's size and without padding (sticky
    cells stop at a scrolling box's padding), and scrolled instead.
    """
    scroller = ("<style>html { overflow: hidden; } body { margin: 0; height: 100vh; overflow: auto; }</style>"
                f"<script>document.body.scrollLeft = {right}; document.body.scrollTop = {down};</script>")
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", f"{scroller}</body>"), encoding="utf-8")
    return copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/screenshots.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--outputdir", type=Path, default=ROOT / "results")
    parser.add_argument("--targets", type=int, default=2, help="how many named targets (at least 2, default 2)")
    parser.add_argument("--baseline", type=Path, help="matrix.json of an earlier run, passed to wscompliance")
    args = parser.parse_args(argv)
    if args.targets < 2:
        parser.error(f"--targets {args.targets} is too few; give 2 or more, one reference and one hostile at least")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not on PATH (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    outputdir = args.outputdir.resolve()
    listener = socket.create_server(("127.0.0.1", 0))
    hostile_url = f"ws://127.0.0.1:{listener.getsockname()[1]}/"
    threading.Thread(target=serve_hostile, args=(listener,), daemon=True).start()
    targets = [f"reference-{number}=embedded" if number % 2 else f"hostile-{number}={hostile_url}"
               for number in range(1, args.targets + 1)]
    baseline = ["--baseline", str(args.baseline)] if args.baseline else []
    try:
        subprocess.run([sys.executable, "-m", "WsComplianceLibrary.cli", "--outputdir", str(outputdir),
                        "--processes", "2", *baseline, *targets], cwd=ROOT, check=False)
    finally:
        listener.close()
    folder = outputdir / "hostile-2"
    test = next(test for test in ExecutionResult(str(folder / "output.xml")).suite.all_tests if test.name == CASE_SHOWN)
    shots = outputdir / "screenshots"
    shots.mkdir(exist_ok=True)
    screenshot(chromium, (outputdir / "matrix.html").as_uri(), shots / "matrix.png", width=1440, height=1400)
    # The copy sits beside matrix.html, so its links and the log paths in it stay as they are.
    scrolled = scrolled_copy(outputdir / "matrix.html", outputdir / "matrix-scrolled.html", *SCROLL)
    screenshot(chromium, scrolled.as_uri(), shots / "matrix-scrolled.png", width=1440, height=1100)
    scrolled.unlink()
    screenshot(chromium, (folder / "report.html").as_uri(), shots / "report.png")
    # The log as the matrix links into it: the test opened at its anchor. A window tall enough for the
    # whole page, because headless Chromium paints a scrolled page blank above the anchor.
    screenshot(chromium, f"{(folder / 'log.html').as_uri()}#{test.id}", shots / "log-linked-test.png", height=4000)
    # The raw exchange of that one test, with its Send keyword opened as a reader would click it open.
    focused = shots / "log-raw-exchange.html"
    rebot(str(folder / "output.xml"), test=CASE_SHOWN, log=str(focused), report="NONE", output="NONE",
          expandkeywords=["name:*Send Raw*"], stdout=io.StringIO())
    screenshot(chromium, focused.as_uri(), shots / "log-raw-exchange.png", width=1300, height=1500)
    screenshot(chromium, (outputdir / "report.html").as_uri(), shots / "combined-report.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
