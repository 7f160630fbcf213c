# واجهة «أخبار» بالعربية: كلمات يشترك فيها القارئ وسطر الأوامر.
# الأعداد الممرَّرة متغيراتٍ تُكتب بأرقام الواجهة ([ui] digits).
# صيغ الجمع الست في CLDR: zero (0)، one (1)، two (2)، few (3–10)، many (11–99)، other (100…).

articles-count = { PLURAL($count) ->
    [zero] لا مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
}

## منذ متى: مختصرةً في عمود العناوين، وكاملةً في الجمل.

age-short-now = الآن
age-short-minutes = { $n } د
age-short-hours = { $n } س
age-short-days = { PLURAL($n) ->
    [one] أمس
   *[other] { $n } ي
}
age-now = الآن
age-minutes = { PLURAL($n) ->
    [one] منذ دقيقة
    [two] منذ دقيقتين
    [few] منذ { $n } دقائق
   *[other] منذ { $n } دقيقة
}
age-hours = { PLURAL($n) ->
    [one] منذ ساعة
    [two] منذ ساعتين
    [few] منذ { $n } ساعات
   *[other] منذ { $n } ساعة
}
age-days = { PLURAL($n) ->
    [one] أمس
    [two] منذ يومين
    [few] منذ { $n } أيام
    [many] منذ { $n } يومًا
   *[other] منذ { $n } يوم
}

## علامات الترقيم.

comma = ،
