# The reader's chrome in English. Key names are not here: they come from the keymap, as
# variables, so they stay what the user bound.

## The header.

header-demo = demo
header-company = company:
header-search = search:
header-unread-only = unread only
header-counts = { $articles } · { $unread } unread
header-counts-filtered = { $shown } of { $total } · { $unread } unread
header-database-error = database error
header-feeds = { $done }/{ $total } feeds
header-errors = { PLURAL($count) ->
    [one] { $count } error
   *[other] { $count } errors
}

## The footer: what the keys do.

hint-move = move
hint-open = open
hint-company = company
hint-search = search
hint-unread = unread
hint-refresh = refresh
hint-help = help
hint-quit = quit
hint-scroll = scroll
hint-next = next
hint-entities = entities
hint-full-text = full text
hint-browser = browser
hint-back = back
