"""Templates for the demo library: invented courts' decisions and experts' opinions in
Hebrew, English, Arabic and Russian. Every name, number and fact is made up; no judgment is
copied. ``demo.py`` fills them with a fixed random seed."""

from __future__ import annotations

# Per language: the jurisdictions, defendants' (invented) names, victims' countries of
# origin, and the texts. Placeholders are filled by demo.py.
LANGUAGES = {
    "he": {
        "jurisdictions": [("ISR", "mixed", "בית המשפט המחוזי ב{city}", ["תל אביב-יפו", "חיפה",
                                                                         "באר שבע", "ירושלים"])],
        "supreme": ("ISR", "mixed", "בית המשפט העליון"),
        "names": ["אברהם כהן-דהן", "יוסי פטרנקו", "משה אלמוג", "רוני בן-חיים", "דוד שפירא",
                  "אלכסנדר גורדון", "שמעון לוי", "עמית ברק"],
        "origins": ["מולדובה", "אוקראינה", "תאילנד", "אריתריאה", "הפיליפינים"],
        "case": "ת\"פ {number}-{month:02d}-{yy:02d}",
        "purpose": {"SexualExploitation": "זנות", "ForcedLabour": "עבודת כפייה",
                    "Servitude": "החזקה בתנאי עבדות", "OrganRemoval": "הוצאת איבר מגופו של אדם"},
        "sector": {"sex_industry": "תעשיית המין", "agriculture": "חקלאות",
                   "construction": "בנייה", "domestic_work": "עבודות משק בית",
                   "care_work": "סיעוד"},
        "text": (
            "{court}\n{case}\nמדינת ישראל נ' {defendant}\n\nהכרעת דין וגזר דין\n\n"
            "ניתן היום, {day}.{month:02d}.{year}.\n\n"
            "הנאשם {defendant} הואשם בעבירה של סחר בבני אדם לשם {purpose} לפי סעיף 377א "
            "לחוק העונשין, התשל\"ז-1977. על פי עובדות כתב האישום, בין השנים {start} ל-{year} "
            "גייס הנאשם {victims} נשים וגברים מ{origin} בהבטחות שווא לעבודה בשכר הוגן "
            "ב{sector}. עם הגעתם לארץ נלקחו דרכוניהם, הם הועסקו שעות ארוכות והשכר שהובטח "
            "להם לא שולם. המתלוננת {initials} העידה כי איימו עליה שמשפחתה תיפגע אם תתלונן.\n\n"
            "בית המשפט קבע כי הנאשם שלט בחייהם של המתלוננים, וכי והסחר בבני אדם הוכח מעבר "
            "לספק סביר. {verdict_text}\n\n"
            "לאחר ששקלנו את חומרת העבירות, את הפגיעה בכבוד האדם ואת נסיבותיו האישיות של "
            "הנאשם, אנו גוזרים עליו {months} חודשי מאסר בפועל, קנס בסך {fine} ש\"ח ופיצוי "
            "למתלוננים בסך {compensation} ש\"ח."),
        "convicted": "הנאשם הורשע בעבירה שיוחסה לו.",
        "acquitted": "עם זאת, הנאשם זוכה מחמת הספק מעבירת הסחר והורשע בעבירת העסקה שלא כדין.",
        "opinion": (
            "חוות דעת מומחה\n\nהנדון: {subject}\n\n"
            "התבקשתי לחוות דעתי בשאלת סימני ההיכר של סחר בבני אדם לשם {purpose}. מניסיוני "
            "בעבודה עם נפגעי סחר מ{origin}, נטילת הדרכון, חוב שאינו ניתן לפירעון ובידוד "
            "מהסביבה הם סימנים מובהקים לשליטה. אין לצפות מנפגע טראומה לעדות עקבית בכל "
            "פרטיה, וסתירות בפרטים שוליים אינן פוגעות במהימנותו."),
        "subject": "סימני היכר של סחר בבני אדם לשם {purpose}",
    },
    "en": {
        "jurisdictions": [("GBR", "common_law", "{city} Crown Court", ["Southwark", "Leeds",
                                                                       "Bristol"]),
                          ("USA", "common_law", "United States District Court for the {city}",
                           ["Eastern District of New York", "Southern District of Texas"])],
        "supreme": ("GBR", "common_law", "Court of Appeal (Criminal Division)"),
        "names": ["John Marsh", "Viktor Petrenko", "Daniel Okafor", "Mark Hollis",
                  "Peter Ward", "Samuel Greene", "Ana Costa", "Liam Doyle"],
        "origins": ["Romania", "Vietnam", "Albania", "Nigeria", "Lithuania"],
        "case": "Case No. T{year}{number}",
        "purpose": {"SexualExploitation": "sexual exploitation", "ForcedLabour": "forced labour",
                    "Servitude": "domestic servitude", "OrganRemoval": "organ removal"},
        "sector": {"sex_industry": "massage parlours", "agriculture": "farm work",
                   "construction": "building sites", "domestic_work": "private households",
                   "care_work": "care homes"},
        "text": (
            "{court}\n{case}\nR v {defendant}\n\n"
            "Judgment delivered on {day} {month_name} {year}\n\n"
            "The defendant {defendant} was charged with trafficking in persons for the purpose "
            "of {purpose}. Between {start} and {year} he recruited {victims} workers from "
            "{origin} with promises of well-paid jobs in {sector}. On arrival their passports "
            "were taken, they were housed in overcrowded rooms and told they owed a debt for "
            "travel that grew every week. The complainant {initials} described threats against "
            "her family at home.\n\n"
            "The court found that the defendant exercised control over the victims and that "
            "the offence of trafficking was proved. {verdict_text}\n\n"
            "Taking into account the seriousness of the exploitation, the number of victims and "
            "the defendant's previous good character, the court imposes a sentence of {months} "
            "months' imprisonment, a fine of {fine} and a compensation order of {compensation} "
            "in favour of the victims."),
        "convicted": "The defendant is convicted as charged.",
        "acquitted": "The defendant is acquitted of trafficking but convicted of the lesser "
                     "offence of facilitating illegal entry.",
        "opinion": (
            "Expert opinion\n\nSubject: {subject}\n\n"
            "I have been asked to give my opinion on the indicators of trafficking for "
            "{purpose}. In my experience with survivors from {origin}, confiscation of identity "
            "documents, debt bondage and isolation are strong indicators of control. "
            "Inconsistencies in peripheral details are common in traumatised witnesses and do "
            "not by themselves undermine credibility."),
        "subject": "Indicators of trafficking for {purpose}",
    },
    "ar": {
        "jurisdictions": [("JOR", "civil_law", "محكمة الجنايات الكبرى في {city}", ["عمان", "إربد"]),
                          ("EGY", "civil_law", "محكمة جنايات {city}", ["القاهرة", "الإسكندرية"])],
        "supreme": ("JOR", "civil_law", "محكمة التمييز"),
        "names": ["خالد منصور", "سامر حداد", "فادي يوسف", "عمر الخطيب", "ناصر العلي",
                  "حسن إبراهيم", "وليد سليمان", "كريم عباس"],
        "origins": ["بنغلاديش", "سريلانكا", "إثيوبيا", "الفلبين", "نيبال"],
        "case": "القضية رقم {year}/{number}",
        "purpose": {"SexualExploitation": "الاستغلال الجنسي", "ForcedLabour": "العمل القسري",
                    "Servitude": "الاستعباد المنزلي", "OrganRemoval": "نزع الأعضاء"},
        "sector": {"sex_industry": "الملاهي الليلية", "agriculture": "الزراعة",
                   "construction": "البناء", "domestic_work": "العمل المنزلي",
                   "care_work": "الرعاية"},
        "text": (
            "{court}\n{case}\nالنيابة العامة ضد {defendant}\n\n"
            "بتاريخ {day:02d}/{month:02d}/{year}\n\n"
            "أسندت النيابة العامة إلى المتهم {defendant} جناية الاتجار بالبشر بقصد {purpose}. "
            "وتتلخص الوقائع في أن المتهم قام خلال الفترة من {start} حتى {year} بتجنيد {victims} "
            "من العمال القادمين من {origin} بوعود كاذبة بالعمل في {sector} بأجر مجزٍ، ثم احتجز "
            "جوازات سفرهم وأجبرهم على العمل لساعات طويلة دون أجر. وشهدت المجني عليها {initials} "
            "بأن المتهم هددها بإيذاء أسرتها.\n\n"
            "وقد ثبت للمحكمة أن المتهمين سيطروا على المجني عليهم وأن جريمة الاتجار بالبشر "
            "قائمة بأركانها. {verdict_text}\n\n"
            "وعليه قررت المحكمة الحكم على المتهم بالحبس مدة {months} شهرًا وبغرامة قدرها {fine} "
            "وبتعويض المجني عليهم بمبلغ {compensation}."),
        "convicted": "وقررت المحكمة إدانة المتهم بالجرم المسند إليه.",
        "acquitted": "غير أن المحكمة قررت إعلان براءة المتهم من جناية الاتجار وإدانته بجنحة "
                     "تشغيل عمال دون تصريح.",
        "opinion": (
            "رأي خبير\n\nالموضوع: {subject}\n\n"
            "طُلب مني إبداء الرأي في مؤشرات الاتجار بالبشر بقصد {purpose}. من خلال عملي مع "
            "الناجين القادمين من {origin}، فإن مصادرة جوازات السفر وعبودية الدين والعزل عن "
            "المحيط مؤشرات قوية على السيطرة، ولا ينال التناقض في التفاصيل الثانوية من مصداقية "
            "الشاهد المصاب بالصدمة."),
        "subject": "مؤشرات الاتجار بالبشر بقصد {purpose}",
    },
    "ru": {
        "jurisdictions": [("RUS", "civil_law", "{city} районный суд", ["Тверской", "Савёловский",
                                                                      "Ленинский"]),
                          ("MDA", "civil_law", "Суд сектора {city}", ["Чентру", "Буюкань"])],
        "supreme": ("RUS", "civil_law", "Верховный суд Российской Федерации"),
        "names": ["Игорь Волков", "Сергей Петренко", "Андрей Морозов", "Дмитрий Соколов",
                  "Олег Лебедев", "Николай Козлов", "Виктор Павлов", "Артём Новиков"],
        "origins": ["Узбекистана", "Таджикистана", "Молдовы", "Украины", "Киргизии"],
        "case": "Уголовное дело № 1-{number}/{year}",
        "purpose": {"SexualExploitation": "сексуальной эксплуатации",
                    "ForcedLabour": "принудительного труда",
                    "Servitude": "домашнего рабства", "OrganRemoval": "изъятия органов"},
        "sector": {"sex_industry": "сфере интимных услуг", "agriculture": "сельском хозяйстве",
                   "construction": "строительстве", "domestic_work": "частных домах",
                   "care_work": "уходе за больными"},
        "text": (
            "{court}\n{case}\n\nПРИГОВОР\n\nот {day:02d}.{month:02d}.{year}\n\n"
            "Подсудимый {defendant} обвиняется в торговле людьми в целях {purpose} (статья "
            "127.1 УК РФ). В период с {start} по {year} год он завербовал {victims} граждан из "
            "{origin}, обещая им хорошо оплачиваемую работу в {sector}. По прибытии у них "
            "отобрали паспорта, заставляли работать по 14 часов в сутки и не платили обещанную "
            "зарплату. Потерпевшая {initials} показала, что ей угрожали расправой над "
            "родственниками.\n\n"
            "Суд установил, что подсудимый контролировал потерпевших и что торговля людьми "
            "доказана. {verdict_text}\n\n"
            "Учитывая тяжесть преступления и число потерпевших, суд назначает наказание в виде "
            "лишения свободы сроком {months} месяцев, штрафа в размере {fine} рублей и "
            "взыскивает в пользу потерпевших компенсацию в размере {compensation} рублей."),
        "convicted": "Суд признал подсудимого виновным в предъявленном обвинении.",
        "acquitted": "Вместе с тем суд оправдал подсудимого по статье 127.1 и признал его "
                     "виновным в организации незаконной миграции.",
        "opinion": (
            "Заключение эксперта\n\nПредмет: {subject}\n\n"
            "Мне было предложено дать заключение о признаках торговли людьми в целях "
            "{purpose}. По моему опыту работы с пострадавшими из {origin}, изъятие паспортов, "
            "долговая кабала и изоляция являются явными признаками контроля. Противоречия во "
            "второстепенных деталях обычны для свидетелей, переживших травму."),
        "subject": "Признаки торговли людьми в целях {purpose}",
    },
}

