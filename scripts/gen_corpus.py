#!/usr/bin/env python3
"""Seeded generator of realistic LLM chat-log JSONL for tests and benchmarks.

    gen_corpus.py --seed 1 --records 3000 --out corpus.jsonl --planted planted.jsonl
    gen_corpus.py --seed 1 --size-mb 100 --out big.jsonl

One record per line, in the shapes veil has to understand: OpenAI/DeepSeek
chat requests (several messages, tool calls), chat.completion responses
(choices, reasoning_content), Anthropic content blocks, prompt/completion,
input/output traces with nested metadata, and a few plain-text log lines.
Text is in several languages and scripts, with JSON escapes (\\n, \\", \\u00e9,
surrogate pairs) and long assistant answers with code.

About --pii-rate of the records get one to three planted values: emails,
phones (+1/+44/+49), Luhn-valid cards, mod-97-valid IBANs, valid-range US
SSNs, AWS AKIA key ids, GitHub ghp_ tokens, OpenAI sk-proj- keys, JWTs and
password= assignments. --planted writes one JSON line per planted value:
{"line": N, "value": "...", "kind": "email"}; N is the 1-based line number.
Planted values are ASCII and never contain characters JSON escapes, so each
appears verbatim in its raw line. Clean records carry hard negatives instead:
UUIDs, ISO timestamps, order numbers, versions, git SHAs and ports.

The same --seed gives the same bytes (random.Random(seed), nothing else).
A megabyte here is 1,000,000 bytes. Python 3 standard library only.
"""
import argparse
import base64
import json
import random
import string
import sys

ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

OPENAI_MODELS = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3-mini",
                 "deepseek-chat", "deepseek-reasoner", "mistral-large-latest",
                 "llama-3.1-70b-instruct"]
ANTHROPIC_MODELS = ["claude-3-5-sonnet-20241022", "claude-3-5-haiku-20241022",
                    "claude-3-opus-20240229"]
COMPLETION_MODELS = ["gpt-3.5-turbo-instruct", "davinci-002", "text-bison"]

SYSTEM_PROMPTS = [
    "You are a helpful assistant.",
    "You are a support agent for Acme Travel. Be concise and friendly.",
    "You are a senior software engineer. Answer with working code.",
    "Tu es un assistant qui répond en français.",
    "Du bist ein hilfreicher Assistent. Antworte auf Deutsch.",
    "あなたは親切なアシスタントです。",
    "Answer only from the attached document. If unsure, say \"I don't know\".",
]

USER_PROMPTS = [
    "How do I reverse a linked list in Python?",
    "Summarize the attached meeting notes in three bullet points.",
    "Write a SQL query that returns the top 5 customers by revenue in 2023.",
    "What's the difference between a process and a thread?",
    "Can you explain how HTTPS certificates are validated?",
    "Translate \"see you tomorrow\" into Spanish and Italian.",
    "Why does my Docker container exit immediately with code 0?",
    "Give me a vegetarian lasagne recipe for 6 people.",
    "Comment puis-je améliorer la performance de ma requête SQL ?",
    "Wie kann ich in Git den letzten Commit rückgängig machen?",
    "¿Cuál es la mejor manera de aprender Rust en 2024?",
    "Объясни, пожалуйста, что такое замыкание в JavaScript.",
    "用三句话解释什么是向量数据库。",
    "Pythonでファイルを一行ずつ読むにはどうすればいいですか？",
    "ما هي أفضل طريقة لتعلم البرمجة؟",
    "Plan a 3-day trip to Lisbon on a budget 🙂",
    "Rewrite this paragraph to sound more formal:\n\"we gotta ship this asap\"",
    "My path is C:\\Users\\dev\\projects\\app and npm can't find node_modules.",
    "Fix the bug:\n\tfor i in range(10)\n\t\tprint(i)",
    "Draft a polite reply declining the meeting on Friday.",
]

