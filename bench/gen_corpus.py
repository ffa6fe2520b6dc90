#!/usr/bin/env python3
"""Generate a benchmark content repository for civicpost.

    python3 bench/gen_corpus.py --posts 10000 --out DIR [--seed 1]
                                [--roster PATH --config PATH] [--hugo SITE]

DIR becomes a real git repository that looks like a city's decade of posts
(see /work/shared/DESIGN.md, "A content repository"):

* the root commit (authored by a roster admin) holds civicpost.yml,
  content/roster.yml and hooks/pre-commit, copied byte for byte;
* N posts at content/posts/<dept>/<yyyy>/<slug>.md (2016-2026), YAML front
  matter as in DESIGN.md, Markdown bodies from templates and word banks;
* history: for each batch of 1-3 posts a spokesperson of the department
  commits on a feature branch, and a reviewer of the department (or a "*"
  reviewer) merges it into main with a real two-parent merge commit.
  About 4% of batches also edit an older post of the same department, and
  about a quarter of the branches start one merge behind main, as real
  branches do.  About N commits in total, built with one `git fast-import`;
* main is checked out, `git status` is clean.

About 2% of posts contain personal data (a 414-555 phone number, a gmail.com
address or a private street address); ground truth for every planted item
(path, line, column, kind, text) is written to DIR/.git/bench-manifest.json,
outside the work tree.  Everything else uses only the city's own numbers,
addresses and email domains from the config's `allow` lists.

The same seed gives byte-identical files and identical commit ids.

`--hugo SITE` also writes the same posts as a Hugo site (config.toml,
content/<dept>/<yyyy>/<slug>.md, a minimal layout) so Hugo can be timed on
the same Markdown: `hugo --quiet -s SITE -d OUT`.

Python 3.11 standard library only (PyYAML is used when importable, else a
small YAML-subset loader that covers the roster and config).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import struct
import textwrap
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
DEFAULT_CONFIG = os.path.join(TOP, "civicpost.yml")
DEFAULT_ROSTER = os.path.join(TOP, "content", "roster.yml")

# Fixed reference "now" for choosing who may author (authorization not
# expired) and for review_by dates.  Fixed, so output never depends on the clock.
REFERENCE_DATE = "2026-11-15"
HISTORY_START = dt.datetime(2016, 1, 4, 15, 0, tzinfo=dt.timezone.utc)
HISTORY_END = dt.datetime(2026, 11, 13, 22, 0, tzinfo=dt.timezone.utc)

PII_EVERY = 50           # one post in every PII_EVERY gets one planted personal-data item (2%)
STALE_RATE = 0.10        # share of posts whose review_by has passed
EDIT_RATE = 0.04         # share of batches that also edit an older post
BEHIND_RATE = 0.25       # share of branches that start one merge behind main


# --------------------------------------------------------------------------
# Minimal YAML subset loader (fallback when PyYAML is not importable)
# --------------------------------------------------------------------------

def _strip_comment(s: str) -> str:
    out, q = [], None
    for i, c in enumerate(s):
        if q:
            if c == q:
                q = None
        elif c in "'\"":
            q = c
        elif c == "#" and (i == 0 or s[i - 1] in " \t"):
            break
        out.append(c)
    return "".join(out).rstrip()


def _split_flow(s: str) -> list[str]:
    parts, depth, q, cur = [], 0, None, []
    for c in s:
        if q:
            cur.append(c)
            if c == q:
                q = None
            continue
        if c in "'\"":
            q = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
            continue
        cur.append(c)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


def _split_key(s: str):
    """'key: value' -> (key, value) or None.  Handles quoted keys."""
    m = re.match(r'''^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s'"{\[][^:]*?)\s*:(\s+|$)(.*)$''', s)
    if not m:
        return None
    return _scalar(m.group(1)), m.group(3)


def _scalar(s: str):
    s = s.strip()
    if s == "" or s in ("~", "null", "Null", "NULL"):
        return None
    if s.startswith("["):
        return [_scalar(p) for p in _split_flow(s[1:-1])]
    if s.startswith("{"):
        d = {}
        for p in _split_flow(s[1:-1]):
            kv = _split_key(p)
            if kv:
                d[kv[0]] = _scalar(kv[1])
        return d
    if s[0] == '"':
        return json.loads(s)
    if s[0] == "'":
        return s[1:-1].replace("''", "'")
    if s in ("true", "True", "yes"):
        return True
    if s in ("false", "False", "no"):
        return False
    if re.fullmatch(r"[-+]?\d+", s):
        return int(s)
    return s


def mini_yaml_load(text: str):
    lines = []
    for raw in text.splitlines():
        if raw.strip() in ("---", "...") or not raw.strip():
            continue
        body = _strip_comment(raw)
        if not body.strip():
            continue
        lines.append((len(body) - len(body.lstrip(" ")), body.strip()))
    pos = 0

    def block(indent):
        nonlocal pos
        if pos >= len(lines):
            return None
        if lines[pos][1].startswith("- ") or lines[pos][1] == "-":
            return seq(lines[pos][0])
        return mapping(lines[pos][0])

    def value_after(rest, parent_indent):
        nonlocal pos
        if rest.strip() and rest.strip() not in ("|", ">"):
            return _scalar(rest)
        if pos < len(lines) and (lines[pos][0] > parent_indent or
                                 (lines[pos][0] == parent_indent and lines[pos][1].startswith("-"))):
            return block(lines[pos][0])
        return None

    def mapping(indent):
        nonlocal pos
        d = {}
        while pos < len(lines) and lines[pos][0] == indent and not lines[pos][1].startswith("- "):
            kv = _split_key(lines[pos][1])
            pos += 1
            if kv is None:
                continue
            d[kv[0]] = value_after(kv[1], indent)
        return d

    def seq(indent):
        nonlocal pos
        out = []
        while pos < len(lines) and lines[pos][0] == indent and (lines[pos][1].startswith("- ") or lines[pos][1] == "-"):
            item = lines[pos][1][1:].lstrip(" ")
            inner = indent + (len(lines[pos][1]) - len(item))
            pos += 1
            if not item:
                out.append(block(lines[pos][0]) if pos < len(lines) and lines[pos][0] > indent else None)
                continue
            kv = _split_key(item) if not item.startswith(("[", "{", '"', "'")) else None
            if kv is None:
                out.append(_scalar(item))
                continue
            d = {kv[0]: value_after(kv[1], inner)}
            if pos < len(lines) and lines[pos][0] == inner and not lines[pos][1].startswith("- "):
                d.update(mapping(inner))
            out.append(d)
        return out

    return block(0) or {}


def yaml_load(text: str):
    try:
        import yaml  # type: ignore
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except ImportError:
        return mini_yaml_load(text)


# --------------------------------------------------------------------------
# Built-in stand-in config and roster (used only when the files are missing)
# --------------------------------------------------------------------------

STANDIN_CONFIG = """\
site:
  name: City of Milwaukee News
  base_url: https://city.milwaukee.gov/news
  canonical_host: city.milwaukee.gov
publish_branch: main
platforms: [x, facebook, bluesky, mastodon, threads, linkedin, instagram, nextdoor]
allow:
  phones: ["414-286-CITY", "414-286-2489", "311"]
  email_domains: [milwaukee.gov]
  addresses: ["200 E. Wells St.", "814 W. Wisconsin Ave.", "841 N. Broadway"]
  link_hosts: [milwaukee.gov, mpl.org]
access_review_days: 365
require_signed_commits: false
retention: {posts: 7y}
rules:
  link.offsite: notice
