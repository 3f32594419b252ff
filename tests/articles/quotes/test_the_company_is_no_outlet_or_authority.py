""" "The company said" stands for the latest company, passing over a news outlet
only named as the one written to and a public authority or inspectorate."""

from articles.quotes import extract_quotes


def test_the_company_is_not_the_outlet_a_statement_was_sent_to():
    paras = [
        "Workers at Rifaat Garments went on strike on Monday over unpaid overtime, the "
        "first strike at the plant.",
        "Rifaat Garments said in a statement sent to Atlas Daily News that the workers had "
        "been paid. The company said all overtime was paid “in full and on time.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Rifaat Garments"
    assert f.side == "employer"


def test_the_company_is_not_the_labour_authority():
    paras = [
        "Cashiers at Mercado Sul walked out on Monday over pay.",
        "Mercado Sul was visited on Tuesday by the Authority for Working Conditions. "
        "The company said no worker “has been or will be penalised.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Mercado Sul"
