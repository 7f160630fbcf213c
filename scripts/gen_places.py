#!/usr/bin/env python3
"""Generate assets/places-world.toml: the world's countries, regions and major cities with their
Arabic names, from maintained data packages (docs/gazetteer.md "Places").

Sources (their licences are noted in the generated file):
- CLDR via PyPI `babel` (Unicode License v3; babel itself BSD-3-Clause): Arabic and English
  territory names, and the exemplar cities of the time zones.
- Debian `iso-codes` (LGPL-2.1-or-later): ISO 3166-1 names and official names with their Arabic
  translations (/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo).

Run: pip install babel; apt-get install iso-codes; python3 scripts/gen_places.py
"""

import gettext
import json
import re
import sys

from babel import Locale
import babel

OUT = "assets/places-world.toml"

# Names that are ordinary Arabic words too: they need evidence (a place word before them, a
# coordinated place, quotes) — the gazetteer's `common` tier.
COMMON = {
    "مالي",  # Mali / "financial"
    "بنين",  # Benin / "sons"
    "ليما",  # Lima / "for what"
    "سمراء",  # Samara / "brown"
    "العيون",  # Laayoune / "the eyes"
    "الخليل",  # Hebron / "the friend"
    "جورجيا",  # Georgia: also the US state
    "السلفادور",
    "سانت",
    "جامايكا",
    "ديلي",  # Dili / "daily" in transliterated English titles («ديلي ميل»)
    "إب",  # Ibb: two letters, «واب» is the Maghrebi "web" («موقع واب»)
}
# Not places, or too ambiguous to be worth a pattern.
SKIP = {
    "العالم", "الأمم المتحدة", "الاتحاد الأوروبي", "منطقة اليورو", "منطقة غير معروفة",
    "لكنات تجريبية غير أصلية", "لكنات تجريبية ثنائية الاتجاه", "أوقيانوسيا النائية",
    "ماهي", "ترك", "نوم", "جوني", "أداك", "واك", "كومبو", "كريسماس", "سارك", "بلم", "كورال",
    "ماتي", "كيريتي ماتي", "حي الأمير السفلي", "مدينة هو تشي منة", "باناب", "كانتون", "سيتا",
    "عمّان", "أشوا", "دارون", "كاين", "جوس باي", "عُمان",
}
# Time zones named after small towns (America/North_Dakota/Center is «سنتر», "center"): not the
# major cities the exemplar list stands for.
SKIP_ZONES = (
    "Antarctica/", "Etc/", "Arctic/", "America/North_Dakota/", "America/Indiana/Knox",
    "America/Indiana/Marengo", "America/Indiana/Petersburg", "America/Indiana/Tell_City",
    "America/Indiana/Vevay", "America/Indiana/Vincennes", "America/Indiana/Winamac",
    "America/Kentucky/Monticello",
)

