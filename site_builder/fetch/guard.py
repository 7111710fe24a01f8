"""Refuse addresses a fetch must not reach: loopback, private, link-local, multicast,
reserved. The host is resolved once, every answer checked, and the caller connects to
the checked address, so a second DNS answer cannot point the connection elsewhere."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]


class BlockedAddress(Exception):
    """The host resolves to an address that is not public (and not allowed)."""


class ResolveError(Exception):
    """The host name does not resolve."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ResolveError(f"cannot resolve {host}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in answers))


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_private or address.is_loopback or address.is_link_local
        or address.is_multicast or address.is_reserved or address.is_unspecified)


@dataclass(frozen=True)
class AddressGuard:
    """Which addresses may be reached: public ones, plus `allowed` networks (all of
    them with `allow_all`, for `--allow-private`)."""

    allow_all: bool = False
    allowed: Sequence[IPNetwork] = ()
    resolver: Resolver = system_resolver

    def resolve(self, host: str, port: int) -> str:
        """The address to connect to for `host`; BlockedAddress when any answer is not
        allowed (a name with one private answer among public ones is refused too)."""
        try:
            addresses = [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            addresses = [ipaddress.ip_address(a.split("%")[0])
                         for a in self.resolver(host, port)]
        if not addresses:
            raise ResolveError(f"cannot resolve {host}")
        for address in addresses:
            if not self.permits(address):
                raise BlockedAddress(f"private address ({address})")
        return str(addresses[0])

    def permits(self, address: IPAddress) -> bool:
        """True when a connection to `address` is allowed."""
        if self.allow_all or is_public(address):
            return True
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        return any(address in network for network in self.allowed)
