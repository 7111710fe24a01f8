"""A demanding new user's review (review11): what the README promises, bad input, hostile
names and values, each found broken once and held here."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from local_server import free_port, get, wait_for

from site_builder.config import load_config
from site_builder.content import make_slug, slug_base
from site_builder.errors import Reporter, SiteError

REPO = Path(__file__).resolve().parent.parent
ARTICLE = ("The ferry Kalama Star sank near Port Elan on Tuesday, and {n} people died, "
           "officials of the Elan Maritime Authority said in a statement on Wednesday.\n\n"
           "Divers searched the wreck of the Kalama Star for a second day, the Elan Maritime "
           "Authority said, and {m} passengers were rescued from the water.\n")


def sitebuild(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user does."""
    return subprocess.run([sys.executable, "-m", "site_builder", *args], capture_output=True,
                          text=True, timeout=300)


def small_site(root: Path) -> Path:
    """Two plain seeds about one story."""
    site = root / "site"
    (site / "seeds").mkdir(parents=True)
    (site / "seeds" / "a.txt").write_text("Ferry sinks off Port Elan\n\n"
                                          + ARTICLE.format(n=12, m=40))
    (site / "seeds" / "b.txt").write_text("Twelve dead as ferry sinks\n\n"
                                          + ARTICLE.format(n=14, m=38))
    return site


# --- the README and --help agree with the code ---------------------------------------

def test_build_help_names_the_folder_hand_edits_are_backed_up_in():
    # It said ".sitebuild/", the cache, which the README says is always safe to delete.
    shown = sitebuild("build", "--help").stdout
    assert "content/backups/" in " ".join(shown.split())
    assert ".sitebuild/" not in shown


# --- bad input: one clear line, nothing written ----------------------------------------

def test_terminal_control_characters_in_names_are_shown_escaped(tmp_path: Path):
    site = small_site(tmp_path)
    (site / "seeds" / "bad\x1b[31mRED\u202e.txt").write_text("")
    (site / "sitebuild.yml").write_text('"tit\\e]0;pwned\\ale": x\n')
    result = sitebuild("build", "--site", str(site), "--quiet")
    assert result.returncode == 0, result.stderr
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in result.stderr
    assert "bad\\x1b[31mRED\\u202e.txt: warning: empty file" in result.stderr
    assert "unknown key 'tit\\x1b]0;pwned\\x07le'" in result.stderr


def test_printable_escapes_c1_controls_and_bidi_but_keeps_letters():
    from site_builder.errors import printable

    assert printable("caf\u00e9 \u65e5\u672c \x9b31m \u2067x\tz") == \
        "caf\u00e9 \u65e5\u672c \\x9b31m \\u2067x\\x09z"


@pytest.mark.parametrize("name", ["seeds", "content"])
def test_a_site_folder_that_is_a_file_is_one_line_naming_it(tmp_path: Path, name: str):
    site = small_site(tmp_path)
    if name == "seeds":
        shutil.rmtree(site / "seeds")
    (site / name).write_text("x")
    message = f"{name}: is a file, where the site needs a folder"
    result = sitebuild("build", "--site", str(site))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].endswith(message)
    assert "Traceback" not in result.stderr


def test_building_a_folder_that_is_no_site_writes_nothing_there(tmp_path: Path):
    # A build started in the wrong folder made content/ and .sitebuild/ there, then failed.
    result = sitebuild("build", "--site", str(tmp_path))
    assert result.returncode == 1
    assert "no seeds/ folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_config_that_is_not_utf8_names_line_and_column(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_bytes(b"title: ok\ndescription: caf\xe9\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert (caught.value.line, caught.value.column) == (2, 17)
    assert "not UTF-8" in caught.value.message


