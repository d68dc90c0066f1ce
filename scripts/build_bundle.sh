#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle dist/ethics-tool/ from build.spec (see docs/building.md).
# Uses the project's venv (.venv) unless PYINSTALLER names another pyinstaller executable.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -n "${PYINSTALLER:-}" ]]; then
    pyinstaller="$PYINSTALLER"
elif [[ -x .venv/bin/pyinstaller ]]; then
    pyinstaller=.venv/bin/pyinstaller
elif [[ -x .venv/Scripts/pyinstaller.exe ]]; then  # Git Bash on Windows
    pyinstaller=.venv/Scripts/pyinstaller.exe
else
    echo "build_bundle.sh: no pyinstaller in .venv; run: .venv/bin/pip install -e '.[bundle]'" >&2
    exit 1
fi
if [[ "$(uname -s)" == Linux ]] && ! command -v objdump >/dev/null; then
    echo "build_bundle.sh: objdump is missing; install binutils (apt-get install binutils)" >&2
    exit 1
fi

exe=dist/ethics-tool/ethics-tool
[[ -e "$exe.exe" || "$(uname -s)" == MINGW* || "$(uname -s)" == MSYS* ]] && exe="$exe.exe"

rm -rf build/ethics-tool dist/ethics-tool
start=$(date +%s)
"$pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build build.spec
end=$(date +%s)

"$exe" --version  # a quick check that the bundle starts
size=$(du -sh dist/ethics-tool | cut -f1)
echo "Built in $((end - start)) s: $ROOT/dist/ethics-tool ($size; run $ROOT/$exe)"
