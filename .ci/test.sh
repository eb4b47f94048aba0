#!/usr/bin/env bash
# Everything the tests need, on a fresh machine: system packages (LibreOffice, CJK fonts,
# poppler, chromium and chromium-driver), a fresh venv with wenshu installed non-editably (so package data is checked),
# then ruff and pytest. Used by README and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
if ! (command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .); then
  need+=(fonts-noto-cjk)
fi
# Digits and Latin letters in the width of Times New Roman (Liberation Serif has its
# metrics): table column widths and the layout tests assume ½ em digits.
if ! (command -v fc-list >/dev/null 2>&1 && fc-list | grep -qE "Liberation Serif|Times New Roman"); then
  need+=(fonts-liberation2)
fi
# The web page's tests drive a real browser: Debian's chromium and its chromedriver.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "安装系统软件包：${need[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

VENV="${WENSHU_TEST_VENV:-.venv-test}"
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
"$VENV/bin/python" -m pip install -q ".[test]"
# Drop build leftovers so nothing in the checkout shadows the installed package.
rm -rf build ./*.egg-info

"$VENV/bin/ruff" check .
PATH="$(pwd)/$VENV/bin:$PATH" "$VENV/bin/python" -m pytest "$@"
