vcl 4.1;

# The portal's edge cache: Debian's varnish (7.1) with xkey from varnish-modules.
#
# It trusts the app servers' headers (delivery.edge_cache) rather than guessing:
# - a response with "Cache-Control: public ... s-maxage" and a Surrogate-Key header is a
#   page anyone may get from here; it is kept for s-maxage under its surrogate keys;
# - anything else (private, no-store, no keys) is fetched for each request, never kept;
# - a PURGE from an app server with a Surrogate-Key header drops every page stored under
#   any of those keys (delivery.edge_purge sends it after each publish).
# Static files (/static/, hashed names, immutable) are kept as their headers say.
#
# backend.vcl (in the same folder) names the app servers and the
# purgers ACL: `make edge` and the tests write their own.

import xkey;

include "./backend.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purges are accepted only from the app servers"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "A purge names its keys in the Surrogate-Key header"));
        }
        set req.http.X-Purged = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.X-Purged + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors and what only they use: the admin, the toolbar's login and parameters, any
    # logged-in session. Passed with their cookies, never looked up.
    if (req.url ~ "^/admin(/|$)"
        || req.url ~ "^/(en-[a-z]{2}/)?cms_login/"
        || req.url ~ "[?&](toolbar_on|toolbar_off|edit|structure|preview|persist)(=|&|$)"
        || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Answers for one visitor: the physician finder, site search and the JSON API.
    if (req.url ~ "^/(en-[a-z]{2}/)?(physician-finder|search)/" || req.url ~ "^/api/") {
        return (pass);
    }
    # Anything else may be a cacheable anonymous page. Its cookies (language, CSRF,
    # analytics) reach the app on a miss but are not part of the cache key: the app
    # marks a page that depends on them private (see vcl_backend_response).
    unset req.http.Surrogate-Key;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key
        && beresp.http.Cache-Control ~ "(^|,)\s*public\s*(,|$)"
        && beresp.http.Cache-Control ~ "s-maxage=") {
        # A page anyone may get: kept under its keys for s-maxage (Varnish reads it).
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        # Cookies are stripped only here, on pages the app says are the same for everyone.
        unset beresp.http.Set-Cookie;
        set beresp.http.Vary = "Accept-Encoding";
        # Never serve a page past its s-maxage (a scheduled notice starting, say).
        set beresp.grace = 0s;
        return (deliver);
    }
    if (bereq.url ~ "^/static/" && beresp.status == 200 && !beresp.http.Set-Cookie) {
        return (deliver);
    }
    # Everything else is fetched anew for each request (hit-for-miss), never kept.
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
}

sub vcl_synth {
    if (req.method == "PURGE") {
        # A one-line answer for the app servers' log, not an error page.
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
    if (resp.http.xkey) {
        # The browser's max-age counts from now, not from when the edge fetched the page.
        unset resp.http.Age;
    }
    # Keys are for the edge; visitors need not see what a page was built from.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
