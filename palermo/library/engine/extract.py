"""Text out of an uploaded file (PDF, DOCX, HTML or plain text), with an error naming the
file for anything that cannot be read."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

MAX_BYTES = 50 * 1024 * 1024
KINDS = ("pdf", "docx", "html", "txt")


class ExtractionError(Exception):
    def __init__(self, filename: str, message: str) -> None:
        self.filename = filename
        super().__init__(f"{filename}: {message}")


def kind_of(filename: str, head: bytes) -> str:
    """By the file's first bytes where they are telling, else by its name."""
    if head.startswith(b"%PDF"):
        return "pdf"
    lower = filename.lower()
    if head.startswith(b"PK\x03\x04") and lower.endswith(".docx"):
        return "docx"
    for kind, endings in (("pdf", (".pdf",)), ("docx", (".docx",)),
                          ("html", (".html", ".htm")), ("txt", (".txt", ".text", ".md"))):
        if lower.endswith(endings):
            return kind
    if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return ""


class _HtmlText(HTMLParser):
    SKIP = {"script", "style", "head", "title", "noscript"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
             "article", "blockquote", "pre", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _decode(filename: str, data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") \
            else ("utf-8-sig", "cp1255", "cp1256", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractionError(filename, "the text is in no encoding we can read")


def _pdf(filename: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ExtractionError(filename, "the PDF is encrypted")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(filename, f"not a readable PDF ({exc})") from exc


def _docx(filename: str, data: bytes) -> str:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractionError(filename, f"not a readable DOCX file ({exc})") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def extract(filename: str, data: bytes) -> str:
    """The file's text, whitespace tidied; ``ExtractionError`` if it is empty, too large,
    corrupt or of a kind we do not read."""
    if len(data) > MAX_BYTES:
        raise ExtractionError(filename, f"the file is larger than {MAX_BYTES // 2**20} MB")
    if not data.strip():
        raise ExtractionError(filename, "the file is empty")
    kind = kind_of(filename, data[:64])
    if kind == "pdf":
        text = _pdf(filename, data)
    elif kind == "docx":
        text = _docx(filename, data)
    elif kind == "html":
        parser = _HtmlText()
        parser.feed(_decode(filename, data))
        text = "".join(parser.parts)
    elif kind == "txt":
        text = _decode(filename, data)
    else:
        raise ExtractionError(filename, "only PDF, DOCX, HTML and text files are read")
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r"\n\s*\n\s*", "\n\n", text).strip()
    if not text:
        raise ExtractionError(filename, "no text could be extracted (a scanned image?)")
    return text
