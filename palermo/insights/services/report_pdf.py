"""The annual report as PDF with fpdf2 and the DejaVu font that ships with Palermo: no
internet, no system library. Hebrew is laid out right to left: each line is put in visual
order with fpdf2's bidi algorithm and its brackets mirrored (Hebrew needs no other glyph
shaping), lines are wrapped before reordering, tables run from the right and bars grow
leftwards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from palermo.insights.services.report_contents import Report, sections

if TYPE_CHECKING:
    from fpdf import FPDF

MARK = "✱"
PAGE_WIDTH = 180  # A4 less 15 mm margins
LABEL_WIDTH = 55


# A character drawn right to left shows its mirror image (Unicode's Bidi_Mirrored property,
# rule L4 of the bidi algorithm): fpdf2 reorders a line but, without glyph shaping, would
# draw "קטין (מתחת ל-18)" with its parentheses turned outwards.
MIRRORS = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


def visual(line: str) -> str:
    """The line in the order its characters are drawn from left to right."""
    from fpdf.bidi import BidiParagraph, auto_detect_base_direction

    if not line:
        return line
    paragraph = BidiParagraph(text=line, base_direction=auto_detect_base_direction(line))
    return "".join(MIRRORS.get(c.character, c.character) if c.embedding_level % 2
                   else c.character for c in paragraph.get_reordered_characters())


class _Writer:
    def __init__(self, report: Report) -> None:
        from fpdf import FPDF

        from palermo.training.services.certificates import FONT

        self.rtl = report.rtl
        self.pdf: FPDF = FPDF(format="A4")
        self.pdf.set_margins(15, 15, 15)
        self.pdf.set_auto_page_break(True, margin=15)
        self.pdf.add_font("DejaVu", fname=str(FONT))
        self.pdf.set_title(report.title)
        self.pdf.set_creator("Palermo")
        self.pdf.set_lang(report.language)

    def _fit(self, text: str, width: float) -> str:
        while text and self.pdf.get_string_width(text) > width - 2:
            text = text[:-2] + "…"
        return text

    def _wrap(self, text: str, width: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}".strip()
            if current and self.pdf.get_string_width(trial) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        return [*lines, current] if current else lines

    def text(self, text: str, size: float = 10, *, bold_gap: float = 1.5) -> None:
        self.pdf.set_font("DejaVu", size=size)
        height = size * 0.5
        for line in self._wrap(text, PAGE_WIDTH):
            self.pdf.cell(PAGE_WIDTH, height, visual(line), align="R" if self.rtl else "L",
                          new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(bold_gap)

    def heading(self, text: str, size: float = 14) -> None:
        if self.pdf.get_y() > 250:
            self.pdf.add_page()
        self.pdf.ln(2)
        self.pdf.set_text_color(20, 50, 100)
        self.text(text, size, bold_gap=2)
        self.pdf.set_text_color(0, 0, 0)

    def table(self, header: list[str], rows: list[list[str]], first: float = LABEL_WIDTH) -> None:
        self.pdf.set_font("DejaVu", size=8)
        rest = (PAGE_WIDTH - first) / max(len(header) - 1, 1)
        widths = [first] + [rest] * (len(header) - 1)
        for index, row in enumerate([header, *rows]):
            if self.pdf.get_y() > 275:
                self.pdf.add_page()
            cells = list(zip(row, widths, strict=True))
            if self.rtl:
                cells.reverse()
            fill = index == 0
            self.pdf.set_fill_color(230, 236, 245)
            for value, width in cells:
                self.pdf.cell(width, 5.5, visual(self._fit(value, width)), border=1,
                              align="R" if self.rtl else "L", fill=fill)
            self.pdf.ln(5.5)
        self.pdf.ln(2)

    def bars(self, labels: list[str], values: list[int | None]) -> None:
        """Horizontal bars of the row totals; a suppressed total is marked, not drawn."""
        top = max([v for v in values if v] or [1])
        self.pdf.set_font("DejaVu", size=7)
        span = PAGE_WIDTH - LABEL_WIDTH - 15
        for label, value in zip(labels, values, strict=True):
            if self.pdf.get_y() > 278:
                self.pdf.add_page()
            y = self.pdf.get_y()
            length = 0.0 if not value else span * value / top
            shown = MARK if value is None else str(value)
            if self.rtl:
                self.pdf.set_xy(15 + PAGE_WIDTH - LABEL_WIDTH, y)
                self.pdf.cell(LABEL_WIDTH, 4, visual(self._fit(label, LABEL_WIDTH)), align="R")
                right = 15 + PAGE_WIDTH - LABEL_WIDTH - 1
                if length:
                    self.pdf.set_fill_color(0, 114, 178)
                    self.pdf.rect(right - length, y + 0.5, length, 3, style="F")
                self.pdf.set_xy(right - length - 14, y)
                self.pdf.cell(13, 4, shown, align="R")
            else:
                self.pdf.set_xy(15, y)
                self.pdf.cell(LABEL_WIDTH, 4, visual(self._fit(label, LABEL_WIDTH)))
                left = 15 + LABEL_WIDTH + 1
                if length:
                    self.pdf.set_fill_color(0, 114, 178)
                    self.pdf.rect(left, y + 0.5, length, 3, style="F")
                self.pdf.set_xy(left + length + 1, y)
                self.pdf.cell(13, 4, shown)
            self.pdf.set_xy(15, y + 4.5)
        self.pdf.ln(2)


def _shown(value: int | None) -> str:
    return MARK if value is None else str(value)


def render_pdf(report: Report) -> bytes:
    with translation.override(report.language):
        writer = _Writer(report)
        writer.pdf.add_page()
        writer.heading(report.title, 18)
        writer.text(_("Prepared %(day)s from the national records. Counts under %(threshold)s "
                      "are suppressed (✱), with further cells where needed so that no "
                      "suppressed count can be worked out from the totals.")
                    % {"day": date_format(timezone.localtime(report.generated_at),
                                          "SHORT_DATE_FORMAT"),
                       "threshold": report.threshold})
        writer.heading(_("The TIP questionnaire's figures"))
        writer.table([_("Figure"), str(report.year)],
                     [[f.label, _shown(f.value)] for f in report.tip], first=120)
        items = sections(report)
        writer.heading(_("Indicators"))
        for item in items:
            data = item["data"]
            writer.heading(data["title"], 12)
            writer.bars(data["row_labels"], data["row_totals"])
            many = len(data["column_labels"]) > 1
            header = [_("Category"), *data["column_labels"], *([_("Total")] if many else [])]
            rows = [[label, *map(_shown, cells), *([_shown(total)] if many else [])]
                    for label, cells, total in item["rows"]]
            rows.append([_("Total"), *map(_shown, data["column_totals"]),
                         *([_shown(data["total"])] if many else [])])
            writer.table(header, rows)
        writer.heading(_("Case law of %(year)s") % {"year": report.year})
        if not report.case_law:
            writer.text(_("No judicial decision of this year is in the library."))
        for decision in report.case_law:
            writer.text(" · ".join(filter(None, [
                decision.court,
                date_format(decision.decided_on, "SHORT_DATE_FORMAT") if decision.decided_on
                else "",
                decision.number, ", ".join(decision.forms), ", ".join(decision.verdicts)])), 9,
                bold_gap=0.5)
            if decision.summary:
                writer.text(decision.summary, 8)
        writer.heading(_("Methodology and definitions"))
        writer.text(_("Every figure is counted from the records of the agencies working in "
                      "Palermo. Victims are persons recorded as victims in a case and not found "
                      "not to be victims, dated by the day they were recorded; cases by the day "
                      "they were opened; judicial decisions by the day they were given. "
                      "Categories follow UNODC's Global Report on Trafficking in Persons and "
                      "Eurostat's crim_thb tables."), 9)
        for item in items:
            writer.text(item["data"]["title"], 9, bold_gap=0.2)
            writer.text(item["data"]["methodology"], 8)
        return bytes(writer.pdf.output())
