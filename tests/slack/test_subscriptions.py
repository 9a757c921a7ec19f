"""`/citylink subscribe`, `subscriptions`, `unsubscribe` and `digest` in a channel."""

from tests.slack.conftest import all_text


def test_subscribe_with_schedule_and_filters_then_list_and_unsubscribe(slack):
    answer = all_text(slack.answer(
        "subscribe weekly fri 17:30 Europe/Berlin places: Shanghai kinds: sister, mou "
        "mute: football, expo"
    )["blocks"])  # fmt: skip
    assert "Subscribed" in answer and "every Friday at 17:30 (Europe/Berlin)" in answer
    assert "places: Shanghai" in answer and "muted: football, expo" in answer
    assert "sister cities" in answer
    assert "<#C111>" in all_text(slack.answer("subscriptions")["blocks"])
    assert "no more digests" in all_text(slack.answer("unsubscribe")["blocks"])
    assert "No channel has a digest" in all_text(slack.answer("subscriptions")["blocks"])


def test_defaults_are_weekly_monday_nine_utc(slack):
    answer = all_text(slack.answer("subscribe")["blocks"])
    assert "weekly digest every Monday at 09:00 (UTC)" in answer


def test_mistakes_get_an_example_not_an_error(slack):
    assert "I don't understand \u201cNeverland/Zone\u201d" in all_text(
        slack.answer("subscribe weekly Neverland/Zone")["blocks"])  # fmt: skip
    assert "I don't know a place called" in all_text(
        slack.answer("subscribe places: Xqzvwk")["blocks"])  # fmt: skip


def test_digest_previews_this_channel(slack):
    assert "no digest yet" in all_text(slack.answer("digest")["blocks"])
    slack.answer("subscribe daily 08:00")
    preview = all_text(slack.answer("digest")["blocks"])
    assert "Partnership news" in preview


def text(message: dict) -> str:
    return all_text(message["blocks"])


def test_subscribing_again_says_what_changed(slack):
    slack.answer("subscribe weekly places: Shanghai")
    changed = text(slack.answer("subscribe daily 08:00 places: Shanghai, Dunedin kinds: mou"))
    assert "Changed this channel's digest" in changed
    assert "places: Shanghai \u2192 Shanghai, Dunedin" in changed
    assert "kinds: every kind \u2192 memorandum or agreement" in changed
    assert "schedule: weekly" in changed and "\u2192 daily" in changed
    same = text(slack.answer("subscribe daily 08:00 places: Shanghai, Dunedin kinds: mou"))
    assert same.startswith("Nothing changed")
