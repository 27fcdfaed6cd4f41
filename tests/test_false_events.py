"""Sentences that report no event (docs/annotation-guide.md section 2) code nothing; their news
counterparts still code (realpolitik/events/plausibility.py)."""
import pytest

from realpolitik.events import plausibility

DATE = "2024-03-12"


def _events(coder, text, date=DATE):
    return [(e.plover, e.source.country, e.target.country if e.target else None)
            for e in coder.code_text(text, "t", date=date) if not e.negated]


@pytest.mark.parametrize("text", [
    # history: acts dated years before the story
    "In 1990 Iraq invaded Kuwait and annexed it.",
    "The Soviet Union invaded Czechoslovakia in 1968 to crush the Prague Spring.",
    "Twenty years ago, Nato bombed Serbia for 78 days.",
    "India and Pakistan have fought four wars since 1947.",
    "Iran has been under US sanctions since 1979.",
    # habits and long-standing states
    "Pakistan has traditionally backed the Taliban.",
    "Israel typically responds to rocket fire with airstrikes.",
    "Britain has supplied weapons to Saudi Arabia for decades.",
    "North Korea has tested dozens of missiles over the years.",
    # markets and sport
    "The Indian rupee hit a record low against the dollar.",
    "The Argentinian striker attacked the ball at the far post.",
    # commentary and forecasts
    "Analysts say China is likely to respond with sanctions.",
    "Iran is likely to retaliate against Israel.",
    # questions, conditions, wishes, statistics
    "Will the US send troops to Taiwan?",
    "Why did Russia invade Ukraine?",
    "If Iran attacks Israel, the US will defend its ally.",
    "If Russia wins in Ukraine, China will feel emboldened to attack Taiwan.",
    "Ukraine hopes that Germany will send Taurus missiles.",
    "Officials worry that Russia will retaliate against the Baltic states.",
    "A majority of Britons oppose sending troops to Ukraine.",
    "Opinion polls show that most Israelis back the war.",
    # negation the verb does not carry
    "Neither Russia nor Ukraine has accepted the proposal.",
    "The talks between Iran and the US never took place.",
    "There is no evidence that Russia supplied the weapons.",
    "Beijing said it had no intention of invading Taiwan.",
    # counterfactuals and inverted conditions
    "Were China to invade Taiwan, the US would probably defend the island.",
    "Several diplomats said the Camp David accords would have collapsed without American pressure on Israel.",
    # wars and disasters as doers, clubs and airlines named after places
    "The Lebanese civil war, which began in 1975, killed about 150,000 people.",
    "Real Madrid beat Bayern Munich in the Champions League final.",
    "Air France suspended flights to Beirut.",
    "Argentina's inflation rate hit 211% in December.",
    "A Russian chess grandmaster beat his Ukrainian opponent in the final round.",
    "Chinese scientists launched a probe to the far side of the moon.",
    "Google was fined by the European Commission for abusing its dominance.",
    # how things are
    "Turkey hosts about 3.6 million Syrian refugees.",
    "The embargo prohibits the sale of arms to Myanmar.",
    "The Chinese actor apologised to fans after the scandal.",
    "Chinese fishermen rescued 20 sailors from a sinking ship.",
    "The German carmaker agreed to pay compensation to Chinese customers.",
    "Germany's Social Democrats beat the Christian Democrats by two points.",
    # nobody in particular, criminals
    "A gunman opened fire on worshippers at a mosque in Kabul.",
    "Unidentified attackers set fire to a police station in northern Mali.",
    "Somali pirates seized a Greek tanker off the coast of Yemen.",
    # statements that describe, force on abstractions, what was not possible
    "Fighting continued into a second week of a conflict that the UN envoy has said could match the siege of Aleppo.",
    "The decision destroyed trust between Moscow and Washington.",
    "The sighting was too brief to deploy the Iraqi air force against the convoy.",
])
def test_no_event(coder, text):
    assert _events(coder, text) == []


