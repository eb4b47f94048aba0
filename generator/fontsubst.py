"""Font fallbacks for PDF conversion on machines without the Windows Chinese fonts.

A .docx cannot carry a fallback list, and fontconfig on Linux resolves 宋体/仿宋 to
whichever CJK face sorts first (often the Japanese one). This writes a fontconfig file
that keeps the system rules and *accepts* Simplified Chinese faces after each named
font, so a real 仿宋 still wins when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from .errors import ToolMissingError, WenshuError

SERIF_SC = ["Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "Noto Sans CJK SC"]
SANS_SC = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Serif CJK SC"]
KAI_SC = ["AR PL UKai CN", "Noto Serif CJK SC", "Noto Sans CJK SC"]
LATIN_SERIF = ["Liberation Serif", "Tinos", "DejaVu Serif"]

FALLBACKS: dict[str, list[str]] = {
    "宋体": SERIF_SC,
    "SimSun": SERIF_SC,
    "仿宋": SERIF_SC,
    "FangSong": SERIF_SC,
    "仿宋_GB2312": SERIF_SC,
    "方正小标宋简体": SERIF_SC,
    "方正仿宋_GBK": SERIF_SC,
    "黑体": SANS_SC,
    "SimHei": SANS_SC,
    "楷体": KAI_SC,
    "KaiTi": KAI_SC,
    "楷体_GB2312": KAI_SC,
    "Times New Roman": LATIN_SERIF,
}


def fontconfig_text() -> str:
    """A fonts.conf that includes the system configuration plus our fallbacks."""
    rules = []
    for family, accept in FALLBACKS.items():
        accepted = "".join(f"<family>{escape(f)}</family>" for f in accept)
        rules.append(
            f'  <alias binding="same"><family>{escape(family)}</family><accept>{accepted}</accept></alias>'
        )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        + "\n".join(rules)
        + "\n</fontconfig>\n"
    )


def installed_font_families() -> set[str]:
    """Every family name (all languages) fontconfig knows; ToolMissingError without fc-list."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        raise ToolMissingError(
            "未找到 fc-list（fontconfig），无法检查字体。"
            "Debian/Ubuntu 运行 sudo apt-get install fontconfig 安装。"
        )
    try:
        result = subprocess.run(
            [fc_list, "--format", "%{family}\n"],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=60,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise WenshuError(f"fc-list 运行失败，无法检查字体：{exc}") from exc
    families: set[str] = set()
    for line in result.stdout.splitlines():
        # One font may list several names: "FangSong,仿宋".
        families.update(name.strip() for name in line.split(",") if name.strip())
    return families


def libreoffice_profile(profile_dir: Path) -> None:
    """Seed a LibreOffice user profile with a replacement table: each missing Chinese
    font is shown in the first installed Simplified Chinese face. LibreOffice applies
    its own substitution list before fontconfig's, so the fontconfig file alone is not
    enough; entries only apply when the named font is absent (Always = false)."""
    try:
        have = installed_font_families()
    except WenshuError:  # no fontconfig: LibreOffice keeps its own substitutions
        return
    pairs = []
    for family, accept in FALLBACKS.items():
        if family in have:
            continue
        target = next((f for f in accept if f in have), None)
        if target:
            pairs.append((family, target))
    if not pairs:
        return
    nodes = "".join(
        f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
        f'<node oor:name="_{i}" oor:op="replace">'
        f'<prop oor:name="Always" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{escape(a)}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{escape(b)}</value></prop>'
        f"</node></item>\n"
        for i, (a, b) in enumerate(pairs)
    )
    user = Path(profile_dir) / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>\n'
        f"{nodes}</oor:items>\n",
        encoding="utf-8",
    )


def conversion_env(workdir: Path) -> dict[str, str]:
    """Environment for LibreOffice with the fallback fontconfig file (POSIX only)."""
    env = dict(os.environ)
    if os.name != "posix" or not Path("/etc/fonts/fonts.conf").exists():
        return env
    conf = Path(workdir) / "wenshu-fonts.conf"
    conf.write_text(fontconfig_text(), encoding="utf-8")
    env["FONTCONFIG_FILE"] = str(conf)
    return env
