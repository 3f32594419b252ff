"""The real seed articles: every quote once, with the right speaker."""

from articles.quotes import extract_quotes

from .helpers import BEE, KCRA, by_text, load_seed

KP = "Kaiser Permanente"


def test_kcra_seed():
    paras = load_seed(KCRA)
    found = extract_quotes(paras)
    assert len(found) == 5
    f = by_text(found, "Currently our patients aren’t able")
    assert (f.speaker_name, f.speaker_kind, f.speaker_mention) == (
        "Sarah Soroken",
        "person",
        "Soroken",
    )
    f = by_text(found, "Our primary care doctors are also trained")
    assert (f.speaker_name, f.speaker_kind, f.is_fragment) == (KP, "organization", False)
    assert f.cue == "sent a statement that read in part"
    f = by_text(found, "continues to reach out to patients whose appointment")
    assert (f.speaker_name, f.is_fragment) == (KP, True)
    f = by_text(found, "Even with that benefit")
    assert (f.speaker_name, f.speaker_description) == (
        "Corrine McIntosh Sako",
        "licensed clinical psychologist",
    )
    f = by_text(found, "For all patients whose appointments are affected")
    assert (f.speaker_name, f.speaker_mention, f.cue) == (KP, "it", "it said")
    for f in found:
        if f.paragraph == f.end_paragraph:
            assert paras[f.paragraph][f.start : f.end].rstrip(",") == f.text


def test_bee_seed():
    paras = load_seed(BEE)
    found = extract_quotes(paras)
    assert len(found) == 8
    f = by_text(found, "We have a need to secure ongoing access")
    assert (f.speaker_name, f.speaker_kind, f.speaker_mention) == (
        KP,
        "organization",
        "a Kaiser employee",
    )
    assert f.text.endswith("currently underway with")
    f = by_text(found, "significant financial incentive")
    assert f.is_fragment and f.speaker_name == KP
    f = by_text(found, "They offer these jobs with rewards and pay. (This) clearly indicates")
    assert (f.start, f.speaker_name, f.speaker_description) == (
        0,
        "Fred Seyfe",
        "director of research at the batting union",
    )
    assert by_text(found, "We are on track").speaker_name == KP
    f = by_text(found, "They agree to do so")
    assert (f.speaker_name, f.speaker_kind) == (KP, "organization")
    f = by_text(found, "This strike is an important way")
    assert (f.speaker_name, f.speaker_description) == (
        "Sally Levi Albert",
        "licensed marriage and family specialist",
    )
    a = by_text(found, "Ordinary union-busting strategy in the US.")
    b = by_text(found, "employers are suddenly willing")
    assert a.speaker_name == b.speaker_name == "Jane McAleigh"
    assert set(a.speaker_aliases) == {"McAlevey", "McAlevy"}
    assert not any(f.text == "normal" for f in found)
    assert [f.paragraph for f in found] == sorted(f.paragraph for f in found)
