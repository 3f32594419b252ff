"""
The static rendering of an archived page: an allow-list of elements and
attributes, so that nothing in it can run or load anything, whatever the
page held; text, headings, lists, tables and links to the web stay.
"""

from articles.fetch.replay import render_archived_page

BASE = "https://news.example/2022/09/story.html"


def rendered(body, **options):
    return render_archived_page(
        f"<html><head><title>T</title></head><body>{body}</body></html>", base_url=BASE, **options
    ).body


def test_what_runs_or_loads_is_removed_with_its_content():
    body = rendered(
        "<p>Kept</p><script>alert(1)</script><style>p{}</style><iframe src='x'>in frame</iframe>"
        "<object data='x'>obj</object><svg><script>1</script></svg><form><input value='v'></form>"
        "<noscript><img src='pixel'></noscript><template><p>t</p></template><!-- a comment -->"
    )
    assert body == "<p>Kept</p>"


def test_attributes_that_run_style_or_load_are_dropped():
    body = rendered(
        '<p onclick="x()" style="color:red" class="lead" id="p1" lang="en">Text</p>'
        '<a href="javascript:alert(1)">bad</a> <a href="data:text/html,x">data</a> '
        '<a href="/other" onmouseover="x()" target="_blank">rel</a>'
    )
    assert body == (
        '<p lang="en">Text</p><a>bad</a> <a>data</a> '
        '<a href="https://news.example/other" rel="nofollow noopener noreferrer external">rel</a>'
    )


def test_images_become_their_description_and_unknown_elements_their_text():
    body = rendered(
        '<p>Before <img src="a.jpg" alt="A picket line"> after <custom-el>inner</custom-el></p>'
    )
    assert body == "<p>Before [Image: A picket line] after inner</p>"


def test_landmarks_become_plain_blocks_and_headings_move_down():
    body = rendered(
        "<header><nav><a href='/'>Home</a></nav></header><main><h1>Head</h1><h6>Small</h6></main>",
        heading_offset=1,
    )
    assert body == (
        '<div><div><a href="https://news.example/" rel="nofollow noopener noreferrer external">Home</a></div></div>'
        "<div><h2>Head</h2><h6>Small</h6></div>"
    )


def test_a_page_without_a_body_or_not_html_renders_empty():
    assert render_archived_page("", base_url=BASE).body == ""
    assert (
        render_archived_page(
            "<html><head><title>Only a head</title></head></html>", base_url=BASE
        ).title
        == "Only a head"
    )
