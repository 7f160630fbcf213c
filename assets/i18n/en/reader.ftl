# The reader's chrome in English. Key names are not here: they come from the keymap, as
# variables, so they stay what the user bound.

## The header.

header-demo = demo
header-company = company:
header-search = search:
header-unread-only = unread only
header-company-updating = (counts still updating)
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

## The status line.

status-teaser-fetching = the feed carries only the start: fetching the whole article…
status-fetching-full = fetching the full article…
status-full-loaded = full article loaded
status-full-failed = full article: { $error }
status-offline = offline: no feed could be reached
status-offline-demo = offline: showing the bundled demo feeds · { $key }: try your feeds again
status-demo-loaded = demo: { PLURAL($count) ->
    [one] { $count } bundled article
   *[other] { $count } bundled articles
}, no network
status-demo-no-refresh = demo: no network, nothing to refresh
status-demo-no-full-text = demo: no network, no full articles
status-no-earlier-hit = no earlier search hit in this article
status-no-article = no article selected
status-opening-link = opening the link in the browser
status-link-copied = link copied (OSC 52)
status-link-not-web = the link is not http(s); not opened
status-no-link = this article has no link
status-already-refreshing = already refreshing
status-bidi = bidi: { $mode }
status-shaping-on = shaping on
status-shaping-off = shaping off
status-open-first = open an article first
status-no-entities = no entities in this article
status-entity = { $kind } · { $name }
status-entity-company = { $kind } · { $name } — { $key } filters by it
status-entity-search = { $kind } · { $name } — { $key } searches for it
status-entity-searched = searching for “{ $name }”
status-reindex-counting = updating entities…
status-reindexing = updating entities: { $done } of { $total }
status-reindex-done = updating entities: done ({ PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
})
refresh-no-feeds = no feeds to refresh: akhbar import FILE.opml adds some
refresh-failed = { $failed } of { PLURAL($total) ->
    [one] { $total } feed
   *[other] { $total } feeds
} failed — { $errors }
refresh-not-modified = not modified
refresh-done = { PLURAL($feeds) ->
    [one] { $feeds } feed
   *[other] { $feeds } feeds
} refreshed, { PLURAL($new) ->
    [one] { $new } new article
   *[other] { $new } new articles
}

## What a background job could not do.

failed-article = article: { $error }
failed-entities = entities: { $error }
failed-companies = companies: { $error }
failed-demo-feeds = demo feeds: { $error }
failed-browser = cannot open the link: { $error } — set [ui] browser in the config (or $BROWSER) to a browser command
failed-refresh = refresh: { $error }
failed-copy = copy: { $error }
failed-terminal = terminal: { $error }
failed-reindex = updating entities: { $error }

## Entity kinds.

kind-org = company
kind-person = person
kind-place = place
kind-product = product
kind-money = money
kind-percent = percentage
kind-number = number
kind-date = date

## The panes.

loading = loading…
empty-demo-none = No articles: this build bundles no demo feeds.
empty-no-match = No article matches the filters.
empty-no-match-keys = { $clear } clears the company, feed or tag · { $unread } toggles unread only · { $search } then Esc clears the search
empty-cache = No articles in the cache yet.
empty-refresh = { $key }: refresh the feeds now
empty-import = akhbar import FILE.opml: add your feeds
empty-demo = akhbar --demo: try the bundled demo feeds
empty-refreshing = refreshing…
article-open-hint = { $key }: open the selected article
article-full-text = full text
article-companies = Companies:
article-figures = Figures:
article-list-separator = {", "}

## The company picker and the search line.

picker-title = company
picker-no-companies = no companies in the cache yet
picker-no-match = no company matches
picker-counts-updating = counts still updating
picker-apply = applies
picker-cancel = cancels
links-title = links in the article
links-none = this article has no links
links-open = opens
links-copy = copies
links-close = closes
search-matches = { PLURAL($count) ->
    [one] { $count } match
   *[other] { $count } matches
}
search-keep = keeps
search-clear = clears

## The help overlay.

