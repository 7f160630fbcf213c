# akhbar's interface in English: words shared by the reader and the command line.
# Numbers given as variables are written in the interface's digits ([ui] digits).

articles-count = { PLURAL($count) ->
    [one] { $count } article
   *[other] { $count } articles
}

## How long ago: in the headline column (a few cells) and in words.

age-short-now = now
age-short-minutes = { $n }m
age-short-hours = { $n }h
age-short-days = { $n }d
age-now = just now
age-minutes = { PLURAL($n) ->
    [one] a minute ago
   *[other] { $n } minutes ago
}
age-hours = { PLURAL($n) ->
    [one] an hour ago
   *[other] { $n } hours ago
}
age-days = { PLURAL($n) ->
    [one] yesterday
   *[other] { $n } days ago
}

## Punctuation.

comma = ,
