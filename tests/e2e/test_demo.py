"""The README's demo command works: no token, no network, the scripted story end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_runs_and_ends_with_the_h7_digest(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Selamat datang, Hasan" in out  # the invited coordinator registered
    assert "Laporan R-0001 diterima" in out  # an officer reported
    assert "INSIDEN KRITIS — I-0001" in out and "ditutup sebagai selesai" in out
    assert "sudah dipakai" in out  # the reused invite was refused
    # One support request from the field to done: asked of TNI, taken, progressed, closed.
    assert "Permintaan dukungan D-0001 tercatat dan dikirim ke 1 koordinator TNI" in out
    assert "D-0001 disanggupi oleh Dandim" in out and "D-0001 dalam proses" in out
    assert "D-0001 selesai (Dandim" in out and "Foto penyelesaian D-0001" in out
    assert "TNI: 0 terbuka, 0 lewat tenggat, 1 selesai sejak kemarin" in out  # the digest
    assert "H-7 menuju pemungutan suara Pemilu 2024 (Rabu, 14 Februari 2024)" in out
    assert "Traceback" not in result.stderr
    # It leaves only the screenshot of the coordinator's dashboard it ends with.
    left = {path.name for path in tmp_path.iterdir()}
    assert left == {"posko-demo-dashboard.png"}, f"the demo left files behind: {left}"
    assert (tmp_path / "posko-demo-dashboard.png").read_bytes().startswith(b"\x89PNG")
