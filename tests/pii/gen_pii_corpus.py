#!/usr/bin/env python3
"""Seeded generator of a labeled personal-data corpus for veil's recall test.

    gen_pii_corpus.py --seed 7 --per-kind 150 --lookalikes 3000 \\
        --out corpus.jsonl --labels labels.jsonl

The corpus is JSONL in the shapes of LLM logs (OpenAI chat requests and
responses, Anthropic content blocks, CRM-like records whose keys say what a
value is). Every record carries exactly one planted value, or one to three
harmless look-alikes (UUIDs, timestamps, order numbers, ports, ISBNs,
versions, SHAs, example.com addresses, numbers that fail their checksum...).

--labels writes one JSON line per planted value or look-alike:
    {"line": 12, "path": "/messages/1/content", "start": 10, "end": 27,
     "kind": "credit_card", "entities": ["CREDIT_CARD"], "value": "...",
     "lookalike": false, "checksum": true, "national": false}
"entities" may hold "category:secret": a finding of any secret rule counts.
start/end are UTF-8 byte offsets in the decoded string at `path`, the same
offsets `veil scan --format jsonl` reports.

Templates are ours, in several languages. Extending: add a Kind to KINDS
(or NATIONAL_IDS for identity numbers, which the recall test scores only when
a built-in rule reports their entity), with a generator that returns a valid
value and, for check-digit formats, a `mutate` that returns an invalid one
(used as a look-alike).

Python 3 standard library only; the same --seed gives the same bytes.
"""
import argparse
import hashlib
import json
import random
import string
import sys
from dataclasses import dataclass, field
from typing import Callable, List, Optional

DIGITS = string.digits
UPPER = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def group(text, sizes, sep):
    """Splits text into chunks of the given sizes (the rest is one more)."""
    out, i = [], 0
    for size in sizes:
        if i >= len(text):
            break
        out.append(text[i:i + size])
        i += size
    if i < len(text):
        out.append(text[i:])
    return sep.join(out)


# ---------------------------------------------------------------------------
# Check digits and encodings

def luhn_check(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number):
    return luhn_check(number[:-1]) == number[-1]


def iban_check(country, bban):
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return "%02d" % (98 - int(numeric) % 97)


VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_check(body):
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return str(VERHOEFF_INV[c])


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check(payload):
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def segwit_address(version, program):
    data = [version]
    acc = bits = 0
    for byte in program:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    hrp = "bc"
    const = 1 if version == 0 else 0x2bc830a3
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data
    poly = bech32_polymod(values + [0] * 6) ^ const
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in data + checksum)


KECCAK_RC = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A,
    0x8000000080008000, 0x000000000000808B, 0x0000000080000001,
    0x8000000080008081, 0x8000000000008009, 0x000000000000008A,
    0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089,
    0x8000000000008003, 0x8000000000008002, 0x8000000000000080,
    0x000000000000800A, 0x800000008000000A, 0x8000000080008081,
    0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
KECCAK_ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45,
              15, 21, 8, 18, 2, 61, 56, 14]
MASK64 = (1 << 64) - 1


def keccak256(data):
    """Ethereum's Keccak-256 (hashlib's sha3_256 pads differently)."""
    def rotl(v, n):
        return ((v << n) | (v >> (64 - n))) & MASK64 if n else v

    rate = 136
    msg = bytearray(data) + b"\x01"
    msg += b"\0" * (-len(msg) % rate)
    msg[-1] |= 0x80
    a = [0] * 25
    for off in range(0, len(msg), rate):
        for i in range(rate // 8):
            a[i] ^= int.from_bytes(msg[off + 8 * i:off + 8 * i + 8], "little")
        for rc in KECCAK_RC:
            c = [a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] for x in range(5)]
            for x in range(5):
                d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1)
                for y in range(0, 25, 5):
                    a[x + y] ^= d
            b = [0] * 25
            for x in range(5):
                for y in range(5):
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], KECCAK_ROT[x + 5 * y])
            for y in range(0, 25, 5):
                for x in range(5):
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & MASK64 & b[(x + 2) % 5 + y])
            a[0] ^= rc
    return b"".join(a[i].to_bytes(8, "little") for i in range(4))


def eip55(hex40):
    digest = keccak256(hex40.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c
                          for i, c in enumerate(hex40))


# ---------------------------------------------------------------------------
# Names, places and words

FIRST = {
    "en": ["James", "Mary", "Robert", "Patricia", "Jennifer", "Michael", "Emily",
           "Daniel", "Sarah", "Thomas", "Olivia", "Grace"],
    "de": ["Jürgen", "Anna", "Lukas", "Sophie", "Maximilian", "Lena", "Felix", "Greta"],
    "fr": ["Élodie", "Jean-Luc", "Camille", "Théo", "Manon", "Hugo", "Chloé", "Louis"],
    "es": ["María", "Javier", "Lucía", "Carmen", "Alejandro", "Sofía", "Diego", "Inés"],
    "it": ["Giulia", "Marco", "Francesca", "Luca", "Alessandro", "Chiara", "Matteo"],
    "pt": ["João", "Ana", "Pedro", "Beatriz", "Gabriel", "Mariana", "Rafael"],
    "nl": ["Pieter", "Sanne", "Daan", "Emma", "Lars", "Femke"],
}
LAST = {
    "en": ["Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson",
           "Anderson", "Taylor", "O'Brien", "Clarke", "Walker"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann"],
    "fr": ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine"],
    "es": ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez"],
    "it": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "De Luca"],
    "pt": ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "da Silva"],
    "nl": ["de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "van Dijk"],
}
CJK_NAMES = {
    "zh": ["王小明", "李华", "张伟", "刘洋", "陈静", "杨磊", "黄丽", "赵强"],
    "ja": ["山田太郎", "佐藤花子", "鈴木一郎", "高橋美咲", "田中健", "伊藤直樹"],
}
EMAIL_DOMAINS = ["gmail.com", "outlook.com", "acme-corp.io", "web.de", "orange.fr",
                 "yahoo.co.jp", "qq.com", "uol.com.br", "libero.it", "telefonica.es",
                 "globex.co.uk", "proton.me", "bücher.de", "correo.es", "ziggo.nl"]
ASCII_FOLD = str.maketrans("áàâäãåçéèêëíìîïñóòôöõúùûüýÿßÁÉÍÓÚÜÑ",
                           "aaaaaaceeeeiiiinooooouuuuyysAEIOUUN")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
           "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
           "agosto", "setembro", "outubro", "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli",
           "augustus", "september", "oktober", "november", "december"],
}

FILLER = [
    "Can you help me with my account?", "Thanks in advance.",
    "Merci d'avance pour votre aide.", "Vielen Dank für die schnelle Antwort!",
    "¿Me puedes ayudar, por favor?", "Grazie mille.", "Obrigado pela ajuda.",
    "Alvast bedankt.", "谢谢你的帮助。", "よろしくお願いします。",
    "Please update the record.", "The ticket was escalated yesterday.",
]


# ---------------------------------------------------------------------------
# Planted values: each generator returns a value valid for its kind.