PARAGRAPHS = [
    "Sure! Here is a short explanation followed by an example you can run.",
    "The key idea is to keep a pointer to the previous node while you walk "
    "the list, and to flip each `next` pointer as you go.",
    "A process has its own address space; threads share the address space of "
    "their process, which makes communication cheap but needs locking.",
    "When the browser connects, the server sends its certificate chain. The "
    "client checks each signature up to a trusted root, then the host name, "
    "then the validity dates and revocation status.",
    "Le plus simple est d'ajouter un index sur les colonnes utilisées dans la "
    "clause WHERE, puis de vérifier le plan d'exécution avec EXPLAIN.",
    "Mit `git reset --soft HEAD~1` bleibt die Änderung im Index erhalten; mit "
    "`--hard` wird sie verworfen. Vorsicht bei bereits gepushten Commits.",
    "Empieza con \"The Rust Programming Language\" y haz los ejercicios de "
    "Rustlings; después escribe una pequeña herramienta de línea de comandos.",
    "Замыкание — это функция вместе с лексическим окружением, в котором она "
    "была создана.",
    "向量数据库把文本转换成嵌入向量，并按相似度检索最接近的结果。",
    "A container stops when its main process exits. If your CMD starts a "
    "daemon that forks into the background, PID 1 ends and Docker stops.",
    "Day 1: Alfama and the castle. Day 2: Belém and the LX Factory. Day 3: a "
    "day trip to Sintra by train (about 40 minutes) ☀️",
    "Let me know if you'd like me to adapt this to your exact schema.",
]

CODE_SNIPPETS = [
    "```python\ndef reverse(head):\n    prev = None\n    while head:\n"
    "        head.next, prev, head = prev, head, head.next\n    return prev\n```",
    "```sql\nSELECT c.name, SUM(o.total) AS revenue\nFROM customers c\n"
    "JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= '2023-01-01'\n"
    "GROUP BY c.name\nORDER BY revenue DESC\nLIMIT 5;\n```",
    "```js\nconst counter = () => {\n  let n = 0;\n  return () => ++n;\n};\n"
    "console.log(\"next:\", counter()());\n```",
    "```bash\nset -euo pipefail\nfor f in logs/*.jsonl; do\n"
    "  jq -c 'select(.level == \"error\")' \"$f\"\ndone\n```",
    "```python\nwith open(\"data.txt\", encoding=\"utf-8\") as f:\n"
    "    for line in f:\n        print(line.rstrip(\"\\n\"))\n```",
    "```dockerfile\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n"
    "CMD [\"python\", \"-m\", \"app\"]\n```",
]

TOOLS = ["get_weather", "search_flights", "lookup_order", "send_email",
         "create_ticket"]
FIRST = ["maria", "john", "li", "aisha", "sanjay", "olga", "lucas", "yuki",
         "fatima", "noah", "emma", "kwame", "sofia", "mateo", "ingrid"]
LAST = ["keller", "smith", "wei", "khan", "patel", "ivanova", "martin",
        "tanaka", "haddad", "brown", "dubois", "mensah", "rossi", "garcia",
        "larsen"]
# Real-looking domains: the email rule lets RFC 2606 names (example.com) through.
DOMAINS = ["acme-corp.io", "globex.co.uk", "initech.de", "contoso.com",
           "proton.me", "hooli.xyz", "umbrella-corp.net", "wayne-enterprises.org"]


# ---------------------------------------------------------------------------
# Planted values: each generator returns a value that is valid for its kind.

def luhn_check_digit(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:  # positions that get doubled once the check digit is appended
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def gen_card(rng):
    kind = rng.choice(["visa", "mastercard", "amex", "discover"])
    if kind == "visa":
        prefix, length = "4", 16
    elif kind == "mastercard":
        prefix, length = rng.choice(["51", "52", "53", "54", "55", "2221"]), 16
    elif kind == "amex":
        prefix, length = rng.choice(["34", "37"]), 15
    else:
        prefix, length = "6011", 16
    body = prefix + "".join(rng.choice(string.digits)
                            for _ in range(length - len(prefix) - 1))
    number = body + luhn_check_digit(body)
    sep = rng.choice([" ", "-", ""])
    if length == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i:i + 4] for i in range(0, 16, 4)]
    return sep.join(groups)


# Country -> BBAN layout: n = digit, a = upper-case letter, c = either.
IBAN_LAYOUTS = {
    "DE": "n" * 18, "GB": "a" * 4 + "n" * 14, "FR": "n" * 10 + "c" * 11 + "nn",
    "NL": "a" * 4 + "n" * 10, "ES": "n" * 20, "IT": "a" + "n" * 10 + "c" * 12,
    "BE": "n" * 12, "CH": "n" * 17, "AT": "n" * 16, "PL": "n" * 24,
}


def iban_check_digits(country, bban):
    rearranged = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return "%02d" % (98 - int(numeric) % 97)


