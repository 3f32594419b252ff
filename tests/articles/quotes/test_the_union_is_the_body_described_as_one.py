""" "The union", "the federation" or "the confederation" later in an article
stands for a body whose name does not say so but which the reporter described
as one: "Their union, Carewell Together, said", "Kentro, the federation of
hospital workers' unions", "the Zora trade union confederation"; and "the Zora
confederation" is Zora, not another union named nearer."""

from .helpers import speaker_of


def test_their_union_set_off_by_commas_is_the_union():
    paras = [
        "Care workers at three Lismore homes stopped work on Friday. Their union, Carewell "
        "Together, said staffing had fallen below safe levels.",
        "“Nobody should work a night alone,” Carewell Together organiser Rhys Evans said.",
        "The union said in a statement that residents had been “left waiting for hours.”",
    ]
    assert speaker_of(paras, "left waiting") == "Carewell Together"


def test_a_federation_of_unions_is_the_federation_and_the_union():
    paras = [
        "The stoppage was called by Kentro, the federation of hospital workers' unions, which "
        "says a third of porters are on short contracts.",
        "“Every winter they hire people for four months and let them go,” the federation said.",
        "The ministry hired agency staff, a move the union called “strike-breaking by the back door.”",
    ]
    assert speaker_of(paras, "Every winter") == "Kentro"
    assert speaker_of(paras, "strike-breaking") == "Kentro"


def test_the_confederation_is_the_union_described_as_one():
    paras = [
        "The strike was organised by the factory branch of the Zora trade union confederation.",
        "Zora said it would use “every legal means” to win back pay. The confederation called "
        "the dispute “a test for the whole industry.”",
    ]
    assert speaker_of(paras, "a test for") == "Zora"


def test_a_confederation_named_before_its_kind_is_that_body():
    paras = [
        "“We will not work a rota drawn up in an office,” said Ana Silva of the bakers' "
        "federation PANCO.",
        "The Zora confederation said it stood “side by side” with the bakers.",
    ]
    assert speaker_of(paras, "side by side") == "Zora"