def gen_email(rng):
    lang = rng.choice(sorted(FIRST))
    first = rng.choice(FIRST[lang]).lower()
    last = rng.choice(LAST[lang]).lower().replace(" ", "").replace("'", "")
    if rng.random() < 0.7:
        first, last = first.translate(ASCII_FOLD), last.translate(ASCII_FOLD)
    local = rng.choice([first + "." + last, first[0] + "." + last,
                        first + last + str(rng.randrange(10, 99)),
                        first + "_" + last, first + "+shop"])
    return local + "@" + rng.choice(EMAIL_DOMAINS)


def gen_phone(rng):
    def d(n):
        return rand(rng, DIGITS, n)
    country = rng.choice(["US", "GB", "DE", "FR", "IN", "CN", "JP", "BR", "ES", "IT", "INTL"])
    area = rng.choice(["212", "415", "312", "617", "202", "305", "512", "646", "206", "713"])
    exch = rng.choice("23456789") + d(2)
    forms = {
        "US": ["(%s) %s-%s" % (area, exch, d(4)), "%s-%s-%s" % (area, exch, d(4)),
               "%s.%s.%s" % (area, exch, d(4))],
        "GB": ["020 7%s %s" % (d(3), d(4)), "07%s %s" % (rng.choice("123457") + d(2), d(6)),
               "0161 %s %s" % (rng.choice("2345689") + d(2), d(4))],
        "DE": ["030 %s" % (rng.choice("23456789") + d(6)),
               "0151 %s" % (rng.choice("123456789") + d(7)),
               "089/%s" % (rng.choice("23456789") + d(6))],
        "FR": ["01 %s %s %s %s" % (rng.choice("23456789") + d(1), d(2), d(2), d(2)),
               "06.%s.%s.%s.%s" % (rng.choice("1234") + d(1), d(2), d(2), d(2)),
               "07 %s %s %s %s" % (rng.choice("5678") + d(1), d(2), d(2), d(2))],
        "IN": ["9%s %s" % (d(4), d(5)), "+91 98%s %s" % (d(3), d(5))],
        "CN": ["13%s %s %s" % (d(1), d(4), d(4)), "+86 139 %s %s" % (d(4), d(4))],
        "JP": ["03-%s-%s" % (rng.choice("3456") + d(3), d(4)),
               "090-%s-%s" % (rng.choice("123456789") + d(3), d(4))],
        "BR": ["(11) 9%s-%s" % (rng.choice("6789") + d(3), d(4)),
               "(21) 9%s-%s" % (rng.choice("6789") + d(3), d(4))],
        "ES": ["6%s %s %s %s" % (d(2), d(2), d(2), d(2)), "91%s %s %s" % (d(1), d(3), d(3))],
        "IT": ["3%s %s %s" % (rng.choice("2345") + d(1), d(3), d(4)),
               "06 %s %s" % (rng.choice("3456789") + d(3), d(4))],
        "INTL": ["+44 20 7%s %s" % (d(3), d(4)), "+1 (%s) %s-%s" % (area, exch, d(4)),
                 "+49 30 %s" % (rng.choice("23456789") + d(7)),
                 "+33 6 %s %s %s %s" % (rng.choice("1234") + d(1), d(2), d(2), d(2)),
                 "+1%s%s%s" % (area, exch, d(4))],
    }
    value = rng.choice(forms[country])
    if rng.random() < 0.2:
        # Written without separators: a phone only next to a phone word or
        # under a phone key (templates "bare").
        return value[0].replace("(", "") + "".join(c for c in value[1:] if c.isdigit()), "bare"
    return value, ANY


