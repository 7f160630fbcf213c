# واجهة القارئ بالعربية. أسماء المفاتيح ليست هنا: تأتي من خريطة المفاتيح متغيراتٍ، فتبقى
# كما ربطها المستخدم.

## الترويسة.

header-demo = عرض تجريبي
header-company = الشركة:
header-search = البحث:
header-unread-only = غير المقروءة فقط
header-company-updating = (الأعداد قيد التحديث)
header-counts = { $articles } · غير المقروءة: { $unread }
header-counts-filtered = { $shown } من { $total } · غير المقروءة: { $unread }
header-database-error = خطأ في قاعدة البيانات
header-feeds = المصادر: { $done }/{ $total }
header-errors = { PLURAL($count) ->
    [one] خطأ واحد
    [two] خطآن
    [few] { $count } أخطاء
    [many] { $count } خطأً
   *[other] { $count } خطأ
}

## التذييل: ما تفعله المفاتيح.

hint-move = تنقّل
hint-open = فتح
hint-company = شركة
hint-search = بحث
hint-unread = غير المقروءة
hint-refresh = تحديث
hint-help = مساعدة
hint-quit = خروج
hint-scroll = تمرير
hint-next = التالي
hint-entities = الكيانات
hint-full-text = النص الكامل
hint-browser = المتصفح
hint-back = رجوع

## سطر الحالة.

status-teaser-fetching = المصدر لا ينشر إلا بداية المقال: جارٍ جلب المقال كاملًا…
status-fetching-full = جارٍ جلب المقال كاملًا…
status-full-loaded = اكتمل تحميل المقال
status-full-failed = المقال الكامل: { $error }
status-offline = لا اتصال: تعذّر الوصول إلى أي مصدر
status-offline-demo = لا اتصال: تُعرض المصادر التجريبية المرفقة · { $key }: محاولة مصادرك من جديد
status-demo-loaded = عرض تجريبي: { PLURAL($count) ->
    [zero] لا مقالات مرفقة
    [one] مقال واحد مرفق
    [two] مقالان مرفقان
    [few] { $count } مقالات مرفقة
    [many] { $count } مقالًا مرفقًا
   *[other] { $count } مقال مرفق
}، بلا شبكة
status-demo-no-refresh = عرض تجريبي: لا شبكة، فلا شيء للتحديث
status-demo-no-full-text = عرض تجريبي: لا شبكة، فلا مقالات كاملة
status-no-earlier-hit = لا نتيجة بحث قبل هذه في المقال
status-no-article = لم يُحدَّد أي مقال
status-opening-link = يُفتح الرابط في المتصفح
status-link-copied = نُسخ الرابط (OSC 52)
status-link-not-web = ليس الرابط http(s)، فلم يُفتح
status-no-link = لا رابط لهذا المقال
status-already-refreshing = التحديث جارٍ بالفعل
status-bidi = اتجاه النص (bidi): { $mode }
status-shaping-on = وصل الحروف مفعّل
status-shaping-off = وصل الحروف معطّل
status-open-first = افتح مقالًا أولًا
status-no-entities = لا كيانات في هذا المقال
status-entity = { $kind } · { $name }
status-entity-company = { $kind } · { $name } — { $key } للتصفية بها
status-entity-search = { $kind } · { $name } — { $key } للبحث عنه
status-entity-searched = البحث عن «{ $name }»
status-reindex-counting = تحديث الكيانات…
status-reindexing = تحديث الكيانات: { $done } من { $total }
status-reindex-done = تحديث الكيانات: اكتمل ({ PLURAL($count) ->
    [zero] لا مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
})
refresh-no-feeds = لا مصادر للتحديث: أضف مصادرك بالأمر akhbar import FILE.opml
refresh-failed = تعذّر تحديث { $failed } من { PLURAL($total) ->
    [one] مصدر واحد
    [two] مصدرين
    [few] { $total } مصادر
    [many] { $total } مصدرًا
   *[other] { $total } مصدر
} — { $errors }
refresh-not-modified = لا جديد
refresh-done = حُدِّث { PLURAL($feeds) ->
    [zero] لا شيء
    [one] مصدر واحد
    [two] مصدران
    [few] { $feeds } مصادر
    [many] { $feeds } مصدرًا
   *[other] { $feeds } مصدر
}، { PLURAL($new) ->
    [zero] ولا مقالات جديدة
    [one] ومقال جديد واحد
    [two] ومقالان جديدان
    [few] و{ $new } مقالات جديدة
    [many] و{ $new } مقالًا جديدًا
   *[other] و{ $new } مقال جديد
}

