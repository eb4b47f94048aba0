"""Turn the bytes of a text file into str: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030, and charset-normalizer as a last resort; binary junk is refused."""

from __future__ import annotations

import codecs
import re
import unicodedata

# A decoded text with more than this share of control / unassigned / replacement
# characters is treated as binary junk rather than text.
MAX_JUNK_RATIO = 0.02


class UndecodableError(ValueError):
    """The bytes are not text in any supported encoding; `reason` is Chinese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; raise UndecodableError for binary or unknown data."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[3:], "utf-8"))
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _checked(_strict(data[2:], codec))
    if b"\x00" in data:
        # NUL never occurs in UTF-8/GB18030 text; UTF-16 without BOM is not supported.
        raise UndecodableError("文件含有二进制内容（NUL 字节），不是文本文件")
    for codec in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(codec))
        except UnicodeDecodeError:
            continue
    return _checked(_guess(data))


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"文件声明为 {codec} 编码，但内容无法按该编码解码") from exc


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("无法识别文件编码，请另存为 UTF-8 编码的文本文件")
    return str(best)


# Characters that are never junk (printable ASCII, CJK, full-width forms, common
# punctuation): removed before the remaining characters are looked at one by one.
_PLAIN = re.compile("[\n\r\t -~\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2000-\u206f]+")


def _checked(text: str) -> str:
    """Refuse decodings that are mostly control or unassigned characters."""
    if not text:
        return text
    junk = sum(1 for ch in _PLAIN.sub("", text) if _is_junk(ch))
    if junk / len(text) > MAX_JUNK_RATIO:
        raise UndecodableError("文件内容含有大量不可打印字符，看起来不是文本文件")
    return text


def _is_junk(ch: str) -> bool:
    if ch in "\n\r\t\f\v":
        return False
    if ch == "\ufffd":
        return True
    return unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
