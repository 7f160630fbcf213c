# واجهة القارئ بالعربية. أسماء المفاتيح ليست هنا: تأتي من خريطة المفاتيح متغيراتٍ، فتبقى
# كما ربطها المستخدم.

## الترويسة.

header-demo = عرض تجريبي
header-company = الشركة:
header-search = البحث:
header-unread-only = غير المقروءة فقط
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
