"""`sitebuild add`: bring articles into `seeds/` from links, feeds and web archives.

`urls` names seeds, `guard` refuses private addresses, `policy` is the politeness
(robots.txt, pace per host, retries), `client` fetches one URL, `feeds` and `warc` read
feeds and web archives, `sources` keeps `seeds/sources.yml`, `run` ties them together
and `command` is the command line.
"""
