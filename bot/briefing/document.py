"""The briefing's page furniture: an A4 fpdf2 document with DejaVu Sans (shipped by
matplotlib) embedded, a running head, numbered pages, and text the font can draw."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from bot.charts import STATE_COLOURS
from bot.domain.briefing import BriefingData
from bot.i18n import format_day, format_moment, plain

FONT = "DejaVu"
MARGIN = 15
COLOURS = dict(STATE_COLOURS)
SEVERITY_COLOURS = {
    "kritis": "#b3001b",
    "tinggi": "#e8710a",
    "sedang": "#f2b705",
    "rendah": "#2e9d4c",
}
GREY = (110, 110, 110)
HEAD = FontFace(emphasis="BOLD", fill_color=(225, 230, 238))


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


class Document(FPDF):
    def __init__(self, data: BriefingData, lang: str, tz: ZoneInfo):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.data, self.reader, self.tz = data, lang, tz
        fonts = _font_dir()
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(fonts / "DejaVuSans-Oblique.ttf"))
        self.set_margins(MARGIN, MARGIN + 3, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 5)
        self.set_title(plain(lang, "briefing.pdf.title", region=data.region_name))
        self.set_author("Posko Pemilu")
        self.set_creator("Posko Pemilu")
        self.set_lang("id-ID" if lang == "id" else "en-GB")
        self.alias_nb_pages()
        self._glyphs: set[int] | None = None

    # -- text the font can draw ------------------------------------------------------------

    def text_of(self, value: object) -> str:
        """Plain text the embedded font can draw: control characters become spaces, a
        character the font lacks (an emoji) becomes U+FFFD, never a silent gap."""
        if self._glyphs is None:
            font = self.fonts[FONT.lower()]
            self._glyphs = set(getattr(font, "cmap", {}))
        out = []
        for char in str(value):
            if char in "\n":
                out.append(char)
            elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
                out.append(" " if char in "\t\r\u2028\u2029" else "")
            elif ord(char) in self._glyphs:
                out.append(char)
            else:
                out.append("\ufffd")
        return "".join(out)

    def t(self, key: str, **params: object) -> str:
        return self.text_of(plain(self.reader, key, **params))

    # -- page furniture --------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.cell(
            0,
            5,
            self.t(
                "briefing.pdf.running_head",
                region=self.data.region_name,
                date=format_day(self.data.day, self.reader),
            ),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, self.t("briefing.pdf.footer_left"), align="L")
        self.set_x(MARGIN)
        self.cell(0, 5, self.t("briefing.pdf.page", page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, key: str, **params: object) -> None:
        self.set_font(FONT, "B", 14)
        self.multi_cell(0, 8, self.t(key, **params), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(2)
        self.set_font(FONT, "", 10)

    def subheading(self, key: str, **params: object) -> None:
        if self.will_page_break(20):
            self.add_page()
        self.set_font(FONT, "B", 11)
        self.multi_cell(0, 6, self.t(key, **params), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1)
        self.set_font(FONT, "", 10)

    def paragraph(self, text: str, size: float = 10, style: str = "") -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1.5)
        self.set_font(FONT, "", 10)

    def moment(self, value: datetime) -> str:
        return format_moment(value, self.reader, self.tz)