help-title = help
help-scroll = scroll, any other key closes
help-keys = Keys
help-mouse = mouse: the wheel scrolls the pane under it, a click selects a headline
help-colours = Colours
legend-companies = companies
legend-people = people
legend-places = places
legend-products = products
legend-figures = figures: money, %, counts, dates
help-no-color = NO_COLOR is set: bold, underline and italic carry the marks
help-terminals = Terminals
help-bidi-app = bidi = app: akhbar reorders right-to-left text itself and tells the terminal not to
help-bidi-off = bidi = off: no reordering at all: text is written in stored order
help-shaping-on = shaping on: { $key } joins Arabic letters for terminals that do not
help-shaping-off = shaping off: { $key } joins Arabic letters for terminals that do not

## What each action does: action-NAME for every action of [keys] (the help overlay).

action-down = next headline / scroll down
action-up = previous headline / scroll up
action-open = open the article / apply the entity
action-back = back to the headlines / cancel
action-switch_pane = switch pane
action-page_down = page down
action-page_up = page up
action-top = top
action-bottom = bottom
action-next_article = next article (marks it read)
action-prev_article = previous article (marks it read)
action-prev_match = previous search hit (n: the next one)
action-company_picker = pick a company to filter by
action-clear_company = clear company, feed, tag, view filters
action-search = search (Enter keeps, Esc clears)
action-unread_only = unread only on/off
action-toggle_read = mark read/unread
action-toggle_star = star/unstar
action-full_article = fetch the full article from its page
action-open_link = open the link in the browser
action-copy_link = copy the link (OSC 52)
action-link_list = the article's links: open or copy one
action-refresh_all = refresh every feed
action-refresh_feed = refresh this article's feed
action-entities = step through the article's entities
action-cycle_bidi = bidi mode: app ↔ off
action-toggle_shape = letter shaping on/off
action-divider_left = move the divider left
action-divider_right = move the divider right
action-help = this help
action-quit = quit

reader-needs-terminal = the reader needs a terminal; for scripts use the subcommands (akhbar --help)

## Marks (read, star) and quitting while they are saved.

status-read-not-saved = read mark not saved: { $error }
status-unread-not-saved = unread mark not saved: { $error }
status-star-not-saved = star not saved: { $error }
status-unstar-not-saved = unstar not saved: { $error }
status-saving = saving { PLURAL($count) ->
    [one] { $count } mark
   *[other] { $count } marks
}… · { $key }: quit without saving
status-saving-busy = saving { PLURAL($count) ->
    [one] { $count } mark
   *[other] { $count } marks
} — the database is busy ({ $holder }) · { $key }: quit without saving
status-worker-crashed = internal error: a background task crashed (see the log)
exit-not-saved = akhbar: { PLURAL($count) ->
    [one] { $count } mark was
   *[other] { $count } marks were
} not saved:
not-saved-read = marked read: article { $id } «{ $title }» — { $why }
not-saved-unread = marked unread: article { $id } «{ $title }» — { $why }
not-saved-starred = starred: article { $id } «{ $title }» — { $why }
not-saved-unstarred = unstarred: article { $id } «{ $title }» — { $why }
not-saved-still-waiting = still waiting for the database at the end
exit-terminal = the terminal: { $error }
list-failed = The headlines cannot be read from the database:
list-failed-doctor = `akhbar doctor` checks it and says what to do ({ $key } quits first)

## The help overlay: the terminal written for. $kind is its class as named in the config.

help-terminal = terminal = { $kind }, { $how }
help-terminal-named = as named by [display] terminal or --terminal
help-terminal-answered = from the environment and the terminal's answers
help-terminal-unanswered = from the environment (the terminal did not answer)
help-terminal-writes-cells = akhbar writes the cells as laid out
help-terminal-writes-vte = akhbar sets explicit BiDi mode (CSI 8 l) before the alternate screen and every full redraw
help-terminal-writes-mlterm = akhbar turns mlterm's text layout off (OSC 5379 use_ctl) while it runs
help-terminal-writes-konsole = akhbar turns Konsole's bidi off (OSC 50) while it runs
help-terminal-writes-kitty = akhbar writes each Arabic word in logical order for kitty's shaper
help-terminal-wrong = wrong terminal? [display] terminal = cells | vte | mlterm | konsole | kitty
