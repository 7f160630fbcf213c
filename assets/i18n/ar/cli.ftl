# مخرجات سطر الأوامر المقروءة بالعربية (مخرجات --json محايدة لغويًا ولا تأتي من هنا).

usage-width = يجب ألا يقل ‎--width‎ عن 1
usage-timeout = يجب ألا تقل ‎--timeout‎ عن ثانية واحدة
show-no-article = لا مقال بالمعرّف { $id }
list-unknown-company = شركة غير معروفة «{ $name }» (انظر akhbar companies)
cannot-read = تعذّرت قراءة { $path }: { $error }
feeds-file-empty = { $path }: لا مصادر فيه

## akhbar fetch: سطر لكل مصدر، ثم المجموع.

fetch-ok = تم: جديدة { $new }، محدَّثة { $updated }، دون تغيير { $unchanged }{ $pages }
fetch-pages = ، مقالات كاملة من صفحاتها { $count }
fetch-not-modified = لا جديد
fetch-failed = فشل: { $error }
fetch-summary = { PLURAL($feeds) ->
    [zero] لا مصادر
    [one] مصدر واحد
    [two] مصدران
    [few] { $feeds } مصادر
    [many] { $feeds } مصدرًا
   *[other] { $feeds } مصدر
}: { PLURAL($new) ->
    [zero] لا مقالات جديدة
    [one] مقال جديد واحد
    [two] مقالان جديدان
    [few] { $new } مقالات جديدة
    [many] { $new } مقالًا جديدًا
   *[other] { $new } مقال جديد
}، وتعذّر { $failed }

## akhbar import وreindex.

import-done = استُورد من { $file } { PLURAL($count) ->
    [zero] لا مصادر
    [one] مصدر واحد
    [two] مصدران
    [few] { $count } مصادر
    [many] { $count } مصدرًا
   *[other] { $count } مصدر
} (جديدة { $new }، وموجودة من قبل { $present })
reindex-start = تحديث كيانات { PLURAL($count) ->
    [zero] لا مقالات
    [one] مقال واحد
    [two] مقالين
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
} بعد تغيّر المعجم أو القواعد (مرة واحدة)…
reindex-done = أُعيدت فهرسة كيانات { PLURAL($count) ->
    [zero] لا مقالات
    [one] مقال واحد
    [two] مقالين
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
}

## akhbar doctor: اسم، ثم ما وُجد.

doctor-database = قاعدة البيانات
doctor-config = الإعدادات
doctor-gazetteer = معجم الأسماء
doctor-log = السجل
doctor-config-error = خطأ: { $error }
doctor-config-ok = { $path } (سليم)
doctor-config-absent = { $path } (غير موجود: تُستعمل الإعدادات الافتراضية)
doctor-gazetteer-version = الإصدار { $version }
doctor-gazetteer-with = الإصدار { $version }، مع { $path }
doctor-gazetteer-error = خطأ: { $error }
doctor-damaged = تالفة: { $how }
doctor-damaged-blocked = تالفة: { $how }؛ { $blocker }
doctor-nothing-to-repair = لا شيء يحتاج إلى إصلاح
doctor-run-repair = نفّذ akhbar doctor --repair لنقل الملف التالف جانبًا وإنقاذ ما تمكن قراءته
doctor-repair-later = بعد حل ذلك، ينقل akhbar doctor --repair الملف التالف جانبًا وينقذ ما تمكن قراءته
doctor-not-repaired = لم تُصلَح: { $why }؛ ولم يتغير شيء
doctor-texts-lost = { PLURAL($count) ->
    [one] حُفظ مقال واحد دون نصه (تتعذر قراءته): بقي عنوانه ورابطه
    [two] حُفظ مقالان دون نصهما (تتعذر قراءته): بقي عنواناهما ورابطاهما
    [few] حُفظت { $count } مقالات دون نصوصها (تتعذر قراءتها): بقيت عناوينها وروابطها
   *[other] حُفظ { $count } مقالًا دون نصوصها (تتعذر قراءتها): بقيت عناوينها وروابطها
}
doctor-repaired = أُصلحت: حُفظ { $feeds } و{ $articles }؛ والملف التالف محفوظ باسم { $backup }
doctor-not-created = لم تُنشأ بعد (تُنشأ عند أول استعمال)
doctor-empty-file = ملف فارغ (يصير قاعدة بيانات جديدة عند أول استعمال)
doctor-not-a-file = ليست ملفًا: إنها { $kind }؛ ويجب أن يسمّي ‎--db‎ ملف قاعدة بيانات
doctor-not-a-file-why = إنها { $kind }، لا ملف قاعدة بيانات
doctor-unreadable = تتعذر قراءتها: { $why }
doctor-foreign = ليست لـakhbar: { $what }؛ ويتركها akhbar كما هي
doctor-foreign-why = ليست قاعدة بيانات لـakhbar
doctor-summary = المخطط { $schema }، المصادر { $feeds }، المقالات { $articles }، سليمة
doctor-writing = { $summary }؛ و{ $holder } يكتب فيها الآن
doctor-in-use = { $summary }؛ ويستعملها { $holder }
doctor-someone-writing = { $summary }؛ وعملية أخرى تكتب فيها الآن
doctor-ok = سليمة: { $summary }
doctor-read-only = للقراءة فقط: { $why }؛ { $summary }
doctor-read-only-why = قاعدة البيانات سليمة، لكنها للقراءة فقط ({ $why })
doctor-another-process = عملية أخرى
doctor-locked = مقفلة: { $who } يحتكرها فتعذّر فحصها؛ أعد المحاولة حين ينتهي
doctor-locked-why = يقفلها { $who }
doctor-in-use-by = يستعملها { $holder }
doctor-cannot-check = تعذّر الفحص: { $error }
doctor-cannot-check-why = تعذّر فحصها ({ $error })
doctor-feeds = المصادر
doctor-articles = المقالات
doctor-tally-all = { $noun } كلها ({ $kept })
doctor-tally-lost = { $noun }: { $kept } من { $total } (فُقد { $lost }: تتعذر قراءته)
doctor-tally-range = { $noun }: { $kept } (فُقد بين { $lost } و{ $most }: تتعذر قراءتها؛ والتلف يخفي أي المعرّفات كانت مستعملة)
doctor-tally-unknown = { $noun }: { $kept } (فُقد عدد غير معروف: تتعذر قراءته؛ والتلف يخفي كم)
doctor-tally-at-least = { $noun }: { $kept } (فُقد { $lost } على الأقل: تتعذر قراءتها؛ والتلف يخفي كم)
