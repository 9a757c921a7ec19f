from facts.identity import canonical_url, content_hash, folded_name


def test_tracking_params_fragment_and_default_port_are_dropped():
    url = "HTTPS://News.Example.COM:443/story/42/?utm_source=x&b=2&fbclid=abc&a=1&gclid=z#top"
    assert canonical_url(url) == "https://news.example.com/story/42?a=1&b=2"


def test_other_tracking_params_are_dropped_too():
    url = "http://example.com:80/a?mc_cid=1&mc_eid=2&ref=tw&ocid=msn&UTM_Medium=m&id=7"
    assert canonical_url(url) == "http://example.com/a?id=7"


def test_non_default_port_and_root_path_are_kept():
    assert canonical_url("http://Example.com:8080") == "http://example.com:8080/"
    assert canonical_url("https://example.com/") == "https://example.com/"


def test_path_case_and_meaningful_params_survive():
    url = "https://example.com/News/Story?page=2&page=1"
    assert canonical_url(url) == "https://example.com/News/Story?page=1&page=2"


def test_same_story_shared_twice_has_one_canonical_url():
    shared = "https://example.com/dunedin-shanghai/?utm_campaign=wechat&utm_source=slack"
    assert canonical_url(shared) == canonical_url("https://example.com/dunedin-shanghai")


def test_content_hash_ignores_layout_case_and_typography():
    plain = 'Dunedin and Shanghai - "sister cities" since 1994.\nIt\'s official.'
    fancy = (
        "  DUNEDIN and  Shanghai \u2014 \u201csister cities\u201d since 1994. It\u2019s official.\n"
    )
    assert content_hash(plain) == content_hash(fancy)
    assert len(content_hash(plain)) == 64


def test_content_hash_folds_compatibility_forms():
    assert content_hash("\uff24unedin\u00a0city") == content_hash("Dunedin city")


def test_content_hash_differs_for_different_words():
    assert content_hash("Dunedin and Shanghai") != content_hash("Dunedin and Stirling")


def test_folded_name_ignores_case_and_accents():
    assert folded_name("Zürich") == folded_name("ZURICH") == "zurich"
    assert folded_name("  São  Paulo ") == "sao paulo"
