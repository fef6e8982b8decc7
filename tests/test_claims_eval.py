"""The claims devset's report (bench/claims_eval.py): why a development no key point covers was missed."""

from __future__ import annotations

from bench.claims_eval import score


def test_a_missed_development_is_told_with_the_reason_of_its_sentence_nearest_to_being_a_point():
    sentences = ["The port of Odesa reopened to grain ships on Monday, the infrastructure ministry said.",
                 "Ships will sail under naval escort, the ministry said on Tuesday in a statement.",
                 "It had been closed for a week after a missile struck a warehouse near the grain terminal.",
                 "Insurers raised their premiums for the Black Sea by half, brokers said on Wednesday.",
                 "“Insurers have been cautious,” a broker said of the premiums, speaking in London on Monday."]
    front = {"summary": sentences[0], "key_points": [sentences[1]]}
    truth = {"developments": [["naval escort"], ["missile"], ["premiums"], ["Kherson"]]}
    scored = score("port.txt", front, truth, sentences)
    assert scored.covered == [True, False, False, False]
    assert scored.why == ["leans on the sentence before", "outranked", "in no sentence"]


def test_main_developments_are_those_the_truth_ranks_or_all_where_it_ranks_none():
    sentences = ["The port of Odesa reopened to grain ships on Monday, the infrastructure ministry said.",
                 "Ships will sail under naval escort, the ministry said on Tuesday in a statement."]
    front = {"summary": sentences[0], "key_points": [sentences[1]]}
    developments = [["grain ships"], ["naval escort"], ["missile"], ["premiums"]]
    ranked = score("port.txt", front, {"developments": developments, "main": [1, 2, 4]}, sentences)
    assert ranked.covered == [True, False, False] and ranked.main == [True, False, True]
    unranked = score("port.txt", front, {"developments": developments}, sentences)
    assert unranked.main == [True, True, True]
