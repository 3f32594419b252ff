"""The shadow (opposition) minister over a striking public service is a
politician, not the employer the serving minister is."""

from articles.quotes import extract_quotes

STRIKE = (
    "Nurses at public hospitals across Tallin Province went on strike on Monday over "
    "unfilled posts, the nurses' second strike this year."
)


def test_the_health_minister_employs_striking_public_nurses():
    paras = [STRIKE, "“We have funded 300 new posts,” said Mara Voss, the Health Minister."]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Mara Voss"
    assert f.side == "employer"


def test_the_shadow_health_minister_is_government():
    paras = [
        STRIKE,
        "“Those posts exist only on paper,” said Elias Brandt, the shadow health minister.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Elias Brandt"
    assert f.side == "government"
