"""Server-rendered pages for people who would rather look than read JSON.

Jinja templates (templates/) and static files (static/) ship in the package; every style, script
and font a page uses is served by the app under /static, so pages make no request to another
host. The OpenAPI docs UI's Swagger assets come from the swagger-ui-py package, served there too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from litestar import Router
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from tenure.pages.display import show_date
from tenure.pages.routes import PAGES

__all__ = ["PAGES", "STATIC", "STATIC_PATH", "TEMPLATES", "swagger_asset"]

STATIC_PATH = "/static"
_OURS = Path(__file__).parent / "static"
# Swagger UI's own build, shipped by the swagger-ui-py package (no CDN).
_SWAGGER = Path(str(files("swagger_ui") / "static"))


def swagger_asset(name: str) -> str:
    return f"{STATIC_PATH}/{name}"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tenure.pages", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: no stat() per render
    )
    env.filters["show_date"] = show_date
    env.filters["words"] = lambda value: str(value).replace("_", " ")
    return env


TEMPLATES = TemplateConfig(instance=JinjaTemplateEngine.from_environment(_environment()))
STATIC: Router = create_static_files_router(path=STATIC_PATH, directories=[_OURS, _SWAGGER], name="static")