EXPERTS = [("Dr. Miriam Adler", "Clinical psychologist, trauma in trafficking survivors"),
           ("Prof. Hassan Nasser", "Labour migration and recruitment fees"),
           ("Dr. Elena Smirnova", "Criminologist, organised crime networks"),
           ("Adv. Noa Peretz", "Victims' rights and compensation")]

GUIDES = {
    "sexual_exploitation": "Identify the venue, the advertising and the money flow before the "
                           "raid. Interview victims apart from each other with an independent "
                           "interpreter. Seize phones: recruitment and control run through "
                           "messaging apps. Look for debt bondage ledgers.",
    "forced_labour": "Compare the payroll with the hours really worked. Inspect housing, "
                     "deductions for food and rent, and who holds the workers' passports. "
                     "Follow the recruitment fees back to the agency in the country of origin.",
    "domestic_servitude": "Domestic workers are isolated in private homes: coordinate entry with "
                          "the labour inspectorate, interview the worker outside the home and "
                          "check whether the worker can leave, keeps a phone and is paid.",
    "organ_removal": "Trace brokers, clinics and travel agents. Medical records, transfers to "
                     "hospitals abroad and payments to 'donors' are the core evidence; "
                     "work with the health ministry early.",
    "child_travel_tourism": "Offenders travel to exploit children: check travel records of "
                            "convicted offenders, cooperate with the destination country and "
                            "use notices. Children are interviewed once, by a trained forensic "
                            "interviewer.",
}
