"""Articles at an http(s) address: fetch the bytes; the readers then go by what the bytes are."""

from __future__ import annotations

from urllib.parse import urlparse

from briefing.errors import InputError

FETCH_TIMEOUT_S = 20
MAX_PAGE_BYTES = 50 * 1024 * 1024
USER_AGENT = "briefing/0.1 (+offline article reader)"
READABLE_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "application/epub+zip",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "application/octet-stream")


def is_url(source: str) -> bool:
    return urlparse(source).scheme in ("http", "https")


def fetch(url: str) -> bytes:
    """The page or document at `url`; network trouble and other answers become one plain sentence."""
    import urllib.error  # here: 30 ms of start-up that articles on disk do not need
    import urllib.request

    accept = "text/html, application/xhtml+xml, application/pdf, application/epub+zip, */*;q=0.1"
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            kind = response.headers.get_content_type()
            if kind not in READABLE_TYPES:
                raise InputError(f"{url} is not a web page or a document (it is {kind}); "
                                 "give the address of an article.")
            return response.read(MAX_PAGE_BYTES)
    except urllib.error.HTTPError as error:
        raise InputError(f"Could not fetch {url}: the server answered {error.code} {error.reason}.") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise InputError(f"Could not fetch {url} ({reason}); check the address and the connection.") from None
