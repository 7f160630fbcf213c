# The command line's human output in English (--json output is language-neutral and never
# comes from here).

usage-width = --width must be at least 1
usage-timeout = --timeout must be at least 1 second
show-no-article = no article with id { $id }
list-unknown-company = unknown company «{ $name }» (see `akhbar companies`)
cannot-read = cannot read { $path }: { $error }
feeds-file-empty = { $path }: no feeds in it

## akhbar fetch: one line a feed, then the totals.

fetch-ok = ok            { $new } new, { $updated } updated, { $unchanged } unchanged{ $pages }
fetch-pages = , { $count } whole articles from their pages
fetch-not-modified = not modified
fetch-failed = FAILED        { $error }
fetch-summary = { PLURAL($feeds) ->
    [one] { $feeds } feed
   *[other] { $feeds } feeds
}: { PLURAL($new) ->
    [one] { $new } new article
   *[other] { $new } new articles
}, { $failed } failed

## akhbar import, reindex.

import-done = imported { PLURAL($count) ->
    [one] { $count } feed
   *[other] { $count } feeds
} from { $file } ({ $new } new, { $present } already present)
reindex-start = updating the entities of { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
} for the changed gazetteer or rules (once)…
reindex-done = re-indexed the entities of { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
}

## akhbar doctor: a label, then what was found.

doctor-database = database
doctor-config = config
doctor-gazetteer = gazetteer
doctor-log = log
doctor-config-error = ERROR: { $error }
doctor-config-ok = { $path } (ok)
doctor-config-absent = { $path } (not present: defaults used)
doctor-gazetteer-version = version { $version }
doctor-gazetteer-with = version { $version }, with { $path }
doctor-gazetteer-error = ERROR: { $error }
doctor-damaged = DAMAGED: { $how }
doctor-damaged-blocked = DAMAGED: { $how }; { $blocker }
doctor-nothing-to-repair = nothing to repair
doctor-run-repair = run `akhbar doctor --repair` to move the damaged file aside and save what can be read
doctor-repair-later = once that is resolved, `akhbar doctor --repair` moves the damaged file aside and saves what can be read
doctor-not-repaired = not repaired: { $why }; nothing was changed
doctor-repaired = repaired: kept { $feeds } and { $articles }; the damaged file is kept as { $backup }
doctor-texts-lost = { PLURAL($count) ->
    [one] { $count } article was kept without its text (unreadable): its headline and link remain
   *[other] { $count } articles were kept without their text (unreadable): their headlines and links remain
}
doctor-not-created = not created yet (made on first use)
doctor-empty-file = empty file (becomes a new database on first use)
doctor-not-a-file = NOT A FILE: it is { $kind }; --db must name a database file
doctor-not-a-file-why = it is { $kind }, not a database file
doctor-unreadable = UNREADABLE: { $why }
doctor-foreign = NOT AKHBAR'S: { $what }; akhbar leaves it as it is
doctor-foreign-why = it is not an akhbar database
doctor-summary = schema { $schema }, { PLURAL($feeds) ->
    [one] { $feeds } feed
   *[other] { $feeds } feeds
}, { PLURAL($articles) ->
    [one] { $articles } article
   *[other] { $articles } articles
}, integrity ok
doctor-writing = { $summary }; { $holder } is writing to it
doctor-in-use = { $summary }; in use by { $holder }
doctor-someone-writing = { $summary }; another process is writing to it
doctor-ok = ok: { $summary }
doctor-read-only = READ-ONLY: { $why }; { $summary }
doctor-read-only-why = the database is sound, only read-only ({ $why })
doctor-another-process = another process
doctor-locked = LOCKED: { $who } holds it exclusively, so it could not be checked; try again when that is done
doctor-locked-why = it is locked by { $who }
doctor-in-use-by = it is in use by { $holder }
doctor-cannot-check = CANNOT CHECK: { $error }
doctor-cannot-check-why = it could not be checked ({ $error })
doctor-feeds = feeds
doctor-articles = articles
doctor-tally-all = all { $kept } { $noun }
doctor-tally-lost = { $kept } of { $total } { $noun } ({ $lost } lost: unreadable)
doctor-tally-range = { $kept } { $noun } ({ $lost } to { $most } lost: unreadable; the damage hides which ids were in use)
doctor-tally-unknown = { $kept } { $noun } (an unknown number lost: unreadable; the damage hides how many)
doctor-tally-at-least = { $kept } { $noun } (at least { $lost } lost: unreadable; the damage hides how many)
