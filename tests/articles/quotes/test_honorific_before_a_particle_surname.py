"""A courtesy title before a surname that opens on a particle ("Mr. de Silva",
"Ms van Dijk") names the person introduced in full earlier."""

from articles.quotes import extract_quotes


def test_mr_de_surname_is_the_person_named_in_full():
    paras = [
        "Tea pluckers on the Hillcrest estates walked out on Monday over wages.",
        "“We cannot pay more this season,” said Anura de Mel, chairman of the Upland "
        "Planters Association.",
        "Mr. de Mel said “our costs already run well above our rivals’.”",
    ]
    names = [f.speaker_name for f in extract_quotes(paras)]
    assert names == ["Anura de Mel", "Anura de Mel"]
