#!/usr/bin/env bash
# Install (or remove) the desktop integration for the current user on Linux: the menu entry, the
# icon in every size, the AppStream metadata, the .etika file type, and the program itself.
#
#   scripts/install_desktop.sh                 # the bundle in dist/ethics-tool (scripts/build_bundle.sh)
#   scripts/install_desktop.sh --bundle DIR    # a bundle folder unpacked elsewhere
#   scripts/install_desktop.sh --no-bundle     # only the menu entry, for `ethics-tool` already on PATH
#   scripts/install_desktop.sh --uninstall
#
# Nothing needs root: files go to ~/.local (XDG_DATA_HOME) and ~/.local/bin. PREFIX overrides ~/.local.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_ID=lv.lps.EthicsTool
PREFIX="${PREFIX:-$HOME/.local}"
DATA="${XDG_DATA_HOME:-$PREFIX/share}"
BIN="$PREFIX/bin"
OPT="$PREFIX/opt/ethics-tool"
bundle="$ROOT/dist/ethics-tool"
mode=install

while [[ $# -gt 0 ]]; do
    case "$1" in
        --bundle) bundle="${2:?--bundle needs a folder}"; shift 2 ;;
        --no-bundle) bundle=""; shift ;;
        --uninstall) mode=uninstall; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "install_desktop.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

refresh() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
    command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" >/dev/null || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [[ $mode == uninstall ]]; then
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
          "$DATA/mime/packages/$APP_ID.xml"
    rm -f "$DATA"/icons/hicolor/*/apps/"$APP_ID".png "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    if [[ -L "$BIN/ethics-tool" && "$(readlink "$BIN/ethics-tool")" == "$OPT/"* ]]; then
        rm -f "$BIN/ethics-tool" "$BIN/ethics-tool-cli"
    fi
    rm -rf "$OPT"
    refresh
    echo "Removed the desktop integration of $APP_ID."
    exit 0
fi

exec_line="ethics-tool"
if [[ -n "$bundle" ]]; then
    if [[ ! -x "$bundle/ethics-tool" ]]; then
        echo "install_desktop.sh: no program at $bundle/ethics-tool; build it with scripts/build_bundle.sh," \
             "name it with --bundle DIR, or use --no-bundle" >&2
        exit 1
    fi
    mkdir -p "$OPT" "$BIN"
    rm -rf "$OPT"
    cp -a "$bundle" "$OPT"
    ln -sfn "$OPT/ethics-tool" "$BIN/ethics-tool"
    ln -sfn "$OPT/ethics-tool" "$BIN/ethics-tool-cli"
    exec_line="$OPT/ethics-tool"
fi

install -Dm644 "$ROOT/packaging/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$ROOT/packaging/linux/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"
for png in "$ROOT"/packaging/icons/app-*.png; do
    size="${png##*/app-}"; size="${size%.png}"
    install -Dm644 "$png" "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -Dm644 "$ROOT/resources/icons/app.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
mkdir -p "$DATA/applications"
sed -e "s|^Exec=ethics-tool |Exec=$exec_line |" -e "s|^TryExec=ethics-tool$|TryExec=$exec_line|" \
    "$ROOT/packaging/linux/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
chmod 644 "$DATA/applications/$APP_ID.desktop"
refresh
echo "Installed $APP_ID: menu entry $DATA/applications/$APP_ID.desktop, program $exec_line"
