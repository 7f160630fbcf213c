# سير القراءة اليومي بالعربية: إدارة المصادر، والتعليم بالجملة، والعروض المحفوظة، والاستبقاء.
# صيغ الجمع الست في CLDR: zero (0)، one (1)، two (2)، few (3–10)، many (11–99)، other (100…).

## akhbar add

add-bad-url = ليس عنوان ويب: { $url } (أعطِ عنوان المصدر أو الموقع بـ http(s))
add-unreachable = تعذّر الوصول إلى { $url }: { $reason }؛ لم يُضَف شيء
add-not-a-feed = { $url } ليس مصدر أخبار ({ $reason })؛ لم يُضَف شيء
add-no-feed-on-page = { $url } صفحة ويب لا تسمّي أي مصدر (لا <link rel="alternate">)؛ أعطِ عنوان المصدر نفسه
add-store-failed = تعذّر حفظ المصدر: { $reason }
add-found = تشير { $page } إلى المصدر { $url }
add-other-feeds = { PLURAL($count) ->
    [zero] ولا تسمّي غيره
    [one] وتسمّي مصدرًا آخر: { $urls }
    [two] وتسمّي مصدرين آخرين: { $urls }
    [few] وتسمّي { $count } مصادر أخرى: { $urls }
    [many] وتسمّي { $count } مصدرًا آخر: { $urls }
   *[other] وتسمّي { $count } مصدر آخر: { $urls }
}
add-exists = مشترَك فيه من قبل: { $id } { $name } ({ $url })
add-done = أُضيف { $id } { $name }: { PLURAL($count) ->
    [zero] لا مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
}
add-done-fetch-failed = أُضيف { $id } { $name }، لكن جلبه الأول فشل: { $reason }

## akhbar remove

remove-needs-yes = حذف مصدر يحذف مقالاته: أكِّد بـ --yes (المدخل القياسي ليس طرفية)
remove-confirm = أأحذف { $name } ({ $url }) مع { PLURAL($count) ->
    [zero] مقالاته (لا مقالات)
    [one] مقاله الوحيد
    [two] مقاليه
    [few] مقالاته الـ{ $count }
    [many] مقالاته الـ{ $count }
   *[other] مقالاته الـ{ $count }
}{ $note }؟
remove-starred-note = {" "}(منها { PLURAL($count) ->
    [zero] لا مقالات مميَّزة
    [one] مقال مميَّز
    [two] مقالان مميَّزان
    [few] { $count } مقالات مميَّزة
    [many] { $count } مقالًا مميَّزًا
   *[other] { $count } مقال مميَّز
})
remove-kept = أُبقي على { $name }
remove-done = حُذف { $name } مع { PLURAL($count) ->
    [zero] مقالاته (لا مقالات)
    [one] مقاله الوحيد
    [two] مقاليه
    [few] مقالاته الـ{ $count }
    [many] مقالاته الـ{ $count }
   *[other] مقالاته الـ{ $count }
}

## akhbar feeds وlist وviews

feed-unknown = لا مصدر { $feed } (انظر `akhbar feeds`)
view-unknown = لا عرض «{ $name }» ({ PLURAL($count) ->
    [zero] لا عروض محفوظة: [views] في الإعدادات
   *[other] العروض: { $names }
})
feeds-none = لا مصادر بعد: `akhbar add URL` يشترك في مصدر، و`akhbar import FILE` يضيف قائمة
feeds-failed = فشل: { $reason }
feeds-fetched = جُلب { $when }
feeds-never = لم يُجلب قط
feeds-summary = { PLURAL($count) ->
    [zero] لا مصادر
    [one] مصدر واحد
    [two] مصدران
    [few] { $count } مصادر
    [many] { $count } مصدرًا
   *[other] { $count } مصدر
}، غير المقروءة: { $unread }{ $note }
feeds-failing-note = ، يفشل منها: { $count }
views-none = لا عروض محفوظة: [views] في الإعدادات
views-from-config = الإعدادات
views-saved = محفوظ في قاعدة البيانات

## akhbar import وfetch وcleanup

import-next = `akhbar fetch` (أو r في القارئ) يجلبها
demo-read-only = ‏--demo يعرض المقالات المضمّنة من الذاكرة: لا شيء يُغيَّر
fetch-cleaned = الاستبقاء: { PLURAL($count) ->
    [zero] لم يُحذف شيء
    [one] حُذف مقال قديم واحد
    [two] حُذف مقالان قديمان
    [few] حُذفت { $count } مقالات قديمة
    [many] حُذف { $count } مقالًا قديمًا
   *[other] حُذف { $count } مقال قديم
}
cleanup-no-bounds = لا حدّ مضبوطًا ([store] keep_days وmax_per_feed، أو --keep-days و--max-per-feed): يُستعاد الحيّز فقط
cleanup-done = { PLURAL($count) ->
    [zero] لم يُحذف شيء
    [one] حُذف مقال واحد
    [two] حُذف مقالان
    [few] حُذفت { $count } مقالات
    [many] حُذف { $count } مقالًا
   *[other] حُذف { $count } مقال
}{ $note }؛ صارت قاعدة البيانات { $after } ميبيبايت بعد { $before }
cleanup-starred-note = {" "}(وأُبقي على ذات النجمة: { $count })
import-is-a-feed = { $source } مصدر أخبار وليس قائمة مصادر: akhbar add { $source }
import-cannot-fetch = تعذّر جلب { $source }: { $error }

## القارئ: التعليم بالجملة، وغير المقروء التالي، وعرض ذات النجمة

header-starred-only = ذات النجمة فقط
bulk-no-article = لم يُحدَّد مقال
bulk-nothing-to-undo = لا شيء للتراجع عنه: A يعلّم كل المعروض مقروءًا، وM المصدر كله
bulk-none-unread = لا شيء غير مقروء هنا
bulk-marked-read = { PLURAL($count) ->
    [zero] لم يُعلَّم أي مقال مقروءًا
    [one] عُلِّم مقال واحد مقروءًا
    [two] عُلِّم مقالان مقروءَين
    [few] عُلِّمت { $count } مقالات مقروءة
    [many] عُلِّم { $count } مقالًا مقروءًا
   *[other] عُلِّم { $count } مقال مقروءًا
} · { $key }: تراجع
bulk-undone = { PLURAL($count) ->
    [zero] لم يعد أي مقال غير مقروء
    [one] عاد مقال واحد غير مقروء
    [two] عاد مقالان غير مقروءَين
    [few] عادت { $count } مقالات غير مقروءة
    [many] عاد { $count } مقالًا غير مقروء
   *[other] عاد { $count } مقال غير مقروء
}
bulk-read-failed = لم تُحفظ العلامات: { $reason }
bulk-undo-failed = لم يُحفظ التراجع: { $reason }
bulk-no-next-unread = لا مقال غير مقروء في الأسفل
bulk-no-previous-unread = لا مقال غير مقروء في الأعلى

## سطور نافذة المساعدة لأفعال سير القراءة (action-NAME كما في reader.ftl).

action-next_unread = غير المقروء التالي (ويُعلَّم مقروءًا)
action-prev_unread = غير المقروء السابق
action-starred_only = ذات النجمة فقط: تشغيل/إيقاف
action-mark_all_read = تعليم كل المعروض مقروءًا
action-mark_feed_read = تعليم المصدر كله مقروءًا
action-undo_marks = التراجع عن آخر تعليم بالجملة