def test_config_key_given_twice_is_warned_with_both_lines(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text("title: One\ndescription: d\ntitle: Two\n")
    reporter = Reporter(quiet=True)
    config = load_config(tmp_path, reporter)
    assert config.title == "Two"
    assert reporter.warnings == [
        f"{tmp_path / 'sitebuild.yml'}:3: warning: 'title' is given twice in the "
        "configuration (first on line 1); the last one is used"]


def test_an_empty_title_is_the_default_not_an_empty_title_element(tmp_path: Path):
    (tmp_path / "sitebuild.yml").write_text("title:\nlanguage: ''\n")
    config = load_config(tmp_path, Reporter(quiet=True))
    assert (config.title, config.language) == ("Story digest", "en")


@pytest.mark.parametrize("tag", ['en" onload="x', "en us", "e", "<en>"])
def test_language_must_be_a_language_tag(tmp_path: Path, tag: str):
    (tmp_path / "sitebuild.yml").write_text(f"title: x\nlanguage: '{tag}'\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert (caught.value.line, caught.value.column) == (2, 11)
    assert "language tag" in caught.value.message


def test_language_tags_of_every_shape_are_taken(tmp_path: Path):
    for tag in ("en", "pt-BR", "zh-Hant-TW", "es-419"):
        (tmp_path / "sitebuild.yml").write_text(f"language: {tag}\n")
        assert load_config(tmp_path, Reporter(quiet=True)).language == tag


def test_sources_dates_are_read_as_iso_and_a_non_date_is_refused(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    sources = tmp_path / "seeds" / "sources.yml"
    sources.write_text("a.txt:\n  published: March 5, 2024\nb.txt:\n  published: 2024-03\n")
    config = load_config(tmp_path, Reporter(quiet=True))
    assert config.sources == {"a.txt": {"published": "2024-03-05"},
                              "b.txt": {"published": "2024-03"}}
    sources.write_text("a.txt:\n  outlet: X\n  published: yesterday\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert (caught.value.path, caught.value.line, caught.value.column) == (sources, 3, 14)


def test_published_dates_written_by_hand_reach_pages_as_dates(tmp_path: Path):
    """An editor's date in any common form is read; one that is no date is reported with
    its file and line (a seed's is not used, a content file is left out), never shown as
    `<time datetime="yesterday">`."""
    site = small_site(tmp_path)
    seeds = site / "seeds"
    (seeds / "m.md").write_text("---\ntitle: Rescue goes on\npublished: 5 March 2024 10:00\n"
                                "---\n" + ARTICLE.format(n=12, m=41))
    (seeds / "n.md").write_text("---\ntitle: Divers return\npublished: yesterday\n---\n"
                                + ARTICLE.format(n=12, m=39))
    (seeds / "sources.yml").write_text("a.txt:\n  published: March 6, 2024\n")
    first = sitebuild("build", "--site", str(site), "--quiet")
    assert first.returncode == 0, first.stderr
    assert (f"{seeds / 'n.md'}: warning: front matter published (line 3): not a "
            "recognisable date ('yesterday'); no date used") in first.stderr
    edited = next(p for p in (site / "content" / "articles").glob("*.md")
                  if "source_file: b.txt" in p.read_text())
    edited.write_text(edited.read_text().replace("published: null", "published: tomorrow"))
    second = sitebuild("build", "--site", str(site), "--quiet")
    assert f"{edited}:6: warning: front matter published: not a recognisable date " \
           "('tomorrow')" in second.stderr
    stamps = sorted(re.findall(r'<time datetime="([^"]*)"', "".join(
        p.read_text() for p in (site / "output" / "articles").glob("*/index.html"))))
    assert stamps == ["2024-03-05T10:00", "2024-03-06"]


# --- names that cannot be files ---------------------------------------------------------

@pytest.mark.parametrize("title", ["CON", "nul", "Aux", "com1", "LPT9", "prn"])
def test_windows_device_names_are_never_slugs(title: str):
    slug = slug_base(title)
    assert slug != title.lower() and slug.startswith(title.lower())
    assert make_slug(title, {slug}) not in ("con", "nul", "aux", "com1", "lpt9", "prn")


def test_a_hand_edited_device_name_slug_is_not_a_folder(tmp_path: Path):
    site = small_site(tmp_path)
    (site / "seeds" / "c.md").write_text("---\ntitle: Con\n---\n" + ARTICLE.format(n=2, m=3))
    assert sitebuild("build", "--site", str(site), "--quiet").returncode == 0
    written = sorted(p.name for p in (site / "content" / "articles").iterdir())
    assert "con.md" not in written and "con-1.md" in written
    path = site / "content" / "articles" / "con-1.md"
    path.write_text(path.read_text().replace("slug: con-1", "slug: nul"))
    assert sitebuild("build", "--site", str(site), "--quiet").returncode == 0
    pages = {p.name for p in (site / "output" / "articles").iterdir()}
    assert not pages & {"con", "nul"}


# --- the preview's options --------------------------------------------------------------

@pytest.mark.parametrize("port", ["70000", "0", "-5", "http"])
def test_a_port_out_of_range_is_refused_not_wrapped(tmp_path: Path, port: str):
    # 70000 served on 4464 while saying "serving at http://127.0.0.1:70000/".
    result = sitebuild("serve", "--site", str(small_site(tmp_path)), "--port", port)
    assert result.returncode == 2
    assert f"argument --port: not a port number (1-65535): '{port}'" in result.stderr


def test_an_address_that_does_not_resolve_is_told_before_building(tmp_path: Path):
    site = small_site(tmp_path)
    result = sitebuild("serve", "--site", str(site), "--host", "no such host!", "--port",
                       str(free_port()))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: no such host!: cannot serve here: no "
                                            "such address")
    assert "--port" not in result.stderr and not (site / "output").exists()


# --- the preview's terminal ------------------------------------------------------------

def test_the_preview_prints_no_request_log_nor_what_a_client_sends(tmp_path: Path):
    site = small_site(tmp_path)
    port = free_port()
    log = tmp_path / "preview.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "site_builder", "serve", "--site", str(site), "--port",
             str(port)], stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: get(base) is not None or process.poll() is not None, 90, "preview")
        for path in (b"/\xc2\x9b31mred", b"/missing/" + b"a" * 5000, b"/..%2f..%2fetc/passwd"):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(b"GET " + path + f" HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                               "Connection: close\r\n\r\n".encode())
                assert client.recv(64).split()[1] in (b"400", b"403", b"404")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    shown = log.read_text()
    assert "serving" in shown
    assert "\x9b" not in shown and "aaaa" not in shown and "etc/passwd" not in shown


# --- sitebuild eval ----------------------------------------------------------------------

@pytest.mark.parametrize("text, where", [
    ("articles: 5\n", "1:11: gold.articles must be a mapping of keys to values"),
    ("articles:\n  a.txt:\n    body_lines: [x, 3]\n",
     "3:18: gold.articles.a.txt.body_lines[] must be a line number, got 'x'"),
    ("key_facts:\n  - support: ['a:3']\n", "2:5: gold.key_facts[] needs a 'fact'"),
    ("conflicts: [{claims: 5}]\n", "1:22: gold.conflicts[].claims must be a list"),
    ("near_duplicates: [[a:1, [b]]]\n",
     "1:25: gold.near_duplicates[][] must be a single value, not a list or mapping"),
])
def test_a_gold_file_of_the_wrong_shape_is_one_line_naming_its_place(
        built_sample: Path, tmp_path: Path, text: str, where: str):
    # These were "internal error: AttributeError ..." with exit code 2.
    gold = tmp_path / "gold.yml"
    gold.write_text(text)
    result = sitebuild("eval", "--site", str(built_sample), "--gold", str(gold))
    assert (result.returncode, result.stderr) == (1, f"error: {gold}:{where}\n")


def test_every_shipped_gold_file_has_the_documented_shape():
    from site_builder.evaluate import load_gold

    files = [*(REPO / "tests" / "clusters").glob("*/gold.yml"),
             REPO / "tests" / "clusters" / "samples-gold.yml"]
    assert len(files) > 20
    for path in files:
        assert load_gold(path)["articles"]


# --- a site's own templates --------------------------------------------------------------

@pytest.mark.parametrize("files, where", [
    ({"article.html": b"\xff\xfe{{ x }}"},
     "article.html:1: template error: not UTF-8 text (byte 0xff)"),
    ({"article.html": b'{% extends "base.html" %}\n{% block main %}\n\n{{ 1 / 0 }}'
                      b"{% endblock %}\n"},
     "article.html:4: template error: ZeroDivisionError: division by zero"),
    ({"article.html": b'{% extends "base.html" %}{% block main %}{% include "inc.html" %}'
                      b"{% endblock %}\n", "inc.html": b"ok\n{{ article.slug + 5 }}\n"},
     'inc.html:2: template error: TypeError: can only concatenate str (not "int") to str'),
    ({"article.html": b'{% extends "base.html" %}{% block main %}{% include "inc.html" %}'
                      b"{% endblock %}\n", "inc.html": b"ok\n\xe9\n"},
     "inc.html:2: template error: not UTF-8 text (byte 0xe9)"),
])
def test_an_error_in_a_sites_own_template_names_the_file_and_line(
        tmp_path: Path, files: dict[str, bytes], where: str):
    # These were "internal error: UnicodeDecodeError / ZeroDivisionError ..." (exit 2).
    site = small_site(tmp_path)
    assert sitebuild("build", "--site", str(site), "--quiet").returncode == 0
    before = (site / "output" / "index.html").read_bytes()
    (site / "templates").mkdir()
    for name, data in files.items():
        (site / "templates" / name).write_bytes(data)
    result = sitebuild("build", "--site", str(site), "--quiet")
    assert result.returncode == 1
    assert result.stderr == f"error: {site / 'templates' / where}\n"
    assert (site / "output" / "index.html").read_bytes() == before


# --- base_url ---------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://example.org/digest?x=1", "https://example.org/#top",
                                 "https://editor:secret@example.org/"])
