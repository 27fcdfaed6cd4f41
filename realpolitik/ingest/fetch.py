"""Fetching one URL safely: http(s) only, timeouts, a size cap, and no requests to private networks.

The host is resolved once, every address is checked, and the connection goes to the checked address
(TLS still verifies the real host name via SNI), so a DNS answer cannot change between check and
connect. Redirects are followed by hand so that every hop is checked the same way.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass

import httpx

from .items import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "realpolitik-ingest/0.1 (+https://github.com/realpolitik)"


class RefusedURL(InputError):
    """The URL points somewhere we do not fetch from (scheme or address)."""


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def blocked_reason(address: str) -> str | None:
    """Why an IP address is off limits, or None for a public address."""
    ip = ipaddress.ip_address(address)
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    checks = [
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    ]
    return next((name for name, hit in checks if hit), None)


def _resolve(host: str, port: int, allow_private: bool) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"cannot resolve host {host}: {getattr(exc, 'strerror', None) or exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private:
        # One private answer is enough to refuse: the name is not trustworthy.
        for address in addresses:
            why = blocked_reason(address)
            if why:
                raise RefusedURL(
                    f"refused: {host} resolves to {why} address {address} (use --allow-private to permit)"
                )
    return addresses[0]


def _target(url: httpx.URL) -> tuple[str, int]:
    if url.scheme not in ("http", "https"):
        raise RefusedURL(f"refused: only http and https URLs are fetched, not {url.scheme or 'no scheme'}")
    if not url.host:
        raise InputError("URL has no host")
    return url.host, url.port or (443 if url.scheme == "https" else 80)


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"page too large: {declared} bytes, over the {max_bytes}-byte limit")
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"page too large: over the {max_bytes}-byte limit")
        if time.monotonic() > deadline:
            raise InputError("timed out while reading the page")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> Fetched:
    """GET a URL; raises InputError (RefusedURL for refusals) with a one-line reason."""
    try:
        current = httpx.URL(url.strip())
    except httpx.InvalidURL as exc:
        raise InputError(f"invalid URL: {exc}") from None
    deadline = time.monotonic() + timeout * 2
    limits = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    # trust_env=False: a proxy from the environment would bypass the address check.
    with httpx.Client(trust_env=False, follow_redirects=False, timeout=limits) as client:
        for hop in range(MAX_REDIRECTS + 1):
            try:
                host, port = _target(current)
                address = _resolve(host, port, allow_private)
            except RefusedURL as exc:
                if hop:
                    raise RefusedURL(f"redirect to {current} {exc}") from None
                raise
            request = client.build_request(
                "GET",
                current.copy_with(host=address),
                headers={"Host": current.netloc.decode("ascii"), "User-Agent": USER_AGENT},
                extensions={"sni_hostname": host} if current.scheme == "https" else {},
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise InputError(f"timed out ({type(exc).__name__}) after {timeout:g}s") from None
            except httpx.HTTPError as exc:
                raise InputError(f"cannot fetch: {exc or type(exc).__name__}") from None
            try:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        raise InputError(f"HTTP {response.status_code} redirect without a Location")
                    current = current.join(location)
                    continue
                if response.status_code >= 400:
                    raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                try:
                    data = _read_capped(response, max_bytes, deadline)
                except httpx.TimeoutException:
                    raise InputError(f"timed out reading after {timeout:g}s") from None
                except httpx.HTTPError as exc:
                    raise InputError(f"cannot fetch: {exc or type(exc).__name__}") from None
                return Fetched(str(current), data, response.headers.get("content-type", ""))
            finally:
                response.close()
    raise InputError(f"too many redirects (more than {MAX_REDIRECTS})")
