"""
What search engines and link previews read: the site's real address, robots.txt,
canonical and alternate links, Open Graph and Twitter cards, and schema.org JSON-LD.

Everything is built from what the portal already knows (page titles and meta
descriptions, regions, medical-review records, the pictures on a page), so it
cannot drift from the page. This app sits on top: it reads pages, editorial and
media, and nothing imports it back.
"""