@pytest.mark.parametrize("text,kind,src,tgt", [
    ("Iraq invaded Kuwait on Thursday.", "ASSAULT", "IRQ", "KWT"),
    ("Russia invaded Ukraine in February.", "ASSAULT", "RUS", "UKR"),
    ("Pakistan has backed the Taliban's new government.", "SUPPORT", "PAK", "AFG"),
    ("Britain supplied weapons to Saudi Arabia last year.", "AID", "GBR", "SAU"),
    ("Israel is launching a ground invasion of Rafah.", "ASSAULT", "ISR", "PSE"),
    ("The US sent troops to Taiwan.", "MOBILIZE", "USA", "TWN"),
    ("Russia and Ukraine accepted the proposal.", "AGREE", "RUS", "UKR"),
    ("Officials said Russia supplied the weapons to Iran.", "AID", "RUS", "IRN"),
    ("The UN envoy said the fighting could match the siege of Aleppo.", "STATEMENT", "IGO", None),
    ("Taliban gunmen opened fire on worshippers at a mosque in Kabul.", "ASSAULT", "AFG", "AFG"),
    ("Human Rights Watch researchers accused the Sudanese army of burning villages.", "ACCUSE", "NGO", "SDN"),
    ("The Taliban seized power in Kabul.", "ASSAULT", "AFG", None),
    ("Turkey hosted 3,000 Syrian refugees in a new camp.", "AID", "TUR", None),
    ("The UN warns Israel against a ground offensive in Rafah.", "ACCUSE", "IGO", "ISR"),
    ("While Turkey agreed to the ceasefire, it hopes that the Kurds will leave the border.", "RETREAT", "TUR", "SYR"),
    ("Chinese fishermen protested against Japan in Beijing.", "PROTEST", "CHN", "JPN"),
    ("Police beat protesters with batons in Tbilisi.", "COERCE", "GEO", "GEO"),
    ("Syrian troops destroyed the rebel headquarters.", "COERCE", "SYR", "SYR"),
])
def test_news_counterpart_still_codes(coder, text, kind, src, tgt):
    assert (kind, src, tgt) in _events(coder, text)


def test_recent_year_is_news(coder):
    # a date a few years back is still the story's own run of events; older ones are background
    for date in ("2022-02-25", "2025-02-25"):
        assert ("ASSAULT", "RUS", "UKR") in _events(coder, "Russia invaded Ukraine in 2022.", date=date)
    assert _events(coder, "Russia invaded Ukraine in 2022.", date="2029-02-25") == []
    assert ("ASSAULT", "RUS", "UKR") in _events(coder, "Two years ago Russia invaded Ukraine.", date="2024-02-25")


def test_threat_under_a_condition_is_kept(coder):
    kinds = {k for k, _, _ in _events(coder, "China threatened to retaliate if the US imposes new tariffs.")}
    assert kinds and kinds <= {"THREATEN"}


def test_what_was_done_instead_is_the_event(coder):
    kinds = {k for k, _, _ in _events(coder, "Instead of attacking Kyiv, Russian forces moved east.")}
    assert "MOBILIZE" in kinds and "ASSAULT" not in kinds
    kinds = {k for k, _, _ in _events(coder, "Rather than sending troops, Germany sent money to Ukraine.")}
    assert "AID" in kinds and "MOBILIZE" not in kinds


def test_speculation_is_kept_as_hypothetical_on_request(coder):
    text = "Ukraine hopes that Germany will send Taurus missiles."
    coder.hypothetical = True
    try:
        evs = [e for e in coder.code_text(text, "t", date=DATE) if e.source.country == "DEU"]
    finally:
        coder.hypothetical = False
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_every_rule_is_listed_by_name():
    names = [n for n, _ in plausibility.RULES + plausibility.SPECULATION]
    assert len(names) == len(set(names))
    assert {"history", "habitual", "nonpolitical", "commentary", "statistic", "anonymous", "generic",
            "neither", "not_held", "unfounded", "alternative", "described", "figurative", "contest"} <= set(names)
    speculation = {n for n, _ in plausibility.SPECULATION}
    assert {"forecast", "question", "wished", "conditional", "counterfactual", "too"} <= speculation
