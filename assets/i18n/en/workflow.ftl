# The daily workflow in English: managing feeds, bulk marks, views, retention.

## akhbar add

add-bad-url = not a web address: { $url } (give the feed's or the site's http(s) address)
add-unreachable = cannot reach { $url }: { $reason }; nothing was added
add-not-a-feed = { $url } is not a feed ({ $reason }); nothing was added
add-no-feed-on-page = { $url } is a web page that names no feed (no <link rel="alternate">); give the feed's own address
add-store-failed = cannot save the feed: { $reason }
add-found = { $page } links to the feed { $url }
add-other-feeds = { PLURAL($count) ->
    [one] it names one more: { $urls }
   *[other] it names { $count } more: { $urls }
}
add-exists = already subscribed: { $id } { $name } ({ $url })
add-done = added { $id } { $name }: { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
}
add-done-fetch-failed = added { $id } { $name }, but its first fetch failed: { $reason }

## akhbar remove

remove-needs-yes = removing a feed deletes its articles: confirm with --yes (stdin is not a terminal)
remove-confirm = Remove { $name } ({ $url }) with its { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
}{ $note }?
remove-starred-note = {" "}({ $count } starred)
remove-kept = kept { $name }
remove-done = removed { $name } and { PLURAL($count) ->
    [one] its { $count } article
   *[other] its { $count } articles
}

## akhbar feeds, list, views

feed-unknown = no feed { $feed } (see `akhbar feeds`)
view-unknown = no view «{ $name }» ({ PLURAL($count) ->
    [zero] none is saved: [views] in the config
   *[other] views: { $names }
})
feeds-none = no feeds yet: `akhbar add URL` subscribes to one, `akhbar import FILE` adds a list
feeds-failed = FAILED: { $reason }
feeds-fetched = fetched { $when }
feeds-never = never fetched
feeds-summary = { PLURAL($count) ->
    [one] { $count } feed
   *[other] { $count } feeds
}, { $unread } unread{ $note }
feeds-failing-note = , { $count } failing
views-none = no saved views: [views] in the config
views-from-config = config
views-saved = saved in the database

## akhbar import, fetch, cleanup

import-next = `akhbar fetch` (or r in the reader) fetches them
demo-read-only = --demo shows the bundled articles from memory: there is nothing to change
fetch-cleaned = retention: { PLURAL($count) ->
    [one] { $count } old article removed
   *[other] { $count } old articles removed
}
cleanup-no-bounds = no bound is set ([store] keep_days, max_per_feed, or --keep-days / --max-per-feed): only the space is given back
cleanup-done = removed { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
}{ $note }; the database went from { $before } to { $after } MiB
cleanup-starred-note = {" "}(kept { $count } starred)
import-is-a-feed = { $source } is a feed, not a list of feeds: akhbar add { $source }
import-cannot-fetch = cannot fetch { $source }: { $error }

## The reader: marks in bulk, next unread, the starred view

header-starred-only = starred only
bulk-no-article = no article selected
bulk-nothing-to-undo = nothing to undo: A marks all shown read, M the feed
bulk-none-unread = nothing unread here
bulk-marked-read = { PLURAL($count) ->
    [one] { $count } article marked read
   *[other] { $count } articles marked read
} · { $key }: undo
bulk-undone = { PLURAL($count) ->
    [one] { $count } article unread again
   *[other] { $count } articles unread again
}
bulk-read-failed = marks not saved: { $reason }
bulk-undo-failed = undo not saved: { $reason }
bulk-no-next-unread = no unread article further down
bulk-no-previous-unread = no unread article further up

## The help overlay's lines for the workflow's actions (action-NAME, as in reader.ftl).

action-next_unread = next unread article (marks it read)
action-prev_unread = previous unread article
action-starred_only = starred only on/off
action-mark_all_read = mark all shown read (with the filters)
action-mark_feed_read = mark the whole feed read
action-undo_marks = undo the last mark-all / mark-feed
