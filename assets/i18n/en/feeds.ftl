# The feeds view (F), the prompts that manage feeds and views, and going back from the offline
# demo. English.

## The feeds view.

feeds-title = Feeds
feeds-view-count = { PLURAL($count) ->
    [one] { $count } feed
   *[other] { $count } feeds
}
feeds-all = All articles
feeds-views = Views
feeds-untagged = No tag
feeds-tag-feeds = ({ PLURAL($count) ->
    [one] { $count } feed
   *[other] { $count } feeds
})
feeds-counts = { $unread }/{ $articles }
feeds-error-marker = ✗ fetch failed
feeds-view-from-config = [views] in the config
feeds-view-is-saved = saved
feeds-view-fetched = fetched { $when }
feeds-never-fetched = never fetched
feeds-last-error = last fetch failed: { $error }
feeds-starred = { PLURAL($count) ->
    [one] { $count } starred article
   *[other] { $count } starred articles
}
feeds-view-empty = No feeds yet: { $key } adds one by its address (a feed's or a site's).
feeds-unreadable = the feed list cannot be read: { $error }

## The header and the footer.

header-feeds-view = feeds
header-view = view:
header-tag = tag:
header-feed = feed:
hint-feeds = feeds
hint-filter = filter
hint-add = add
hint-rename = rename
hint-remove = remove
hint-mark-read = mark read
hint-headlines = headlines

## Prompts.

prompt-add-feed = Add a feed (its or its site's address, then any tags):
prompt-rename = New name:
prompt-save-view = Save the filters as the view:
prompt-keys = Enter: ok · Esc: cancel
prompt-remove-feed = Remove «{ $name }» and its { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
}{ $starred }?
prompt-remove-starred = {" "}(its { PLURAL($count) ->
    [one] { $count } starred article goes too
   *[other] { $count } starred articles go too
})
prompt-delete-view = Delete the saved view «{ $name }»?

## What happened.

feeds-adding = adding { $url }… (finding the feed, then fetching it)
# The name comes last: a number right after an Arabic name would join it (bidi rule W2).
feeds-added = added a feed, { PLURAL($count) ->
    [zero] no articles yet
    [one] { $count } new article
   *[other] { $count } new articles
}: «{ $name }»
feeds-added-fetch-failed = added «{ $name }», but its first fetch failed: { $reason }
feeds-already = already subscribed: «{ $name }»
feeds-removed = removed «{ $name }» and its { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
}
feeds-renamed = renamed: «{ $name }»
feeds-view-saved-as = saved the view «{ $name }» ({ $key } lists it; akhbar list --view works too)
feeds-view-deleted = deleted the view «{ $name }»
feeds-kept = nothing removed
feeds-gone = «{ $name }» is not there any more
feeds-remove-failed = cannot remove the feed: { $error }
feeds-rename-failed = cannot rename the feed: { $error }
feeds-save-view-failed = cannot save the view: { $error }
feeds-delete-view-failed = cannot delete the view: { $error }
feeds-name-empty = a feed needs a name (Esc keeps the old one)
feeds-view-name-empty = a view needs a name (Esc: nothing saved)
feeds-view-name-in-config = the config's [views] has a view «{ $name }»: choose another name
feeds-view-in-config = «{ $name }» is in the config's [views]: edit or remove it there
feeds-nothing-to-save = no filter to save: choose a company, feed, tag, search, unread or starred first
feeds-in-the-view = in the feeds view ({ $key }): select a feed or a view first
feeds-rename-what = select a feed to rename
feeds-remove-what = select a feed or a saved view to remove
feeds-view-unknown-company = the view «{ $name }» names a company akhbar does not know: «{ $company }»
feeds-view-unknown-feed = the view «{ $name }» names a feed that is not subscribed: { $feed }
feeds-demo-readonly = the demo's feeds are not yours: nothing to add, rename or remove

## The offline demo.

status-trying-your-feeds = offline demo: trying your feeds again…
status-back-online = back online: showing your own feeds and articles again
failed-leave-demo = cannot go back to your database: { $error }

## The help overlay's lines for the new actions.

action-feeds_view = the feeds view: by tag, and the views
action-add_feed = add a feed (its or its site's address)
action-rename_feed = rename the selected feed
action-remove = remove the feed or saved view (asks)
action-save_view = save the current filters as a view
