"""The files that make the app a proper desktop program: menu entry, AppStream, file type, icons.

The validators are the freedesktop.org reference tools (``desktop-file-validate`` from
desktop-file-utils, ``appstreamcli`` from appstream); CI installs both, elsewhere a test without
them is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from ethics_tool import __version__
from ethics_tool.filetypes import APP_ID, EXCHANGE_SUFFIX, MIME_TYPE

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "packaging" / "icons"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing on CI (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return path


def _desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_file_is_valid() -> None:
    proc = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "", proc.stdout  # no warnings either


def test_metainfo_is_valid() -> None:
    proc = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_three_files_agree_with_the_program() -> None:
    entry = _desktop_entry(DESKTOP)
    assert entry["Name"] == "Ētikas pašnovērtējums"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "ethics-tool %f"  # a double-clicked file reaches `ethics-tool FILE`
    assert entry["MimeType"].rstrip(";") == MIME_TYPE

    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert meta.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    assert meta.findtext("provides/mediatype") == MIME_TYPE

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME).getroot().find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == [f"*{EXCHANGE_SUFFIX}"]


def test_icons_in_every_size_the_platforms_need() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (ICONS / f"app-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (size, size)
    ico = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}  # 0 means 256 in an ICO directory
    assert {16, 32, 48, 256} <= sizes
    icns = (ICONS / "app.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_install_script_puts_everything_in_place_and_removes_it(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    program = bundle / "ethics-tool"
    program.write_text("#!/bin/sh\necho ethics-tool\n")
    program.chmod(0o755)
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    env.pop("XDG_DATA_HOME", None)
    script = ROOT / "scripts" / "install_desktop.sh"
    subprocess.run(["bash", str(script), "--bundle", str(bundle)], env=env, check=True)

    share = tmp_path / "home" / ".local" / "share"
    installed = share / "applications" / f"{APP_ID}.desktop"
    opt = tmp_path / "home" / ".local" / "opt" / "ethics-tool"
    assert _desktop_entry(installed)["Exec"] == f"{opt}/ethics-tool %f"
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (tmp_path / "home" / ".local" / "bin" / "ethics-tool-cli").resolve() == (
        opt / "ethics-tool"
    )
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(installed)], check=True)

    subprocess.run(["bash", str(script), "--uninstall"], env=env, check=True)
    assert not installed.exists()
    assert not opt.exists()
    assert not (tmp_path / "home" / ".local" / "bin" / "ethics-tool").exists()