def test_base_url_is_the_sites_address_alone(tmp_path: Path, url: str):
    # "https://example.org/a?x=1" made every page's URL ".../a?x=1/articles/...".
    (tmp_path / "sitebuild.yml").write_text(f"title: x\nbase_url: '{url}'\n")
    with pytest.raises(SiteError) as caught:
        load_config(tmp_path, Reporter(quiet=True))
    assert (caught.value.line, caught.value.column) == (2, 11)
    assert "without a query (?), a fragment (#) or a user name" in caught.value.message


def test_robots_txt_is_plain_text_not_html_escaped(tmp_path: Path):
    site = small_site(tmp_path)
    (site / "sitebuild.yml").write_text("base_url: https://example.org/news&views\n")
    assert sitebuild("build", "--site", str(site), "--quiet").returncode == 0
    robots = (site / "output" / "robots.txt").read_text()
    assert "Sitemap: https://example.org/news&views/sitemap.xml\n" in robots
    assert "<loc>https://example.org/news&amp;views/</loc>" in \
        (site / "output" / "sitemap.xml").read_text()


@pytest.mark.parametrize("inside", ["seeds/site", "templates/static", "content/out"])
def test_the_output_folder_is_never_inside_the_sites_sources(tmp_path: Path, inside: str):
    # --out templates/static built the whole site into the theme's static files, which
    # the next build copied into output/static/; --out seeds/x put pages among the seeds.
    site = small_site(tmp_path)
    result = sitebuild("build", "--site", str(site), "--out", str(site / inside))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("output folder is inside the site's sources "
                                          "(seeds/, content/, templates/ or .sitebuild/); "
                                          "choose another")
    assert not (site / inside).exists()