"""


def _standin_roster() -> str:
    depts = [
        ("dpw", "Department of Public Works", ["DPW", "Public Works"]),
        ("health", "Milwaukee Health Department", ["MHD", "Health Department"]),
        ("mpl", "Milwaukee Public Library", ["MPL", "Public Library"]),
        ("mfd", "Milwaukee Fire Department", ["MFD", "Fire Department"]),
        ("water", "Milwaukee Water Works", ["MWW", "Water Works"]),
        ("dns", "Department of Neighborhood Services", ["DNS", "Neighborhood Services"]),
        ("clerk", "Office of the City Clerk", ["City Clerk"]),
        ("elections", "Milwaukee Election Commission", ["Election Commission"]),
        ("dcd", "Department of City Development", ["DCD", "City Development"]),
        ("mayor", "Office of the Mayor", ["Mayor's Office"]),
    ]
    first = ["Jordan", "Priya", "Alex", "Maria", "Dwayne", "Mei", "Carlos", "Aisha", "Tom", "Grace",
             "Luis", "Hannah", "Andre", "Nadia", "Kevin", "Rosa", "Ben", "Fatima", "Eric", "Joy"]
    last = ["Ellis", "Natarajan", "Kowalski", "Hernandez", "Washington", "Lin", "Ortiz", "Bello",
            "Schultz", "Nguyen", "Ramirez", "Becker", "Jackson", "Haddad", "O'Brien", "Lopez",
            "Wagner", "Yusuf", "Peterson", "Thao"]
    out = ["# Stand-in roster written by bench/gen_corpus.py (the real one was missing)", "departments:"]
    for slug, name, aliases in depts:
        out += [f"  - slug: {slug}", f"    name: {name}",
                "    aliases: [" + ", ".join(json.dumps(a) for a in aliases) + "]"]
    out.append("people:")
    k = 0
    for slug, _, _ in depts:
        for roles in (["spokesperson"], ["spokesperson"], ["reviewer"]):
            f, l = first[k % 20], last[(k * 7) % 20]
            k += 1
            email = f"{f}.{l}".lower().replace("'", "") + "@milwaukee.gov"
            out += [f"  - name: {json.dumps(f + ' ' + l)}", f"    emails: [{email}]",
                    f"    department: {slug}", f"    roles: [{', '.join(roles)}]",
                    "    authorized_until: 2027-06-30", "    reviewed_on: 2026-07-01"]
    out += ["  - name: Sam Okafor", "    emails: [sam.okafor@milwaukee.gov]",
            '    department: "*"', "    roles: [reviewer, admin]",
            "    authorized_until: 2027-12-31", "    reviewed_on: 2026-07-01",
            "bodies:", "  - slug: common-council", "    name: Common Council",
            "    members: [alder.one@milwaukee.gov, alder.two@milwaukee.gov]", ""]
    return "\n".join(out)


PRE_COMMIT_HOOK = b"""#!/bin/sh
# Checks staged posts against the city's social media policy.
exec civicpost check --staged
"""


# --------------------------------------------------------------------------
# Word banks and templates
# --------------------------------------------------------------------------

STREETS = ["North Avenue", "Capitol Drive", "Wisconsin Avenue", "Lincoln Avenue", "Fond du Lac Avenue",
           "Oklahoma Avenue", "Center Street", "Burleigh Street", "Locust Street", "Teutonia Avenue",
           "Kinnickinnic Avenue", "Water Street", "Brady Street", "Vliet Street", "Greenfield Avenue",
           "Howell Avenue", "Holton Street", "Layton Avenue", "Silver Spring Drive", "Good Hope Road",
           "Mitchell Street", "National Avenue", "Appleton Avenue", "Hampton Avenue", "Keefe Avenue",
           "Villard Avenue", "Forest Home Avenue", "Morgan Avenue", "Humboldt Boulevard", "Lisbon Avenue"]
CROSS = ["6th Street", "12th Street", "20th Street", "27th Street", "35th Street", "43rd Street",
         "51st Street", "60th Street", "76th Street", "84th Street", "Sherman Boulevard",
         "Martin Luther King Jr. Drive", "Oakland Avenue", "Farwell Avenue", "Port Washington Road",
         "Humboldt Boulevard", "Green Bay Avenue", "Cesar Chavez Drive", "Layton Boulevard"]
NEIGHBORHOODS = ["Bay View", "Riverwest", "Sherman Park", "Walker's Point", "Harambee", "Washington Heights",
                 "Clarke Square", "Lindsay Heights", "Tosa Village", "Granville", "Bronzeville",
                 "Historic Mitchell Street", "Silver City", "Lincoln Village", "Story Hill", "Midtown",
                 "Jackson Park", "Enderis Park", "Havenwoods", "the Third Ward"]
BRANCHES = ["Central Library", "Atkinson", "Bay View", "Capitol", "Center Street", "East", "Good Hope",
            "Martin Luther King", "Mill Road", "Mitchell Street", "Tippecanoe", "Villard Square",
            "Washington Park", "Zablocki", "Forest Home", "Tippecanoe"]
PARKS = ["Lake Park", "Washington Park", "Humboldt Park", "Kosciuszko Park", "Mitchell Park",
         "Sherman Park", "Jackson Park", "Lincoln Park", "Veterans Park", "Dineen Park"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
TIMES = ["8 a.m.", "9 a.m.", "10 a.m.", "11 a.m.", "noon", "1 p.m.", "2 p.m.", "3 p.m.", "4 p.m.",
         "5 p.m.", "5:30 p.m.", "6 p.m.", "6:30 p.m.", "7 p.m."]
MONTHS = calendar.month_name

# Each theme: stories (title, summary, intro kept coherent), list items,
# background paragraphs, list headings, link paths, table kinds.  Slots in
# {braces} come from PostMaker.context().  No theme names another department.
THEMES = {
    "roads": {
        "stories": [
            ("{street} closed between {cross1} and {cross2} starting {date}",
             "{street} closes between {cross1} and {cross2} on {date} for repaving. Follow the posted detour.",
             "Crews will close {street} between {cross1} and {cross2} beginning {weekday}, {date}, to replace the "
             "pavement, curb ramps and catch basins. Local access for residents and deliveries will be kept, but "
             "through traffic should use the posted detour. The work is expected to take about {n} weeks."),
            ("Leaf collection starts {date} in {hood}",
             "Leaf collection in {hood} starts {date}. Rake leaves to the curb, not into the street.",
             "Leaf collection begins **{date}** in {hood} and moves through the city by zone. Rake leaves into a "
             "pile at the curb line, not into the street, where they clog storm drains and can cause flooding. "
             "Do not bag leaves for the curb, and keep piles clear of parked cars."),
            ("Street sweeping resumes {date}",
             "Street sweeping resumes {date}. Check the posted signs and move your car on your sweeping day.",
             "Street sweepers return to city streets on {weekday}, {date}. Sweeping keeps debris and litter out "
             "of storm drains and the rivers. Temporary signs are posted at least 24 hours before a street is "
             "swept, and cars left on the posted side may be ticketed."),
            ("Snow emergency parking rules in effect {date}",
             "A snow emergency starts {date} at {time}. Move cars off posted snow routes so plows can clear them.",
             "A snow emergency takes effect {weekday}, {date}, at {time}. Parking is not allowed on posted snow "
             "routes until the emergency ends, so plows can open every lane from curb to curb. Crews work around "
             "the clock until main streets and then side streets are passable."),
            ("Garbage and recycling schedule for the week of {date}",
             "Collection shifts by one day the week of {date}. Set carts at the curb by 7 a.m.",
             "Because of the holiday, garbage and recycling collection will be one day later than usual the "
             "week of {date}. Friday routes will be collected on Saturday. Drop-off centers keep their regular "
             "hours except on the holiday itself."),
            ("Bridge repairs on {street} begin {date}",
             "Repairs to the {street} bridge begin {date}. One lane stays open in each direction.",
             "Repairs to the bridge deck and railings on {street} near {cross1} begin {weekday}, {date}. One "
             "lane will stay open in each direction for most of the project, with short full closures at night "
             "that will be announced ahead of time."),
            ("Pothole repair crews in {hood} this week",
             "Pothole crews are working in {hood} this week. Report potholes through the service request app.",
             "Pothole repair crews are working in {hood} this week, starting with main streets and bus routes. "
             "Freeze and thaw cycles open new potholes quickly in late winter, so crews return to the same "
             "areas several times a season."),
            ("Bulky item pickup appointments open {date}",
             "Bulky item pickup appointments open {date}. Each household may schedule one free pickup a season.",
             "Residents can schedule a free bulky item pickup starting {date}. Furniture, mattresses and large "
             "appliances are picked up at the curb on the scheduled day; items must be out by 7 a.m. and must "
             "fit within a pile of about four cubic yards."),
        ],
        "items": ["Detour: {cross1} to {street2}, then back to {cross2}", "Work hours: {time} to {time2}, weekdays",
                  "Bus routes in the area may be rerouted", "Sidewalks stay open on at least one side",
                  "Parking is restricted on both sides of the work zone", "Expected completion: {date2}",
                  "Set carts at the curb by 7 a.m. on your collection day",
                  "Keep leaf piles a few feet away from carts, parked cars and hydrants",
                  "Crews may return to finish curb ramps after the street reopens",
                  "Electronic message boards will show the detour", "Driveway access may be closed for a day",
                  "Keep children and pets away from equipment"],
        "paras": ["Drivers should slow down in work zones and follow the directions of flaggers. Fines for "
                  "speeding in a work zone are doubled.",
                  "Schedules can change because of weather or equipment. The latest status for each area is "
                  "posted online and updated every afternoon.",
                  "Residents who need an accessible route around the work zone can ask the crew on site or call "
                  "for help during business hours.",
                  "This project is part of the city's plan to repave about 70 miles of local streets each year, "
                  "starting with the streets in the worst condition.",
                  "Storm drains carry rainwater straight to the rivers and the lake without treatment. Keeping "
                  "leaves and litter out of the street keeps the water clean."],
        "headings": ["What to know", "What to expect", "How to help crews", "Details"],
        "links": ["dpw/streets/closures", "sanitation/leaf-collection", "sanitation/schedule", "dpw/snow",
                  "dpw/projects"],
        "tables": ["collection"],
    },
    "library": {
        "stories": [
            ("Family storytime returns to {branch} on {date}",
             "Storytime is back at {branch} starting {date}, {weekday}s at {time}. Free, no registration.",
             "Storytime is back at the **{branch}** branch. Every {weekday} at {time}, librarians share picture "
             "books, songs and rhymes that build early literacy skills. Storytime is free and open to children "
             "up to age five and their grown-ups."),
            ("Summer reading program starts {date}",
             "Read, track your minutes and earn a free book. Sign up at any branch starting {date}.",
             "The summer reading program starts {date}. Readers of every age can log minutes, finish activities "
             "and earn prizes, and every child who finishes gets a free book to keep. Sign up at any branch or "
             "online."),
            ("{branch} branch hours change {date}",
             "{branch} will open at {time} starting {date}. Other branches keep their regular hours.",
             "Starting {weekday}, {date}, the {branch} branch will change its hours so staff can offer more "
             "evening programs. The book drop stays open around the clock, and holds can still be picked up "
             "during open hours."),
            ("Author talk at {branch} on {date}",
             "Meet a local author at {branch} on {date} at {time}. Free and open to all.",
             "Meet a local author at the {branch} branch on {date} at {time}. The talk is followed by questions "
             "from the audience. Seating is first come, first served."),
            ("Free tax help at {branch} starting {date}",
             "Free tax preparation help at {branch} starts {date}. Bring your tax forms and a photo ID.",
             "Trained volunteers will help residents file their tax returns at the {branch} branch every "
             "{weekday} starting {date}. The service is free for households with low and moderate incomes."),
            ("Teen maker lab open house at {branch} on {date}",
             "Teens can try 3D printing, sewing and music recording at {branch} on {date}.",
             "The teen maker lab at the {branch} branch holds an open house on {date} from {time} to {time2}. "
             "Teens can try 3D printing, sewing machines, a music recording booth and coding projects with help "
             "from library staff."),
            ("{branch} closed {date} for building repairs",
             "{branch} is closed {date} for repairs. Holds will be moved to a nearby branch.",
             "The {branch} branch will be closed starting {date} while contractors repair the roof and heating "
             "system. Holds will be sent to the nearest open branch, and due dates are extended."),
            ("Computer basics classes at {branch} this month",
             "Free computer classes at {branch} every {weekday} at {time}. Laptops provided.",
             "Learn to use email, fill out online forms and search for jobs in free classes at the {branch} "
             "branch. Classes meet every {weekday} at {time}, and laptops are provided."),
        ],
        "items": ["Where: {branch} branch", "When: {weekday}s at {time}", "Cost: free",
                  "Registration: not required", "Ages: all ages welcome", "Accessible entrance on the east side",
                  "Free parking in the lot behind the building", "Sign-language interpretation on request",
                  "Books and materials provided", "Wi-Fi and laptops available to borrow",
                  "Bring your library card, or sign up for one on site"],
        "paras": ["A library card is free for anyone who lives, works or goes to school in the city. Bring a "
                  "photo ID and proof of address to any branch.",
                  "Programs are planned with community partners and funded in part by the library foundation.",
                  "Need an accommodation to take part? Let branch staff know a week ahead and we will do our best "
                  "to help.",
                  "Find the full calendar of programs, sorted by branch and by age group, on the library website."],
        "headings": ["At a glance", "Details", "What to bring"],
        "links": ["library/events", "library/hours", "library/summer-reading", "library/branches"],
        "tables": ["hours"],
    },
    "health": {
        "stories": [
            ("Free flu shot clinics start {date}",
             "Free flu shot clinics start {date}. No appointment or insurance needed.",
             "Free flu shot clinics start {weekday}, {date}. Walk-ins are welcome and no insurance is needed. "
             "Everyone six months and older should get a flu shot every year, and it is not too late to get one "
             "in December."),
            ("Heat advisory: cooling centers open {date}",
             "Cooling centers are open {date} from {time} to {time2}. Check on neighbors and older adults.",
             "Temperatures are expected to reach the mid-90s. Cooling centers will open from {time} to {time2}. "
             "Drink water, limit time outdoors and check on neighbors, especially older adults and people who "
             "live alone."),
            ("Lead testing for children at the {hood} clinic",
             "Free lead testing for children under six every {weekday} from {time} to {time2}.",
             "Lead poisoning is preventable. Free blood lead testing for children under six is offered at the "
             "{hood} clinic every {weekday}. Results are usually available the same day."),
            ("Beach water quality update for {date}",
             "Water quality advisories are posted daily. Avoid swimming for 48 hours after heavy rain.",
             "Beach water is sampled every weekday from Memorial Day through Labor Day. After heavy rain, "
             "bacteria levels can rise, so advisories are posted at each beach and online every morning."),
            ("Back-to-school vaccine clinics begin {date}",
             "Back-to-school vaccine clinics begin {date}. Bring your child's vaccine record.",
             "Back-to-school vaccine clinics begin {date}. Students can catch up on required vaccines before the "
             "school year starts. Bring your child's vaccine record if you have one."),
            ("Food safety tips for holiday gatherings",
             "Keep hot food hot and cold food cold. Leftovers go in the refrigerator within two hours.",
             "Holiday meals bring people together, and a few simple steps keep everyone healthy. Wash hands "
             "often, cook food to a safe temperature and refrigerate leftovers within two hours."),
            ("Radon test kits available starting {date}",
             "Free radon test kits are available starting {date} while supplies last.",
             "Radon is an odorless gas that can build up in basements and is a leading cause of lung cancer. "
             "Free test kits are available starting {date} while supplies last."),
            ("Naloxone training offered {date}",
             "Free naloxone training on {date} at {time}. Learn to respond to an overdose.",
             "Learn how to recognize an opioid overdose and give naloxone in a free training on {date} at "
             "{time}. Everyone who attends gets a free naloxone kit to take home."),
        ],
        "items": ["Bring a photo ID if you have one", "Children must be with a parent or guardian",
                  "Interpreters are available in Spanish and Hmong", "Clinic hours: {time} to {time2}",
                  "No insurance needed", "Masks available at the entrance", "Free parking on site",
                  "Wash hands and cooking surfaces often", "Keep cold food at 40 degrees or below",
                  "Drink water even if you do not feel thirsty", "Never leave anyone in a parked car"],
        "paras": ["If you or someone you know has signs of heat illness, such as confusion, a fast pulse or hot, "
                  "dry skin, call 911 right away.",
                  "Vaccines are one of the safest ways to protect children and adults from serious illness.",
                  "Health staff work with community health centers across the city to reach every "
                  "neighborhood.",
                  "Information in this notice is also available in Spanish, Hmong and large print."],
        "headings": ["What to know", "Stay safe", "Before you go"],
        "links": ["health/clinics", "health/lead", "health/heat", "health/beaches", "health/immunizations"],
        "tables": ["clinics"],
    },
    "fire": {
        "stories": [
            ("Free smoke alarm installation in {hood}",
             "Firefighters will install free smoke alarms in {hood} on {date}. No cost, no appointment.",
             "Working smoke alarms cut the risk of dying in a home fire in half. Firefighters will go door to "
             "door in {hood} on {weekday}, {date}, to test alarms and install new ones at no cost."),
            ("Fire station open house on {date}",
             "Visit your neighborhood fire station on {date} from {time} to {time2}. Free, family friendly.",
             "Stations across the city open their doors on {date} from {time} to {time2}. Meet the crews, tour "
             "the engines and learn how to make a home escape plan."),
            ("Fireworks safety for the Fourth of July",
             "Leave fireworks to the professionals. Watch a public show and keep a bucket of water nearby.",
             "The safest way to enjoy fireworks is at a public display. Sparklers burn hot enough to melt some "
             "metals, and most fireworks injuries happen to hands and faces."),
            ("Space heater safety as temperatures drop",
             "Keep space heaters three feet from anything that can burn, and turn them off when you leave.",
             "As temperatures drop, home heating becomes a leading cause of fires. Keep anything that can burn "
             "at least three feet from space heaters, and plug heaters directly into a wall outlet."),
            ("Ice safety reminder for ponds and lagoons",
             "No ice is ever completely safe. Stay off ponds and lagoons unless the ice is posted as open.",
             "Ice on ponds, lagoons and the river can look solid and still be thin. Moving water, snow cover and "
             "warm days weaken ice. Keep children and pets off the ice unless a posted sign says it is open."),
            ("Change your clock, check your smoke alarm",
             "When you change your clock on {date}, test your smoke and carbon monoxide alarms.",
             "Daylight saving time changes on {date}. It is a good reminder to test every smoke and carbon "
             "monoxide alarm in your home and replace batteries where needed."),
        ],
        "items": ["Test smoke alarms once a month", "Replace alarms that are more than ten years old",
                  "Have two ways out of every room", "Pick a meeting place outside",
                  "Never leave cooking unattended", "Keep exits clear of snow and clutter",
                  "Turn off space heaters before going to sleep", "Call 911 from outside the home"],
        "paras": ["Renters can ask their landlord for a working alarm on every level; it is required by city code.",
                  "Firefighters will wear uniforms and carry city identification. They will never ask for payment.",
                  "Practice your escape plan twice a year, once at night.",
                  "Carbon monoxide has no smell. A working alarm outside every sleeping area is the only way to "
                  "know it is there."],
        "headings": ["Safety tips", "What to know", "Be ready"],
        "links": ["fire/prevention", "fire/smoke-alarms", "fire/open-house"],
        "tables": [],
    },
    "police": {
        "stories": [
            ("District community meeting on {date}",
             "Meet district officers on {date} at {time}. Bring questions about safety in {hood}.",
             "Officers from the district that serves {hood} will hold a community meeting on {weekday}, {date}, "
             "at {time}. Residents can meet the officers who patrol their streets and ask questions."),
            ("Traffic safety enforcement on {street}",
             "Extra traffic enforcement on {street} this month. Slow down and yield to people walking.",
             "Officers will step up traffic enforcement on {street} between {cross1} and {cross2} this month, "
             "focusing on speeding, red-light running and failure to yield to pedestrians."),
            ("Tips to prevent package theft",
             "Track deliveries, ask for a signature or use a pickup locker to prevent package theft.",
             "Package theft rises during the holidays. A few simple steps make it harder for thieves: track "
             "deliveries, ask a neighbor to pick up packages, or have them delivered to a pickup locker."),
            ("Safe summer tips for families",
             "Lock doors and windows, keep valuables out of sight and know your neighbors this summer.",
             "Longer days bring more people outside. Lock doors and windows when you leave, keep valuables out "
             "of sight in cars and take a moment to meet the neighbors on your block."),
            ("Free bike registration at {park} on {date}",
             "Register your bike for free at {park} on {date}. Registered bikes are easier to return.",
             "Officers will register bikes for free at {park} on {date} from {time} to {time2}. A registered bike "
             "is much easier to return to its owner if it is lost or stolen."),
        ],
        "items": ["Lock your car and take your keys", "Keep porch lights on at night",
                  "Report suspicious activity to the non-emergency line", "Call 911 in an emergency",
                  "Meeting is accessible", "Interpreters available on request", "Bring your bike's serial number"],
        "paras": ["In an emergency, always call 911. For other concerns, use the non-emergency line.",
                  "Community meetings are held every month in each district and are open to everyone.",
                  "Officers share crime prevention tips at block club meetings on request."],
        "headings": ["Tips", "Details", "What to know"],
        "links": ["police/community", "police/safety-tips", "police/districts"],
        "tables": ["meetings"],
    },
    "water": {
        "stories": [
            ("Water main replacement on {street} begins {date}",
             "Crews replace the water main on {street} from {date}. Planned outages are announced ahead.",
             "Crews will replace the water main on {street} between {cross1} and {cross2} starting {date}. "
             "Residents will get a door hanger at least 24 hours before any planned outage."),
            ("Lead service line replacement in {hood}",
             "Lead service lines in {hood} are being replaced. Owners will get a letter with the schedule.",
             "The city is replacing lead service lines in {hood} as part of its long-term plan. The work is "
             "scheduled block by block, and property owners will get a letter with the details."),
            ("Hydrant flushing schedule for {date}",
             "Hydrant flushing in {hood} starts {date}. Run cold water until clear before doing laundry.",
             "Hydrant flushing keeps water mains clean. During flushing in {hood} starting {date}, tap water may "
             "look cloudy or brown for a short time. Run the cold tap until the water is clear."),
            ("Precautionary boil notice lifted for {hood}",
             "The precautionary boil notice for {hood} is lifted. Tests show the water is safe to drink.",
             "The precautionary boil water notice for part of {hood} has been lifted. Two rounds of samples "
             "showed the water is safe to drink. Run cold water for a few minutes before using it."),
            ("Protect pipes from freezing this winter",
             "Keep a trickle of water running on very cold nights and know where your shut-off valve is.",
             "Frozen pipes can burst and flood a basement. On very cold nights, let a small trickle of water run "
             "and open cabinet doors under sinks on outside walls."),
        ],
        "items": ["Outages usually last two to four hours", "Run cold water for a few minutes after service returns",
                  "Avoid laundry until water runs clear", "Replacement filters available at city libraries",
                  "Keep a small trickle of water running on very cold nights", "Know where your shut-off valve is"],
        "paras": ["Customers who have trouble paying their bill can ask about payment plans.",
                  "Water quality is tested every day at the plants and across the distribution system.",
                  "Annual water quality reports are posted online."],
        "headings": ["What to expect", "Details"],
        "links": ["water/projects", "water/lead", "water/quality", "water/billing"],
        "tables": ["collection"],
    },
    "inspections": {
        "stories": [
            ("Permit counter hours extended {date}",
             "The permit counter stays open until {time2} on {weekday}s starting {date}.",
             "Starting {date}, the permit counter will stay open until {time2} every {weekday} so contractors and "
             "homeowners can get permits after work."),
            ("Rental property inspections in {hood}",
             "Inspectors will visit rental properties in {hood} this month. Owners get written notice first.",
             "Inspectors will visit rental properties in {hood} this month as part of the routine inspection "
             "program. Owners will get a written notice with the date and time of the visit."),
            ("Free home repair workshop on {date}",
             "Learn to fix porches, gutters and windows at a free workshop on {date} at {time}.",
             "Learn how to fix common problems before they turn into code violations. The free workshop on "
             "{date} covers porches, gutters, windows and smoke alarms."),
            ("No-heat complaints: what tenants can do",
             "Landlords must keep homes at 67 degrees. Tenants without heat can file a complaint any time.",
             "City code requires landlords to keep rental homes at 67 degrees or warmer from October through "
             "May. Tenants without heat can file a complaint and an inspector will follow up."),
        ],
        "items": ["Bring plans and a contractor license number", "Most permits are issued the same day",
                  "Pay by card, check or cash", "Inspection requests need 48 hours notice",
                  "Translation available on request", "Workshop materials are free"],
        "paras": ["Permit fees fund inspections that keep buildings safe for everyone who lives and works in them.",
                  "Questions about a notice can be answered by the inspector named on it."],
        "headings": ["Details", "What to know"],
        "links": ["dns/permits", "dns/inspections", "dns/workshops"],
        "tables": ["hours"],
    },
    "elections": {
        "stories": [
            ("Early in-person voting hours for {date}",
             "In-person absentee voting runs through {date}. Locations and hours are posted online.",
             "In-person absentee voting is available at sites across the city through {date}. Bring an "
             "acceptable photo ID. Every site is accessible and has curbside service on request."),
            ("Poll worker training sessions start {date}",
             "Poll workers are paid for training and election day. Sessions start {date}.",
             "Poll workers are needed for every ward. Training sessions start {date} and are held on weekdays "
             "and Saturdays; poll workers are paid for training and for election day."),
            ("Check your registration before {date}",
             "Check your voter registration and polling place before {date}.",
             "Moved recently or changed your name? Check your voter registration and polling place before "
             "{date}. Registration takes a few minutes online with a state ID."),
            ("Polling place changes in {hood}",
             "Polling places in {hood} changed. Check your ward's location before {date}.",
             "Some polling places in {hood} have moved. Voters will get a postcard with their new location, "
             "and signs will be posted at the old sites on election day."),
        ],
        "items": ["Bring an acceptable photo ID", "Curbside voting on request", "Sites are accessible",
                  "Interpreters available in Spanish and Hmong", "Hours: {time} to {time2}",
                  "Same-day registration needs proof of residence"],
        "paras": ["Registration status, polling place and a sample ballot are available on the state's voter "
                  "information site.",
                  "Results are posted as wards report on election night."],
        "headings": ["Details", "What to bring"],
        "links": ["election/early-voting", "election/poll-workers", "election/polling-places"],
        "tables": ["hours"],
    },
    "development": {
        "stories": [
            ("Public hearing on the {hood} area plan set for {date}",
             "Share your ideas for the {hood} area plan at a public hearing on {date} at {time}.",
             "The area plan for {hood} is being updated and residents are invited to weigh in. A public hearing "
             "is set for {date} at {time}, and written comments are accepted for 30 days."),
            ("Façade grant applications open {date}",
             "Applications for façade improvement grants open {date}. Workshops explain the process.",
             "Applications for façade improvement grants open {date}. The grants help property owners repair "
             "storefronts, signs and lighting along neighborhood corridors."),
            ("Zoning code update open house on {date}",
             "See the draft zoning code update and ask staff questions on {date} at {time}.",
             "The draft zoning code update is ready for public review. An open house on {date} at {time} lets "
             "residents see maps of proposed changes and ask staff questions."),
            ("Community input sought on the {street} corridor plan",
             "Tell us what you want for {street}. Survey open through {date2}.",
             "The {street} corridor plan will guide housing, transit and public space along the street for the "
             "next 15 years. The draft is available online, and a short survey is open through {date2}."),
        ],
        "items": ["Written comments accepted for 30 days", "Draft plan posted online",
                  "Interpreters available on request", "Meeting is accessible", "Childcare provided on site"],
        "paras": ["Maps and meeting summaries will be posted after each session.",
                  "Plans are shaped by what residents say at these meetings."],
        "headings": ["How to take part", "Details"],
        "links": ["dcd/planning", "dcd/grants", "dcd/zoning"],
        "tables": [],
    },
    "port": {
        "stories": [
            ("Cruise season begins {date}",
             "The Great Lakes cruise season begins {date}. Visitors arrive at the downtown terminal.",
             "The Great Lakes cruise season begins {date}, with ships docking at the downtown cruise terminal. "
             "Expect more visitors and tour buses near the lakefront on arrival days."),
            ("Harbor dredging project starts {date}",
             "Dredging in the inner harbor starts {date}. Boaters should watch for work barges.",
             "Maintenance dredging in the inner harbor starts {date} and keeps shipping channels deep enough for "
             "cargo vessels. Recreational boaters should keep clear of work barges."),
            ("Port tonnage report for the season",
             "Cargo through the port was steady this season, led by salt, grain and steel.",
             "The shipping season closed with steady cargo volumes, led by road salt, grain and steel. The port "
             "supports jobs across the region."),
        ],
        "items": ["Keep clear of work barges", "No-wake zone near the terminal", "Free public viewing area",
                  "Parking is limited on arrival days"],
        "paras": ["The port is owned by the city and run as a public enterprise.",
                  "Harbor maps and notices to boaters are posted online."],
        "headings": ["Details", "For boaters"],
        "links": ["port/news", "port/cruise", "port/harbor"],
        "tables": [],
    },
    "assessor": {
        "stories": [
            ("Assessment notices mailed {date}",
             "Assessment notices are in the mail starting {date}. Review yours and ask questions early.",
             "Property assessment notices are being mailed starting {date}. Review your notice, and if you have "
             "questions, ask for an informal review before the objection deadline."),
            ("Open book period runs through {date2}",
             "Talk with an appraiser about your assessment through {date2}.",
             "During the open book period through {date2}, property owners can talk with an appraiser about "
             "their assessment and the sales used to set it."),
            ("Property record review: check your home's details",
             "Check that your property record is correct; errors in size or features can change value.",
             "Your property record lists the size, age and features of your home. Owners can review the record "
             "online and ask for corrections at any time of year."),
        ],
        "items": ["Review your notice carefully", "Informal reviews are free", "Bring recent photos or appraisals",
                  "Objection forms are online", "Appointments available by phone"],
        "paras": ["Assessments are set at market value as of January 1 of each year.",
                  "Taxes are set later in the year from the tax rates and the assessed value."],
        "headings": ["Details", "Important dates"],
        "links": ["assessor/notices", "assessor/open-book", "assessor/records"],
        "tables": ["meetings"],
    },
    "meetings": {
        "stories": [
            ("Public meeting on {topic} set for {date}",
             "A public meeting on {topic} is {date} at {time} at City Hall. Open to the public.",
             "A public meeting on {topic} will be held {weekday}, {date}, at {time} in City Hall. The meeting is "
             "open to the public and will be streamed online."),
            ("Budget hearing scheduled for {date}",
             "Share your views on the budget at a public hearing on {date} at {time}.",
             "A public hearing on the proposed city budget is scheduled for {date} at {time}. Residents can "
             "speak in person or send written comments before the hearing."),
            ("Community listening session in {hood} on {date}",
             "Residents can share ideas at the listening session on {date} at {time} in {hood}.",
             "A community listening session will be held in {hood} on {date} at {time}. Residents can share "
             "ideas and questions with city staff; no sign-up is needed."),
            ("Agenda posted for the {date} meeting",
             "The agenda for the {date} meeting is posted. The meeting starts at {time}.",
             "The agenda for the {date} meeting is now posted online. The meeting starts at {time} in City Hall "
             "and includes time for public comment."),
            ("City offices closed {date} for the holiday",
             "City offices are closed {date}. Emergency services operate as usual.",
             "City offices will be closed on {date} for the holiday. Emergency services operate as usual, and "
             "service requests can still be made online."),
            ("Annual report now available",
             "The annual report is now available online, with highlights from the past year.",
             "The annual report is now available online. It covers the past year's work, spending and the "
             "results of programs across the city."),
        ],
        "items": ["Location: City Hall", "Time: {time}", "Streamed live and recorded",
                  "Public comment at the start of the meeting", "Agenda posted 24 hours ahead",
                  "Accessible entrance on Market Street", "Interpreters available on request"],
        "paras": ["Meeting agendas and minutes are public records and are posted online.",
                  "People who need an accommodation to attend can ask at least 72 hours ahead.",
                  "Written comments can be sent by email before the meeting."],
        "headings": ["Details", "How to take part", "At a glance"],
        "links": ["cityclerk/meetings", "budget", "news"],
        "tables": ["meetings"],
    },
}
TOPICS = ["the capital budget", "snow and ice operations", "the tree planting program", "branch hours",
          "lead service line replacement", "the housing plan", "park improvements", "traffic safety",
          "the recycling program", "public health priorities", "the street lighting plan"]
BACKGROUND = [
    "The city serves about 570,000 residents in 96 square miles. Notices like this one are posted on the city "
    "website first and shared on the city's official social media accounts, so residents can always find the "
    "original and check the latest details.",
    "City crews and staff plan this work months ahead, but weather, supply deliveries and emergencies can change "
    "the timeline. When that happens, this page is updated and a new notice is posted with the revised dates.",
    "Residents who do not use the internet can get the same information by phone during business hours or in "
    "person at City Hall. Staff can mail a printed copy of this notice on request.",
    "Programs like this one are paid for through the city budget adopted each November after public hearings. "
    "Budget documents, including the cost of each program, are public and posted online.",
    "City services are provided without regard to race, color, religion, national origin, sex, disability, age "
    "or any other protected status. Requests for language help or reasonable accommodation are always welcome.",
    "Block clubs, neighborhood associations and community groups can ask for a speaker to share this "
    "information at a meeting. Requests should be made at least two weeks ahead.",
    "The city posts a summary of results after each season, including what worked, what will change next year "
    "and how residents' feedback was used.",
    "Every year, thousands of residents take part in city programs like this one. Feedback from residents helps "
    "city staff decide where to start, how to schedule the work and how to share updates.",
]
GENERIC_PARAS = [
    "This information is available in Spanish, Hmong and other languages on request, and in large print.",
    "Sign up for text and email alerts on the city website to get notices like this one for your neighborhood.",
    "People who need an accommodation to take part can ask at least three business days ahead, and staff "
    "will do their best to help.",
    "Dates and times can change. The latest details are always posted on the city website.",
    "Thank you for your patience while this work is done. It is part of keeping the city safe and healthy for "
    "everyone who lives, works and visits here.",
    "Share this notice with neighbors who may not follow the city online, especially older adults.",
]

THEME_KEYWORDS = [
    ("roads", ["dpw", "public works", "sanitation", "transport"]),
    ("library", ["library", "mpl"]),
    ("health", ["health", "mhd"]),
    ("fire", ["fire", "mfd"]),
    ("police", ["police", "mpd"]),
    ("water", ["water", "mww"]),
    ("inspections", ["neighborhood services", "dns", "permit", "inspection"]),
    ("elections", ["election"]),
    ("development", ["city development", "dcd", "planning", "housing"]),
    ("port", ["port"]),
    ("assessor", ["assessor"]),
]

PII_FIRST = ["Maria", "James", "Tanya", "Kevin", "Lisa", "DeShawn", "Ana", "Mark", "Keisha", "Paul"]
PII_LAST = ["Johnson", "Garcia", "Miller", "Davis", "Kowalczyk", "Thompson", "Vang", "Rodriguez", "Brown", "Wilson"]
PII_STREET_NAMES = ["Humboldt", "Burleigh", "Locust", "Keefe", "Clarke", "Chambers", "Auer", "Center",
                    "Hadley", "Wright", "Meinecke", "Garfield", "Lloyd", "Concordia", "Hampton", "Vienna"]
PII_SUFFIXES = ["St", "Ave", "Blvd", "Rd", "Dr"]

def _png() -> bytes:
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    raw = b"\x00" + bytes([0x1f, 0x5b, 0xbb])
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


PNG = _png()


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def central_offset(t: dt.datetime) -> int:
    """UTC offset in hours of US Central time at UTC instant t (post-2007 rules)."""
    y = t.year

    def nth_sunday(month, n):
        d = dt.date(y, month, 1)
        d += dt.timedelta(days=(6 - d.weekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    start = dt.datetime.combine(nth_sunday(3, 2), dt.time(8), dt.timezone.utc)   # 2 a.m. CST
    end = dt.datetime.combine(nth_sunday(11, 1), dt.time(7), dt.timezone.utc)    # 2 a.m. CDT
    return -5 if start <= t < end else -6


def local(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.timezone(dt.timedelta(hours=central_offset(t))))


def office_hours(t: dt.datetime, rng: random.Random) -> dt.datetime:
    """t moved into 8:00-17:00 local time on a weekday (forward only)."""
    lt = local(t)
    if lt.hour >= 17 or lt.weekday() >= 5:
        nxt = lt.date() + dt.timedelta(days=1)
        while nxt.weekday() >= 5:
            nxt += dt.timedelta(days=1)
        lt = dt.datetime.combine(nxt, dt.time(8), lt.tzinfo) + dt.timedelta(seconds=rng.randint(0, 3 * 3600))
    elif lt.hour < 8:
        lt = lt.replace(hour=8) + dt.timedelta(seconds=rng.randint(0, 2 * 3600))
    return lt.astimezone(dt.timezone.utc)


def git_ident(person, t: dt.datetime) -> str:
    off = central_offset(t)
    return f"{person['name']} <{person['email']}> {int(t.timestamp())} {'-' if off < 0 else '+'}{abs(off):02d}00"


def slugify(s: str) -> str:
    s = s.lower().replace("é", "e").replace("ç", "c")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    words = s.split("-")
    out = []
    for w in words:
        if len("-".join(out + [w])) > 48:
            break
        out.append(w)
    return "-".join(out) or "post"


DOUBLE_DOT = re.compile(r"\.\.(?=\s|$)")
def yq(s: str) -> str:
    """A YAML scalar for s: plain when that is safe, else double-quoted."""
    plain = (s and s[0] not in "-?:,[]{}#&*!|>'\"%@`" and ": " not in s and " #" not in s
             and not s.endswith((":", " ")) and not re.fullmatch(r"[-+.\d: TZ]+", s)
             and s.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "~"))
    return s if plain else json.dumps(s, ensure_ascii=False)


def fmt_date(d: dt.date) -> str:
    return f"{MONTHS[d.month]} {d.day}"


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


# --------------------------------------------------------------------------
# Roster and config
# --------------------------------------------------------------------------

class Setup:
    def __init__(self, config_bytes: bytes, roster_bytes: bytes, standin: bool):
        self.config_bytes, self.roster_bytes, self.standin = config_bytes, roster_bytes, standin
        cfg = yaml_load(config_bytes.decode("utf-8")) or {}
        ros = yaml_load(roster_bytes.decode("utf-8")) or {}
        site = cfg.get("site") or {}
        self.base_url = str(site.get("base_url") or "https://city.milwaukee.gov/news").rstrip("/")
        self.site_name = str(site.get("name") or "City News")
        host = str(site.get("canonical_host") or "city.milwaukee.gov")
        self.host = host
        prohibited = {"tiktok", "wechat", "qq", "tencent-qq", "tencentqq"}
        self.platforms = [str(p) for p in as_list(cfg.get("platforms")) if str(p).lower() not in prohibited] \
            or ["x", "facebook", "bluesky"]
        allow = cfg.get("allow") or {}
        phones = [str(p) for p in as_list(allow.get("phones"))]
        # Digits-only numbers such as 414-286-2489 read best in text; keep 311 as the service line.
        self.phones = [p for p in phones if re.fullmatch(r"[\d() .-]{7,}", p)] or phones or ["311"]
        self.has_311 = "311" in phones
        self.email_domains = [str(d) for d in as_list(allow.get("email_domains"))] or ["milwaukee.gov"]
        self.addresses = [str(a) for a in as_list(allow.get("addresses"))]
        self.publish_branch = str(cfg.get("publish_branch") or "main")

        self.departments = []
        for d in as_list(ros.get("departments")):
            if isinstance(d, dict) and d.get("slug"):
                self.departments.append({"slug": str(d["slug"]), "name": str(d.get("name") or d["slug"]),
                                         "aliases": [str(a) for a in as_list(d.get("aliases"))]})
        people = []
        for p in as_list(ros.get("people")):
            if not isinstance(p, dict) or not p.get("name"):
                continue
            emails = [str(e) for e in as_list(p.get("emails") or p.get("email"))]
            if not emails:
                continue
            until = p.get("authorized_until")
            revoked = any(k.startswith("revoked") and p.get(k) for k in p)
            active = not revoked and (until is None or str(until) >= REFERENCE_DATE)
            people.append({"name": str(p["name"]), "email": emails[0],
                           "depts": [str(x) for x in as_list(p.get("department"))],
                           "roles": [str(r) for r in as_list(p.get("roles"))], "active": active})
        self.people = people
        admins = [p for p in people if "admin" in p["roles"] and p["active"]] or \
                 [p for p in people if "admin" in p["roles"]]
        self.admin = admins[0] if admins else {"name": "City Web Team", "email": "webteam@" + self.email_domains[0]}

        self.dept_authors, self.dept_reviewers, self.skipped = {}, {}, []
        for d in self.departments:
            s = d["slug"]

            def pick(roles, allow_star):
                return [p for p in people if p["active"] and set(roles) & set(p["roles"])
                        and (s in p["depts"] or (allow_star and "*" in p["depts"]))]
            # Spokespersons post for their department; elected officials and their
            # representatives post for their own body now and then.
            authors = pick(["spokesperson"], False)
            authors += [p for p in pick(["elected", "representative"], False) if p not in authors]
            reviewers = pick(["reviewer"], True)
            if not authors or not reviewers or all(len(reviewers) == 1 and r["email"] == a["email"]
                                                   for a in authors for r in reviewers):
                self.skipped.append(s)
                continue
            self.dept_authors[s], self.dept_reviewers[s] = authors, reviewers
        self.dept_by_slug = {d["slug"]: d for d in self.departments}
        self.active_depts = [d for d in self.departments if d["slug"] in self.dept_authors]
        if not self.active_depts:
            sys.exit("gen_corpus: no department has both an active spokesperson and a reviewer in the roster")

    def theme_of(self, d) -> str:
        text = " ".join([d["slug"], d["name"]] + d["aliases"]).lower()
        for theme, keys in THEME_KEYWORDS:
            if any(k in text for k in keys):
                return theme
        return "meetings"


# --------------------------------------------------------------------------
# Post generation
# --------------------------------------------------------------------------

class PostMaker:
    def __init__(self, setup: Setup, rng: random.Random):
        self.s, self.rng = setup, rng
        self.slugs: set[str] = set()

    def fill(self, template: str, ctx: dict) -> str:
        return DOUBLE_DOT.sub(".", template.format(**ctx))

    def context(self, dept, when: dt.date) -> dict:
        r = self.rng
        event = when + dt.timedelta(days=r.randint(3, 20))
        later = event + dt.timedelta(days=r.randint(14, 60))
        t1 = r.randrange(len(TIMES) - 3)
        streets = r.sample(STREETS, 2)
        cross = r.sample(CROSS, 2)
        return {"dept": dept["name"], "street": streets[0], "street2": streets[1], "cross1": cross[0],
                "cross2": cross[1], "hood": r.choice(NEIGHBORHOODS), "branch": r.choice(BRANCHES),
                "park": r.choice(PARKS), "weekday": calendar.day_name[event.weekday()],
                "date": fmt_date(event), "date2": fmt_date(later), "time": TIMES[t1],
                "time2": TIMES[r.randrange(t1 + 1, len(TIMES))], "n": r.choice(["two", "three", "four", "six"]),
                "topic": r.choice(TOPICS), "year": when.year}

    def contact_para(self, dept) -> str:
        r, s = self.rng, self.s
        phone = s.phones[0] if r.random() < 0.85 else r.choice(s.phones)
        email = f"{dept['slug'].replace('-', '')}@{s.email_domains[0]}"
        opts = [f"Questions? Call {phone} or email {email}.",
                f"For more information, call {phone} on weekdays from 8 a.m. to 4:45 p.m.",
                f"Residents can email {email} with questions or call {phone}.",
                f"Questions can be sent to {email}, or call {phone} during business hours."]
        if s.has_311:
            opts.append("To report a problem, call 311 or use the city's service request app.")
        if s.addresses:
            addr = s.addresses[0] if r.random() < 0.7 else r.choice(s.addresses)
            opts.append(f"Visit us in person at {addr}, or call {phone}.")
        return r.choice(opts)

    def table(self, kind, ctx) -> list[str]:
        r = self.rng
        if kind == "collection":
            rows = ["| Area | Start | Finish |", "| --- | --- | --- |"]
            for hood in r.sample(NEIGHBORHOODS, r.randint(3, 6)):
                rows.append(f"| {hood} | {ctx['date']} | {ctx['date2']} |")
            return rows
        if kind == "hours":
            rows = ["| Day | Opens | Closes |", "| --- | --- | --- |"]
            for d in WEEKDAYS[:r.randint(3, 6)]:
                rows.append(f"| {d} | {r.choice(TIMES[:4])} | {r.choice(TIMES[-5:])} |")
            return rows
        if kind == "clinics":
            rows = ["| Location | Day | Hours |", "| --- | --- | --- |"]
            for b in r.sample(BRANCHES, 3):
                rows.append(f"| {b} | {r.choice(WEEKDAYS)} | {ctx['time']} to {ctx['time2']} |")
            return rows
        rows = ["| Meeting | Date | Time |", "| --- | --- | --- |"]
        for t in r.sample(TOPICS, 3):
            rows.append(f"| {t[0].upper() + t[1:]} | {ctx['date']} | {ctx['time']} |")
        return rows

    def link(self, path: str) -> str:
        return f"https://{self.s.host}/{path}"

    def paragraph(self, text: str, wrap: bool) -> list[str]:
        if not wrap:
            return [text]
        return textwrap.wrap(text, 76, break_on_hyphens=False, break_long_words=False)

    def make(self, dept, when: dt.datetime, pii_kind: str | None, year: int):
        """One post: (relpath, text, pii_items, meta, media_file, hugo_source)."""
        r, s = self.rng, self.s
        theme = THEMES[s.theme_of(dept)]
        d = when.date()
        ctx = self.context(dept, d)
        story = r.choice(theme["stories"])
        title = self.fill(story[0], ctx)
        title = title[0].upper() + title[1:]
        summary = self.fill(story[1], ctx)
        base = slugify(title)
        slug, k = base, 2
        while slug in self.slugs:
            slug = f"{base}-{k}"
            k += 1
        self.slugs.add(slug)
        path = f"content/posts/{dept['slug']}/{year}/{slug}.md"

        fm = ["---", f"title: {yq(title)}", f"department: {dept['slug']}"]
        n_pl = min(len(s.platforms), r.randint(2, 5))
        picked = set(r.sample(range(len(s.platforms)), n_pl))
        chosen = [p for i, p in enumerate(s.platforms) if i in picked]
        fm.append("platforms: [" + ", ".join(chosen) + "]")
        fm.append(f"summary: {yq(summary)}")
        meta = {"stale": False, "media": False}
        if "nextdoor" in chosen and r.random() < 0.15:
            fm += ["social:", f"  nextdoor: {yq('Neighbors, ' + summary[0].lower() + summary[1:])}"]
        if r.random() < 0.25:
            pa = d + dt.timedelta(days=1)
            off = central_offset(dt.datetime.combine(pa, dt.time(15), dt.timezone.utc))
            fm.append(f"publish_at: {pa.isoformat()}T{r.choice(['07', '08', '09', '10'])}:00:00-0{-off}:00")
        if r.random() < STALE_RATE and d < dt.date(2026, 6, 1):
            rb = d + dt.timedelta(days=r.randint(60, 150))
            meta["stale"] = True
        else:
            rb = dt.date(2027, 1, 1) + dt.timedelta(days=r.randint(0, 3 * 365))
        fm.append(f"review_by: {rb.isoformat()}")
        media_file = None
        if r.random() < 0.03:
            media_file = f"media/{dept['slug']}/{slug}.png"
            fm += ["media:", f"  - file: {media_file}",
                   f"    alt: {yq('Map for ' + title[0].lower() + title[1:])}", "    rights: city-owned"]
            meta["media"] = True
        elif "instagram" in chosen:
            # Instagram posts need an image (platform.length); without one, leave Instagram out.
            chosen.remove("instagram")
            fm[fm.index(next(line for line in fm if line.startswith("platforms: ")))] = "platforms: [" + ", ".join(chosen) + "]"
        fm.append("---")

        # Paragraphs are hard-wrapped at 76 columns in most posts, as editors do.
        wrap = r.random() < 0.7
        pii_marker = None
        body: list[str] = []
        if r.random() < 0.5:
            body += ["## " + title, ""]
        intro = self.fill(story[2], ctx)
        if pii_kind:
            sentence, pii_text = self.pii_sentence(pii_kind)
            pii_marker = pii_text
            intro += " " + sentence.replace(pii_text, pii_text.replace(" ", "\x00"))
        body += self.paragraph(intro, wrap) + [""]
        heading = r.choice(theme["headings"])
        body += [f"**{heading}**" if r.random() < 0.3 else f"## {heading}", ""]
        numbered = r.random() < 0.2
        items = r.sample(theme["items"], min(len(theme["items"]), r.randint(4, 7)))
        for i, it in enumerate(items):
            body.append((f"{i + 1}. " if numbered else "- ") + self.fill(it, ctx))
        body.append("")
        for p in r.sample(theme["paras"], min(len(theme["paras"]), r.randint(2, 3))):
            body += self.paragraph(self.fill(p, ctx), wrap) + [""]
        if theme["tables"] and r.random() < 0.25:
            body += ["### Schedule", ""] + self.table(r.choice(theme["tables"]), ctx) + [""]
        if r.random() < 0.95:
            body += ["## " + r.choice(["Background", "Why this matters", "About this program"]), ""]
            for p in r.sample(BACKGROUND, r.choice((1, 2, 2))):
                body += self.paragraph(p, wrap) + [""]
        for p in r.sample(GENERIC_PARAS, r.randint(2, 3)):
            body += self.paragraph(p, wrap) + [""]
        body += ["## " + r.choice(["Questions", "More information", "Contact", "Learn more"]), ""]
        body += self.paragraph(self.contact_para(dept), wrap) + [""]
        lp = r.choice(theme["links"])
        if r.random() < 0.5:
            body.append(f"Details: [{lp.split('/')[-1].replace('-', ' ')}]({self.link(lp)})")
        else:
            body.append(f"Details and updates: {self.link(lp)}")

        pii_items = []
        if pii_marker:
            hidden = pii_marker.replace(" ", "\x00")
            for i, line in enumerate(body):
                if hidden in line:
                    col = line.index(hidden) + 1
                    body[i] = line.replace("\x00", " ")
                    pii_items.append({"path": path, "line": len(fm) + i + 1, "column": col,
                                      "kind": pii_kind, "text": pii_marker})
                    break
            else:
                raise AssertionError("planted personal data not found")
        text = "\n".join(fm + body) + "\n"
        hugo = {"title": title, "summary": summary, "date": when, "body": "\n".join(body) + "\n"}
        return path, text, pii_items, meta, media_file, hugo

    def pii_sentence(self, kind: str):
        r = self.rng
        f, l = r.choice(PII_FIRST), r.choice(PII_LAST)
        if kind == "phone":
            text = r.choice(["414-555-", "(414) 555-", "414.555."]) + f"{r.randint(1000, 9999)}"
            return f"For questions about this notice, call {f} at {text}.", text
        if kind == "email":
            text = f"{f.lower()}.{l.lower()}{r.randint(1, 99)}@gmail.com"
            return f"Volunteers can reach the organizer, {f} {l}, at {text}.", text
        if r.random() < 0.5:
            text = f"{r.randint(1200, 9800)} {r.choice(PII_STREET_NAMES)} {r.choice(PII_SUFFIXES)}"
            return f"The resident who reported the problem, {f} {l}, lives at {text}.", text
        text = f"{r.randint(1200, 9800)} {r.choice('NSW')}. {r.choice(PII_STREET_NAMES)} {r.choice(PII_SUFFIXES)}."
        return f"The resident who reported the problem, {f} {l}, lives at {text}", text


# --------------------------------------------------------------------------
# Corpus generation
# --------------------------------------------------------------------------

def load_setup(args) -> Setup:
    cfg_path, ros_path = args.config, args.roster
    standin = False
    if os.path.exists(cfg_path) and os.path.exists(ros_path):
        cfg, ros = open(cfg_path, "rb").read(), open(ros_path, "rb").read()
    elif args.config_given or args.roster_given:
        sys.exit(f"gen_corpus: missing {cfg_path if not os.path.exists(cfg_path) else ros_path}")
    else:
        print(f"gen_corpus: warning: {cfg_path} or {ros_path} not found; using the built-in stand-in "
              "config and roster", file=sys.stderr)
        cfg, ros, standin = STANDIN_CONFIG.encode(), _standin_roster().encode(), True
    return Setup(cfg, ros, standin)


def generate(args) -> dict:
    t0 = time.perf_counter()
    setup = load_setup(args)
    rng = random.Random(args.seed)
    maker = PostMaker(setup, rng)
    n = args.posts

    # Batches of 1-3 posts.
    batches = []
    left = n
    while left > 0:
        k = min(left, rng.choice((1, 2, 2, 3)))
        batches.append(k)
        left -= k
    span = (HISTORY_END - HISTORY_START).total_seconds()
    step = span / max(1, len(batches))

    stream: list[bytes] = []
    w = stream.append
    mark = 0

    def new_mark():
        nonlocal mark
        mark += 1
        return mark

    def blob(data: bytes) -> int:
        m = new_mark()
        w(b"blob\nmark :%d\ndata %d\n" % (m, len(data)))
        w(data)
        w(b"\n")
        return m

    def commit(ref, author, t, msg, parent, merge, changes):
        m = new_mark()
        ident = git_ident(author, t).encode()
        msgb = msg.encode()
        w(b"commit %s\nmark :%d\nauthor %s\ncommitter %s\ndata %d\n" % (ref.encode(), m, ident, ident, len(msgb)))
        w(msgb)
        w(b"\n")
        if parent:
            w(b"from :%d\n" % parent)
        if merge:
            w(b"merge :%d\n" % merge)
        for mode, bm, path in changes:
            w(b"M %s :%d %s\n" % (mode.encode(), bm, path.encode()))
        w(b"\n")
        return m

    # Root commit by the admin.
    root_t = HISTORY_START - dt.timedelta(days=3)
    hook_path = os.path.join(TOP, "hooks", "pre-commit")
    hook = open(hook_path, "rb").read() if os.path.isfile(hook_path) and not setup.standin else PRE_COMMIT_HOOK
    root_changes = [("100644", blob(setup.config_bytes), "civicpost.yml"),
                    ("100644", blob(setup.roster_bytes), "content/roster.yml"),
                    ("100755", blob(hook), "hooks/pre-commit")]
    main_ref = f"refs/heads/{setup.publish_branch}"
    main_marks = [commit(main_ref, setup.admin, root_t, "Start the city's content repository\n", None, None,
                         root_changes)]
    png_mark = None

    files: dict[str, bytes] = {}        # final content of each post
    hugo_src: dict[str, dict] = {}
    posts_by_dept: dict[str, list] = {}  # dept -> [(path, last_batch)]
    pii_all = []
    n_commits, n_merges, n_edits, n_stale, n_media = 1, 0, 0, 0, 0
    pii_kinds = ("phone", "email", "address")
    # Deterministic PII spread: ~2% of posts, kinds rotate.
    pii_count = 0
    post_no = 0
    last_t = root_t

    for bi, k in enumerate(batches):
        # Spokespersons commit during office hours; the reviewer merges later the same day or the next.
        t_feat = office_hours(HISTORY_START + dt.timedelta(seconds=bi * step), rng)
        t_feat = max(t_feat, last_t + dt.timedelta(minutes=rng.randint(3, 40)))
        t_merge = office_hours(t_feat + dt.timedelta(seconds=rng.uniform(600, 8 * 3600)), rng)
        last_t = t_merge
        dept = rng.choice(setup.active_depts)
        ds = dept["slug"]
        author = rng.choice(setup.dept_authors[ds])
        reviewers = [p for p in setup.dept_reviewers[ds] if p["email"] != author["email"]]
        reviewer = rng.choice(reviewers)
        year = local(t_feat).year
        changes, titles = [], []
        for _ in range(k):
            # Exactly one post in every 50 (2%) gets one planted personal-data item.
            pii_kind = None
            if post_no % PII_EVERY == PII_EVERY // 3:
                pii_kind = pii_kinds[pii_count % 3]
                pii_count += 1
            post_no += 1
            path, text, pii, meta, media_file, hsrc = maker.make(dept, local(t_feat), pii_kind, year)
            data = text.encode("utf-8")
            files[path] = data
            hugo_src[path] = hsrc
            pii_all.extend(pii)
            n_stale += meta["stale"]
            changes.append(("100644", blob(data), path))
            titles.append(hsrc["title"])
            posts_by_dept.setdefault(ds, []).append([path, bi])
            if media_file:
                n_media += 1
                if png_mark is None:
                    png_mark = blob(PNG)
                changes.append(("100644", png_mark, "content/" + media_file))
        # Occasionally edit an older post of the same department (not touched in the last 5 batches).
        older = [e for e in posts_by_dept.get(ds, []) if e[1] < bi - 5]
        if older and rng.random() < EDIT_RATE:
            e = older[rng.randrange(len(older))]
            upd = local(t_feat).date()
            note = (f"\n**Update ({fmt_date(upd)}, {upd.year}):** "
                    + rng.choice(["The schedule above has been confirmed.", "Dates were updated after a weather delay.",
                                  "This program has been extended for two more weeks.",
                                  "Thank you to everyone who took part."]) + "\n")
            data = files[e[0]] + note.encode()
            files[e[0]] = data
            hugo_src[e[0]]["body"] += note
            e[1] = bi
            changes.append(("100644", blob(data), e[0]))
            titles.append("update " + os.path.basename(e[0])[:-3])
            n_edits += 1
        behind = len(main_marks) >= 2 and rng.random() < BEHIND_RATE
        base = main_marks[-2] if behind else main_marks[-1]
        slug0 = os.path.basename(changes[0][2])[:-3]
        branch = f"{ds}/{slug0}"
        msg = ("Add post: " + titles[0] + "\n") if len(titles) == 1 else \
              ("Add %d posts for %s\n\n" % (len(titles), ds) + "".join(f"- {t}\n" for t in titles))
        feat = commit("refs/heads/bench-feature", author, t_feat, msg, base, None, changes)
        merge = commit(main_ref, reviewer, t_merge,
                       f"Merge branch '{branch}' into {setup.publish_branch}\n\nApproved-by: {reviewer['email']}\n",
                       main_marks[-1], feat, changes)
        main_marks.append(merge)
        n_commits += 2
        n_merges += 1

    w(b"done\n")
    gen_t = time.perf_counter()

    out = os.path.abspath(args.out) if args.out else None
    if out:
        if os.path.exists(out):
            if not args.force and os.listdir(out):
                sys.exit(f"gen_corpus: {out} exists and is not empty (use --force to replace it)")
            shutil.rmtree(out)
        os.makedirs(out)
        env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C")

        def git(*a, **kw):
            subprocess.run(["git", "-C", out, *a], check=True, env=env, **kw)
        git("init", "-q", "--initial-branch=" + setup.publish_branch)
        git("config", "core.autocrlf", "false")
        git("config", "gc.auto", "0")
        p = subprocess.Popen(["git", "-C", out, "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE,
                             env=env)
        p.stdin.write(b"".join(stream))
        p.stdin.close()
        if p.wait() != 0:
            sys.exit("gen_corpus: git fast-import failed")
        git("update-ref", "-d", "refs/heads/bench-feature")
        git("checkout", "-f", "-q", setup.publish_branch)
        manifest = {"generator": "bench/gen_corpus.py", "seed": args.seed, "posts": n, "commits": n_commits,
                    "merges": n_merges, "edits": n_edits, "stale_posts": n_stale, "media_posts": n_media,
                    "pii_posts": len({p["path"] for p in pii_all}), "standin_roster": setup.standin,
                    "departments": [d["slug"] for d in setup.active_depts], "skipped_departments": setup.skipped,
                    "pii": pii_all}
        with open(os.path.join(out, ".git", "bench-manifest.json"), "w") as f:
            json.dump(manifest, f, indent=1, sort_keys=True)

    if args.hugo:
        write_hugo(args.hugo, setup, hugo_src, args.force)

    total_bytes = sum(len(v) for v in files.values())
    secs = time.perf_counter() - t0
    where = out or "-"
    print(f"gen_corpus: {n} posts, {total_bytes} bytes ({total_bytes / n:.0f} avg), {n_commits} commits "
          f"({n_merges} merges), {len(pii_all)} PII posts, {n_stale} stale, {n_edits} edits, "
          f"{secs:.1f} s (build {gen_t - t0:.1f} s) -> {where}"
          + (f", hugo site -> {args.hugo}" if args.hugo else "")
          + (" [stand-in roster]" if setup.standin else ""))
    return {"posts": n, "bytes": total_bytes, "commits": n_commits, "seconds": secs}


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
{{ with .Summary }}<meta name="description" content="{{ . | plainify }}">{{ end }}
{{ range .AlternativeOutputFormats -}}
<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink | safeURL }}">
{{ end -}}
</head>
<body>
<header><a href="{{ .Site.BaseURL }}">{{ .Site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>This is an official City account. Comments are subject to the city's social media policy.</p></footer>
</body>
</html>
"""
HUGO_SINGLE = """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time>
 · <a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></p>
{{ .Content }}
</article>
{{ end }}
"""
HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .RegularPagesRecursive.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}
</ul>
{{ end }}
"""
HUGO_INDEX = """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range first 30 (where .Site.RegularPages.ByDate.Reverse "Type" "!=" "") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ .Summary | plainify }}</li>
{{ end }}
</ul>
<h2>Departments</h2>
<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"""


def write_hugo(site: str, setup: Setup, posts: dict, force: bool):
    site = os.path.abspath(site)
    if os.path.exists(site):
        if not force and os.listdir(site):
            sys.exit(f"gen_corpus: {site} exists and is not empty (use --force to replace it)")
        shutil.rmtree(site)
    os.makedirs(os.path.join(site, "layouts", "_default"))
    with open(os.path.join(site, "config.toml"), "w") as f:
        f.write(f'baseURL = {json.dumps(setup.base_url + "/")}\nlanguageCode = "en-us"\n'
                f'title = {json.dumps(setup.site_name)}\ndisableKinds = ["taxonomy", "term"]\n'
                'enableRobotsTXT = false\n[markup.goldmark.renderer]\nunsafe = false\n')
    for name, text in (("baseof.html", HUGO_BASEOF), ("single.html", HUGO_SINGLE), ("list.html", HUGO_LIST)):
        with open(os.path.join(site, "layouts", "_default", name), "w") as f:
            f.write(text)
    with open(os.path.join(site, "layouts", "index.html"), "w") as f:
        f.write(HUGO_INDEX)
    made = set()
    for d in setup.active_depts:
        p = os.path.join(site, "content", d["slug"])
        os.makedirs(p, exist_ok=True)
        with open(os.path.join(p, "_index.md"), "w") as f:
            f.write(f"---\ntitle: {json.dumps(d['name'])}\n---\n")
        made.add(p)
    for path, h in sorted(posts.items()):
        rel = path[len("content/posts/"):]
        dst = os.path.join(site, "content", rel)
        dd = os.path.dirname(dst)
        if dd not in made:
            os.makedirs(dd, exist_ok=True)
            made.add(dd)
        date = local(h["date"]).isoformat()
        with open(dst, "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {json.dumps(h['title'], ensure_ascii=False)}\ndate: {date}\n"
                    f"summary: {json.dumps(h['summary'], ensure_ascii=False)}\n---\n{h['body']}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, default=10000)
    ap.add_argument("--out", help="directory to create as the content git repository")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--roster", default=None, help=f"roster.yml to copy (default {DEFAULT_ROSTER})")
    ap.add_argument("--config", default=None, help=f"civicpost.yml to copy (default {DEFAULT_CONFIG})")
    ap.add_argument("--hugo", metavar="SITE", help="also write the posts as a Hugo site into SITE")
    ap.add_argument("--force", action="store_true", help="replace --out/--hugo directories that exist")
    args = ap.parse_args(argv)
    if not args.out and not args.hugo:
        ap.error("give --out DIR and/or --hugo SITE")
    if args.posts < 1:
        ap.error("--posts must be at least 1")
    args.config_given, args.roster_given = args.config is not None, args.roster is not None
    args.config = args.config or DEFAULT_CONFIG
    args.roster = args.roster or DEFAULT_ROSTER
    generate(args)


if __name__ == "__main__":
    main()