CARD_NETWORKS = [("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16),
                 ("2720", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16),
                 ("3528", 16), ("3589", 16), ("62", 16), ("36", 14)]


def gen_card(rng):
    prefix, length = rng.choice(CARD_NETWORKS)
    body = prefix + rand(rng, DIGITS, length - len(prefix) - 1)
    number = body + luhn_check(body)
    sep = rng.choice([" ", "-", ""])
    sizes = {15: [4, 6, 5], 14: [4, 6, 4]}.get(length, [4, 4, 4, 4])
    return group(number, sizes, sep)


def mutate_card(rng, value):
    digits = [c for c in value if c.isdigit()]
    last = digits[-1]
    wrong = rng.choice([d for d in DIGITS if d != last])
    return value[:-1] + wrong


# Country -> BBAN layout: n = digit, a = upper-case letter, c = either.
IBAN_LAYOUTS = {
    "DE": "n" * 18, "GB": "aaaa" + "n" * 14, "FR": "n" * 10 + "c" * 11 + "nn",
    "NL": "aaaa" + "n" * 10, "ES": "n" * 20, "IT": "a" + "n" * 10 + "c" * 12,
    "BE": "n" * 12, "CH": "n" * 5 + "c" * 12, "AT": "n" * 16, "PL": "n" * 24,
    "PT": "n" * 21, "SE": "n" * 20, "NO": "n" * 11, "DK": "n" * 14,
    "IE": "aaaa" + "n" * 14, "FI": "n" * 14, "LU": "nnn" + "c" * 13,
}


def gen_iban(rng):
    country = rng.choice(sorted(IBAN_LAYOUTS))
    pools = {"n": DIGITS, "a": UPPER, "c": UPPER + DIGITS}
    bban = "".join(rng.choice(pools[k]) for k in IBAN_LAYOUTS[country])
    iban = country + iban_check(country, bban) + bban
    return iban if rng.random() < 0.5 else group(iban, [4] * 9, " ")


def mutate_iban(rng, value):
    compact = value.replace(" ", "")
    # Exactly one pair of check digits in 02..98 passes mod 97.
    wrong = "%02d" % rng.choice([x for x in range(2, 99) if x != int(compact[2:4])])
    out = compact[:2] + wrong + compact[4:]
    return out if " " not in value else group(out, [4] * 9, " ")


BIC_COUNTRIES = ["DE", "FR", "GB", "IT", "ES", "NL", "CH", "US", "JP", "CN", "BR",
                 "IN", "BE", "AT", "SE"]


def gen_bic(rng):
    bank = rand(rng, UPPER, 4)
    location = rng.choice(UPPER) + rng.choice(UPPER.replace("O", "") + "123456789")
    branch = rng.choice(["", "", "XXX", rng.choice(UPPER[:23]) + rand(rng, UPPER + DIGITS, 2)])
    return bank + rng.choice(BIC_COUNTRIES) + location + branch


def gen_btc(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return base58check(b"\x00" + rng.randbytes(20))
    if kind == 1:
        return base58check(b"\x05" + rng.randbytes(20))
    if kind == 2:
        return segwit_address(0, rng.randbytes(rng.choice([20, 32])))
    return segwit_address(1, rng.randbytes(32))


def gen_eth(rng):
    hex40 = rng.randbytes(20).hex()
    return eip55(hex40) if rng.random() < 0.8 else "0x" + hex40


def gen_crypto(rng):
    return gen_btc(rng) if rng.random() < 0.6 else gen_eth(rng)


def gen_ipv4(rng):
    while True:
        a = rng.choice([rng.randrange(1, 224), 10, 172, 192])
        b = rng.randrange(256) if a != 172 else rng.randrange(16, 32)
        if a == 192 and rng.random() < 0.5:
            b = 168
        ip = (a, b, rng.randrange(256), rng.randrange(1, 255))
        if a in (0, 127) or (a, b, ip[2]) in ((192, 0, 2), (198, 51, 100), (203, 0, 113)):
            continue
        return "%d.%d.%d.%d" % ip


def gen_ipv6(rng):
    groups = [rng.choice(["2a00", "2a02", "2606", "2607", "2c0f", "2400", "2804"])]
    groups += ["%x" % rng.randrange(0x10000) for _ in range(7)]
    if rng.random() < 0.5:
        cut = rng.randrange(2, 6)
        return ":".join(groups[:cut]) + "::" + ":".join(groups[cut + 2:])
    return ":".join(groups)


def gen_ip(rng):
    return gen_ipv4(rng) if rng.random() < 0.7 else gen_ipv6(rng)


def gen_mac(rng):
    octets = [rng.randrange(256) for _ in range(6)]
    octets[0] &= 0xFE  # unicast
    if all(o == 0 for o in octets):
        octets[5] = 1
    form = rng.randrange(4)
    if form == 3:
        text = "".join("%02x" % o for o in octets)
        if text.isdigit():
            text = text[:-1] + "a"
        return ".".join(text[i:i + 4] for i in range(0, 12, 4))
    fmt = "%02X" if form == 1 else "%02x"
    return (":" if form != 2 else "-").join(fmt % o for o in octets)


def gen_url_credentials(rng):
    user = rng.choice(["admin", "app", "svc_backup", "jdoe", "deploy", "etl", "reader"])
    return user + ":" + rand(rng, ALNUM, rng.randrange(10, 17))


def gen_dob_parts(rng):
    return rng.randrange(1940, 2006), rng.randrange(1, 13), rng.randrange(1, 29)


def gen_dob(rng):
    """A (value, lang) pair: the date in a format that language writes."""
    y, m, d = gen_dob_parts(rng)
    lang = rng.choice(["en", "de", "fr", "es", "it", "pt", "nl", "zh", "ja", "iso"])
    if lang == "iso":
        return "%04d-%02d-%02d" % (y, m, d), lang
    if lang == "en":
        return rng.choice(["%s %d, %d" % (MONTHS["en"][m - 1], d, y),
                           "%d %s %d" % (d, MONTHS["en"][m - 1], y),
                           "%02d/%02d/%d" % (m, d, y)]), lang
    if lang in ("zh", "ja"):
        if lang == "ja" and 1950 <= y <= 1988 and rng.random() < 0.5:
            return "昭和%d年%d月%d日" % (y - 1925, m, d), lang
        return "%d年%d月%d日" % (y, m, d), lang
    sep = {"de": ".", "nl": "-"}.get(lang, "/")
    if rng.random() < 0.5:
        return "%02d%s%02d%s%d" % (d, sep, m, sep, y), lang
    month = MONTHS[lang][m - 1]
    if lang in ("es", "pt"):
        return "%d de %s de %d" % (d, month, y), lang
    if lang == "de":
        return "%d. %s %d" % (d, month, y), lang
    return "%d %s %d" % (d, month, y), lang


def gen_person(rng):
    lang = rng.choice(sorted(FIRST) + ["zh", "ja"])
    if lang in CJK_NAMES:
        return rng.choice(CJK_NAMES[lang]), lang
    return rng.choice(FIRST[lang]) + " " + rng.choice(LAST[lang]), lang


STREETS = {
    "us": ["Evergreen Terrace", "Maple Street", "Oak Avenue", "Sunset Blvd",
           "Elm Street", "Park Avenue", "Washington Ave", "Lakeview Drive"],
    "uk": ["Baker Street", "High Street", "Station Road", "Church Lane",
           "Victoria Road", "Kings Road", "Rose Court", "Mill Lane"],
    "de": ["Hauptstraße", "Bahnhofstraße", "Musterstr.", "Schillerstraße",
           "Berliner Allee", "Lindenweg", "Goethestraße"],
    "fr": ["rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel",
           "rue du Faubourg Saint-Honoré", "place Bellecour", "allée des Tilleuls"],
    "es": ["Calle de Alcalá", "Calle Mayor", "Avenida de la Constitución",
           "Paseo de Gracia", "Plaza Mayor", "Calle de Serrano"],
    "it": ["Via Roma", "Via Garibaldi", "Corso Italia", "Piazza Navona", "Viale Mazzini"],
    "br": ["Rua das Flores", "Avenida Paulista", "Rua Augusta", "Alameda Santos",
           "Rua Oscar Freire"],
}
CITIES = {
    "us": [("Springfield", "IL", "627"), ("Austin", "TX", "787"), ("Seattle", "WA", "981"),
           ("Boston", "MA", "021")],
    "uk": [("London", "NW1 6XE"), ("Leeds", "LS1 4AB"), ("Manchester", "M1 1AE")],
    "de": [("10115", "Berlin"), ("80331", "München"), ("50667", "Köln")],
    "fr": [("75002", "Paris"), ("69002", "Lyon"), ("13001", "Marseille")],
    "es": [("28014", "Madrid"), ("08007", "Barcelona"), ("41001", "Sevilla")],
    "it": [("00184", "Roma"), ("20121", "Milano"), ("50122", "Firenze")],
}
CN_PLACES = ["北京市朝阳区建国路", "上海市浦东新区世纪大道", "广州市天河区天河路",
             "深圳市南山区科技园路", "杭州市西湖区文三路", "成都市武侯区人民南路"]
JP_PLACES = ["東京都千代田区千代田", "大阪府大阪市北区梅田", "神奈川県横浜市西区みなとみらい",
             "京都府京都市下京区烏丸通", "北海道札幌市中央区北"]
IN_PLACES = [("Sai Residency, MG Road", "Bengaluru", "560001"),
             ("Sector 15", "Gurgaon", "122001"),
             ("Shanti Apartments, Linking Road", "Mumbai", "400050"),
             ("Anna Salai", "Chennai", "600002")]


def gen_address(rng):
    """A (value, lang) pair: a street address of one of nine countries."""
    country = rng.choice(["us", "uk", "de", "fr", "es", "it", "br", "in", "cn", "jp"])
    n = rng.randrange(1, 300)
    if country == "us":
        city, state, zip3 = rng.choice(CITIES["us"])
        addr = "%d %s" % (n, rng.choice(STREETS["us"]))
        if rng.random() < 0.6:
            addr += ", %s, %s %s%02d" % (city, state, zip3, rng.randrange(100))
        return addr, "en"
    if country == "uk":
        city, postcode = rng.choice(CITIES["uk"])
        addr = "%d%s %s" % (n, rng.choice(["", "", "A", "B"]), rng.choice(STREETS["uk"]))
        return (addr + ", %s %s" % (city, postcode) if rng.random() < 0.6 else addr), "en"
    if country == "de":
        plz, city = rng.choice(CITIES["de"])
        addr = "%s %d%s" % (rng.choice(STREETS["de"]), n % 150 + 1, rng.choice(["", "", "a"]))
        return (addr + ", %s %s" % (plz, city) if rng.random() < 0.6 else addr), "de"
    if country == "fr":
        cp, city = rng.choice(CITIES["fr"])
        addr = "%d%s %s" % (n, rng.choice(["", "", " bis"]), rng.choice(STREETS["fr"]))
        return (addr + ", %s %s" % (cp, city) if rng.random() < 0.6 else addr), "fr"
    if country in ("es", "it"):
        cp, city = rng.choice(CITIES[country])
        addr = "%s %d" % (rng.choice(STREETS[country]), n)
        return (addr + ", %s %s" % (cp, city) if rng.random() < 0.6 else addr), country
    if country == "br":
        addr = "%s, %d" % (rng.choice(STREETS["br"]), n)
        if rng.random() < 0.5:
            addr += " - CEP %05d-%03d" % (rng.randrange(1000, 99999), rng.randrange(1000))
        return addr, "pt"
    if country == "in":
        place, city, pin = rng.choice(IN_PLACES)
        return "%s %d, %s, %s %s" % (rng.choice(["Flat", "House No."]), n, place, city, pin), "en"
    if country == "cn":
        return "%s%d号" % (rng.choice(CN_PLACES), n), "zh"
    return "%s%d-%d-%d" % (rng.choice(JP_PLACES), n % 9 + 1, n % 20 + 1, n % 30 + 1), "ja"


# ---------------------------------------------------------------------------
# National identity numbers. Scored only when a built-in rule reports the
# entity; each has a check digit unless noted, and `mutate` breaks it.

def with_check(body_len, check_fn, first="123456789"):
    def gen(rng):
        body = rng.choice(first) + rand(rng, DIGITS, body_len - 1)
        return body + check_fn(body)
    return gen


def mutate_last(rng, value):
    i = max(i for i, c in enumerate(value) if c.isalnum())
    pool = DIGITS if value[i].isdigit() else UPPER
    return value[:i] + rng.choice([c for c in pool if c != value[i]]) + value[i + 1:]


FAKE_SSNS = {"078-05-1120", "219-09-9999", "457-55-5462", "123-45-6789"}


def gen_ssn(rng):
    while True:
        area = rng.randrange(1, 900)
        value = "%03d-%02d-%04d" % (area, rng.randrange(1, 100), rng.randrange(1, 10000))
        if area != 666 and value not in FAKE_SSNS:
            return value


def nhs_check(body):
    r = 11 - sum(int(c) * (10 - i) for i, c in enumerate(body)) % 11
    return "0" if r == 11 else ("" if r == 10 else str(r))


def gen_nhs(rng):
    while True:
        body = rng.choice("467") + rand(rng, DIGITS, 8)  # issued ranges
        check = nhs_check(body)
        if check:
            return group(body + check, [3, 3, 4], " ")


def gen_sin(rng):
    body = rng.choice("1234567") + rand(rng, DIGITS, 7)
    return group(body + luhn_check(body), [3, 3, 3], rng.choice([" ", "-"]))


def gen_bsn(rng):
    while True:
        body = rng.choice("123456789") + rand(rng, DIGITS, 7)
        r = sum(int(c) * (9 - i) for i, c in enumerate(body)) % 11
        if r < 10:
            return body + str(r)


def gen_pesel(rng):
    y, m, d = rng.randrange(1950, 2006), rng.randrange(1, 13), rng.randrange(1, 29)
    mm = m + (20 if y >= 2000 else 0)
    body = "%02d%02d%02d%04d" % (y % 100, mm, d, rng.randrange(10000))
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(c) * w[i] for i, c in enumerate(body)) % 10) % 10)


