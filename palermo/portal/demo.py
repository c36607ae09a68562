"""Demo portal content: the core information pages in the portal languages (from
``demo_pages/*.yaml``; the news page lists the training app's awareness campaigns). The
public yellow notice is seeded by notices/demo.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from palermo.access.models import User
from palermo.portal.models import InfoPage, PageVersion
from palermo.portal.services import pages

PAGES_DIR = Path(__file__).resolve().parent / "demo_pages"
NO_CAMPAIGN = "- —"


def _user(local: str) -> User | None:
    return User.objects.filter(email=f"{local}@demo.palermo.test").first()


def _campaigns() -> str:
    coordinator = _user("coordinator")
    text = pages.campaigns_text(coordinator) if coordinator is not None else ""
    return text or NO_CAMPAIGN


def _seed_pages() -> None:
    campaigns = None
    for path in sorted(PAGES_DIR.glob("*.yaml")):
        slug = path.stem
        if InfoPage.objects.filter(slug=slug).exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = pages.create_page(actor=None, slug=slug, position=int(data.pop("position")))
        for code, content in data.items():
            body = content["body"]
            if "CAMPAIGNS" in body:
                campaigns = campaigns if campaigns is not None else _campaigns()
                body = body.replace("CAMPAIGNS", campaigns)
            pages.seed_published(page, code, title=content["title"], body=body)


def seed(say: Callable[[str], None]) -> None:
    _seed_pages()
    say(f"Demo portal: {InfoPage.objects.count()} information pages, "
        f"{PageVersion.objects.filter(state='published').count()} published versions")
