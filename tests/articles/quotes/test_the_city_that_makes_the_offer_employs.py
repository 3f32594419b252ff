"""When the article shows a public employer ("city workers", "the city's offer of 4
percent"), the city or council it names is the strikers' employer, and speaks
for the employer, not as the government."""

from articles.quotes import extract_quotes


def test_the_council_making_the_offer_is_the_employer():
    paras = [
        "Librarians held a one-day warning strike on Wednesday, closing twenty-two branches.",
        "Inese Berzina, the chair of the librarians' branch of the union, called the city's "
        "offer of 4 percent “a polite way of saying no.”",
        "Riga City Council said the strike was “regrettable.”",
    ]
    council = [f for f in extract_quotes(paras) if f.speaker_name == "Riga City Council"]
    assert council and council[0].side == "employer"


def test_the_city_whose_workers_strike_is_the_employer_not_a_university_nearby():
    paras = [
        "Parking enforcement officers in Springfield walked off the job Wednesday, the first "
        "strike by city workers in decades. The City of Springfield's last offer was a 2.5% "
        "raise, with cameras to be “considered in next year's budget”, according to a city memo.",
        "Susan Kell, who teaches public administration at Missouri State University, said "
        "strikes by public workers were unusual in Missouri.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "City of Springfield"
    assert f.side == "employer"


def test_the_deputy_mayor_answers_for_a_city_owned_company():
    paras = [
        "Tram traffic came to a standstill on Thursday as drivers of the city-owned transport "
        "company Linnaliin began a 24-hour warning strike over wages.",
        "Deputy Mayor Riina Magi said the city could not “print money for one group of workers.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Riina Magi"
    assert f.side == "employer"