# --- the environment ----------------------------------------------------------------------

def test_an_empty_source_date_epoch_is_unset_and_a_malformed_one_one_line(tmp_path: Path):
    # numpy, imported by the analysis, read either at import and crashed the build.
    site = small_site(tmp_path)
    run = dict(capture_output=True, text=True, timeout=300)
    empty = subprocess.run([sys.executable, "-m", "site_builder", "build", "--site", str(site),
                            "--quiet"], env={**os.environ, "SOURCE_DATE_EPOCH": ""}, **run)
    assert empty.returncode == 0, empty.stderr
    for value in ("abc", "-5", "1e3", "99999999999999999999"):
        bad = subprocess.run([sys.executable, "-m", "site_builder", "build", "--site",
                              str(site), "--force"],
                             env={**os.environ, "SOURCE_DATE_EPOCH": value}, **run)
        assert (bad.returncode, bad.stderr) == (1, (
            "error: SOURCE_DATE_EPOCH: must be a whole number of seconds since 1970-01-01, "
            f"got {value!r}\n"))
    workers = subprocess.run([sys.executable, "-m", "site_builder", "build", "--site",
                              str(site)], env={**os.environ, "SITEBUILD_WORKERS": "two"}, **run)
    assert workers.returncode == 1 and workers.stderr.startswith("error: SITEBUILD_WORKERS:")


def test_a_seed_name_that_is_no_regular_file_is_warned_about(tmp_path: Path):
    # A named pipe or a folder called x.txt was passed over without a word.
    site = small_site(tmp_path)
    os.mkfifo(site / "seeds" / "pipe.txt")
    (site / "seeds" / "folder.md").mkdir()
    result = sitebuild("build", "--site", str(site), "--quiet")
    assert result.returncode == 0, result.stderr
    for name in ("folder.md", "pipe.txt"):
        assert f"{site / 'seeds' / name}: warning: not a regular file; ignored" in result.stderr
    assert sitebuild("build", "--site", str(site), "--quiet", "--strict").returncode == 1


def test_metadata_for_a_seed_that_is_not_there_is_warned_about(tmp_path: Path):
    # A typo in a sources.yml file name silently dropped the outlet an editor gave.
    site = small_site(tmp_path)
    (site / "seeds" / "sources.yml").write_text("a.text:\n  outlet: Typo News\n"
                                                "b.txt:\n  outlet: Right News\n")
    result = sitebuild("build", "--site", str(site), "--quiet")
    assert result.returncode == 0, result.stderr
    assert (f"{site / 'seeds' / 'a.text'}: warning: named in sources, but there is no such "
            "seed (did you mean 'a.txt'?); its metadata is not used") in result.stderr
    assert "b.txt" not in result.stderr


def test_a_preview_whose_first_build_fails_does_not_claim_to_serve_a_last_build(
        tmp_path: Path):
    site = small_site(tmp_path)
    (site / "sitebuild.yml").write_text("title: [unclosed\n")
    result = sitebuild("serve", "--site", str(site), "--port", str(free_port()))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {site / 'sitebuild.yml'}:1:8: invalid YAML: did not find expected ',' or ']'"
        " (while parsing a flow sequence that starts here)",
        f"error: {site / 'output'}: nothing to serve: the first build failed"]