## ما تعذّر على عمل في الخلفية.

failed-article = المقال: { $error }
failed-entities = الكيانات: { $error }
failed-companies = الشركات: { $error }
failed-demo-feeds = المصادر التجريبية: { $error }
failed-browser = تعذّر فتح الرابط: { $error } — اضبط [ui] browser في الإعدادات (أو $BROWSER) على أمر متصفح
failed-refresh = التحديث: { $error }
failed-copy = النسخ: { $error }
failed-terminal = الطرفية: { $error }
failed-reindex = تحديث الكيانات: { $error }

## أنواع الكيانات.

kind-org = شركة
kind-person = شخص
kind-place = مكان
kind-product = منتج
kind-money = مبلغ
kind-percent = نسبة
kind-number = عدد
kind-date = تاريخ

## اللوحات.

loading = جارٍ التحميل…
empty-demo-none = لا مقالات: هذه النسخة بلا مصادر تجريبية مرفقة.
empty-no-match = لا مقال يطابق عوامل التصفية.
empty-no-match-keys = { $clear } يلغي تصفية الشركة أو المصدر أو الوسم · { $unread } يبدّل «غير المقروءة فقط» · { $search } ثم Esc يمسح البحث
empty-cache = لا مقالات محفوظة بعد.
empty-refresh = { $key }: تحديث المصادر الآن
empty-import = أضف مصادرك بالأمر akhbar import FILE.opml
empty-demo = جرّب المصادر التجريبية المرفقة بالأمر akhbar --demo
empty-refreshing = جارٍ التحديث…
article-open-hint = { $key }: فتح المقال المحدد
article-full-text = النص الكامل
article-companies = الشركات:
article-figures = الأرقام:
article-list-separator = {"، "}

## منتقي الشركات وسطر البحث.

