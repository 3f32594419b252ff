"""A driver of a vehicle ("a lorry driver", "taxi driver") quoted in copy about
another trade's strike, whose reporter never speaks of drivers, is one of the
public the action holds up; in a drivers' strike a bus driver is a striker."""

from articles.quotes import extract_quotes


def test_a_lorry_driver_at_a_dockers_strike_is_the_public():
    paras = [
        "Dockers at the port of Velhaven went on strike on Monday over a new shift "
        "roster, the port's first strike in nine years.",
        "“I have been parked here since six with a load of timber,” said Anders Lykke, "
        "a lorry driver from Skarnes.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Anders Lykke"
    assert f.side == "community"


def test_a_bus_driver_at_a_bus_drivers_strike_is_a_striker():
    paras = [
        "Bus drivers in Velhaven went on strike on Monday over a new shift roster, the "
        "city's first transport strike in nine years; the drivers say the roster cuts "
        "their breaks.",
        "“We are out until they tear that roster up,” said Anders Lykke, a bus driver.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Anders Lykke"
    assert f.side == "labor"