def gen_aadhaar(rng):
    body = rng.choice("23456789") + rand(rng, DIGITS, 10)
    return group(body + verhoeff_check(body), [4, 4, 4], rng.choice([" ", " ", ""]))


def cpf_digits(body):
    for n in (10, 11):
        s = sum(int(c) * (n - i) for i, c in enumerate(body))
        r = s * 10 % 11
        body += str(0 if r == 10 else r)
    return body


def gen_cpf(rng):
    while True:
        v = cpf_digits(rand(rng, DIGITS, 9))
        if len(set(v)) > 1:
            return "%s.%s.%s-%s" % (v[:3], v[3:6], v[6:9], v[9:])


NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def gen_nif(rng):
    n = rng.randrange(10 ** 7, 10 ** 8)
    return "%08d%s" % (n, NIF_LETTERS[n % 23])


def gen_nie(rng):
    prefix = rng.choice("XYZ")
    n = rng.randrange(10 ** 7)
    return "%s%07d%s" % (prefix, n, NIF_LETTERS[int("XYZ".index(prefix) * 10 ** 7 + n) % 23])


def gen_nir(rng):
    sex = rng.choice("12")
    body = "%s%02d%02d%02d%03d%03d" % (sex, rng.randrange(40, 100), rng.randrange(1, 13),
                                      rng.randrange(1, 96), rng.randrange(1, 990),
                                      rng.randrange(1, 999))
    key = 97 - int(body) % 97
    return "%s %s %s %s %s %s %02d" % (body[0], body[1:3], body[3:5], body[5:7],
                                       body[7:10], body[10:13], key)


IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
          10, 22, 25, 24, 23]


def gen_codice_fiscale(rng):
    months = "ABCDEHLMPRST"
    body = (rand(rng, "BCDFGHLMNPRSTVZ", 6) + "%02d" % rng.randrange(40, 100) +
            rng.choice(months) + "%02d" % (rng.randrange(1, 29) + rng.choice([0, 40])) +
            rng.choice("ABCDEFGHILM") + "%03d" % rng.randrange(1, 999))
    total = 0
    for i, c in enumerate(body):
        v = int(c) if c.isdigit() else ord(c) - 65
        total += IT_ODD[v] if i % 2 == 0 else v
    return body + chr(65 + total % 26)


HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def gen_hetu(rng):
    y, m, d = rng.randrange(1950, 2006), rng.randrange(1, 13), rng.randrange(1, 29)
    individual = rng.randrange(2, 900)
    n = int("%02d%02d%02d%03d" % (d, m, y % 100, individual))
    sign = "-" if y < 2000 else "A"
    return "%02d%02d%02d%s%03d%s" % (d, m, y % 100, sign, individual, HETU_CHECK[n % 31])


def gen_personnummer(rng):
    body = "%02d%02d%02d%03d" % (rng.randrange(100), rng.randrange(1, 13),
                                 rng.randrange(1, 29), rng.randrange(1000))
    return "%s-%s%s" % (body[:6], body[6:], luhn_check(body))


def gen_cn_id(rng):
    region = rng.choice(["110101", "310104", "440106", "330106", "510107"])
    body = region + "%04d%02d%02d%03d" % (rng.randrange(1950, 2006), rng.randrange(1, 13),
                                          rng.randrange(1, 29), rng.randrange(1000))
    s = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(body))
    return body + "10X98765432"[s % 11]


def gen_nric(rng):
    prefix = rng.choice("ST")
    digits = rand(rng, DIGITS, 7)
    s = sum(int(c) * w for c, w in zip(digits, [2, 7, 6, 5, 4, 3, 2]))
    s += 4 if prefix == "T" else 0
    return prefix + digits + "JZIHGFEDCBA"[s % 11]


def gen_tfn(rng):
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        body = rng.choice("123456789") + rand(rng, DIGITS, 7)
        for last in DIGITS:
            v = body + last
            if sum(int(c) * w[i] for i, c in enumerate(v)) % 11 == 0:
                return group(v, [3, 3, 3], " ")


def gen_abn(rng):
    w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    while True:  # about one in 89 candidates fits
        v = rng.choice("123456789") + rand(rng, DIGITS, 10)
        digits = [int(c) for c in v]
        digits[0] -= 1
        if sum(d * w[i] for i, d in enumerate(digits)) % 89 == 0:
            return group(v, [2, 3, 3, 3], " ")


