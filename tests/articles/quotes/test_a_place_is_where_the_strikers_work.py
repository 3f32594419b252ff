"""A lone place name tied to the strikers ("workers at one of Colombia's largest call
centres") says where they work; when a company is named, it is their employer."""

from articles.quotes import extract_quotes


def test_the_company_not_the_country_is_the_employer():
    paras = [
        "Workers at one of Colombia's largest call centres walked out on Monday over unpaid "
        "overtime.",
        "Andes Contact Ltd said the walkout was “regrettable” and would cost clients dearly.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Andes Contact Ltd"
    assert f.side == "employer"
    assert "the employer in this dispute" in f.side_evidence[0]