def gen_iban(rng):
    country = rng.choice(sorted(IBAN_LAYOUTS))
    pools = {"n": string.digits, "a": string.ascii_uppercase,
             "c": string.ascii_uppercase + string.digits}
    bban = "".join(rng.choice(pools[k]) for k in IBAN_LAYOUTS[country])
    iban = country + iban_check_digits(country, bban) + bban
    if rng.random() < 0.5:
        return iban
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


FAKE_SSNS = {"078051120", "219099999", "457555462", "123456789"}


def gen_ssn(rng):
    while True:
        area = rng.randrange(1, 900)
        if area == 666:
            continue
        value = "%03d%02d%04d" % (area, rng.randrange(1, 100),
                                  rng.randrange(1, 10000))
        if value not in FAKE_SSNS:
            return "%s-%s-%s" % (value[:3], value[3:5], value[5:])


def digits(rng, n, first="123456789"):
    return rng.choice(first) + "".join(rng.choice(string.digits)
                                       for _ in range(n - 1))


# Assigned area codes: libphonenumber rejects numbers in unassigned ones.
US_AREAS = ["201", "212", "213", "305", "312", "404", "415", "503", "617",
            "646", "702", "713", "718", "818", "917"]


def gen_phone(rng):
    form = rng.randrange(9)
    if form == 0:
        return "+1 (%s) %s-%s" % (rng.choice(US_AREAS),
                                  digits(rng, 3, "23456789"), digits(rng, 4))
    if form == 1:
        return "+1 %s-%s-%s" % (rng.choice(US_AREAS),
                                digits(rng, 3, "23456789"), digits(rng, 4))
    if form == 2:
        return "+1%s%s%s" % (rng.choice(US_AREAS),
                             digits(rng, 3, "23456789"), digits(rng, 4))
    if form == 3:
        return "+44 20 %s %s" % (digits(rng, 4, "378"), digits(rng, 4))
    if form == 4:
        return "+44 7%s %s" % (digits(rng, 3, "45789"), digits(rng, 6))
    if form == 5:
        return "+44 161 %s %s" % (digits(rng, 3), digits(rng, 4))
    if form == 6:
        return "+49 30 %s" % digits(rng, 8)
    if form == 7:
        return "+49 (0)%s %s" % (rng.choice(["30", "89", "40", "221"]),
                                 digits(rng, 7))
    return "+49 15%s %s" % (rng.choice("1279"), digits(rng, 8))