def gen_rrn(rng):
    body = "%02d%02d%02d%s%05d" % (rng.randrange(100), rng.randrange(1, 13),
                                   rng.randrange(1, 29), rng.choice("1234"), rng.randrange(100000))
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    check = (11 - sum(int(c) * w[i] for i, c in enumerate(body)) % 11) % 10
    return "%s-%s%d" % (body[:6], body[6:], check)


def gen_my_number(rng):
    body = rand(rng, DIGITS, 11)
    s = 0
    for n in range(1, 12):  # n counts from the digit left of the check digit
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return group(body + str(0 if r <= 1 else 11 - r), [4, 4, 4], " ")


def de_tax_check(body):
    product = 10
    for c in body:
        total = (int(c) + product) % 10 or 10
        product = total * 2 % 11
    return str((11 - product) % 10)


def gen_de_tax_id(rng):
    while True:
        digits = rng.sample("0123456789", 9)
        if digits[0] == "0":
            continue
        repeated = rng.choice(digits)
        digits.insert(rng.randrange(1, 10), repeated)
        body = "".join(digits)
        return group(body + de_tax_check(body), [2, 3, 3, 3], " ")


ABA_PREFIXES = ["%02d" % n for n in list(range(1, 13)) + list(range(21, 33)) +
                list(range(61, 73)) + [80]]


