"""One whole DVO round played through the REST API alone, as an outside client would: no Django, no database,
only HTTP with tokens.

    .venv/bin/python bench/api_round.py --url http://127.0.0.1:8000 --token <staff token> \\
        [--secretary GLM=<token> --secretary TWN=<token> ...] [--slug vs-api-ronde]

Tokens: `manage.py drf_create_token <username>` (a programme staff user; optionally DVO secretaries). The steps:

1. a new process (POST /api/processes/) and ten priorities on its long list (POST /api/priorities/);
2. the BBG's consent and sending the list (POST /api/long-lists/<process>/approve/ and /send/);
3. the round: create, a deadline for every DVO (from GET /api/districts/), open;
4. every DVO's seven: with its secretary's token where given, else by staff on its behalf with a reason; first a
   wrong one of six, which must be refused with the code ``ballot_wrong_count``;
5. the progress, closing the round, the ranked result (GET /api/results/<process>/);
6. the BBG's top five (the five ranked highest, each with an ambition) recorded and confirmed.

Prints each request with its status and time, and the totals; exits 1 when an answer is not the expected one.
The script is its own documentation of the API's round trip (README, "API"); tests/test_bench_api_round.py runs
it against a live server.
"""

import argparse
import datetime
import json
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field


class Unexpected(Exception):
    pass


@dataclass
class Client:
    base: str
    token: str
    log: list = field(default_factory=list)

    def call(self, method: str, path: str, body=None, *, expect: int = 200, token: str | None = None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base.rstrip("/") + path, data=data, method=method)  # noqa: S310
        request.add_header("Authorization", f"Token {token or self.token}")
        request.add_header("Accept", "application/json")
        request.add_header("Accept-Language", "nl")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (the URL is the caller's)
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        seconds = time.perf_counter() - started
        self.log.append((method, path, status, seconds))
        print(f"{method:5} {path:55} {status} {seconds * 1000:7.1f} ms")
        payload = json.loads(raw) if raw else None
        if status != expect:
            raise Unexpected(f"{method} {path}: {status}, expected {expect}: {raw[:500]!r}")
        return payload


def results(page):
    return page["results"] if isinstance(page, dict) and "results" in page else page


def play(base: str, token: str, secretaries: dict[str, str], slug: str, year: int = 2031) -> dict:
    """Play the round; return the ranked result and the confirmed decision."""
    api = Client(base, token)
    api.call(
        "POST",
        "/api/processes/",
        {
            "slug": slug,
            "title": f"Veiligheidsstrategie {year}-{year + 3} (via de API)",
            "short_name": f"VS {year}-{year + 3} API",
            "period_start_year": year,
            "period_end_year": year + 3,
        },
        expect=201,
    )
    priorities = [
        api.call(
            "POST",
            "/api/priorities/",
            {"process": slug, "title": f"Prioriteit {n}", "description": f"Waarom prioriteit {n} ertoe doet."},
            expect=201,
        )["id"]
        for n in range(1, 11)
    ]
    api.call("POST", f"/api/long-lists/{slug}/approve/", {"approved_on": f"{year - 1}-03-22"})
    api.call("POST", f"/api/long-lists/{slug}/send/", {"sent_on": f"{year - 1}-03-26"})

    api.call("POST", "/api/rounds/", {"process": slug}, expect=201)
    districts = [district["code"] for district in results(api.call("GET", "/api/districts/"))]
    deadline = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=14)).replace(microsecond=0)
    for code in districts:
        api.call("POST", f"/api/rounds/{slug}/deadline/", {"district": code, "deadline": deadline.isoformat()})
    api.call("POST", f"/api/rounds/{slug}/open/")

    # A wrong choice first: six instead of seven, refused with its stable code.
    first = districts[0]
    wrong = {"process": slug, "district": first, "priorities": priorities[:6], "on_behalf_reason": "Test"}
    refusal = api.call("POST", "/api/ballots/", wrong, expect=400, token=secretaries.get(first))
    codes = [error["code"] for error in refusal["errors"]]
    if codes != ["ballot_wrong_count"]:
        raise Unexpected(f"a ballot of six: codes {codes}, expected ['ballot_wrong_count']")
    for index, code in enumerate(districts):
        # Each DVO its own seven, in order of preference: the first priorities are chosen by the most DVOs.
        chosen = (priorities[:5] + priorities[5 + index % 5 :] + priorities[5:])[:7]
        body = {
            "process": slug,
            "district": code,
            "priorities": chosen,
            "preferences": {str(pk): place for place, pk in enumerate(chosen, start=1)},
            "council_involvement": "informed",
        }
        if code not in secretaries:
            body["on_behalf_reason"] = f"Keuze van DVO {code} doorgegeven per e-mail"
        api.call("POST", "/api/ballots/", body, expect=201, token=secretaries.get(code))
    progress = api.call("GET", f"/api/rounds/{slug}/progress/")
    if progress["chosen"] != len(districts):
        raise Unexpected(f"progress {progress}, expected every DVO")
    api.call("POST", f"/api/rounds/{slug}/close/")
    result = api.call("GET", f"/api/results/{slug}/")

    top_five = [row["priority"]["id"] for row in result["ranking"][:5]]
    decision = {
        "process": slug,
        "decided_on": f"{year - 1}-06-07",
        "chosen": [{"priority": pk, "ambition": f"Ambitie bij prioriteit {pk}"} for pk in top_five],
    }
    api.call("POST", "/api/decisions/", decision, expect=201)
    confirmed = api.call("POST", f"/api/decisions/{slug}/confirm/")
    total = sum(seconds for *_, seconds in api.log)
    print(f"{len(api.log)} requests in {total:.2f} s ({total / len(api.log) * 1000:.1f} ms per request)")
    return {"result": result, "decision": confirmed, "requests": len(api.log), "seconds": total}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the site's address")
    parser.add_argument("--token", required=True, help="an API token of a programme staff user")
    parser.add_argument("--secretary", action="append", default=[], metavar="CODE=TOKEN", help="a DVO secretary")
    parser.add_argument("--slug", default="vs-2031-2034-api", help="the new process's address name")
    parser.add_argument("--year", type=int, default=2031, help="the new process's first year")
    args = parser.parse_args(argv)
    secretaries = dict(item.split("=", 1) for item in args.secretary)
    try:
        play(args.url, args.token, {code.upper(): token for code, token in secretaries.items()}, args.slug, args.year)
    except Unexpected as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
