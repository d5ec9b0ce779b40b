# Included by portal.vcl: where pages come from, and who may purge them.
# One app server on this host (`make serve`). With several, declare one backend each
# and a round-robin director (vmod_directors), and list each one's address in purgers.

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 30s;
}

# The app servers: the only addresses whose PURGE requests are obeyed.
acl purgers {
    "127.0.0.1";
    "::1";
}