def gen_aba(rng):
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    body = rng.choice(ABA_PREFIXES) + rand(rng, DIGITS, 6)
    s = sum(int(c) * w[i] for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def gen_medicare(rng):
    body = rng.choice("23456") + rand(rng, DIGITS, 7)
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    check = sum(int(c) * w[i] for i, c in enumerate(body)) % 10
    return "%s %s%d %d" % (body[:4], body[4:], check, rng.randrange(1, 10))


def gen_nino(rng):
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in ("GB", "NK", "TN", "ZZ", "BG", "KN", "NT"):
        second = "A"
    return "%s%s %s %s %s %s" % (first, second, rand(rng, DIGITS, 2), rand(rng, DIGITS, 2),
                                 rand(rng, DIGITS, 2), rng.choice("ABCD"))


def gen_pan(rng):
    return rand(rng, UPPER, 3) + "P" + rng.choice(UPPER) + rand(rng, DIGITS, 4) + rng.choice(UPPER)


# ---------------------------------------------------------------------------
# Kinds

@dataclass
class Kind:
    name: str
    entities: List[str]       # a finding of any of these counts
    gen: Callable             # rng -> value, or (value, lang)
    templates: dict           # lang -> [template with {v}]
    keys: List[str] = field(default_factory=list)  # JSON keys that say what it is
    checksum: bool = False    # recall must reach 99 %
    national: bool = False    # scored only when a rule reports the entity
    mutate: Optional[Callable] = None  # rng, value -> invalid look-alike
    # value -> (start, end) of the part that must be found, when only part
    # of what the template carries is sensitive (the password of user:pass).
    part: Optional[Callable] = None


ANY = "any"  # template language when the generator gives none

KINDS = [
    Kind("email", ["EMAIL_ADDRESS"], gen_email, {ANY: [
        "You can reach me at {v} if anything changes.",
        "Mon adresse e-mail est {v}, merci !",
        "Bitte schreiben Sie an {v}.",
        "Mi correo es {v}.",
        "请发邮件到 {v} 联系我。",
        "連絡先は {v} です。",
        "Contact: {v}"]}, keys=["email", "contact_email", "e-mail"]),
    Kind("phone", ["PHONE_NUMBER"], gen_phone, {ANY: [
        "Call me on {v} tomorrow morning.",
        "My mobile number is {v} (WhatsApp works too).",
        "Rufen Sie mich bitte unter {v} an.",
        "Mon numéro : {v}",
        "Mi teléfono es {v}.",
        "Il mio numero è {v}.",
        "我的电话是{v}。",
        "電話番号は{v}です。",
        "Phone: {v}"], "bare": [
        "Call me on {v} tomorrow morning.",
        "My mobile number is {v}.",
        "Rufen Sie mich bitte unter {v} an.",
        "Mi teléfono es {v}.",
        "我的电话是{v}。",
        "Phone: {v}"]}, keys=["phone", "mobile", "telefono"]),
    Kind("credit_card", ["CREDIT_CARD"], gen_card, {ANY: [
        "Please charge my card {v} exp 09/27 for the upgrade.",
        "card number: {v}, billing zip on file",
        "Kartennummer {v}, gültig bis 03/28.",
        "Mon numéro de carte est le {v}.",
        "信用卡号：{v}"]}, keys=["card_number", "card"], checksum=True,
        mutate=mutate_card),
    Kind("iban", ["IBAN_CODE"], gen_iban, {ANY: [
        "Refund the deposit to IBAN {v} please.",
        "Bitte überweisen Sie den Betrag auf {v} bis Freitag.",
        "Mon IBAN : {v}",
        "Mi cuenta es {v}.",
        "bank details: {v}; reference is the booking code"]}, keys=["iban"],
        checksum=True, mutate=mutate_iban),
    Kind("swift_bic", ["SWIFT_CODE"], gen_bic, {ANY: [
        "SWIFT/BIC: {v}",
        "Wire it to BIC {v}, IBAN on the invoice.",
        "code BIC : {v}",
        "Código SWIFT: {v}",
        "codice BIC {v}"]}, keys=["swift", "swift_code", "bic_code"]),
    Kind("crypto", ["CRYPTO"], gen_crypto, {ANY: [
        "Send the refund to {v} please.",
        "my wallet: {v}",
        "Bitcoin-Adresse: {v}",
        "打款到 {v}",
        "adresse du portefeuille : {v}"]}, keys=["wallet", "btc_address", "eth_address"],
        checksum=True),
    Kind("ip_address", ["IP_ADDRESS"], gen_ip, {ANY: [
        "client {v} connected and timed out",
        "Anfrage von {v} blockiert.",
        "connexion depuis {v} refusée",
        "X-Forwarded-For: {v}",
        "来自 {v} 的请求"]}, keys=["ip", "client_ip"]),
    Kind("mac_address", ["MAC_ADDRESS"], gen_mac, {ANY: [
        "wlan0 HWaddr {v}",
        "device MAC {v} joined the network",
        "adresse MAC : {v}",
        "MAC-Adresse {v} gesperrt"]}, keys=["mac", "mac_address"]),
    # The password must be hidden: by this pack's URL rule or a secrets rule.
    Kind("url_credentials", ["URL", "category:secret"], gen_url_credentials, {ANY: [
        "DATABASE_URL=postgres://{v}@db.acme.internal:5432/app",
        "git clone https://{v}@git.acme.io/team/repo.git",
        "broker: amqp://{v}@rabbit.acme.io:5672/",
        "Verbindung: mongodb+srv://{v}@cluster0.mongodb.net/prod"]},
        part=lambda v: (v.index(":") + 1, len(v))),
    Kind("date_of_birth", ["DATE_OF_BIRTH"], gen_dob, {
        "iso": ["DOB: {v}", "date of birth {v}"],
        "en": ["I was born on {v} in Ohio.", "Date of birth: {v}", "DOB {v}"],
        "de": ["Ich bin am {v} geboren.", "Geburtsdatum: {v}", "geb. {v}"],
        "fr": ["Je suis né le {v} à Lyon.", "date de naissance : {v}"],
        "es": ["nacida el {v} en Sevilla", "fecha de nacimiento: {v}", "nacido el {v}"],
        "it": ["Sono nato il {v} a Roma.", "data di nascita: {v}"],
        "pt": ["nascido em {v} no Porto", "data de nascimento: {v}"],
        "nl": ["Ik ben geboren op {v}.", "geboortedatum: {v}"],
        "zh": ["出生日期：{v}", "我出生于{v}。"],
        "ja": ["生年月日：{v}", "{v}生まれです。"]},
        keys=["dob", "birth_date", "date_of_birth", "birthday"]),
    Kind("person", ["PERSON"], gen_person, {
        "en": ["Hi, my name is {v} and I need help with my order.", "Full name: {v}",
               "Name: {v}", "Cardholder: {v}"],
        "de": ["Hallo, ich heiße {v}.", "Mein Name ist {v}."],
        "fr": ["Bonjour, je m'appelle {v}.", "Nom complet : {v}"],
        "es": ["Hola, me llamo {v}.", "Mi nombre es {v}."],
        "it": ["Ciao, mi chiamo {v}.", "Nome completo: {v}"],
        "pt": ["Olá, meu nome é {v}.", "Nome completo: {v}"],
        "nl": ["Hallo, mijn naam is {v}.", "Naam: {v}"],
        "zh": ["你好，我叫{v}，想咨询一下。", "姓名：{v}"],
        "ja": ["私の名前は{v}です。", "氏名：{v}"]},
        keys=["full_name", "customer_name", "姓名"]),
    Kind("location", ["LOCATION"], gen_address, {
        "en": ["Please ship it to {v} by Friday.", "I live at {v}.", "Address: {v}"],
        "de": ["Lieferadresse: {v}", "Ich wohne in der {v}."],
        "fr": ["Livrez au {v}, merci.", "J'habite au {v}."],
        "es": ["Envíelo a {v}, por favor.", "Vivo en {v}."],
        "it": ["Spedite a {v}, grazie.", "Abito in {v}."],
        "pt": ["Entregar na {v}, por favor.", "Moro na {v}."],
        "zh": ["我住在{v}，请寄到这里。", "地址：{v}"],
        "ja": ["住所は{v}です。", "お届け先：{v}"]},
        keys=["address", "shipping_address", "street"]),
]

NATIONAL_IDS = [
    Kind("us_ssn", ["US_SSN"], gen_ssn, {ANY: [
        "My SSN is {v} and I was born in Ohio.", "SSN: {v}",
        "social security number {v}, filing jointly"]}, keys=["ssn"], national=True),
    Kind("uk_nhs", ["UK_NHS"], gen_nhs, {ANY: [
        "NHS number: {v}", "My NHS number is {v}."]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("uk_nino", ["UK_NINO"], gen_nino, {ANY: [
        "National Insurance number: {v}", "NINO {v}"]}, national=True),
    Kind("ca_sin", ["CA_SIN"], gen_sin, {ANY: [
        "SIN: {v}", "my social insurance number is {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("nl_bsn", ["NL_BSN"], gen_bsn, {ANY: [
        "BSN: {v}", "mijn burgerservicenummer is {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("pl_pesel", ["PL_PESEL"], gen_pesel, {ANY: [
        "PESEL: {v}", "numer PESEL {v}"]}, checksum=True, national=True, mutate=mutate_last),
    Kind("in_aadhaar", ["IN_AADHAAR"], gen_aadhaar, {ANY: [
        "Aadhaar: {v}", "my Aadhaar number is {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("in_pan", ["IN_PAN"], gen_pan, {ANY: ["PAN: {v}", "my PAN card number is {v}"]},
         national=True),
    Kind("br_cpf", ["BR_CPF"], gen_cpf, {ANY: ["CPF: {v}", "meu CPF é {v}"]},
         checksum=True, national=True, mutate=mutate_last),
    Kind("es_nif", ["ES_NIF"], gen_nif, {ANY: ["DNI: {v}", "mi NIF es {v}"]},
         checksum=True, national=True, mutate=mutate_last),
    Kind("es_nie", ["ES_NIE"], gen_nie, {ANY: ["NIE: {v}", "mi número NIE es {v}"]},
         checksum=True, national=True, mutate=mutate_last),
    Kind("fr_nir", ["FR_NIR"], gen_nir, {ANY: [
        "numéro de sécurité sociale : {v}", "NIR {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("it_fiscal_code", ["IT_FISCAL_CODE"], gen_codice_fiscale, {ANY: [
        "codice fiscale: {v}", "il mio codice fiscale è {v}"]}, checksum=True,
        national=True, mutate=mutate_last),
    Kind("fi_hetu", ["FI_PERSONAL_IDENTITY_CODE"], gen_hetu, {ANY: [
        "henkilötunnus: {v}", "HETU {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("se_personnummer", ["SE_PERSONNUMMER"], gen_personnummer, {ANY: [
        "personnummer: {v}", "mitt personnummer är {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("cn_resident_id", ["CN_RESIDENT_ID"], gen_cn_id, {ANY: [
        "身份证号：{v}", "我的身份证号码是{v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("sg_nric", ["SG_NRIC_FIN"], gen_nric, {ANY: ["NRIC: {v}", "my NRIC is {v}"]},
         checksum=True, national=True, mutate=mutate_last),
    Kind("au_tfn", ["AU_TFN"], gen_tfn, {ANY: ["TFN: {v}", "my tax file number is {v}"]},
         checksum=True, national=True, mutate=mutate_last),
    Kind("au_abn", ["AU_ABN"], gen_abn, {ANY: ["ABN: {v}", "our ABN is {v}"]},
         checksum=True, national=True, mutate=mutate_last),
    Kind("au_medicare", ["AU_MEDICARE"], gen_medicare, {ANY: [
        "Medicare number: {v}", "my Medicare card is {v}"]}, checksum=True, national=True),
    # Numbers issued since October 2020 carry no check digit: no look-alike.
    Kind("kr_rrn", ["KR_RRN"], gen_rrn, {ANY: ["주민등록번호: {v}", "RRN {v}"]},
         national=True),
    Kind("jp_my_number", ["JP_MY_NUMBER"], gen_my_number, {ANY: [
        "マイナンバー：{v}", "個人番号 {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
    Kind("de_tax_id", ["DE_TAX_ID"], gen_de_tax_id, {ANY: [
        "Steuer-ID: {v}", "Steueridentifikationsnummer {v}"]}, checksum=True,
        national=True, mutate=mutate_last),
    Kind("aba_routing", ["ABA_ROUTING_NUMBER"], gen_aba, {ANY: [
        "routing number: {v}", "ABA {v}"]}, checksum=True, national=True,
        mutate=mutate_last),
]

ALL_KINDS = KINDS + NATIONAL_IDS


# ---------------------------------------------------------------------------
# Harmless look-alikes: each generator returns (value, sentence with {v}).

def la_uuid(rng):
    h = rand(rng, HEX, 32)
    v = "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:])
    return v, rng.choice(["Request {v} failed with status 503.", "session_id={v}",
                          "Anfrage {v} abgebrochen."])


def la_request_id(rng):
    v = rng.choice(["chatcmpl-" + rand(rng, ALNUM, 29), "msg_01" + rand(rng, ALNUM, 22),
                    "req_" + rand(rng, ALNUM, 24), "call_" + rand(rng, ALNUM, 24)])
    return v, rng.choice(["response id {v}", "see {v} in the logs", "id: {v}"])


def la_sha(rng):
    v = rand(rng, HEX, rng.choice([7, 12, 40, 64]))
    return v, rng.choice(["fixed in commit {v}", "sha256 {v}", "digest sha256:{v}",
                          "Revision {v} deployed."])


def la_timestamp(rng):
    y, mo, d = rng.randrange(2015, 2026), rng.randrange(1, 13), rng.randrange(1, 29)
    h, mi, s = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    v = rng.choice(["%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, mo, d, h, mi, s, rng.randrange(1000)),
                    "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, h, mi, s),
                    "%04d-%02d-%02d" % (y, mo, d), "%02d.%02d.%04d" % (d, mo, y),
                    "%02d/%02d/%04d" % (mo, d, y), "%02d:%02d:%02d" % (h, mi, s),
                    "%d" % rng.randrange(1500000000, 1800000000),
                    "%d" % rng.randrange(1500000000000, 1800000000000),
                    "%s %d, %d" % (MONTHS["en"][mo - 1], d, y)])
    return v, rng.choice(["released on {v}", "created_at={v}", "Stand: {v}",
                          "le rapport du {v}", "the meeting is on {v}", "ts={v}"])


def la_version(rng):
    v = rng.choice(["v%d.%d.%d" % (rng.randrange(10), rng.randrange(30), rng.randrange(30)),
                    "%d.%d.%d" % (rng.randrange(1, 20), rng.randrange(100), rng.randrange(1000)),
                    "10.0.%d.%d" % (rng.randrange(10000, 30000), rng.randrange(1, 3000)),
                    "%d.%d.%d.%d" % (rng.randrange(1, 6), rng.randrange(20), rng.randrange(20),
                                     rng.randrange(20)),
                    "535.%d.%02d" % (rng.randrange(200), rng.randrange(100))])
    return v, rng.choice(["upgrade to version {v}", "Python {v} is required",
                          "driver {v} installed", "bump {v} -> next"])


def la_user_agent(rng):
    v = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/%d.0.%d.%d Safari/537.36" % (rng.randrange(100, 130), rng.randrange(1000, 7000),
                                             rng.randrange(10, 300)))
    return v, "User-Agent: {v}"


def la_order(rng):
    v = rng.choice(["%d" % rng.randrange(10 ** 9, 10 ** 10),
                    "ORD-%d-%08d" % (rng.randrange(2018, 2026), rng.randrange(10 ** 8)),
                    "%03d-%03d-%04d" % (rng.randrange(200, 999), rng.randrange(200, 999),
                                        rng.randrange(10000)),
                    "%d" % rng.randrange(10 ** 5, 10 ** 7)])
    return v, rng.choice(["Order #{v} shipped today.", "order no. {v} was refunded",
                          "Bestellnummer {v}", "commande n° {v}", "pedido {v} enviado",
                          "invoice {v} is due"])


def isbn13(rng):
    body = "978" + rand(rng, DIGITS, 9)
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    v = body + str(check)
    return rng.choice([v, "%s-%s-%s-%s-%s" % (v[:3], v[3], v[4:6], v[6:12], v[12])])


def la_isbn(rng):
    return isbn13(rng), rng.choice(["ISBN {v}", "ISBN-13: {v}", "see the book (ISBN {v})"])


def la_port(rng):
    port = rng.choice([3000, 5432, 6379, 8080, 8443, 9200, 27017, 11434])
    v = rng.choice(["localhost:%d" % port, "0.0.0.0:%d" % port, "127.0.0.1:%d" % port,
                    "port %d" % port, ":%d" % port])
    return v, rng.choice(["The service listens on {v}.", "try http://{v}/health",
                          "Der Dienst läuft auf {v}."])


def la_math(rng):
    a, b = rng.randrange(2, 999), rng.randrange(2, 999)
    v = rng.choice(["%d * %d = %d" % (a, b, a * b), "3.14159 * 2 = 6.28318",
                    "x = %d + %d - 8" % (a, b), "2^%d = %d" % (a % 30, 2 ** (a % 30)),
                    "%d / %d ≈ %.4f" % (a, b, a / b), "e = 2.718281828459045"])
    return v, rng.choice(["Compute {v} step by step.", "So {v}.", "答案：{v}"])


def la_reserved_ip(rng):
    v = rng.choice(["127.0.0.1", "0.0.0.0", "::1", "192.0.2.%d" % rng.randrange(1, 255),
                    "198.51.100.%d" % rng.randrange(1, 255),
                    "203.0.113.%d" % rng.randrange(1, 255),
                    "2001:db8::%x" % rng.randrange(1, 0xffff), "255.255.255.0"])
    return v, rng.choice(["bind to {v}", "e.g. ping {v}", "client {v} (documentation)"])


def la_example_email(rng):
    v = rng.choice(["jane.doe", "ops", "test", "admin", "no-reply"]) + "@" + rng.choice(
        ["example.com", "example.org", "example.net", "mail.example.com", "app.test",
         "host.invalid"])
    return v, rng.choice(["e.g. {v}", "Send a test mail to {v}.", "Beispiel: {v}"])


def la_bad_phone(rng):
    v = rng.choice(["+1 555 %03d %04d" % (rng.randrange(1000), rng.randrange(10000)),
                    "(555) %03d-%04d" % (rng.randrange(200, 1000), rng.randrange(10000)),
                    "123 4567", "+1 (000) 000-0000"])
    return v, rng.choice(["placeholder {v}", "Phone format: {v}"])


def la_hex_color(rng):
    v = rng.choice(["#%s" % rand(rng, HEX, 6), "rgb(%d, %d, %d)" % (
        rng.randrange(256), rng.randrange(256), rng.randrange(256))])
    return v, "color: {v};"


def la_price(rng):
    v = rng.choice(["$%d,%03d.%02d" % (rng.randrange(1, 99), rng.randrange(1000), rng.randrange(100)),
                    "%d.%03d,%02d €" % (rng.randrange(1, 99), rng.randrange(1000), rng.randrange(100))])
    return v, rng.choice(["Total: {v}", "Gesamt: {v}"])


def la_eth_tx(rng):
    return "0x" + rng.randbytes(32).hex(), "tx hash {v}"


def la_bad_eth(rng):
    while True:
        good = eip55(rng.randbytes(20).hex())
        letters = [i for i, c in enumerate(good) if i > 1 and c.isalpha()]
        if letters:
            i = rng.choice(letters)
            return good[:i] + good[i].swapcase() + good[i + 1:], "send to {v}"


def la_bad_btc(rng):
    good = gen_btc(rng)
    alphabet = B58 if good[0] in "13" else BECH32
    last = good[-1]
    return good[:-1] + rng.choice([c for c in alphabet if c != last]), "send to {v}"


def la_non_birth_date(rng):
    y, m, d = rng.randrange(2020, 2027), rng.randrange(1, 13), rng.randrange(1, 29)
    v = rng.choice(["%s %d, %d" % (MONTHS["en"][m - 1], d, y), "%02d.%02d.%d" % (d, m, y),
                    "%d de %s de %d" % (d, MONTHS["es"][m - 1], y), "%d年%d月%d日" % (y, m, d)])
    return v, rng.choice(["The invoice is due {v}.", "Termin am {v}.", "entrega el {v}",
                          "会议在{v}举行。"])


def la_bad_iban(rng):
    return mutate_iban(rng, gen_iban(rng)), rng.choice(["IBAN {v}", "Konto: {v}"])


def la_bad_card(rng):
    return mutate_card(rng, gen_card(rng)), rng.choice(["card {v}", "Karte {v}"])


def la_name_like(rng):
    v = rng.choice(["Release Notes", "Support Bot", "Main Street", "New York Times",
                    "Hello World", "Data Pipeline"])
    return v, rng.choice(["Title: {v}", "Project name: {v}", "{v} is great"])


LOOKALIKES = [("uuid", la_uuid), ("request_id", la_request_id), ("hex_hash", la_sha),
              ("timestamp", la_timestamp), ("version", la_version),
              ("user_agent", la_user_agent), ("order_number", la_order), ("isbn", la_isbn),
              ("port", la_port), ("math", la_math), ("reserved_ip", la_reserved_ip),
              ("example_email", la_example_email), ("invalid_phone", la_bad_phone),
              ("hex_color", la_hex_color), ("price", la_price), ("eth_tx_hash", la_eth_tx),
              ("bad_eth_checksum", la_bad_eth), ("bad_btc_checksum", la_bad_btc),
              ("non_birth_date", la_non_birth_date), ("bad_iban", la_bad_iban),
              ("bad_card", la_bad_card), ("name_like_title", la_name_like)]


def national_lookalikes(kinds):
    """Look-alikes for national ids with a broken check digit."""
    out = []
    for kind in kinds:
        if kind.national and kind.mutate:
            def make(rng, kind=kind):
                value = kind.mutate(rng, kind.gen(rng))
                return value, rng.choice(kind.templates[ANY])
            out.append(("bad_" + kind.name, make))
    return out


# ---------------------------------------------------------------------------
# Records

MODELS = ["gpt-4o", "gpt-4o-mini", "deepseek-chat", "claude-3-5-sonnet-20241022"]


def byte_span(text, value, start_char):
    start = len(text[:start_char].encode("utf-8"))
    return start, start + len(value.encode("utf-8"))


def place_in_text(rng, text, line, labels_out, spans):
    """Wraps `text` into a record shape; spans are (char start, label) pairs."""
    shape = rng.randrange(4)
    prefix = rng.choice(FILLER) + " " if rng.random() < 0.5 else ""
    suffix = " " + rng.choice(FILLER) if rng.random() < 0.5 else ""
    full = prefix + text + suffix
    if shape == 0:
        record = {"id": "req-%08d" % rng.randrange(10 ** 8), "model": rng.choice(MODELS),
                  "messages": [{"role": "system", "content": "You are a helpful assistant."},
                               {"role": "user", "content": full}]}
        path = "/messages/1/content"
    elif shape == 1:
        record = {"id": "msg_01" + rand(rng, ALNUM, 22), "model": rng.choice(MODELS),
                  "messages": [{"role": "user",
                                "content": [{"type": "text", "text": full}]}]}
        path = "/messages/0/content/0/text"
    elif shape == 2:
        record = {"id": "chatcmpl-" + rand(rng, ALNUM, 29), "object": "chat.completion",
                  "model": rng.choice(MODELS),
                  "choices": [{"index": 0, "message": {"role": "assistant", "content": full},
                               "finish_reason": "stop"}]}
        path = "/choices/0/message/content"
    else:
        record = {"trace_id": rand(rng, HEX, 32), "span": {"name": "llm.call",
                                                             "input": full}}
        path = "/span/input"
    for start_char, label in spans:
        start, end = byte_span(full, label["value"], len(prefix) + start_char)
        labels_out.append(dict(label, line=line, path=path, start=start, end=end))
    return record


def fill(template, value):
    at = template.index("{v}")
    return template[:at] + value + template[at + 3:], at


def planted_record(rng, kind, line, labels_out):
    made = kind.gen(rng)
    value, lang = made if isinstance(made, tuple) else (made, ANY)
    templates = kind.templates.get(lang) or kind.templates.get(ANY)
    if templates is None:  # a language-specific generator: pick any language
        templates = [t for ts in kind.templates.values() for t in ts]
    label = {"kind": kind.name, "entities": kind.entities, "value": value,
             "lookalike": False, "checksum": kind.checksum, "national": kind.national}
    if kind.keys and rng.random() < 0.3:
        key = rng.choice(kind.keys)
        record = {"id": "evt-%06d" % rng.randrange(10 ** 6), "event": "crm.update",
                  "customer": {key: value, "tier": rng.choice(["free", "pro"])}}
        labels_out.append(dict(label, line=line, path="/customer/" + key, start=0,
                               end=len(value.encode("utf-8"))))
        return record
    text, at = fill(rng.choice(templates), value)
    if kind.part:
        begin, end = kind.part(value)
        label["value"] = value[begin:end]
        at += begin
    return place_in_text(rng, text, line, labels_out, [(at, label)])


def lookalike_record(rng, lookalikes, line, labels_out):
    parts, spans, offset = [], [], 0
    for _ in range(rng.choice([1, 1, 2, 3])):
        name, make = rng.choice(lookalikes)
        value, template = make(rng)
        text, at = fill(template, value)
        spans.append((offset + at, {"kind": name, "entities": [], "value": value,
                                    "lookalike": True, "checksum": False,
                                    "national": False}))
        parts.append(text)
        offset += len(text) + 2
    # "; " keeps one look-alike's last number from running into the next
    # one's words ("653" + "Main Street is great" reads as an address).
    return place_in_text(rng, "; ".join(parts), line, labels_out, spans)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=150,
                        help="planted records per kind (default 150)")
    parser.add_argument("--lookalikes", type=int, default=3000,
                        help="records of harmless look-alikes (default 3000)")
    parser.add_argument("--kinds", help="comma-separated kinds to plant (default all)")
    parser.add_argument("--out", default="-", help="corpus (default stdout)")
    parser.add_argument("--labels", required=True, help="labels JSONL")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    kinds = ALL_KINDS
    if args.kinds:
        wanted = set(args.kinds.split(","))
        kinds = [k for k in ALL_KINDS if k.name in wanted]
        if len(kinds) != len(wanted):
            parser.error("unknown kind in --kinds; known: " +
                         ",".join(k.name for k in ALL_KINDS))
    jobs = [("plant", k) for k in kinds for _ in range(args.per_kind)]
    jobs += [("lookalike", None)] * args.lookalikes
    rng.shuffle(jobs)
    lookalikes = LOOKALIKES + national_lookalikes(kinds)

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    labels = []
    for line, (job, kind) in enumerate(jobs, start=1):
        if job == "plant":
            record = planted_record(rng, kind, line, labels)
        else:
            record = lookalike_record(rng, lookalikes, line, labels)
        out.write(json.dumps(record, ensure_ascii=rng.random() < 0.2) + "\n")
    if out is not sys.stdout:
        out.close()
    with open(args.labels, "w", encoding="utf-8") as f:
        for label in labels:
            f.write(json.dumps(label, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
