"""A name after "Workers at" that opens a sentence is the strikers' workplace,
an organisation, so "the company said" later reaches it."""

from articles.quotes import extract_quotes


def test_workers_at_a_two_word_name_opening_the_article_make_it_the_employer():
    paras = [
        "Workers at Dunmore Kilns downed tools on Thursday over a two-year pay freeze.",
        "The Potteries Workers' Union said members would stay out until the freeze ended.",
        "Dunmore Kilns said in a release that kilns would be cooled. The company said the "
        "freeze was “the only way to keep the site open.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Dunmore Kilns"
    assert f.side == "employer"
