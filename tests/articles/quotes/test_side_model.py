"""The learned side model: its weights load, it predicts the same way every
time, and it decides a speaker's side only where the rules' evidence is weak
(no evidence, the speaker's own words, an organisation read by default),
saying so in the evidence."""

import pytest

from articles.quotes import SIDES, combine_sides, extract_quotes
from articles.quotes.side_model import WEAK_READINGS, SideModel, load, reading

LEDE = (
    "More than 2,000 nurses at Westfield Hospital walked off the job on Monday, the first "
    "strike at the hospital in 20 years. The Westfield Nurses Union called the strike after "
    "talks broke down."
)


def finding(quote: str):
    (f,) = extract_quotes([LEDE, quote])
    return f


def test_the_weights_load_with_a_weight_per_side_for_each_feature():
    model = load()
    assert model.sides == SIDES
    assert len(model.bias) == len(SIDES)
    assert model.weights
    assert all(len(row) == len(SIDES) for row in model.weights.values())


def test_the_model_predicts_the_same_probabilities_every_time():
    feats = ["kind=person", "rule=unknown", "ev=none", "w:retired", "w:teacher", "q:my"]
    first = load().probabilities(feats)
    assert load().probabilities(feats) == first
    assert load().probabilities(list(reversed(feats))) == pytest.approx(first)
    assert SideModel.from_json(
        {"sides": SIDES, "bias": load().bias, "weights": load().weights}
    ).probabilities(feats) == pytest.approx(first)
    assert sum(first.values()) == pytest.approx(1.0)


def test_features_never_seen_leave_the_sides_bias_alone():
    model = SideModel(("labor", "employer"), [0.0, 0.0], {"w:union": [1.0, -1.0]})
    assert model.probabilities(["w:never-seen"]) == {"labor": 0.5, "employer": 0.5}
    assert model.probabilities(["w:union"])["labor"] > 0.8


@pytest.mark.parametrize(
    ("name", "evidence", "kind"),
    [
        ("Rosa Diaz", (), "none"),
        ("Rosa Diaz", ("own words: “Our members”",), "own words"),
        ("Tenants Alliance", ("organisation: Tenants Alliance",), "organisation"),
        (
            "Greenfield Holdings",
            ("organisation: Greenfield Holdings, speaking for management in a dispute",),
            "organisation: speaking for management in a dispute",
        ),
        ("Maria Lopez", ("described as: striking nurse",), "described as"),
        (
            "Westfield Nurses Union",
            ("organisation: Westfield Nurses Union, a union or labour body",),
            "organisation: a union or labour body",
        ),
    ],
)
def test_the_rules_evidence_is_read_by_its_kind(name, evidence, kind):
    side = "unknown" if not evidence else "labor"
    assert reading((side, evidence), name) == kind


def test_weak_readings_are_no_description_and_no_known_body():
    assert "described as" not in WEAK_READINGS
    assert "speaks for" not in WEAK_READINGS
    assert "organisation: a union or labour body" not in WEAK_READINGS
    assert "none" in WEAK_READINGS


def test_a_speaker_described_by_the_rules_keeps_their_side_and_evidence():
    f = finding("“We are not going back without a fair deal,” said Maria Lopez, a striking nurse.")
    assert (f.side, f.side_evidence) == ("labor", ("described as: striking nurse",))


def test_a_known_union_keeps_the_rules_side():
    f = finding("“The strike goes on,” the Westfield Nurses Union said in a statement.")
    assert f.side == "labor"
    assert not any(e.startswith("learned") for e in f.side_evidence)


def test_a_person_with_no_description_is_left_to_the_rules():
    f = finding("“We will keep going,” said Rosa Diaz.")
    assert f.side == "unknown"
    assert f.side_evidence == ()


def test_a_description_the_rules_cannot_read_gets_the_models_side_with_learned_evidence():
    f = finding("“The surgery was cancelled twice,” said Jo Marsh, a cancer survivor.")
    assert f.side == "community"
    assert f.side_evidence[0].startswith("learned: ")
    assert f.side_evidence[1] == "described as: cancer survivor"


def test_a_speaker_in_an_article_about_no_dispute_is_left_to_the_rules():
    (f,) = extract_quotes(
        [
            "The Westfield library reopened on Saturday after a year of repairs.",
            "“My grandchildren love the new reading room,” said Jo Marsh, 67.",
        ]
    )
    assert f.side == "unknown"
    assert f.side_evidence == ()


def test_learned_evidence_outweighs_own_words_but_not_a_description():
    learned = ("community", ("learned: 60% likely from how the article describes them",))
    assert combine_sides([("labor", ("own words: “our members”",)), learned])[0] == "community"
    assert combine_sides([learned, ("labor", ("described as: striking nurse",))])[0] == "labor"
