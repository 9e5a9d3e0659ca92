"""ISO 4217 currency codes in use (2025), for checking a company's currency."""

from __future__ import annotations

from domain.kernel.errors import BadInput

ISO_4217 = frozenset("""
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP
CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF
IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD
MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB
RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD
UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
""".split())


# Offered first in currency choosers (any other code in use is accepted too).
COMMON = ("CNY", "HKD", "TWD", "USD", "EUR", "JPY", "KRW", "SGD", "GBP", "AUD", "CAD", "MYR", "THB", "VND")


def iso_currency(value: object, field: str = "currency") -> str:
    """The upper-case ISO 4217 code ``value`` names, or BadInput saying what is accepted."""
    code = "" if value is None else str(value).strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise BadInput(field, f"{value!r} is not a three-letter ISO 4217 currency code such as CNY, USD or EUR",
                       code="not_iso_currency", values=(repr(value),))
    if code not in ISO_4217:
        raise BadInput(field, f"{code} is not an ISO 4217 currency code in use; enter one such as CNY, USD or EUR",
                       code="currency_not_in_use", values=(code,))
    return code


# ISO 4217 minor units that are not 2: what a typed amount in the currency may carry after the point.
_MINOR_UNITS = {**dict.fromkeys("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split(), 0),
                **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3)}


def minor_units(code: str) -> int:
    """How many decimals an amount in ``code`` has (ISO 4217: 2 for most, 0 for JPY or VND, 3 for KWD)."""
    return _MINOR_UNITS.get(code, 2)
