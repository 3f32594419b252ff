"""A speaker whose trade is not the strikers', introduced in a paragraph about
the public ("Shoppers were mostly sympathetic"), is one of the public the strike
touches: community, not labour."""

from articles.quotes import extract_quotes

STRIKE = (
    "Sales assistants at a chain of fashion stores went on strike on Saturday, closing seven "
    "of its shops on one of the busiest weekends of the year."
)


def test_a_pharmacist_among_the_shoppers_is_community():
    paras = [
        STRIKE,
        "Shoppers were mostly sympathetic. “I can wait a week; they have waited a year,” said "
        "Ketevan Lomidze, a pharmacist.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ketevan Lomidze"
    assert f.side == "community"


def test_a_teacher_among_the_residents_is_community():
    paras = [
        "Refuse collectors employed by a private contractor stopped work on Monday, leaving "
        "bins overflowing in the second day of the strike.",
        "Residents said the smell was already unbearable. “Two days is enough,” said Priya "
        "Gopaul, a teacher.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "community"


def test_a_worker_of_another_trade_with_no_public_around_stays_labour():
    paras = [
        STRIKE,
        "“The fines come out of our pay,” said Nino Beridze, a cashier for six years.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"


TRAMS = (
    "Tram drivers in the capital went on strike on Monday, and the strike left commuters "
    "walking to work."
)


def test_a_nurse_in_a_scene_at_a_tram_stop_is_community():
    paras = [
        TRAMS,
        "At the Hobujaama stop, nurse Anneli Saar said she had walked 40 minutes. “I understand "
        "the drivers. But today I am just tired,” she said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Anneli Saar"
    assert f.side == "community"


def test_a_worker_of_another_trade_at_the_strikers_workplace_is_labour():
    paras = [
        "Steelworkers at the Gebze plant went on strike on Monday; the strike halted both "
        "furnaces at the plant.",
        "At the gate, Hasan Aydin, a crane operator with 19 years at the plant, said the rent had "
        "doubled. “My salary used to be enough,” he said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"


def test_a_scene_at_the_gate_is_no_public_scene():
    paras = [
        "Steelworkers went on strike on Monday; the strike halted both furnaces.",
        "At the gate, crane operator Hasan Aydin said the rent had doubled. “My salary used to "
        "be enough,” he said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"


def test_with_the_strikers_trade_unknown_no_trade_is_another():
    paras = [
        "Thousands walked off the job at East Coast ports on Tuesday, and the strike shut "
        "every terminal from Maine to Texas.",
        "At the Dundalk Marine Terminal, longshoreman Curtis Pratt, 52, said the job had put "
        "his kids through college. “I want the same for the next guy,” Pratt said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"


def test_a_tie_to_the_strike_outweighs_the_public_scene():
    paras = [
        "Grocery cashiers walked off the job at Mountain Fresh stores on Thursday, and the "
        "strike closed the delis.",
        "At the store on East Colfax Avenue, baker Darlene Hughes, 58, has worked for the chain "
        "for 31 years. “They cut my department to two people,” she said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"
