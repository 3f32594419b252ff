"""Whole-word lookups of the lexicon's lists, and the lowercased narrative the
stages test words against."""

from articles.quotes.sentences import Lowered
from articles.quotes.vocabulary import Tagger, WordList, Words


def test_word_list_finds_whole_words_and_phrases_first_and_longest():
    unions = WordList(["union", "labor council", "central labor council", "AFL-CIO"])
    words = Words("President of the Westfield Central Labor Council, the union's ally")
    assert unions.first(words) == ("central labor council", 4)
    assert set(unions.hits(words)) == {
        ("union", 8),
        ("labor council", 5),
        ("central labor council", 4),
    }
    assert unions.first(Words("a reunion of unionists")) is None  # parts of words never count
    assert unions.first(Words("the Ohio AFL-CIO's president")) == ("afl-cio", 2)
    assert "union" in unions and "reunion" not in unions


def test_tagger_reads_several_lists_in_one_pass():
    tagger = Tagger({"labor": {"union", "shop steward"}, "worker": {"steward", "nurse"}})
    found = tagger.tag(Words("a shop steward and nurse at the union hall").words)
    assert found == {
        "labor": [("shop steward", 1), ("union", 7)],
        "worker": [("steward", 2), ("nurse", 4)],
    }


def test_lowered_finds_the_paragraphs_with_a_word():
    lowered = Lowered(
        ["Nurses went on STRIKE.", "Talks resume.", "The strike goes on; Strikers wait."]
    )
    assert lowered.paragraph(1) == "talks resume."
    assert lowered.paragraphs_with(["strik"]) == [0, 2]
    assert lowered.paragraphs_with(["lockout", "talks"]) == [1]
    assert Lowered(["İstanbul dockers struck."]).paragraphs_with(["struck"]) == [0]
