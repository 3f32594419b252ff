"""A body of workers named by its kind, before or after its name ("the
dockworkers' union TRANSPO", "the Zvezda trade union confederation", "the
Korvo metalworkers' federation"), or a name joining "Labour" to a federation
("Northland Labour Confederation"), speaks for labour, not for management."""

from articles.quotes import extract_quotes


def test_workers_union_written_before_the_name_speaks_for_labour():
    paras = [
        "About 600 dockers at the port of Varel stopped work on Tuesday over night-shift pay.",
        "According to the dockworkers' union Portamar, every crane stood idle.",
        "Portamar said in a statement that the stoppage would go on “as long as it takes.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Portamar"
    assert f.side == "labor"


def test_trade_union_confederation_written_after_the_name_speaks_for_labour():
    paras = [
        "Workers at the Kalnik glassworks walked out on Monday over wages owed since spring.",
        "The strike was called by the plant's branch of the Zvezda trade union confederation.",
        "Zvezda said in a statement it would “take every lawful step” to recover the wages.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Zvezda"
    assert f.side == "labor"


def test_metalworkers_federation_written_after_the_name_speaks_for_labour():
    paras = [
        "Assembly workers at the Orbis truck plant struck on Wednesday for a 12 percent raise.",
        "The Korvo metalworkers' federation said the company had offered 5 percent.",
        "Korvo said the picket lines would hold “on every shift.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Korvo"
    assert f.side == "labor"


def test_labour_confederation_in_a_name_is_a_union():
    paras = [
        "Toll collectors on the northern highway walked out on Friday after a colleague was fired.",
        "The Northland Labour Confederation said the dismissal was “plainly unlawful.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Northland Labour Confederation"
    assert f.side == "labor"
