# قائمة المصادر (F)، وأسئلة إدارة المصادر والعروض، والعودة من العرض التجريبي دون اتصال. بالعربية.

## قائمة المصادر.

feeds-title = المصادر
feeds-view-count = { PLURAL($count) ->
    [zero] لا مصادر
    [one] مصدر واحد
    [two] مصدران
    [few] { $count } مصادر
    [many] { $count } مصدرًا
   *[other] { $count } مصدر
}
feeds-all = كل المقالات
feeds-views = العروض
feeds-untagged = بلا وسم
feeds-tag-feeds = ({ PLURAL($count) ->
    [zero] لا مصادر
    [one] مصدر واحد
    [two] مصدران
    [few] { $count } مصادر
    [many] { $count } مصدرًا
   *[other] { $count } مصدر
})
feeds-counts = { $unread }/{ $articles }
feeds-error-marker = ✗ تعذّر الجلب
feeds-view-from-config = [views] في الإعدادات
feeds-view-is-saved = محفوظ
feeds-view-fetched = جُلب { $when }
feeds-never-fetched = لم يُجلب بعد
feeds-last-error = تعذّر آخر جلب: { $error }
feeds-starred = { PLURAL($count) ->
    [zero] لا مقالات ذات نجمة
    [one] مقال واحد ذو نجمة
    [two] مقالان ذوا نجمة
    [few] { $count } مقالات ذات نجمة
    [many] { $count } مقالًا ذا نجمة
   *[other] { $count } مقال ذي نجمة
}
feeds-view-empty = لا مصادر بعد: { $key } يضيف مصدرًا بعنوانه (عنوان المصدر أو الموقع).
feeds-unreadable = تعذّرت قراءة قائمة المصادر: { $error }

## الترويسة والتذييل.

header-feeds-view = المصادر
header-view = العرض:
header-tag = الوسم:
header-feed = المصدر:
hint-feeds = المصادر
hint-filter = تصفية
hint-add = إضافة
hint-rename = إعادة تسمية
hint-remove = حذف
hint-mark-read = تعليم كمقروء
hint-headlines = العناوين

## الأسئلة.

prompt-add-feed = إضافة مصدر (عنوانه أو عنوان موقعه، ثم ما شئت من الوسوم):
prompt-rename = الاسم الجديد:
prompt-save-view = حفظ التصفية عرضًا باسم:
prompt-keys = Enter: موافق · Esc: إلغاء
prompt-remove-feed = أتحذف «{ $name }» مع { PLURAL($count) ->
    [zero] مقالاته (لا مقالات له)
    [one] مقاله الوحيد
    [two] مقاليه
    [few] مقالاته الـ{ $count }
    [many] مقالاته الـ{ $count }
   *[other] مقالاته الـ{ $count }
}{ $starred }؟
prompt-remove-starred = {" "}(ويُحذف معه { PLURAL($count) ->
    [zero] لا شيء
    [one] مقال واحد ذو نجمة
    [two] مقالان ذوا نجمة
    [few] { $count } مقالات ذات نجمة
    [many] { $count } مقالًا ذا نجمة
   *[other] { $count } مقال ذي نجمة
})
prompt-delete-view = أتحذف العرض المحفوظ «{ $name }»؟

## ما جرى.

feeds-adding = إضافة { $url }… (البحث عن المصدر ثم جلبه)
feeds-added = أُضيف «{ $name }»: { PLURAL($count) ->
    [zero] لا مقالات بعد
    [one] مقال جديد واحد
    [two] مقالان جديدان
    [few] { $count } مقالات جديدة
    [many] { $count } مقالًا جديدًا
   *[other] { $count } مقال جديد
}
feeds-added-fetch-failed = أُضيف «{ $name }»، لكن تعذّر جلبه الأول: { $reason }
feeds-already = مشترك فيه من قبل: «{ $name }»
feeds-removed = حُذف «{ $name }» مع { PLURAL($count) ->
    [zero] مقالاته (لا مقالات له)
    [one] مقاله الوحيد
    [two] مقاليه
    [few] مقالاته الـ{ $count }
    [many] مقالاته الـ{ $count }
   *[other] مقالاته الـ{ $count }
}
feeds-renamed = الاسم الجديد: «{ $name }»
feeds-view-saved-as = حُفظ العرض «{ $name }» ({ $key } يعرضه، ويعمل أيضًا akhbar list --view)
feeds-view-deleted = حُذف العرض «{ $name }»
feeds-kept = لم يُحذف شيء
feeds-gone = «{ $name }» لم يعد موجودًا
feeds-remove-failed = تعذّر حذف المصدر: { $error }
feeds-rename-failed = تعذّرت إعادة تسمية المصدر: { $error }
feeds-save-view-failed = تعذّر حفظ العرض: { $error }
feeds-delete-view-failed = تعذّر حذف العرض: { $error }
feeds-name-empty = لا بد للمصدر من اسم (Esc يُبقي الاسم القديم)
feeds-view-name-empty = لا بد للعرض من اسم (Esc: لا يُحفظ شيء)
feeds-view-name-in-config = في [views] من الإعدادات عرض باسم «{ $name }»: اختر اسمًا آخر
feeds-view-in-config = «{ $name }» من [views] في الإعدادات: عدّله أو احذفه هناك
feeds-nothing-to-save = لا تصفية لتُحفظ: اختر شركة أو مصدرًا أو وسمًا أو بحثًا أو غير المقروءة أو ذات النجمة أولًا
feeds-in-the-view = في قائمة المصادر ({ $key }): حدّد مصدرًا أو عرضًا أولًا
feeds-rename-what = حدّد مصدرًا لإعادة تسميته
feeds-remove-what = حدّد مصدرًا أو عرضًا محفوظًا لحذفه
feeds-view-unknown-company = العرض «{ $name }» يسمّي شركة لا يعرفها أخبار: «{ $company }»
feeds-view-unknown-feed = العرض «{ $name }» يسمّي مصدرًا غير مشترك فيه: { $feed }
feeds-demo-readonly = مصادر العرض التجريبي ليست مصادرك: لا إضافة ولا إعادة تسمية ولا حذف

## العرض التجريبي دون اتصال.

status-trying-your-feeds = عرض تجريبي دون اتصال: محاولة جلب مصادرك من جديد…
status-back-online = عاد الاتصال: تُعرض مصادرك ومقالاتك من جديد
failed-leave-demo = تعذّرت العودة إلى قاعدة بياناتك: { $error }

## أسطر المساعدة للأفعال الجديدة.

action-feeds_view = قائمة المصادر حسب الوسم، والعروض
action-add_feed = إضافة مصدر (عنوانه أو عنوان موقعه)
action-rename_feed = إعادة تسمية المصدر المحدد
action-remove = حذف المصدر أو العرض المحفوظ (يسأل)
action-save_view = حفظ التصفية الحالية عرضًا