picker-title = الشركة
picker-no-companies = لا شركات في المقالات المحفوظة بعد
picker-no-match = لا شركة تطابق
picker-counts-updating = الأعداد قيد التحديث
picker-apply = تطبيق
picker-cancel = إلغاء
links-title = الروابط في المقال
links-none = لا روابط في هذا المقال
links-open = فتح
links-copy = نسخ
links-close = إغلاق
search-matches = { PLURAL($count) ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
search-keep = إبقاء
search-clear = مسح

## نافذة المساعدة.

help-title = مساعدة
help-scroll = للتمرير، وأي مفتاح آخر يغلقها
help-keys = المفاتيح
help-mouse = الفأرة: العجلة تمرّر اللوحة التي تحتها، والنقرة تختار عنوانًا
help-colours = الألوان
legend-companies = الشركات
legend-people = الأشخاص
legend-places = الأماكن
legend-products = المنتجات
legend-figures = الأرقام: مبالغ ونسب وأعداد وتواريخ
help-no-color = NO_COLOR مضبوط: الخط العريض والتسطير والمائل تحمل العلامات
help-terminals = الطرفيات
help-bidi-app = bidi = app: يرتّب akhbar النص العربي بنفسه ويطلب من الطرفية ألا تفعل
help-bidi-off = bidi = off: بلا إعادة ترتيب، يُكتب النص بالترتيب الذي خُزّن به
help-shaping-on = وصل الحروف مفعّل: { $key } يصل الحروف العربية للطرفيات التي لا تصلها
help-shaping-off = وصل الحروف معطّل: { $key } يصل الحروف العربية للطرفيات التي لا تصلها

## ما يفعله كل إجراء: action-NAME لكل إجراء في [keys] (نافذة المساعدة).

action-down = العنوان التالي / تمرير لأسفل
action-up = العنوان السابق / تمرير لأعلى
action-open = فتح المقال (أو تطبيق الكيان المحدد)
action-back = العودة إلى العناوين / إلغاء
action-switch_pane = التبديل بين اللوحتين
action-page_down = صفحة لأسفل
action-page_up = صفحة لأعلى
action-top = إلى الأول
action-bottom = إلى الأخير
action-next_article = المقال التالي (ويُعلَّم مقروءًا)
action-prev_article = المقال السابق (ويُعلَّم مقروءًا)
action-prev_match = نتيجة البحث السابقة (n: التالية)
action-company_picker = اختيار شركة للتصفية بها
action-clear_company = إلغاء تصفية الشركة والمصدر والوسم
action-search = بحث فوري (Enter يُبقيه، Esc يمسحه)
action-unread_only = غير المقروءة فقط: تشغيل/إيقاف
action-toggle_read = تعليم كمقروء/غير مقروء
action-toggle_star = وضع نجمة/إزالتها
action-full_article = جلب المقال كاملًا من صفحته
action-open_link = فتح الرابط في المتصفح
action-copy_link = نسخ الرابط (OSC 52)
action-link_list = روابط المقال: فتح أحدها أو نسخه
action-refresh_all = تحديث كل المصادر
action-refresh_feed = تحديث مصدر هذا المقال
action-entities = التنقل بين كيانات المقال
action-cycle_bidi = وضع الاتجاه: app ↔ off
action-toggle_shape = وصل الحروف: تشغيل/إيقاف
action-divider_left = تحريك الفاصل يسارًا
action-divider_right = تحريك الفاصل يمينًا
action-help = هذه المساعدة
action-quit = خروج

reader-needs-terminal = القارئ يحتاج إلى طرفية؛ وللنصوص البرمجية الأوامر الفرعية (akhbar --help)

## العلامات (مقروء، نجمة) والخروج أثناء حفظها.

status-read-not-saved = لم تُحفظ علامة القراءة: { $error }
status-unread-not-saved = لم تُحفظ إزالة علامة القراءة: { $error }
status-star-not-saved = لم تُحفظ النجمة: { $error }
status-unstar-not-saved = لم تُحفظ إزالة النجمة: { $error }
status-saving = جارٍ حفظ { PLURAL($count) ->
    [zero] العلامات
    [one] علامة واحدة
    [two] علامتين
    [few] { $count } علامات
    [many] { $count } علامةً
   *[other] { $count } علامة
}… · { $key }: خروج دون حفظ
status-saving-busy = جارٍ حفظ { PLURAL($count) ->
    [zero] العلامات
    [one] علامة واحدة
    [two] علامتين
    [few] { $count } علامات
    [many] { $count } علامةً
   *[other] { $count } علامة
} — قاعدة البيانات مشغولة ({ $holder }) · { $key }: خروج دون حفظ
status-worker-crashed = خطأ داخلي: توقّف عمل في الخلفية (انظر السجل)
exit-not-saved = akhbar: { PLURAL($count) ->
    [zero] لم تُحفظ أي علامة
    [one] لم تُحفظ علامة واحدة
    [two] لم تُحفظ علامتان
    [few] لم تُحفظ { $count } علامات
    [many] لم تُحفظ { $count } علامةً
   *[other] لم تُحفظ { $count } علامة
}:
not-saved-read = تعليمه مقروءًا: المقال { $id } «{ $title }» — { $why }
not-saved-unread = تعليمه غير مقروء: المقال { $id } «{ $title }» — { $why }
not-saved-starred = إضافة نجمة: المقال { $id } «{ $title }» — { $why }
not-saved-unstarred = إزالة النجمة: المقال { $id } «{ $title }» — { $why }
not-saved-still-waiting = ما زال ينتظر قاعدة البيانات عند الخروج
exit-terminal = الطرفية: { $error }
list-failed = تعذّرت قراءة العناوين من قاعدة البيانات:
list-failed-doctor = الأمر `akhbar doctor` يفحصها ويقول ما العمل ({ $key } للخروج أولًا)

## نافذة المساعدة: الطرفية التي يُكتب لها. ‏$kind صنفها كما يُسمّى في الإعدادات.

help-terminal = الطرفية = { $kind }، { $how }
help-terminal-named = كما سُمّيت في ‎[display] terminal‏ أو ‎--terminal‏
help-terminal-answered = من البيئة ومن أجوبة الطرفية
help-terminal-unanswered = من البيئة (لم تُجب الطرفية)
help-terminal-writes-cells = يكتب أخبار الخلايا كما رُتّبت
help-terminal-writes-vte = يضبط أخبار وضع BiDi الصريح (CSI 8 l) قبل الشاشة البديلة وقبل كل إعادة رسم كاملة
help-terminal-writes-mlterm = يوقف أخبار تخطيط النص في mlterm ‏(OSC 5379 use_ctl) ما دام يعمل
help-terminal-writes-konsole = يوقف أخبار ثنائية الاتجاه في Konsole ‏(OSC 50) ما دام يعمل
help-terminal-writes-kitty = يكتب أخبار كل كلمة عربية بترتيبها المنطقي لمُشكِّل kitty
help-terminal-wrong = طرفية خاطئة؟ ‎[display] terminal = cells | vte | mlterm | konsole | kitty
