from pathlib import Path

TEMPLATES = Path(__file__).parent.parent / "templates" / "email"


def render(template: str, **values: str) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{ " + key + " }}", value)
    return text
