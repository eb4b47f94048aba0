"""Where the 版记 goes: under the last text when there is room, else on a page of its own
(which then shows no page number). Found by laying the document out with LibreOffice."""

from __future__ import annotations

from ...doctree import Document
from ...errors import ToolMissingError, WenshuError
from ...notice_blocks import PROBE_END, PROBE_IMPRINT, Imprint

NO_LAYOUT_NOTE = (
    "提示：本机没有 LibreOffice，无法判断版记能否排在正文最后一页的下部；"
    "如版记单独占了一页，请在 Word 中删去该页的页码。"
)


def settle_imprint(document: Document, profile: str) -> list[str]:
    """Set the 版记's `own_page` from a layout of the document (official profile only)."""
    from ...docx import get_profile
    from ...docx.imprint import imprint_rows, is_official
    from ...toc import laid_out_bookmarks

    prof = get_profile(profile)
    imprints = [b for b in document.blocks if isinstance(b, Imprint)]
    if not imprints or not is_official(prof) or not imprint_rows(imprints[-1], prof):
        return []
    imprint = imprints[-1]
    imprint.own_page = False
    imprint.probe = True
    try:
        marks = laid_out_bookmarks(document, profile)
    except ToolMissingError:
        return [NO_LAYOUT_NOTE]
    except WenshuError as exc:
        return [
            f"提示：LibreOffice 排版失败，未能确定版记的位置（{exc.message.splitlines()[0]}）。"
        ]
    finally:
        imprint.probe = False
    pages = {title.strip(): page for title, page in marks}
    end, foot = pages.get(PROBE_END), pages.get(PROBE_IMPRINT)
    if end is not None and foot is not None:
        imprint.own_page = foot > end
    return []
