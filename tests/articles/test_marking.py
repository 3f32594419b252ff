"""Quote spans marked in article text: escaped once, never nested, right at the edges."""

from articles.marking import QuoteSpan, mark_paragraph, mark_paragraphs


def span(paragraph, start, end, *, end_paragraph=None, href="", key=None):
    return QuoteSpan(
        paragraph, start, end_paragraph or paragraph, end, href=href or f"/quotes/{key}/", key=key
    )


def test_a_paragraph_without_quotes_is_only_escaped():
    assert (
        mark_paragraph('Pay & "staffing" <now>', 1, [])
        == "Pay &amp; &quot;staffing&quot; &lt;now&gt;"
    )


def test_one_quote_becomes_a_link_to_its_page():
    text = "She said “we need staff” today."
    start = text.index("we")
    end = text.index("”")
    html = mark_paragraph(text, 1, [span(1, start, end, key=7)])
    assert html == 'She said “<a class="quote-mark" href="/quotes/7/">we need staff</a>” today.'


def test_without_links_the_quote_is_a_mark():
    html = mark_paragraph("abc def", 1, [span(1, 4, 7, key=1)], link=False)
    assert html == 'abc <mark class="quote-mark">def</mark>'


def test_html_in_the_text_and_the_quote_is_escaped_exactly_once():
    text = "He wrote <script>alert('x')</script> & left"
    start = text.index("<script>")
    end = text.index("</script>") + len("</script>")
    html = mark_paragraph(text, 1, [span(1, start, end, key=3)])
    assert "<script>" not in html
    assert (
        html
        == 'He wrote <a class="quote-mark" href="/quotes/3/">&lt;script&gt;alert(&#x27;x&#x27;)'
        "&lt;/script&gt;</a> &amp; left"
    )
    assert "&amp;amp;" not in html


def test_an_href_with_quotes_is_escaped_in_the_attribute():
    html = mark_paragraph("abc", 1, [QuoteSpan(1, 0, 1, 1, href='/q/"onmouseover=x', key=1)])
    assert html == '<a class="quote-mark" href="/q/&quot;onmouseover=x">a</a>bc'


def test_adjacent_quotes_stay_two_links():
    text = "aaabbb"
    html = mark_paragraph(text, 1, [span(1, 0, 3, key=1), span(1, 3, 6, key=2)])
    assert html == (
        '<a class="quote-mark" href="/quotes/1/">aaa</a><a class="quote-mark" href="/quotes/2/">bbb</a>'
    )


def test_overlapping_quotes_split_into_runs_and_the_shared_run_links_to_the_inner_one():
    text = "0123456789"
    outer, inner = span(1, 0, 6, key=1), span(1, 4, 9, key=2)
    html = mark_paragraph(text, 1, [outer, inner])
    assert html == (
        '<a class="quote-mark" href="/quotes/1/">0123</a>'
        '<a class="quote-mark quote-mark--overlap" href="/quotes/2/">45</a>'
        '<a class="quote-mark" href="/quotes/2/">678</a>9'
    )
    assert html.count("<a ") == html.count("</a>") == 3


def test_a_quote_inside_another_links_its_own_words_to_itself():
    text = "the whole long quote"
    whole, part = span(1, 0, len(text), key=1), span(1, 4, 9, key=2)
    html = mark_paragraph(text, 1, [part, whole])
    assert html == (
        '<a class="quote-mark" href="/quotes/1/">the </a>'
        '<a class="quote-mark quote-mark--overlap" href="/quotes/2/">whole</a>'
        '<a class="quote-mark" href="/quotes/1/"> long quote</a>'
    )


def test_a_quote_over_three_paragraphs_marks_the_end_of_the_first_all_of_the_middle_and_the_start_of_the_last():
    paragraphs = ["intro “first part", "middle part", "last part” he said"]
    quote = span(1, paragraphs[0].index("first"), paragraphs[2].index("”"), end_paragraph=3, key=9)
    marked = mark_paragraphs(paragraphs, [quote])
    link = '<a class="quote-mark" href="/quotes/9/">{}</a>'
    assert marked == [
        (1, "intro “" + link.format("first part")),
        (2, link.format("middle part")),
        (3, link.format("last part") + "” he said"),
    ]


def test_offsets_past_the_end_are_clamped_and_spans_outside_the_article_ignored():
    marked = mark_paragraphs(["short"], [span(1, 2, 99, key=1), span(4, 0, 3, key=2)])
    assert marked == [(1, 'sh<a class="quote-mark" href="/quotes/1/">ort</a>')]


def test_an_empty_span_marks_nothing():
    assert mark_paragraph("abc", 1, [span(1, 2, 2, key=1)]) == "abc"


def test_a_slice_of_paragraphs_keeps_their_numbers():
    marked = mark_paragraphs(["a", "b", "c", "d"], [span(3, 0, 1, key=5)], first=2, last=3)
    assert marked == [(2, "b"), (3, '<a class="quote-mark" href="/quotes/5/">c</a>')]
