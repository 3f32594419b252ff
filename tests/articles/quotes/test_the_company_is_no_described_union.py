""" "The company" passes over a body the reporter describes as a union (by its
description, not only its name), and "X, the union said" gives X no
description: the words after the comma are a new clause."""

from articles.quotes import extract_quotes


def test_the_company_passes_over_a_federation_of_workers():
    paras = [
        "For nine days the 600 pickers at the Finca Alta Verde plantation have been on "
        "strike over pay and contracts.",
        "Tomás Rivas, a member of Agrosind, the farm workers' federation, leads the "
        "strike committee.",
        "In a statement, the company said it hired temporary workers only “during the "
        "peaks of the harvest.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Finca Alta Verde"
    assert f.side == "employer"


def test_a_company_named_before_the_union_said_is_no_union():
    paras = [
        "Workers at the Loma Roja copper mine went on strike on Monday after rejecting a "
        "final wage offer from operator Cordillera Metals Corp, the union said.",
        "Cordillera Metals said in a statement that it had activated contingency plans. "
        "“The offer is among the best in the industry,” the company said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Cordillera Metals Corp"
    assert f.side == "employer"