# Arab countries' governorates, provinces, regions and major cities, and major world cities
# (Libya's districts, the governorates Yemen, Oman, Iraq and Mauritania still lacked, Egypt's new
# cities and Cairo's districts were added in round thirteen, after a fresh part missed them)
# missing from the CLDR time zones: written for akhbar from public administrative divisions
# (no package carries their Arabic names). One line: English name | Arabic spellings separated
# by "/"; a spelling starting with "~" is an ordinary word too (common tier).
ARAB = """
Giza | الجيزة
Qalyubia | القليوبية
Sharqia | ~الشرقية
Dakahlia | الدقهلية
Gharbia | ~الغربية
Monufia | المنوفية
Beheira | ~البحيرة
Kafr El Sheikh | كفر الشيخ
Damietta | دمياط
Port Said | بورسعيد/بور سعيد
Ismailia | الإسماعيلية/الاسماعيلية
Suez | السويس
North Sinai | شمال سيناء
South Sinai | جنوب سيناء
Borg El Arab | برج العرب
10th of Ramadan City | العاشر من رمضان
Obour | ~العبور
Sinai | سيناء
Matrouh | مطروح/مرسى مطروح
Faiyum | الفيوم
Beni Suef | بني سويف
Minya | المنيا
Asyut | أسيوط/أسيوط
Sohag | سوهاج
Qena | قنا
Luxor | الأقصر
Aswan | أسوان
Red Sea Governorate | محافظة البحر الأحمر/~البحر الأحمر
New Valley | الوادي الجديد
Hurghada | الغردقة
Sharm El Sheikh | شرم الشيخ
El Alamein | العلمين/العلمين الجديدة
Tanta | طنطا
Mansoura | المنصورة
Zagazig | الزقازيق
El Mahalla El Kubra | المحلة الكبرى
Banha | بنها
Damanhur | دمنهور
Shibin El Kom | شبين الكوم
Ain Sokhna | العين السخنة
Mecca | مكة/مكة المكرمة
Medina | المدينة المنورة
Qassim | القصيم
Eastern Province | المنطقة الشرقية
Asir | عسير
Tabuk | تبوك
Hail | حائل
Northern Borders | الحدود الشمالية
Jazan | جازان/جيزان
Najran | نجران
Al Bahah | الباحة
Al Jouf | الجوف
Khobar | ~الخبر
Dhahran | الظهران
Taif | الطائف
Abha | أبها
Buraidah | بريدة
Yanbu | ينبع
Jubail | الجبيل
Al-Ahsa | الأحساء
Qatif | القطيف
Khamis Mushait | خميس مشيط
AlUla | العلا
Hafar Al-Batin | حفر الباطن
Rabigh | رابغ
Qiddiya | القدية
Ajman | عجمان
Umm Al Quwain | أم القيوين
Ras Al Khaimah | رأس الخيمة/راس الخيمة
Fujairah | الفجيرة
Al Ain | ~العين
Khor Fakkan | خورفكان
Al Rayyan | الريان
Al Wakrah | الوكرة
Al Khor | الخور
Ras Laffan | رأس لفان/راس لفان
Hawalli | حولي
Ahmadi | الأحمدي
Farwaniya | الفروانية
Jahra | الجهراء
Mubarak Al-Kabeer | مبارك الكبير
Muharraq | المحرق
Riffa | الرفاع
Salalah | صلالة
Sohar | صحار
Nizwa | نزوى
Duqm | الدقم
Dhofar | ظفار
Oman | عمان/عُمان
Sanaa | صنعاء
Aden | عدن
Taiz | تعز
Hodeidah | الحديدة
Mukalla | المكلا
Hadhramaut | حضرموت
Marib | مأرب
Ibb | إب
Dhamar | ذمار
Saada | صعدة
Irbid | إربد/اربد
Zarqa | ~الزرقاء
Aqaba | العقبة
Mafraq | المفرق
Karak | الكرك
Ma'an | معان
Madaba | مادبا
Jerash | جرش
Ajloun | عجلون
Salt | السلط
Balqa | البلقاء
Tafilah | الطفيلة
Sidon | صيدا
Tyre | ~صور
Byblos | جبيل
Zahle | زحلة
Baalbek | بعلبك
Nabatieh | النبطية
Jounieh | جونية
Beqaa | البقاع
Akkar | عكار
Mount Lebanon | جبل لبنان
Aleppo | حلب
Homs | حمص
Hama | حماة
Latakia | اللاذقية
Tartus | طرطوس
Idlib | إدلب/ادلب
Raqqa | الرقة
Deir ez-Zor | دير الزور
Hasakah | الحسكة
Daraa | درعا
Suwayda | السويداء
Quneitra | القنيطرة
Qamishli | القامشلي
Rif Dimashq | ريف دمشق
Basra | البصرة
Mosul | الموصل
Erbil | أربيل/اربيل
Sulaymaniyah | السليمانية
Duhok | دهوك
Kirkuk | كركوك
Najaf | النجف
Karbala | كربلاء
Anbar | الأنبار
Fallujah | الفلوجة
Ramadi | الرمادي
Nineveh | نينوى
Diyala | ديالى
Babylon | بابل
Wasit | واسط
Maysan | ميسان
Dhi Qar | ذي قار
Muthanna | المثنى
Nasiriyah | الناصرية
Kut | الكوت
Kurdistan | كردستان العراق/كردستان/كوردستان
Abu Ghraib | أبو غريب
Ramallah | رام الله
Nablus | نابلس
Jenin | جنين
Bethlehem | بيت لحم
Rafah | رفح
Khan Yunis | خان يونس
Jericho | أريحا
Tulkarm | طولكرم
Qalqilya | قلقيلية
West Bank | الضفة الغربية
Rabat | الرباط
Marrakesh | مراكش
Fez | فاس
Tangier | طنجة
Agadir | أكادير/اكادير
Meknes | مكناس
Oujda | وجدة
Tetouan | تطوان
Salé | سلا
El Jadida | ~الجديدة
Safi | آسفي
Beni Mellal | بني ملال
Nador | الناظور
Dakhla | الداخلة
Al Hoceima | الحسيمة
Al Haouz | الحوز
Chichaoua | شيشاوة
Tahanaout | تحناوت
Asni | أسني
Amizmiz | أمزميز
Taroudant | تارودانت
Errachidia | الرشيدية
Tiznit | تزنيت
Guelmim | كلميم
Larache | العرائش
Ifrane | إفران
Azilal | أزيلال
Khenifra | خنيفرة
Tinghir | تنغير
Midelt | ميدلت
Berkane | ~بركان
Taza | تازة
Khouribga | خريبكة
Mohammedia | المحمدية
Ouarzazate | ورزازات
Essaouira | الصويرة
Settat | سطات
Berrechid | برشيد
Souss-Massa | سوس ماسة
Drâa-Tafilalet | درعة تافيلالت
Adrar | أدرار
Chlef | الشلف
Laghouat | الأغواط
Oum El Bouaghi | أم البواقي
Batna | باتنة
Béjaïa | بجاية
Biskra | بسكرة
Béchar | ~بشار
Blida | البليدة
Bouira | البويرة
Tamanrasset | تمنراست
Tébessa | تبسة
Tlemcen | تلمسان
Tiaret | تيارت
Tizi Ouzou | تيزي وزو
Algiers | الجزائر العاصمة
Djelfa | الجلفة
Jijel | جيجل
Sétif | سطيف
Saïda | ~سعيدة
Skikda | سكيكدة
Sidi Bel Abbès | سيدي بلعباس
Annaba | عنابة
Guelma | قالمة
Constantine | قسنطينة
Médéa | المدية
Mostaganem | مستغانم
M'Sila | المسيلة
Mascara | ~معسكر
Ouargla | ورقلة
Oran | وهران
El Bayadh | ~البيض
Illizi | إليزي
Bordj Bou Arréridj | برج بوعريريج
Boumerdès | بومرداس
El Tarf | الطارف
Tindouf | تندوف
Tissemsilt | تيسمسيلت
El Oued | ~الوادي
Khenchela | خنشلة
Souk Ahras | سوق أهراس
Tipaza | تيبازة
Mila | ميلة
Aïn Defla | عين الدفلى
Naâma | ~النعامة
Aïn Témouchent | عين تموشنت
Ghardaïa | غرداية
Relizane | غليزان
Timimoun | تيميمون
Touggourt | تقرت
Djanet | جانت
In Salah | عين صالح
Ariana | أريانة/اريانة
Ben Arous | بن عروس
Manouba | منوبة
Nabeul | نابل
Zaghouan | زغوان
Bizerte | بنزرت
Béja | باجة
Jendouba | جندوبة
Kef | ~الكاف
Siliana | سليانة
Sousse | سوسة
Monastir | المنستير
Mahdia | المهدية
Sfax | صفاقس
Kairouan | القيروان
Kasserine | القصرين
Sidi Bouzid | سيدي بوزيد
Gabès | قابس
Medenine | مدنين
Tataouine | تطاوين
Gafsa | قفصة
Tozeur | توزر
Kebili | قبلي
Djerba | جربة
Benghazi | بنغازي
Misrata | مصراتة
Sirte | سرت
Dead Sea | البحر الميت
Mediterranean Sea | البحر الأبيض المتوسط/البحر المتوسط
Maghnia | مغنية
Oued Souf | وادي سوف
Khaldeh | خلدة
Bangalore | بنجالور
Sabha | سبها
Tobruk | طبرق
Derna | درنة
Omdurman | أم درمان
Port Sudan | بورتسودان/بور سودان
Kassala | كسلا
Darfur | دارفور
Wad Madani | ود مدني
Gedaref | القضارف
Kordofan | كردفان
North Kordofan | شمال كردفان
South Kordofan | جنوب كردفان
West Kordofan | غرب كردفان
North Darfur | شمال دارفور
South Darfur | جنوب دارفور
West Darfur | غرب دارفور
East Darfur | شرق دارفور
Central Darfur | وسط دارفور
Sennar | سنار
White Nile | النيل الأبيض
Blue Nile | النيل الأزرق
River Nile | نهر النيل
El Obeid | ~الأبيض
Kosti | كوستي
Atbara | عطبرة
El Fasher | الفاشر
Nyala | نيالا
El Geneina | ~الجنينة
Kadugli | كادقلي
Ed Damazin | الدمازين
Al-Manaqil | المناقل
Shendi | شندي
Dongola | دنقلا
Wadi Halfa | وادي حلفا
Singa | سنجة
Al Matamma | المتمة
Abu Hamad | ~أبو حمد
Rufaa | ~رفاعة
Nouadhibou | نواذيبو
Mogadishu | مقديشو
Moroni | موروني
Munich | ميونخ
Frankfurt | فرانكفورت
Geneva | جنيف
Milan | ميلانو
Manchester | مانشستر
Lyon | ليون
Hamburg | هامبورغ/هامبورج
Marseille | مرسيليا
Bangalore | بنغالور
Mumbai | مومباي
New Delhi | نيودلهي
Hyderabad | حيدر أباد/حيدر آباد
Islamabad | إسلام آباد
Lahore | لاهور
Boston | بوسطن
Miami | ميامي
Atlanta | أتلانتا
Houston | هيوستن
Dallas | دالاس
Tel Aviv | تل أبيب
Ankara | أنقرة
Osaka | أوساكا
Hanoi | هانوي
Silicon Valley | سيليكون فالي
Chad | التشاد
Togo | التوغو/الطوغو
Benin | ~البنين
Côte d’Ivoire | الكوت ديفوار/الكوت ديفوار
Central African Republic | إفريقيا الوسطى/أفريقيا الوسطى
Sub-Saharan Africa | إفريقيا جنوب الصحراء/أفريقيا جنوب الصحراء/إفريقيا جنوبي الصحراء/أفريقيا جنوبي الصحراء
Zawiya | ~الزاوية
Jafara | الجفارة
Nuqat al Khams | ~النقاط الخمس
Murqub | ~المرقب
Jabal al Gharbi | الجبل الغربي
Nalut | نالوت
Jabal al Akhdar | الجبل الأخضر
Marj | ~المرج
Butnan | البطنان
Kufra | ~الكفرة
Al Wahat | ~الواحات
Jufra | الجفرة
Wadi al Shatii | وادي الشاطئ
Wadi al Hayaa | وادي الحياة
Ghat | ~غات
Murzuq | مرزق
Zliten | زليتن
Khoms | ~الخمس
Gharyan | غريان
Ajdabiya | أجدابيا/اجدابيا
Zuwara | زوارة
Sabratha | صبراتة
Waddan | ~ودان
Hun | ~هون
Tarhuna | ترهونة
Bani Walid | بني وليد
Beni Abbes | بني عباس
Ain Guezzam | عين قزام
El M'Ghair | ~المغير
El Menia | ~المنيعة
Amran | ~عمران
Hajjah | ~حجة
Shabwa | شبوة
Abyan | ~أبين
Lahij | لحج
Dhale | الضالع
Al Mahrah | ~المهرة
Socotra | سقطرى
Raymah | ~ريمة
Al Mahwit | المحويت
Musandam | مسندم
Al Buraimi | البريمي
North Al Batinah | شمال الباطنة
South Al Batinah | جنوب الباطنة
Saladin Governorate | ~صلاح الدين
Tikrit | تكريت
Baqubah | بعقوبة
Hillah | ~الحلة
Diwaniyah | الديوانية
Al-Qadisiyyah | ~القادسية
Samawah | السماوة
Amarah | ~العمارة
Hermel | الهرمل
Dekwaneh | الدكوانة
Al-Bireh | ~البيرة
Salfit | سلفيت
Tubas | طوباس
Deir al-Balah | دير البلح
Hodh Ech Chargui | الحوض الشرقي
Hodh El Gharbi | الحوض الغربي
Assaba | ~لعصابة
Gorgol | كوركول
Brakna | لبراكنة
Trarza | الترارزة
Dakhlet Nouadhibou | داخلت نواذيبو
Tagant | تكانت
Guidimaka | كيدي ماغا
Tiris Zemmour | تيرس زمور
Inchiri | إينشيري
Sheikh Zayed City | ~الشيخ زايد
6th of October City | ~السادس من أكتوبر
Helwan | حلوان
Nasr City | مدينة نصر
Maadi | ~المعادي
Fifth Settlement | التجمع الخامس
New Cairo | القاهرة الجديدة
"""