def gen_email(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice([first + "." + last, first[0] + "." + last,
                        first + last + str(rng.randrange(10, 99)),
                        first + "_" + last, first + "+billing"])
    return local + "@" + rng.choice(DOMAINS)


def random_string(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def gen_aws(rng):
    return "AKIA" + random_string(rng, BASE32, 16)


def gen_github(rng):
    return "ghp_" + random_string(rng, ALNUM, 36)


def gen_openai(rng):
    n = rng.choice([58, 74])
    return ("sk-proj-" + random_string(rng, B64URL, n) + "T3BlbkFJ" +
            random_string(rng, B64URL, n - 1) + rng.choice(ALNUM))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def gen_jwt(rng):
    header = {"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}
    iat = 1700000000 + rng.randrange(30000000)
    payload = {"sub": str(rng.randrange(10 ** 6, 10 ** 7)),
               "name": rng.choice(FIRST).title() + " " + rng.choice(LAST).title(),
               "iat": iat, "exp": iat + 3600}
    sig_len = 32 if header["alg"] == "HS256" else 256
    signature = bytes(rng.randrange(256) for _ in range(sig_len))
    return ".".join([b64url(json.dumps(header, separators=(",", ":")).encode()),
                     b64url(json.dumps(payload, separators=(",", ":")).encode()),
                     b64url(signature)])


def gen_password(rng):
    while True:
        value = random_string(rng, ALNUM, rng.randrange(10, 17))
        if (any(c.isdigit() for c in value) and any(c.islower() for c in value)
                and any(c.isupper() for c in value)):
            return value


# kind -> (generator, sentence templates around the value)
PLANTS = {
    "email": (gen_email, [
        "You can reach me at {v} if anything changes.",
        "Please forward the invoice to {v} and cc the team.",
        "Mon adresse e-mail est {v}, merci !",
        "Contact: {v}",
    ]),
    "phone": (gen_phone, [
        "Call me on {v} tomorrow morning.",
        "My mobile number is {v} (WhatsApp works too).",
        "Rufen Sie mich bitte unter {v} an.",
        "Phone: {v}",
    ]),
    "credit_card": (gen_card, [
        "Please charge my card {v} exp 09/27 for the upgrade.",
        "card number: {v}, billing zip on file",
        "Use the Visa/MC ending... actually here is the full one: {v} thanks",
    ]),
    "iban": (gen_iban, [
        "Refund the deposit to IBAN {v} please.",
        "Bitte überweisen Sie den Betrag auf {v} bis Freitag.",
        "bank details: {v}; reference is the booking code",
    ]),
    "us_ssn": (gen_ssn, [
        "My SSN is {v} and I was born in Ohio.",
        "SSN: {v}",
        "For the tax form: social security number {v}, filing jointly.",
    ]),
    "aws_key": (gen_aws, [
        "aws_access_key_id = {v}",
        "I exported AWS_ACCESS_KEY_ID={v} but the upload still fails.",
        "Here is my config:\n[default]\naws_access_key_id={v}\nregion=eu-west-1",
    ]),
    "github_token": (gen_github, [
        "GITHUB_TOKEN={v}",
        "the CI uses token {v} to push tags",
        "curl -H \"Authorization: token {v}\" https://api.github.com/user",
    ]),
    "openai_key": (gen_openai, [
        "client = OpenAI(api_key=\"{v}\")",
        "OPENAI_API_KEY={v}",
        "my key is {v} why do I get 429?",
    ]),
    "jwt": (gen_jwt, [
        "Authorization: Bearer {v}",
        "the session cookie is token={v} and it expires too early",
    ]),
    "password": (gen_password, [
        "Connect with user=svc_app password={v} host=db.internal",
        "The login still fails with password={v} after the reset.",
        "config:\nusername=admin\npassword={v}\nretries=3",
    ]),
}
PLANT_KINDS = sorted(PLANTS)


# ---------------------------------------------------------------------------
# Hard negatives: look a little like sensitive values, are not.

def gen_uuid(rng):
    h = random_string(rng, HEX, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"),
                                  h[17:20], h[20:32])


def gen_iso(rng):
    return "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24),
        rng.randrange(60), rng.randrange(60), rng.randrange(1000))


def gen_negative(rng):
    form = rng.randrange(7)
    if form == 0:
        return "Request %s failed at %s with status 503." % (gen_uuid(rng),
                                                            gen_iso(rng))
    if form == 1:
        return "Order #%d shipped on 2024-%02d-%02d (ref ORD-2024-%08d)." % (
            rng.randrange(10000, 999999), rng.randrange(1, 13),
            rng.randrange(1, 29), rng.randrange(10 ** 8))
    if form == 2:
        return "Upgrading from v%d.%d.%d to v%d.%d.%d broke the build at commit %s." % (
            rng.randrange(1, 5), rng.randrange(20), rng.randrange(20),
            rng.randrange(5, 9), rng.randrange(20), rng.randrange(20),
            random_string(rng, HEX, rng.choice([7, 12, 40])))
    if form == 3:
        port = rng.choice([3000, 5432, 6379, 8080, 8443, 9200, 27017])
        return "The service listens on port %d (try http://localhost:%d/health)." % (
            port, port)
    if form == 4:
        return "Build %d took %.2fs and used %d MiB; total cost 1,234.56 EUR." % (
            rng.randrange(1000, 99999), rng.random() * 300, rng.randrange(64, 4096))
    if form == 5:
        return "Python 3.11.7, numpy==1.26.4, CUDA 12.2, driver 535.104.05."
    return "Timestamp %d ms, trace %s, span %s." % (
        1700000000000 + rng.randrange(10 ** 10), random_string(rng, HEX, 32),
        random_string(rng, HEX, 16))


# ---------------------------------------------------------------------------
# Records

class Planter:
    """Decides which records carry planted values and remembers them."""

    def __init__(self, rng, rate):
        self.rng = rng
        self.rate = rate
        self.pending = []  # (value, kind) planted in the current record

    def start_record(self):
        self.pending = []
        return self.rng.random() < self.rate

    def sentence(self, kind=None):
        kind = kind or self.rng.choice(PLANT_KINDS)
        generator, templates = PLANTS[kind]
        value = generator(self.rng)
        self.pending.append((value, kind))
        return self.rng.choice(templates).format(v=value)


def user_text(rng, planter, plant):
    parts = [rng.choice(USER_PROMPTS)]
    if rng.random() < 0.3:
        parts.append(gen_negative(rng))
    if plant:
        for _ in range(rng.choice([1, 1, 1, 2])):
            parts.insert(rng.randrange(len(parts) + 1), planter.sentence())
    return rng.choice([" ", "\n", "\n\n"]).join(parts)


def assistant_text(rng, long=False):
    n = rng.randrange(3, 8) if long else rng.randrange(1, 3)
    parts = [rng.choice(PARAGRAPHS) for _ in range(n)]
    if long or rng.random() < 0.3:
        parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(CODE_SNIPPETS))
    if rng.random() < 0.2:
        parts.append(gen_negative(rng))
    return "\n\n".join(parts)


def tool_call(rng, planter, plant):
    name = rng.choice(TOOLS)
    args = {"query": rng.choice(["Lisbon", "order status", "refund", "weather"]),
            "limit": rng.randrange(1, 20)}
    if plant:
        args["contact"] = planter.sentence(rng.choice(["email", "phone"]))
    return {"id": "call_" + random_string(rng, ALNUM, 24), "type": "function",
            "function": {"name": name, "arguments": json.dumps(args)}}


def chat_request(rng, planter, plant):
    messages = []
    if rng.random() < 0.7:
        messages.append({"role": "system", "content": rng.choice(SYSTEM_PROMPTS)})
    turns = rng.randrange(1, 5)
    plant_turn = rng.randrange(turns)
    for t in range(turns):
        messages.append({"role": "user",
                         "content": user_text(rng, planter, plant and t == plant_turn)})
        if t < turns - 1:
            if rng.random() < 0.2:
                messages.append({"role": "assistant", "content": None,
                                 "tool_calls": [tool_call(rng, planter, False)]})
                messages.append({"role": "tool", "tool_call_id": "call_1",
                                 "content": json.dumps({"status": "ok",
                                                        "items": rng.randrange(9)})})
            messages.append({"role": "assistant",
                             "content": assistant_text(rng, rng.random() < 0.3)})
    record = {"id": "req-%08d" % rng.randrange(10 ** 8),
              "model": rng.choice(OPENAI_MODELS), "messages": messages,
              "temperature": rng.choice([0, 0.2, 0.7, 1.0]),
              "max_tokens": rng.choice([256, 1024, 4096]),
              "stream": rng.random() < 0.3}
    if rng.random() < 0.4:
        record["metadata"] = {"user_id": rng.randrange(10 ** 6),
                              "session": gen_uuid(rng), "ab_bucket": rng.randrange(4),
                              "client": {"sdk": "openai-python",
                                         "version": "1.%d.%d" % (rng.randrange(60),
                                                                 rng.randrange(10))}}
    return record


def chat_response(rng, planter, plant):
    model = rng.choice(OPENAI_MODELS)
    message = {"role": "assistant", "content": assistant_text(rng, rng.random() < 0.5)}
    if plant:
        if rng.random() < 0.3:
            message["tool_calls"] = [tool_call(rng, planter, True)]
        else:
            message["content"] = ("As requested, I noted: " + planter.sentence() +
                                  "\n\n" + message["content"])
    if model == "deepseek-reasoner":
        message["reasoning_content"] = "The user asks something simple. " + rng.choice(PARAGRAPHS)
    prompt_tokens = rng.randrange(20, 4000)
    completion_tokens = rng.randrange(5, 2000)
    return {"id": "chatcmpl-" + random_string(rng, ALNUM, 29),
            "object": "chat.completion", "created": 1700000000 + rng.randrange(30000000),
            "model": model,
            "choices": [{"index": 0, "message": message, "logprobs": None,
                         "finish_reason": rng.choice(["stop", "stop", "length", "tool_calls"])}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens},
            "system_fingerprint": "fp_" + random_string(rng, HEX, 10)}


def anthropic_record(rng, planter, plant):
    blocks = [{"type": "text", "text": user_text(rng, planter, plant)}]
    if rng.random() < 0.3:
        blocks.append({"type": "text", "text": gen_negative(rng)})
    record = {"id": "msg_" + random_string(rng, ALNUM, 24),
              "model": rng.choice(ANTHROPIC_MODELS), "max_tokens": 1024,
              "system": rng.choice(SYSTEM_PROMPTS),
              "messages": [{"role": "user", "content": blocks}]}
    if rng.random() < 0.6:
        record["messages"].append(
            {"role": "assistant",
             "content": [{"type": "text", "text": assistant_text(rng, rng.random() < 0.4)}]})
        record["stop_reason"] = "end_turn"
        record["usage"] = {"input_tokens": rng.randrange(10, 3000),
                           "output_tokens": rng.randrange(10, 3000)}
    return record


def completion_record(rng, planter, plant):
    return {"id": "cmpl-" + random_string(rng, ALNUM, 20),
            "model": rng.choice(COMPLETION_MODELS),
            "prompt": user_text(rng, planter, plant),
            "completion": assistant_text(rng),
            "logprobs": None, "latency_ms": round(rng.random() * 5000, 3)}


def trace_record(rng, planter, plant):
    where = rng.randrange(3) if plant else -1
    metadata = {"user": {"tier": rng.choice(["free", "pro", "enterprise"]),
                         "org": {"id": "org-" + random_string(rng, ALNUM, 12),
                                 "region": rng.choice(["eu-west-1", "us-east-2"])}},
                "tags": ["prod", rng.choice(["rag", "agent", "chat"])],
                "scores": [round(rng.random(), 4) for _ in range(3)],
                "cost_usd": rng.random() / 1000, "cached": rng.random() < 0.5}
    if where == 2:
        kind = rng.choice(["email", "phone"])
        value = PLANTS[kind][0](rng)
        planter.pending.append((value, kind))
        metadata["user"]["contact"] = value
    return {"trace_id": random_string(rng, HEX, 32), "timestamp": gen_iso(rng),
            "span": {"name": "llm.call", "input": user_text(rng, planter, where == 0),
                     "output": (("Noted. " + planter.sentence() + " ") if where == 1 else "")
                               + assistant_text(rng)},
            "metadata": metadata}


def text_line(rng, planter, plant):
    line = "%s %s %s request_id=%s model=%s latency_ms=%d status=%d" % (
        gen_iso(rng), rng.choice(["INFO", "WARN", "DEBUG"]),
        rng.choice(["gateway", "worker-3", "router"]), gen_uuid(rng),
        rng.choice(OPENAI_MODELS), rng.randrange(50, 9000),
        rng.choice([200, 200, 429, 500, 502]))
    if plant:
        line += " msg=\"" + planter.sentence().replace("\n", " ") + "\""
    return line


SHAPES = [(chat_request, 40), (chat_response, 25), (anthropic_record, 12),
          (completion_record, 8), (trace_record, 12), (text_line, 3)]


def make_record(rng, planter):
    plant = planter.start_record()
    shape = rng.choices([s for s, _ in SHAPES], weights=[w for _, w in SHAPES])[0]
    record = shape(rng, planter, plant)
    if isinstance(record, str):
        return record
    compact = rng.random() < 0.5
    return json.dumps(record, ensure_ascii=rng.random() < 0.3,
                      separators=(",", ":") if compact else (", ", ": "))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--size-mb", type=float, help="stop after this many MB (10^6 bytes)")
    size.add_argument("--records", type=int, help="number of records (default 1000)")
    parser.add_argument("--out", default="-", help="output file (default stdout)")
    parser.add_argument("--planted", help="write planted values here (JSONL)")
    parser.add_argument("--pii-rate", type=float, default=0.02,
                        help="fraction of records with planted values (default 0.02)")
    args = parser.parse_args()
    if not 0 <= args.pii_rate <= 1:
        parser.error("--pii-rate must be between 0 and 1")

    rng = random.Random(args.seed)
    planter = Planter(rng, args.pii_rate)
    limit_bytes = int(args.size_mb * 1_000_000) if args.size_mb is not None else None
    limit_records = args.records if args.records is not None else (
        None if limit_bytes is not None else 1000)

    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    planted = open(args.planted, "w", encoding="utf-8") if args.planted else None
    written = 0
    line_no = 0
    while True:
        if limit_records is not None and line_no >= limit_records:
            break
        if limit_bytes is not None and written >= limit_bytes:
            break
        data = (make_record(rng, planter) + "\n").encode("utf-8")
        line_no += 1
        written += len(data)
        out.write(data)
        if planted:
            for value, kind in planter.pending:
                planted.write(json.dumps({"line": line_no, "value": value,
                                          "kind": kind}) + "\n")
    out.flush()
    if out is not sys.stdout.buffer:
        out.close()
    if planted:
        planted.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
