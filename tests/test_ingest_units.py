"""Small pieces of ingest with many cases: dates, language, text identity, front matter, feed sniffing."""
from __future__ import annotations

import time

import pytest

from realpolitik.ingest.dates import iso_date
from realpolitik.ingest.feeds import looks_like_feed
from realpolitik.ingest.html import fragment_text
from realpolitik.ingest.language import declared, detect
from realpolitik.ingest.plaintext import split_front_matter
from realpolitik.ingest.text import article_id, clean_text, content_hash


@pytest.mark.parametrize("value,expected", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T23:30:00-05:00", "2024-03-05"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
    ("March 5, 2024", "2024-03-05"),
    ("5 March 2024", "2024-03-05"),
    ("March 2024", "2024-03-01"),
    (time.struct_time((2024, 3, 5, 0, 0, 0, 1, 65, 0)), "2024-03-05"),
    ("Tuesday", None),  # no year: would otherwise be read relative to today
    ("2024-13-01", None),
    ("not a date", None),
    ("", None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("text", [
    "Putin met Xi.", "Russia expels diplomats", "Erdogan slams EU", "Iran protests.",
    "The minister said the talks would continue until Friday.",
])
def test_short_english_is_english(text):
    assert detect(text) == "en"


@pytest.mark.parametrize("text,lang", [
    ("Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen.", "de"),
    ("El gobierno de España anunció nuevas medidas contra la inflación el martes.", "es"),
    ("Le président a rencontré son homologue à Paris pour discuter de la sécurité.", "fr"),
    ("Путин встретился с Си Цзиньпином в Пекине во вторник.", "ru"),
])
def test_foreign_languages(text, lang):
    assert detect(text) == lang


def test_declared_language_codes():
    assert [declared(v) for v in ("en-GB", "EN", "English", "de_AT", "", None, "12")] == [
        "en", "en", "en", "de", None, None, None]


def test_identity_ignores_case_and_spacing_only():
    assert content_hash("Talks  resumed\nin Geneva.") == content_hash("talks resumed in GENEVA.")
    assert content_hash("Talks resumed in Geneva.") != content_hash("Talks resumed in Vienna.")
    assert article_id("x") == "a" + content_hash("x")[:16]


def test_clean_text_keeps_paragraphs():
    assert clean_text("\ufeffA  b\r\n\r\n\r\n\r\nC\u00a0d  \n") == "A b\n\nC d"


def test_front_matter_variants():
    meta, body = split_front_matter("title: T\ndate: 2024-01-02\n\nBody.")
    assert meta == {"title": "T", "date": "2024-01-02"} and body == "Body."
    meta, body = split_front_matter("---\ntitle: T\nsynthetic: true\n---\nBody.")
    assert meta == {"title": "T", "synthetic": True} and body == "Body."
    # unknown keys alone are not front matter (a dateline, a speaker label)
    meta, body = split_front_matter("GENEVA: Talks resumed.\n\nMore.")
    assert meta == {} and body.startswith("GENEVA:")


def test_fragment_text_blocks_and_inline():
    html = "<div><h2>Head</h2><p>One <b>bold</b> word.<br>Next line.</p><ul><li>a</li><li>b</li></ul></div>"
    lines = [line for line in fragment_text(html).split("\n") if line]
    assert lines == ["Head", "One bold word.", "Next line.", "a", "b"]


@pytest.mark.parametrize("data,is_feed", [
    (b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', True),
    (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', True),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
    (b"<!DOCTYPE html><html><body>rss feed</body></html>", False),
    (b"A story that mentions <rss> in its text.", False),
])
def test_feed_sniffing(data, is_feed):
    assert looks_like_feed(data) is is_feed
