"""The plain helpers behind page metadata: safe JSON-LD, Internet Archive links, summaries."""

import json

from articles import metadata


def test_json_ld_cannot_close_its_script_element_or_open_a_comment():
    data = {"headline": "</script><script>alert(1)</script> & <!-- more -->"}
    text = metadata.ld_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert text == (
        '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'
        ' \\u0026 \\u003c!-- more --\\u003e"}'
    )
    assert json.loads(text) == data  # still the same JSON to a parser


def test_json_ld_keeps_non_ascii_text_readable():
    assert metadata.ld_json({"name": "Kaiser’s “therapists”"}) == '{"name":"Kaiser’s “therapists”"}'


def test_wayback_lookup_keeps_the_url_whole_but_escapes_what_would_break_it():
    assert metadata.wayback_url("https://www.kcra.com/article/kaiser-strike/41571234") == (
        "https://web.archive.org/web/*/https://www.kcra.com/article/kaiser-strike/41571234"
    )
    assert metadata.wayback_url(" https://example.com/a b?x=1&y=2#top ") == (
        "https://web.archive.org/web/*/https://example.com/a%20b?x=1&y=2%23top"
    )


def test_summary_cuts_at_a_word_boundary():
    text = "Kaiser Permanente mental health workers in California are nearing their eighth week on strike."
    assert metadata.summary(text, 40) == "Kaiser Permanente mental health workers…"
    assert metadata.summary("  short   text ", 40) == "short text"
