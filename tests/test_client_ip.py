from portal.client_ip import client_ip


def test_proxy_header_is_believed_only_from_a_trusted_proxy(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    behind_proxy = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="5.6.7.8")
    direct = rf.get("/", REMOTE_ADDR="9.9.9.9", HTTP_X_REAL_IP="5.6.7.8")
    no_header = rf.get("/", REMOTE_ADDR="127.0.0.1")
    assert client_ip(behind_proxy) == "5.6.7.8"
    assert client_ip(direct) == "9.9.9.9"
    assert client_ip(no_header) == "127.0.0.1"
