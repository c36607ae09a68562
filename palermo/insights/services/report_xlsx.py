"""The annual report as a spreadsheet (openpyxl): the TIP figures, one sheet per indicator
with its definition, the case law and the methodology. A suppressed count is the text "✱",
never a number, so a formula cannot mistake it for zero. Hebrew sheets run right to left."""

from __future__ import annotations

import io

from django.utils import translation
from django.utils.translation import gettext as _

from palermo.insights.services.report_contents import Report, sections

MARK = "✱"


def _value(value: int | None) -> int | str:
    return MARK if value is None else value


def render_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    bold = Font(bold=True)
    with translation.override(report.language):
        book = Workbook()
        sheet = book.active
        sheet.title = "TIP"
        sheet.append([report.title])
        sheet.append([_("Counts under %(threshold)s are suppressed (✱).")
                      % {"threshold": report.threshold}])
        sheet.append([_("Figure"), report.year, _("Definition")])
        for figure in report.tip:
            sheet.append([figure.label, _value(figure.value), figure.definition])
        for item in sections(report):
            data = item["data"]
            page = book.create_sheet(item["table"].code[:31])
            page.append([data["title"]])
            page["A1"].font = bold
            many = len(data["column_labels"]) > 1
            page.append([_("Category"), *data["column_labels"], *([_("Total")] if many else [])])
            for label, cells, total in item["rows"]:
                page.append([label, *map(_value, cells), *([_value(total)] if many else [])])
            page.append([_("Total"), *map(_value, data["column_totals"]),
                         *([_value(data["total"])] if many else [])])
            page.append([])
            page.append([data["methodology"]])
        law = book.create_sheet(_("Case law")[:31])
        law.append([_("Court"), _("Date"), _("Case number"), _("Forms of exploitation"),
                    _("Verdicts"), _("Summary")])
        for d in report.case_law:
            law.append([d.court, d.decided_on, d.number, ", ".join(d.forms),
                        ", ".join(d.verdicts), d.summary])
        for page in book.worksheets:
            page.sheet_view.rightToLeft = report.rtl
            page.column_dimensions["A"].width = 40
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