def clean(name):
    return name.strip()


def usable(ar):
    return ar and ar not in SKIP and not re.search(r"[(),،\-]", ar) and len(ar) >= 2


def main():
    ar, en = Locale("ar"), Locale("en")
    iso = gettext.GNUTranslations(
        open("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo", "rb")
    )
    iso_rows = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    entities = []  # (id, english, [aliases], [common])
    seen = set()

    def add(eid, english, names):
        plain, common = [], []
        for n in names:
            n = clean(n)
            if not usable(n) or n in seen:
                continue
            seen.add(n)
            (common if n in COMMON else plain).append(n)
        if plain or common:
            entities.append((eid, english, plain, common))

    for line in ARAB.strip().splitlines():
        english, names = (x.strip() for x in line.split("|"))
        names = names.split("/")
        for n in names:
            if n.startswith("~"):
                COMMON.add(n[1:])
        eid = "place_" + re.sub(r"[^a-z0-9]+", "_", english.lower()).strip("_")
        add(eid, english, [n.lstrip("~") for n in names])

    for code, name in sorted(ar.territories.items()):
        english = en.territories.get(code)
        if not english or code in ("EU", "EZ", "UN", "ZZ", "XA", "XB", "QO"):
            continue
        names = [name]
        if len(code) == 2:
            for row in iso_rows:
                if row["alpha_2"] == code:
                    for k in ("name", "official_name", "common_name"):
                        if k in row:
                            t = iso.gettext(row[k])
                            if t != row[k]:
                                names.append(t.replace("ّ", ""))
        add(f"place_{code.lower()}", english, names)

    for zone, names in sorted(ar.time_zones.items()):
        if zone.startswith(SKIP_ZONES):
            continue
        city = names.get("city")
        english = en.time_zones.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " ")
        if city:
            add("city_" + re.sub(r"[^a-z0-9]+", "_", zone.lower()), english, [city])

    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Generated by scripts/gen_places.py; do not edit by hand (add places to\n"
            "# the ARAB table of scripts/gen_places.py or to assets/gazetteer.toml instead).\n"
            f"# Countries, regions and time-zone exemplar cities from CLDR (babel {babel.__version__};\n"
            "# CLDR data: Unicode License v3, https://www.unicode.org/license.txt), with ISO 3166-1\n"
            "# names and official names translated to Arabic by Debian iso-codes (LGPL-2.1-or-later).\n"
            "# Loaded after assets/gazetteer.toml: a name already there keeps its entity.\n"
        )
        for eid, english, plain, common in entities:
            f.write(f'\n[[entity]]\nid = "{eid}"\nkind = "place"\nname = {json.dumps(english, ensure_ascii=False)}\n')
            if plain:
                f.write("aliases = " + json.dumps(plain, ensure_ascii=False) + "\n")
            if common:
                f.write("common = " + json.dumps(common, ensure_ascii=False) + "\n")
    print(f"{len(entities)} entities → {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
